import { NewsprismError } from '@newsprism/core/schema';
import { type NameExpansion, queryExpansions, type SearchFilters } from '@newsprism/store';
import type { OptionSpec, Parsed } from '../args.js';

/** The filter flags of `search`, `report`, `export` and `reanalyze`. */
export const filterOptions: OptionSpec = {
  outlet: { type: 'string', multiple: true },
  lang: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  genre: { type: 'string', multiple: true },
  frame: { type: 'string', multiple: true },
  technique: { type: 'string', multiple: true },
  entity: { type: 'string', multiple: true },
  'source-type': { type: 'string', multiple: true },
  'min-claim-score': { type: 'string' },
};

/** Help text for the filter flags. */
export const filterHelp = `Filters (repeat a flag or give a comma-separated list to match any of several values):
      --outlet <name>       outlet (meta.outlet)
      --lang <code>         language (en, ru, …)
      --from <date>         published on or after (YYYY, YYYY-MM or YYYY-MM-DD)
      --to <date>           published on or before
      --genre <g>           reporting | opinion | satire
      --frame <f>           a frame the article sets (Political, Security_and_defense, …)
      --technique <t>       a persuasion technique found (Loaded_Language, …)
      --entity <name>       an entity named (id, or any of its names: kyiv, Kyiv, Kiev, Киев;
                            volodymyr-zelensky, Zelensky)
      --source-type <t>     a type of source quoted (person, anonymous, government, media, …)
      --min-claim-score <x> a claim scoring at least x (0..1)`;

const list = (v: unknown): string[] | undefined => {
  if (v === undefined) return undefined;
  const out = (v as string[])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return out.length ? out : undefined;
};

/** Reads the filter flags into store filters. */
export function readFilters(values: Parsed['values']): SearchFilters {
  const f: SearchFilters = {
    outlet: list(values.outlet),
    lang: list(values.lang),
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    genre: list(values.genre),
    frame: list(values.frame),
    technique: list(values.technique),
    entity: list(values.entity),
    sourceType: list(values['source-type']),
  };
  const min = values['min-claim-score'];
  if (min !== undefined) {
    const n = Number(min);
    if (String(min).trim() === '' || !Number.isFinite(n))
      throw new NewsprismError('E_USAGE', `--min-claim-score takes a number from 0 to 1 (got "${min}")`);
    f.minClaimScore = n;
  }
  return f;
}

/**
 * `--all-names`, the flag that widens a query (`search`, `report`, `export`): its option, its
 * help, and `read`, the query of the positionals with `allNames` when given (it needs a query).
 */
export const allNamesFlag = {
  options: { 'all-names': { type: 'boolean' } } satisfies OptionSpec,
  help: `      --all-names           also search every other name of a gazetteer entity the query names,
                            in every language: Bakhmut finds Artyomovsk, Бахмут, Артёмовск
                            (what NOT excludes and prefix* stay literal; a word of one or two
                            letters or a function word is a name only in its capitals: US, not us)`,
  read(
    command: string,
    values: Parsed['values'],
    positionals: string[],
  ): { query?: string; allNames?: true } {
    const query = positionals.join(' ') || undefined;
    if (values['all-names'] !== true) return { query };
    if (!query?.trim())
      throw new NewsprismError(
        'E_USAGE',
        `--all-names widens a query: give one (newsprism ${command} Bakhmut --all-names)`,
      );
    return { query, allNames: true };
  },
  /** Says on stderr what a report or export with `--all-names` searched (a search says it itself). */
  note(req: { query?: string; allNames?: true }): void {
    if (req.allNames && req.query)
      process.stderr.write(`${expansionLine(queryExpansions(req.query), req.query)}\n`);
  },
};

/** The one line saying what `--all-names` searched (`query`: to name a prefix it never expands). */
export function expansionLine(expansions: NameExpansion[], query?: string): string {
  if (expansions.length === 0) {
    // `Bakhmut*` was told "no word of the query is a gazetteer name (a word of one or two
    // letters …)": the reason was the star.
    const prefix = query?.match(/[^\s"()*]+\*/u)?.[0];
    if (prefix)
      return `all names: a prefix such as ${prefix} is never expanded; give the whole name (${prefix.slice(0, -1)} --all-names)`;
    return 'all names: no word of the query is a gazetteer name (a word of one or two letters, or a function word, only in the name’s capitals: US, not us)';
  }
  return `all names: ${expansions.map((e) => `${e.matched} → ${e.names.join(' | ')} (${e.entity})`).join('; ')}`;
}
