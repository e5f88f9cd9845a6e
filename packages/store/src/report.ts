import { type EntityType, NO_DATE, NO_OUTLET, OptionError } from '@newsprism/core/schema';
import type { Db } from './db.js';
import type { SearchFilters } from './filters.js';
import { NONE, termKind } from './rollup.js';
import { type SearchRequest, selection } from './search.js';

/** How a report groups documents. */
export type ReportBy = 'outlet' | 'month' | 'outlet,month' | 'none';

/** A report request: grouping plus the same query and filters as a search. */
export interface ReportRequest
  extends Omit<SearchRequest, 'sort' | 'limit' | 'offset' | 'cursor' | 'facets'> {
  by?: ReportBy;
  /** How many top entities and sources to list per group (default 10). */
  top?: number;
}

/** One group of a report: what researchers compare between outlets and months. */
export interface ReportGroup {
  outlet?: string;
  month?: string;
  documents: number;
  words: number;
  /** Shares of body words (word-weighted over the group; the three add up to 1). */
  voice: { own: number; attributed: number; anonymous: number };
  /** Technique spans per 1,000 words, by technique. */
  techniqueRates: Record<string, number>;
  /** Share of documents that set each frame. */
  frames: Record<string, number>;
  /** Share of documents of each genre. */
  genres: Record<string, number>;
  /**
   * Naming profile: the share of Russian-standard forms among polar (ua/ru) mentions, and per
   * named entity the share of each form (`{"Kyiv": {"Kiev": 0.3, "Kyiv": 0.7}}`).
   */
  naming: { ruShare: number | null; entities: Record<string, Record<string, number>> };
  /** The war's terms (`naming.terms`): what the outlet calls the war, the territories, the actors. */
  terms: ReportTerms;
  topEntities: { name: string; type: string; mentions: number; documents: number }[];
  topSources: { name: string; type: string; attributions: number; documents: number }[];
}

/** Uses of terms by the pole of their form. */
export interface TermPoles {
  ua: number;
  ru: number;
  neutral: number;
}

/**
 * A group's contested terms, counted by voice apart: the outlet's own words (`own`), the forms
 * its quoted sources use (`quoted`) and those it keeps at a distance (`so-called`, scare quotes,
 * `what Moscow calls …`: `distanced`, by the pole of the form kept at a distance).
 */
export interface ReportTerms {
  /**
   * Share of Russian-standard forms among the polar (ua/ru) uses in the outlet's own voice; null
   * when none. (An article's `ru share` also counts a distanced form for the other side.)
   */
  ruShare: number | null;
  own: TermPoles;
  quoted: TermPoles;
  distanced: TermPoles;
  /** By concept (`war`, `territories`, …), each form used in the outlet's own voice: its uses and pole. */
  concepts: Record<string, Record<string, { count: number; pole: string }>>;
}

const VOICES = { outlet: 'own', quoted: 'quoted', distanced: 'distanced' } as const;

const KEYS: Record<ReportBy, string[]> = {
  outlet: ['outlet'],
  month: ['month'],
  'outlet,month': ['outlet', 'month'],
  none: [],
};

const FILTERS: (keyof SearchFilters)[] = [
  'outlet',
  'lang',
  'from',
  'to',
  'genre',
  'frame',
  'technique',
  'entity',
  'sourceType',
  'minClaimScore',
];

/**
 * The entity type the top entities leave out: MISC holds nationality adjectives (`Belgian`,
 * `российский`), events and other names that are not a person, organisation or place, and in
 * news they outnumber the names a researcher compares outlets by. The store keeps them (search
 * filters by them); only the report's list skips them.
 */
const UNLISTED_ENTITY_TYPE: EntityType = 'MISC';

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Builds a report: one {@link ReportGroup} per outlet, month or both, over the documents a
 * query and filters select. Every figure is computed in SQL: over the whole corpus from the
 * roll-up tables kept at ingest (see rollup.ts), otherwise from the query tables of the selected
 * documents (a few grouped scans; no document is parsed). `rollups: false` forces the latter.
 */
