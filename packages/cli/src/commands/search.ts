import { NewsprismError, NO_OUTLET, pictureControls } from '@newsprism/core/schema';
import { type NameExpansion, queryExpansions, type SearchHit, type SearchResult } from '@newsprism/store';
import { choice, parse } from '../args.js';
import { dbHelpAt, dbOption, withCorpus } from '../store/db-option.js';
import {
  allNamesFlag,
  expansionLine,
  filterHelp,
  filterOptions,
  readFilters,
} from '../store/filter-options.js';
import type { Command } from './command.js';

const usage = `Usage: newsprism search [QUERY] [options]

Searches a corpus store: full text over titles and bodies with English and Russian word forms
matched (sanction finds sanctions, Украины finds Украина), "exact phrases", AND (also between
plain words), OR, NOT, parentheses and prefix* (украин*); and filters on what the analysis
found. Without a query, lists the documents the filters keep, newest first. The query is
literal (which name an outlet uses is what a study compares); --all-names widens it.

Options:
${dbHelpAt(28)}
${allNamesFlag.help}
      --facets              count hits by outlet, language, genre, month, frame, technique,
                            entity (the 50 most frequent) and source type
      --sort <by>           relevance | date (default relevance with a query, else date)
      --limit <n>           hits per page (default 20)
      --offset <n>          skip n hits
      --cursor <c>          the next page after the one that printed this cursor
  -f, --format <name>       table | json | jsonl (default table)
  -h, --help                show this help
${filterHelp}

Example: newsprism search '"White House" AND sanction*' --outlet RT --from 2023-05 --facets`;

const int = (flag: string, v: unknown): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new NewsprismError('E_USAGE', `--${flag} takes a whole number (got "${v}")`);
  return n;
};

/**
 * `text` with its highlights marked, its control characters shown as pictures (a stored title or
 * text holds what a feed gave: an escape would reach the terminal; the same length keeps the
 * highlights' offsets).
 */
function marked(raw: string, highlights: { start: number; end: number }[], color: boolean): string {
  const text = pictureControls(raw);
  let out = '';
  let at = 0;
  const [open, close] = color ? ['\u001b[1;33m', '\u001b[0m'] : ['[', ']'];
  for (const h of highlights) {
    out += text.slice(at, h.start) + open + text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + text.slice(at);
}

/**
 * For a search that found nothing without `--all-names`: the line saying that the query names a
 * gazetteer entity whose other names `--all-names` would search (`Артёмовск` finds nothing in a
 * corpus that writes *Bakhmut*), or nothing.
 */
export function allNamesHint(query: string | undefined, r: SearchResult): string | undefined {
  if (r.total > 0 || r.expansions || !query?.trim()) return undefined;
  let expansions: NameExpansion[];
  try {
    expansions = queryExpansions(query);
  } catch {
    return undefined;
  }
  if (expansions.length === 0) return undefined;
  const names = expansions.map((e) => `${e.matched} → ${e.names.filter((n) => n !== e.matched).join(', ')}`);
  return `--all-names also searches the entity's other names: ${names.join('; ')}`;
}

function table(r: SearchResult, color: boolean, query?: string): string {
  const lines: string[] = [];
  const hitLine = (h: SearchHit) =>
    `${h.score.toPrecision(3).padStart(9)}  ${(h.published ?? '').slice(0, 10).padEnd(10)}  ${pictureControls((h.outlet ?? NO_OUTLET).slice(0, 18)).padEnd(18)}  ${pictureControls(h.id)}  ${marked(h.title ?? '', h.titleHighlights ?? [], color)}`;
  for (const h of r.hits) {
    lines.push(hitLine(h));
    for (const s of h.snippets) lines.push(`             … ${marked(s.text, s.highlights, color)} …`);
  }
  lines.push(`${r.total.toLocaleString('en')} document${r.total === 1 ? '' : 's'} found`);
  if (r.expansions) lines.push(expansionLine(r.expansions, query));
  const hint = allNamesHint(query, r);
  if (hint) lines.push(hint);
  if (r.next) lines.push(`next page: --cursor ${r.next}`);
  lines.push(...facetLines(r.facets ?? {}, r.total));
  return `${lines.join('\n')}\n`;
}

/** The most values a facet lists (the store's). */
const FACET_VALUES = 50;

/**
 * The facets as text, one line each. The month line ends with the hits that have no date
 * (`month: 2016-08 1, 2023-05 1, undated 4`), as the outlet facet counts those without an outlet:
 * without it the months of 6 hits summed to 2. Left out when the months listed are cut at 50.
 */
export function facetLines(facets: NonNullable<SearchResult['facets']>, total: number): string[] {
  const lines: string[] = [];
  for (const [facet, values] of Object.entries(facets)) {
    const items = values.map((v) => `${pictureControls(v.value)} ${v.count}`);
    if (facet === 'month' && values.length < FACET_VALUES) {
      const undated = total - values.reduce((n, v) => n + v.count, 0);
      if (undated > 0) items.push(`undated ${undated}`);
    }
    if (items.length) lines.push(`${facet}: ${items.join(', ')}`);
  }
  return lines;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('search', argv, {
    ...dbOption,
    ...filterOptions,
    ...allNamesFlag.options,
    facets: { type: 'boolean' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    cursor: { type: 'string' },
    format: { type: 'string', short: 'f' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const format = choice('format', values.format, ['table', 'json', 'jsonl'] as const) ?? 'table';
  const names = allNamesFlag.read('search', values, positionals);
  const result = await withCorpus(values.db, (store) =>
    store.search({
      ...readFilters(values),
      ...names,
      sort: choice('sort', values.sort, ['relevance', 'date'] as const),
      limit: int('limit', values.limit),
      offset: int('offset', values.offset),
      cursor: values.cursor as string | undefined,
      facets: values.facets === true,
    }),
  );
  if (format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (format === 'jsonl') {
    process.stdout.write(result.hits.map((h) => `${JSON.stringify(h)}\n`).join(''));
    // One hit a line on stdout; what --all-names searched goes beside it.
    if (result.expansions) process.stderr.write(`${expansionLine(result.expansions, names.query)}\n`);
  } else process.stdout.write(table(result, process.stdout.isTTY === true, names.query));
  return 0;
}

/** `newsprism search`: full-text search with filters and facets over a corpus store. */
export const searchCommand: Command = {
  name: 'search',
  summary: 'search a corpus store: full text, filters on the analysis, facets',
  usage,
  run,
};
