import { NewsprismError } from '@newsprism/core/schema';

/** The `--set` flag of the commands that analyse: analyze, ingest, reanalyze, worker, serve. */
export const setOption = { set: { type: 'string', multiple: true } } as const;

/**
 * The help line of `--set`, its value column at `at` (the other flags' descriptions), and what
 * the command does with the options (`then`, lines set at that column).
 */
export function setHelp(at: number, then = ''): string {
  const pad = ' '.repeat(at);
  return `${'      --set <a.k=v>'.padEnd(at)}an analyzer's option, repeatable: --set genre.prior=news-wire,
${pad}--set genre.minWords=0 (JSON values read as JSON; docs/analyzers.md);
${pad}--set genre.prior=default: the analyzer's own default${then ? `\n${then.replace(/^/gm, pad)}` : ''}`;
}

/**
 * The options a command's `--set` gives, checked now (names, types, values: the codes and
 * messages of `analyze`) so a typo fails before any input is read, also where no document
 * then needs analysis. No model is loaded.
 */
export async function checkedSets(
  sets: readonly string[] | undefined,
): Promise<Record<string, Record<string, unknown>> | undefined> {
  const options = analyzerSets(sets);
  if (options) await (await import('@newsprism/core/node')).checkAnalyzerOptions(options);
  return options;
}

/**
 * Analyzer options given as `--set <analyzer>.<option>=<value>` (repeatable), as `createPipeline`
 * takes them: `--set genre.prior=news-wire`, `--set genre.minWords=0`,
 * `--set 'genre.prior={"reporting":0.7,"opinion":0.28,"satire":0.02}'`. A value that reads as
 * JSON (a number, an object, `true`) is that value, else the text itself; `default` gives the
 * option its analyzer's default (over `serve --set`, a format's options). The pipeline checks
 * names and values (`E_UNKNOWN_OPTION`, `E_OPTION_TYPE`, `E_OPTION_VALUE`).
 */
export function analyzerSets(
  sets: readonly string[] | undefined,
): Record<string, Record<string, unknown>> | undefined {
  if (!sets?.length) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of sets) {
    const m = /^([a-z][\w-]*)\.([A-Za-z]\w*)=(.*)$/s.exec(s);
    if (!m)
      throw new NewsprismError(
        'E_USAGE',
        `--set takes <analyzer>.<option>=<value>, e.g. --set genre.prior=news-wire (got "${s}")`,
      );
    const [, analyzer, key, raw] = m as unknown as [string, string, string, string];
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: the text itself (a preset name, a path).
    }
    out[analyzer] = { ...out[analyzer], [key]: value };
  }
  return out;
}