export async function report(
  db: Db,
  req: ReportRequest,
  opts: { rollups?: boolean } = {},
): Promise<ReportGroup[]> {
  const by = req.by ?? 'outlet';
  const keys = KEYS[by];
  if (!keys) throw new OptionError('E_USAGE', 'by', `takes outlet, month or outlet,month (got "${by}")`);
  const top = req.top ?? 10;
  const groupCols = keys.map((k) => `g_${k}`);
  // Over the whole corpus, the roll-ups kept at ingest; otherwise the selected documents' rows.
  const whole =
    !req.query?.trim() &&
    FILTERS.every((k) => {
      const v = req[k];
      return v === undefined || (Array.isArray(v) && v.length === 0);
    });
  const { base, techniques, frames, genres, naming, terms, entities, sources } =
    whole && opts.rollups !== false ? await rollupRows(db, keys, top) : await scanRows(db, req, keys);
  const groupKey = (r: Record<string, unknown>) => groupCols.map((c) => String(r[c])).join('\u0000');
  const groups = new Map<string, ReportGroup>();
  for (const r of base) {
    const words = Number(r.words ?? 0);
    const vw = Number(r.vwords ?? 0);
    const group: ReportGroup = {
      // The groups without an outlet or a date are named as everywhere else (the roll-ups keep
      // both as `(none)`).
      ...(keys.includes('outlet') ? { outlet: r.g_outlet === NONE ? NO_OUTLET : String(r.g_outlet) } : {}),
      ...(keys.includes('month') ? { month: r.g_month === NONE ? NO_DATE : String(r.g_month) } : {}),
      documents: Number(r.documents),
      words,
      voice: {
        own: vw ? round(Number(r.own) / vw) : 0,
        attributed: vw ? round(Number(r.named) / vw) : 0,
        anonymous: vw ? round(Number(r.anon) / vw) : 0,
      },
      techniqueRates: {},
      frames: {},
      genres: {},
      naming: { ruShare: null, entities: {} },
      terms: { ruShare: null, own: poles(), quoted: poles(), distanced: poles(), concepts: {} },
      topEntities: [],
      topSources: [],
    };
    groups.set(groupKey(r), group);
  }
  // Labels in name order: the rows come in whatever order the backend groups them, and a JSON
  // report should not differ between SQLite and PostgreSQL in the order of its keys.
  const byLabel = (rows: Row[]) => [...rows].sort((a, b) => cmp(String(a.label), String(b.label)));
  for (const r of byLabel(techniques)) {
    const grp = groups.get(groupKey(r))!;
    grp.techniqueRates[String(r.label)] = grp.words ? round((Number(r.n) * 1000) / grp.words, 3) : 0;
  }
  for (const r of byLabel(frames)) {
    const grp = groups.get(groupKey(r))!;
    grp.frames[String(r.label)] = round(Number(r.n) / grp.documents);
  }
  const genred = new Map(base.map((r) => [groupKey(r), Number(r.genred)]));
  for (const r of byLabel(genres)) {
    const grp = groups.get(groupKey(r))!;
    grp.genres[String(r.label)] = round(Number(r.n) / (genred.get(groupKey(r)) || 1));
  }
  namingProfiles(groups, naming, groupKey);
  termProfiles(groups, terms, groupKey);
  // Rows of the top entities and sources as the report lists them.
  const top3 = (r: Row) => ({
    name: String(r.label),
    type: String(r.type),
    n: Number(r.n),
    documents: Number(r.docs),
  });
  // An outlet's own name (a dateline's `WASHINGTON (Example Wire)`) is not an entity it covers.
  const own = keys.includes('outlet') ? (r: Row) => sameName(String(r.label), String(r.g_outlet)) : undefined;
  topLists(own ? entities.filter((r) => !own(r)) : entities, groupKey, top, (r) => {
    const { n, ...e } = top3(r);
    groups.get(groupKey(r))!.topEntities.push({ ...e, mentions: n });
  });
  topLists(sources, groupKey, top, (r) => {
    const { n, ...e } = top3(r);
    groups.get(groupKey(r))!.topSources.push({ ...e, attributions: n });
  });
  return [...groups.values()].sort(
    (a, b) => cmp(a.outlet, b.outlet) || cmp(a.month, b.month) || b.documents - a.documents,
  );
}

