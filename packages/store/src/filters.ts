import {
  FRAMES,
  GENRES,
  LANGUAGE_CODES,
  languageCode,
  layerInfo,
  NO_OUTLET,
  OptionError,
  TECHNIQUES,
} from '@newsprism/core/schema';
import { nameKey } from './derive.js';
import { entityIdsNamed } from './query/names.js';
import { NONE } from './rollup.js';

/**
 * Filters on what the analysis found. Lists match any of their values (`outlet: ['RT',
 * 'Sputnik']`); different filters must all match. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`,
 * compared with the document's publication day (inclusive at both ends).
 */
export interface SearchFilters {
  /**
   * Outlet names, in any case; `(outlet not known)` (and the older `(none)`) also matches
   * documents without an outlet (a report's group of them, the facets' bucket).
   */
  outlet?: string[];
  /** Language codes, in any case (`en`, `RU`); another value is `E_BAD_FILTER`. */
  lang?: string[];
  from?: string;
  to?: string;
  genre?: string[];
  /** Frames the article sets (the frames layer's `selected`). */
  frame?: string[];
  technique?: string[];
  /** Entity names or ids (case- and `ё`-insensitive): `Kyiv`, `volodymyr-zelensky`. */
  entity?: string[];
  /** Source types quoted: `person`, `anonymous`, `institution`, `media`, … */
  sourceType?: string[];
  /** Keep documents with a claim scoring at least this (0..1). */
  minClaimScore?: number;
}

/** A WHERE fragment over `documents d` with its parameters. */
export interface SqlWhere {
  sql: string;
  params: unknown[];
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function day(flag: string, value: string, end: boolean): string {
  const m = DATE.exec(value.trim());
  const wrong = (why: string) =>
    new OptionError(
      'E_BAD_FILTER',
      flag,
      `takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${value.slice(0, 40)}"${why})`,
    );
  if (!m) throw wrong('');
  // A month or day that is not on the calendar (`2023-13`, `2023-02-30`) would match nothing and
  // look like an empty corpus.
  const month = Number(m[2] ?? 1);
  if (month < 1 || month > 12) throw wrong(': no such month');
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > last)) throw wrong(': no such day');
  // "99" sorts after every real month and day, so a month or year is inclusive at its end.
  const fill = end ? '99' : '00';
  return `${m[1]}-${m[2] ?? fill}-${m[3] ?? fill}`;
}

// The closed label sets of the layers the filters read (core's schema): a value outside them
// (`--genre news`, `--frame Politics`) would select nothing and look like an empty corpus.
const LABELS: Record<'genre' | 'frame' | 'technique' | 'source-type', readonly string[]> = {
  genre: GENRES,
  frame: FRAMES,
  technique: TECHNIQUES,
  'source-type': layerInfo('sources')?.labels[0]?.values ?? [],
};
const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The labels as the layers write them: case, spaces, `_` and `-` aside (`loaded language`,
 * `Security and defense` as the web UI shows them); `E_BAD_FILTER` naming the choices otherwise.
 */
function labels(flag: keyof typeof LABELS, values: string[] | undefined): string[] | undefined {
  const known = LABELS[flag];
  return values?.map((v) => {
    const k = known.find((x) => fold(x) === fold(v));
    if (k === undefined)
      throw new OptionError('E_BAD_FILTER', flag, `takes ${known.join(', ')} (got "${v.slice(0, 40)}")`);
    return k;
  });
}

/** Language codes in lower case (`EN` → `en`); `E_BAD_FILTER` listing the codes otherwise. */
function languages(values: string[] | undefined): string[] | undefined {
  return values?.map((v) => {
    const code = languageCode(v);
    if (code === undefined)
      throw new OptionError(
        'E_BAD_FILTER',
        'lang',
        `takes a language code: ${LANGUAGE_CODES.join(', ')} (got "${v.slice(0, 40)}")`,
      );
    return code;
  });
}

const inList = (col: string, values: readonly string[]) => `${col} IN (${values.map(() => '?').join(', ')})`;

