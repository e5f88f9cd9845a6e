import { NewsprismError } from '@newsprism/core';
import type { Db } from './db.js';
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
  topEntities: { name: string; type: string; mentions: number; documents: number }[];
  topSources: { name: string; type: string; attributions: number; documents: number }[];
}

const KEYS: Record<ReportBy, string[]> = {
  outlet: ['outlet'],
  month: ['month'],
  'outlet,month': ['outlet', 'month'],
  none: [],
};

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Builds a report: one {@link ReportGroup} per outlet, month or both, over the documents a
 * query and filters select. Every figure is computed in SQL from the query tables (a few
 * grouped scans; no document is parsed).
 */
export async function report(db: Db, req: ReportRequest): Promise<ReportGroup[]> {
  const by = req.by ?? 'outlet';
  const keys = KEYS[by];
  if (!keys) throw new NewsprismError('E_USAGE', `--by takes outlet, month or outlet,month (got "${by}")`);
  const top = req.top ?? 10;
  const sel = selection(db, req);
  const cols = keys.map((k) => `COALESCE(d.${k}, '(none)') AS g_${k}`);
  const groupCols = keys.map((k) => `g_${k}`);
  const g = cols.length ? `${cols.join(', ')},` : '';
  const gb = groupCols.length ? `GROUP BY ${groupCols.join(', ')}` : '';
  const gb2 = (more: string) => `GROUP BY ${[...groupCols, more].join(', ')}`;
  // The selected documents once, then each table joined to them.
  const hits = `WITH hits AS (SELECT d.pk FROM ${sel.from} WHERE ${sel.where.sql})`;
  const docs = 'hits JOIN documents d ON d.pk = hits.pk';
  const p = sel.where.params;
  const base = await db.all<Record<string, unknown>>(
    `${hits} SELECT ${g} count(*) AS documents, SUM(d.words) AS words,
      SUM(CASE WHEN d.own_voice IS NULL THEN 0 ELSE d.words END) AS vwords,
      SUM(d.own_voice * d.words) AS own, SUM(d.attributed * (1 - d.anonymous) * d.words) AS named,
      SUM(d.attributed * d.anonymous * d.words) AS anon,
      SUM(CASE WHEN d.genre IS NULL THEN 0 ELSE 1 END) AS genred
     FROM ${docs} ${gb}`,
    p,
  );
  const techniques = await db.all<Record<string, unknown>>(
    `${hits} SELECT ${g} x.technique AS label, SUM(x.count) AS n FROM ${docs} JOIN doc_techniques x ON x.doc = d.pk ${gb2('x.technique')}`,
    p,
  );
  const frames = await db.all<Record<string, unknown>>(
    `${hits} SELECT ${g} x.frame AS label, count(*) AS n FROM ${docs} JOIN doc_frames x ON x.doc = d.pk WHERE x.selected = 1 ${gb2('x.frame')}`,
    p,
  );
  const genres = await db.all<Record<string, unknown>>(
    `${hits} SELECT ${g} d.genre AS label, count(*) AS n FROM ${docs} WHERE d.genre IS NOT NULL ${gb2('d.genre')}`,
    p,
  );
  const naming = await db.all<Record<string, unknown>>(
    `${hits} SELECT ${g} x.name AS entity, x.form AS label, x.pole AS pole, SUM(x.count) AS n FROM ${docs} JOIN doc_naming x ON x.doc = d.pk ${gb2('x.name, x.form, x.pole')}`,
    p,
  );
  const entities = await db.all<Record<string, unknown>>(
    `${hits} SELECT ${g} x.name AS label, x.type AS type, SUM(x.mentions) AS n, count(*) AS docs FROM ${docs} JOIN doc_entities x ON x.doc = d.pk ${gb2('x.name, x.type')}`,
    p,
  );
  const sources = await db.all<Record<string, unknown>>(
    `${hits} SELECT ${g} x.name AS label, x.type AS type, SUM(x.attributions) AS n, count(DISTINCT x.doc) AS docs FROM ${docs} JOIN doc_sources x ON x.doc = d.pk ${gb2('x.name, x.type')}`,
    p,
  );
  const groupKey = (r: Record<string, unknown>) => groupCols.map((c) => String(r[c])).join('\u0000');
  const groups = new Map<string, ReportGroup>();
  for (const r of base) {
    const words = Number(r.words ?? 0);
    const vw = Number(r.vwords ?? 0);
    const group: ReportGroup = {
      ...(keys.includes('outlet') ? { outlet: String(r.g_outlet) } : {}),
      ...(keys.includes('month') ? { month: String(r.g_month) } : {}),
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
      topEntities: [],
      topSources: [],
    };
    groups.set(groupKey(r), group);
  }
  for (const r of techniques) {
    const grp = groups.get(groupKey(r))!;
    grp.techniqueRates[String(r.label)] = grp.words ? round((Number(r.n) * 1000) / grp.words, 3) : 0;
  }
  for (const r of frames) {
    const grp = groups.get(groupKey(r))!;
    grp.frames[String(r.label)] = round(Number(r.n) / grp.documents);
  }
  const genred = new Map(base.map((r) => [groupKey(r), Number(r.genred)]));
  for (const r of genres) {
    const grp = groups.get(groupKey(r))!;
    grp.genres[String(r.label)] = round(Number(r.n) / (genred.get(groupKey(r)) || 1));
  }
  namingProfiles(groups, naming, groupKey);
  // Rows of the top entities and sources as the report lists them.
  const top3 = (r: Row) => ({
    name: String(r.label),
    type: String(r.type),
    n: Number(r.n),
    documents: Number(r.docs),
  });
  topLists(entities, groupKey, top, (r) => {
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
    (a, b) => cmp(String(a.entity), String(b.entity)) || cmp(String(a.label), String(b.label)),
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

function topLists(rows: Row[], key: (r: Row) => string, top: number, add: (r: Row) => void): void {
  const byGroup = new Map<string, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const list = byGroup.get(k) ?? [];
    list.push(r);
    byGroup.set(k, list);
  }
  for (const list of byGroup.values()) {
    list.sort((a, b) => Number(b.n) - Number(a.n) || (String(a.label) < String(b.label) ? -1 : 1));
    for (const r of list.slice(0, top)) add(r);
  }
}