/** The grouped rows a report is assembled from. */
interface ReportRows {
  base: Row[];
  techniques: Row[];
  frames: Row[];
  genres: Row[];
  naming: Row[];
  /** By voice (`outlet`, `quoted`, `distanced`), concept, form (`label`) and pole. */
  terms: Row[];
  entities: Row[];
  sources: Row[];
}

/** The report's sums and counts grouped in SQL over the documents a query and filters select. */
async function scanRows(db: Db, req: ReportRequest, keys: string[]): Promise<ReportRows> {
  const sel = selection(db, req);
  const cols = keys.map((k) => `COALESCE(d.${k}, '${NONE}') AS g_${k}`);
  const groupCols = keys.map((k) => `g_${k}`);
  const g = cols.length ? `${cols.join(', ')},` : '';
  const gb = groupCols.length ? `GROUP BY ${groupCols.join(', ')}` : '';
  const gb2 = (more: string) => `GROUP BY ${[...groupCols, more].join(', ')}`;
  // The selected documents once, then each table joined to them.
  const hits = `WITH hits AS (SELECT d.pk FROM ${sel.from} WHERE ${sel.where.sql})`;
  const docs = 'hits JOIN documents d ON d.pk = hits.pk';
  const p = sel.where.params;
  return {
    base: await db.all<Row>(
      `${hits} SELECT ${g} count(*) AS documents, SUM(d.words) AS words,
      SUM(CASE WHEN d.own_voice IS NULL THEN 0 ELSE d.words END) AS vwords,
      SUM(d.own_voice * d.words) AS own, SUM(d.attributed * (1 - d.anonymous) * d.words) AS named,
      SUM(d.attributed * d.anonymous * d.words) AS anon,
      SUM(CASE WHEN d.genre IS NULL THEN 0 ELSE 1 END) AS genred
     FROM ${docs} ${gb}`,
      p,
    ),
    techniques: await db.all<Row>(
      `${hits} SELECT ${g} x.technique AS label, SUM(x.count) AS n FROM ${docs} JOIN doc_techniques x ON x.doc = d.pk ${gb2('x.technique')}`,
      p,
    ),
    frames: await db.all<Row>(
      `${hits} SELECT ${g} x.frame AS label, count(*) AS n FROM ${docs} JOIN doc_frames x ON x.doc = d.pk WHERE x.selected = 1 ${gb2('x.frame')}`,
      p,
    ),
    genres: await db.all<Row>(
      `${hits} SELECT ${g} d.genre AS label, count(*) AS n FROM ${docs} WHERE d.genre IS NOT NULL ${gb2('d.genre')}`,
      p,
    ),
    naming: await db.all<Row>(
      `${hits} SELECT ${g} x.name AS entity, x.form AS label, x.pole AS pole, SUM(x.count) AS n FROM ${docs} JOIN doc_naming x ON x.doc = d.pk ${gb2('x.name, x.form, x.pole')}`,
      p,
    ),
    terms: await db.all<Row>(
      `${hits} SELECT ${g} x.voice AS voice, x.concept AS concept, x.form AS label, x.pole AS pole, SUM(x.count) AS n FROM ${docs} JOIN doc_terms x ON x.doc = d.pk ${gb2('x.voice, x.concept, x.form, x.pole')}`,
      p,
    ),
    entities: await db.all<Row>(
      `${hits} SELECT ${g} x.name AS label, x.type AS type, SUM(x.mentions) AS n, count(*) AS docs FROM ${docs} JOIN doc_entities x ON x.doc = d.pk WHERE x.type <> ? ${gb2('x.name, x.type')}`,
      [...p, UNLISTED_ENTITY_TYPE],
    ),
    sources: await db.all<Row>(
      `${hits} SELECT ${g} x.name AS label, x.type AS type, SUM(x.attributions) AS n, count(DISTINCT x.doc) AS docs FROM ${docs} JOIN doc_sources x ON x.doc = d.pk ${gb2('x.name, x.type')}`,
      p,
    ),
  };
}