/** Compiles filters to SQL conditions on `documents d` (ANDed). */
export function filterSql(filters: SearchFilters): SqlWhere {
  const f: SearchFilters = {
    ...filters,
    lang: languages(filters.lang),
    genre: labels('genre', filters.genre),
    frame: labels('frame', filters.frame),
    technique: labels('technique', filters.technique),
    sourceType: labels('source-type', filters.sourceType),
  };
  const parts: string[] = [];
  const params: unknown[] = [];
  const list = (values: string[] | undefined, sql: (marks: string) => string, map = (v: string) => v) => {
    if (!values || values.length === 0) return;
    parts.push(sql(values.map(() => '?').join(', ')));
    params.push(...values.map(map));
  };
  // `(outlet not known)`, the group a report puts documents without an outlet in and the
  // facets' bucket of them, selects them (so does `(none)`, its name before), so each group of a
  // report and each facet value can be opened as a search.
  // Outlets and languages regardless of case (`NYT`, `nyt`; a declared `EN`): the spellings
  // stored are looked up among the facet values (a few hundred rows), so that the documents'
  // own indexes still serve the filter. LOWER folds Unicode in PostgreSQL and, redefined in
  // JavaScript by openSqlite, in SQLite alike.
  const spelt = (facet: string, m: string) =>
    `(SELECT v.value FROM facet_values v WHERE v.facet = '${facet}' AND LOWER(v.value) IN (${m}))`;
  const lower = (v: string) => v.toLowerCase();
  list(
    f.outlet,
    (m) =>
      f.outlet!.some((o) => o === NONE || o.toLowerCase() === NO_OUTLET)
        ? `(d.outlet IN ${spelt('outlet', m)} OR d.outlet IS NULL)`
        : `d.outlet IN ${spelt('outlet', m)}`,
    lower,
  );
  list(f.lang, (m) => `d.lang IN ${spelt('lang', m)}`);
  list(f.genre, (m) => `d.genre IN (${m})`);
  // A document dated by its month alone has `day` = `YYYY-MM` (derive.ts), which sorts before its
  // month's days: compared by month bounds, a range that reaches into its month keeps it
  // (`--from 2023-05-20` by equality with the bound's month, `--to 2023-05-10` as it sorts).
  if (f.from !== undefined) {
    const from = day('from', f.from, false);
    parts.push('(d.day >= ? OR d.day = ?)');
    params.push(from, from.slice(0, 7));
  }
  if (f.to !== undefined) {
    parts.push('d.day <= ?');
    params.push(day('to', f.to, true));
  }
  list(
    f.frame,
    (m) => `EXISTS (SELECT 1 FROM doc_frames x WHERE x.doc = d.pk AND x.selected = 1 AND x.frame IN (${m}))`,
  );
  list(
    f.technique,
    (m) => `EXISTS (SELECT 1 FROM doc_techniques x WHERE x.doc = d.pk AND x.technique IN (${m}))`,
  );
  list(f.sourceType, (m) => `EXISTS (SELECT 1 FROM doc_sources x WHERE x.doc = d.pk AND x.type IN (${m}))`);
  if (f.entity && f.entity.length > 0) {
    const keys = f.entity.map(nameKey);
    // An id, a stored name, or any name the gazetteer knows the entity by (Kiev, Киев → kyiv).
    const ids = [...new Set([...keys, ...f.entity.flatMap(entityIdsNamed)])];
    parts.push(
      `EXISTS (SELECT 1 FROM doc_entities x WHERE x.doc = d.pk AND (${inList('x.key', keys)} OR ${inList('x.entity', ids)}))`,
    );
    params.push(...keys, ...ids);
  }
  if (f.minClaimScore !== undefined) {
    if (!Number.isFinite(f.minClaimScore) || f.minClaimScore < 0 || f.minClaimScore > 1)
      throw new OptionError(
        'E_BAD_FILTER',
        'min-claim-score',
        `takes a number from 0 to 1 (got ${f.minClaimScore})`,
      );
    parts.push('d.claim_max >= ?');
    params.push(f.minClaimScore);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}