/**
 * The same rows from the roll-up tables (the whole corpus). By outlet and month the top
 * entities and sources are read group by group through the roll-ups' index: the rows down to
 * the `top`-th largest sum, ties included, so that the report's own ordering picks the same ones.
 */
async function rollupRows(db: Db, keys: string[], top: number): Promise<ReportRows> {
  const g = keys.length ? `${keys.map((k) => `${k} AS g_${k}`).join(', ')},` : '';
  const gb = keys.length ? `GROUP BY ${keys.join(', ')}` : '';
  const gb2 = (more: string) => `GROUP BY ${[...keys, more].join(', ')}`;
  const counts = (kind: string, cols: string, more: string) =>
    db.all<Row>(`SELECT ${g} ${cols} FROM rollup_counts WHERE kind = ? ${gb2(more)}`, [kind]);
  const base = await db.all<Row>(
    `SELECT ${g} SUM(documents) AS documents, SUM(words) AS words, SUM(vwords) AS vwords, SUM(own) AS own,
      SUM(named) AS named, SUM(anon) AS anon, SUM(genred) AS genred FROM rollup_groups ${gb}`,
  );
  // `skip`: a type (k2) left out of the list (entities: MISC); none for sources.
  const topRows = async (kind: string, skip?: string, extra = 0): Promise<Row[]> => {
    const not = (col: string) => (skip === undefined ? '' : `AND ${col} <> ?`);
    const sk = skip === undefined ? [] : [skip];
    if (keys.length < 2)
      return db.all<Row>(
        `SELECT ${g} k1 AS label, k2 AS type, SUM(n) AS n, SUM(docs) AS docs FROM rollup_counts
         WHERE kind = ? ${not('k2')} ${gb2('k1, k2')}`,
        [kind, ...sk],
      );
    if (top < 1) return [];
    const last = top - 1 + extra;
    // Each group's threshold (its top-th largest sum, through the index), then its rows at or
    // above it: one statement, one index range per group (CROSS JOIN keeps SQLite's join order).
    return db.all<Row>(
      `WITH th AS MATERIALIZED (
         SELECT g.outlet, g.month, COALESCE((SELECT x.n FROM rollup_counts x WHERE x.outlet = g.outlet
           AND x.month = g.month AND x.kind = ? ${not('x.k2')} ORDER BY x.n DESC LIMIT 1 OFFSET ?), -1) AS t
         FROM rollup_groups g)
       SELECT c.outlet AS g_outlet, c.month AS g_month, c.k1 AS label, c.k2 AS type, c.n AS n, c.docs AS docs
       FROM th CROSS JOIN rollup_counts c WHERE c.kind = ? ${not('c.k2')} AND c.outlet = th.outlet
         AND c.month = th.month AND c.n >= th.t`,
      [kind, ...sk, last, kind, ...sk],
    );
  };
  return {
    base,
    techniques: await counts('technique', 'k1 AS label, SUM(n) AS n', 'k1'),
    frames: await counts('frame', 'k1 AS label, SUM(n) AS n', 'k1'),
    genres: await counts('genre', 'k1 AS label, SUM(n) AS n', 'k1'),
    naming: await counts('naming', 'k1 AS entity, k2 AS label, k3 AS pole, SUM(n) AS n', 'k1, k2, k3'),
    terms: (
      await db.all<Row>(
        `SELECT ${g} kind AS voice, k1 AS concept, k2 AS label, k3 AS pole, SUM(n) AS n FROM rollup_counts
         WHERE kind IN (?, ?, ?) ${gb2('kind, k1, k2, k3')}`,
        Object.keys(VOICES).map(termKind),
      )
    ).map((r) => ({ ...r, voice: String(r.voice).slice(termKind('').length) })),
    // One row more per group: the outlet's own name, if among them, is left out (see report()).
    entities: await topRows('entity', UNLISTED_ENTITY_TYPE, keys.includes('outlet') ? 1 : 0),
    sources: await topRows('source'),
  };
}

/** A name without case and a leading `The` (`The Example Wire` is `example wire`). */
const bareName = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '');

/** Whether an entity's name is an outlet's own (case-blind, with or without a leading `The`). */
const sameName = (entity: string, outlet: string): boolean => bareName(entity) === bareName(outlet);

const cmp = (a?: string, b?: string) => (a === b ? 0 : (a ?? '') < (b ?? '') ? -1 : 1);

type Row = Record<string, unknown>;

function namingProfiles(groups: Map<string, ReportGroup>, rows: Row[], key: (r: Row) => string): void {
  const totals = new Map<string, number>();
  const polar = new Map<string, { ru: number; all: number }>();
  for (const r of rows) {
    const k = key(r);
    const n = Number(r.n);
    const ek = `${k}\u0001${r.entity}`;
    totals.set(ek, (totals.get(ek) ?? 0) + n);
    if (r.pole === 'ru' || r.pole === 'ua') {
      const p = polar.get(k) ?? { ru: 0, all: 0 };
      p.all += n;
      if (r.pole === 'ru') p.ru += n;
      polar.set(k, p);
    }
  }
  // Sorted so that both backends list entities and forms in the same order.
  const sorted = [...rows].sort(
    (a, b) =>
      cmp(String(a.entity), String(b.entity)) ||
      cmp(String(a.label), String(b.label)) ||
      cmp(String(a.pole), String(b.pole)),
  );
  for (const r of sorted) {
    const grp = groups.get(key(r))!;
    const entity = String(r.entity);
    const total = totals.get(`${key(r)}\u0001${entity}`) ?? 1;
    grp.naming.entities[entity] ??= {};
    grp.naming.entities[entity][String(r.label)] = round(Number(r.n) / total);
  }
  for (const [k, p] of polar) groups.get(k)!.naming.ruShare = p.all ? round(p.ru / p.all) : null;
}

const poles = (): TermPoles => ({ ua: 0, ru: 0, neutral: 0 });

/** Each group's terms: uses by voice and pole, the own voice's forms by concept, its ru share. */
function termProfiles(groups: Map<string, ReportGroup>, rows: Row[], key: (r: Row) => string): void {
  // By concept, then most used form first (name order among equals): the same on both backends.
  const sorted = [...rows].sort(
    (a, b) =>
      cmp(String(a.concept), String(b.concept)) ||
      Number(b.n) - Number(a.n) ||
      cmp(String(a.label), String(b.label)) ||
      cmp(String(a.pole), String(b.pole)),
  );
  for (const r of sorted) {
    const t = groups.get(key(r))!.terms;
    const voice = VOICES[String(r.voice) as keyof typeof VOICES];
    const pole = String(r.pole);
    const n = Number(r.n);
    if (voice === undefined) continue;
    if (pole === 'ua' || pole === 'ru' || pole === 'neutral') t[voice][pole] += n;
    if (voice !== 'own') continue;
    const concept = String(r.concept);
    t.concepts[concept] ??= {};
    const forms = t.concepts[concept];
    const form = String(r.label);
    // A form under two poles (terminology files of one's own that disagree): its uses added up.
    if (forms[form]) forms[form].count += n;
    else forms[form] = { count: n, pole };
  }
  for (const g of groups.values()) {
    const polar = g.terms.own.ru + g.terms.own.ua;
    g.terms.ruShare = polar ? round(g.terms.own.ru / polar) : null;
  }
}

function topLists(rows: Row[], key: (r: Row) => string, top: number, add: (r: Row) => void): void {
  const byGroup = new Map<string, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const list = byGroup.get(k) ?? [];
    list.push(r);
    byGroup.set(k, list);
  }
  for (const list of byGroup.values()) {
    list.sort(
      (a, b) =>
        Number(b.n) - Number(a.n) ||
        cmp(String(a.label), String(b.label)) ||
        cmp(String(a.type), String(b.type)),
    );
    for (const r of list.slice(0, top)) add(r);
  }
}
