import type { Db } from './db.js';

/**
 * Roll-up tables: what a report by outlet and month sums, kept per (outlet, month) as documents
 * are added, replaced and deleted, so that a report over the whole corpus reads a few thousand
 * aggregate rows instead of grouping millions of query-table rows.
 *
 * `rollup_groups` holds one row per group (documents, words, voice sums); `rollup_counts` one row
 * per group, kind and label (`technique`, `frame`, `genre`, `naming`, `entity`, `source`, and the
 * contested terms by voice: `term:outlet`, `term:quoted`, `term:distanced`, labelled by concept,
 * form and pole; schema version 17) with a sum `n` and a count `docs` — the same sums and counts the report's grouped queries compute
 * from the query tables (see report.ts), so either way gives the same report.
 */

/** What one document contributes to the roll-ups (the columns and rows the report reads). */
export interface RollupInput {
  outlet: string | null;
  month: string | null;
  words: number;
  genre: string | null;
  ownVoice: number | null;
  attributed: number | null;
  anonymous: number | null;
  techniques: readonly { technique: string; count: number }[];
  /** The frames the article sets. */
  frames: readonly { frame: string }[];
  naming: readonly { name: string; form: string; pole: string; count: number }[];
  /** The contested terms' uses by concept, form, pole and voice (`doc_terms`). */
  terms: readonly { concept: string; form: string; pole: string; voice: string; count: number }[];
  entities: readonly { name: string; type: string; mentions: number }[];
  sources: readonly { name: string; type: string; attributions: number }[];
}

/**
 * The roll-ups' key of a document without an outlet or a date (and the reports' SQL grouping's):
 * stored, never shown — the report names the groups `NO_OUTLET` and `NO_DATE` of core/schema.
 */
export const NONE = '(none)';

/** The roll-ups' kind of the contested terms used in a voice (`term:outlet`, …). */
export const termKind = (voice: string) => `term:${voice}`;

interface GroupSums {
  outlet: string;
  month: string;
  documents: number;
  words: number;
  vwords: number;
  own: number;
  named: number;
  anon: number;
  genred: number;
}

interface CountRow {
  outlet: string;
  month: string;
  kind: string;
  k1: string;
  k2: string;
  k3: string;
  n: number;
  docs: number;
}

const SEP = '\u0000';

/** A group's count rows by kind, each kind's by its labels (see {@link RollupDelta.count}). */
type KindRows = Map<string, Map<string, CountRow>>;

/** Changes to the roll-ups, summed in memory over a batch and written once per key. */
export class RollupDelta {
  private readonly groups = new Map<string, GroupSums>();
  /**
   * The count rows by group key (`outlet␀month`), then kind, then labels (`k1`, or `k1␀k2`,
   * `k1␀k2␀k3`): a label alone (a technique, frame, genre) is its own key, so that counting it
   * makes no string; and sorted level by level they are in the order of the whole key (␀ sorts
   * before any character of a value).
   */
  private readonly counts = new Map<string, KindRows>();
  /** Whether anything was subtracted (rows that reach zero are then removed). */
  private subtracted = false;

  /** Adds a document's contribution (`sign` 1), or takes it away (-1). */
  add(x: RollupInput, sign: 1 | -1): void {
    if (sign < 0) this.subtracted = true;
    const outlet = x.outlet ?? NONE;
    const month = x.month ?? NONE;
    const gk = `${outlet}${SEP}${month}`;
    let g = this.groups.get(gk);
    if (!g) {
      g = { outlet, month, documents: 0, words: 0, vwords: 0, own: 0, named: 0, anon: 0, genred: 0 };
      this.groups.set(gk, g);
    }
    // As the report's SQL: a product with a NULL factor adds nothing.
    g.documents += sign;
    g.words += sign * x.words;
    if (x.ownVoice !== null) {
      g.vwords += sign * x.words;
      g.own += sign * x.ownVoice * x.words;
    }
    if (x.attributed !== null && x.anonymous !== null) {
      g.named += sign * x.attributed * (1 - x.anonymous) * x.words;
      g.anon += sign * x.attributed * x.anonymous * x.words;
    }
    if (x.genre !== null) g.genred += sign;
    let rows = this.counts.get(gk);
    if (!rows) {
      rows = new Map();
      this.counts.set(gk, rows);
    }
    let kind = kindRows(rows, 'technique');
    for (const t of x.techniques)
      this.count(kind, g, 'technique', t.technique, t.technique, '', '', sign * t.count, sign);
    kind = kindRows(rows, 'frame');
    for (const f of x.frames) this.count(kind, g, 'frame', f.frame, f.frame, '', '', sign, sign);
    if (x.genre !== null)
      this.count(kindRows(rows, 'genre'), g, 'genre', x.genre, x.genre, '', '', sign, sign);
    kind = kindRows(rows, 'naming');
    for (const v of x.naming)
      this.count(
        kind,
        g,
        'naming',
        `${v.name}${SEP}${v.form}${SEP}${v.pole}`,
        v.name,
        v.form,
        v.pole,
        sign * v.count,
        sign,
      );
    // One kind a voice: the report reads each apart (the outlet's own words, its sources').
    for (const t of x.terms)
      this.count(
        kindRows(rows, termKind(t.voice)),
        g,
        termKind(t.voice),
        `${t.concept}${SEP}${t.form}${SEP}${t.pole}`,
        t.concept,
        t.form,
        t.pole,
        sign * t.count,
        sign,
      );
    kind = kindRows(rows, 'entity');
    for (const e of x.entities)
      this.count(kind, g, 'entity', `${e.name}${SEP}${e.type}`, e.name, e.type, '', sign * e.mentions, sign);
    // Sources count documents (as count(DISTINCT doc) does): one per name and type.
    const sources = new Map<string, { name: string; type: string; n: number }>();
    for (const s of x.sources) {
      const k = `${s.name}${SEP}${s.type}`;
      const o = sources.get(k) ?? { name: s.name, type: s.type, n: 0 };
      o.n += s.attributions;
      sources.set(k, o);
    }
    kind = kindRows(rows, 'source');
    for (const [k, s] of sources) this.count(kind, g, 'source', k, s.name, s.type, '', sign * s.n, sign);
  }

  /** Adds `n` and `docs` (signed) to the row of `key` (its labels `k1`–`k3` joined by ␀) in `rows`. */
  private count(
    rows: Map<string, CountRow>,
    g: GroupSums,
    kind: string,
    key: string,
    k1: string,
    k2: string,
    k3: string,
    n: number,
    docs: number,
  ): void {
    const c = rows.get(key);
    if (c) {
      c.n += n;
      c.docs += docs;
    } else rows.set(key, { outlet: g.outlet, month: g.month, kind, k1, k2, k3, n, docs });
  }

  /**
   * Writes the changes (in key order, so that concurrent writers on PostgreSQL take row locks
   * in the same order and cannot deadlock), then removes groups and rows left with nothing.
   */
  async apply(db: Db): Promise<void> {
    const groups = byKey(this.groups);
    // By group, kind and labels: the order of their whole key.
    const counts = byKey(this.counts).flatMap((kinds) => byKey(kinds).flatMap(byKey));
    const CHUNK = 200;
    for (let i = 0; i < groups.length; i += CHUNK) {
      const part = groups.slice(i, i + CHUNK);
      const params: unknown[] = [];
      for (const g of part)
        params.push(g.outlet, g.month, g.documents, g.words, g.vwords, g.own, g.named, g.anon, g.genred);
      await db.run(upsertSql('groups', part.length), params);
    }
    for (let i = 0; i < counts.length; i += CHUNK) {
      const part = counts.slice(i, i + CHUNK);
      const params: unknown[] = [];
      for (const c of part) params.push(c.outlet, c.month, c.kind, c.k1, c.k2, c.k3, c.n, c.docs);
      await db.run(upsertSql('counts', part.length), params);
    }
    if (!this.subtracted) return;
    for (const g of groups) {
      await db.run('DELETE FROM rollup_groups WHERE outlet = ? AND month = ? AND documents <= 0', [
        g.outlet,
        g.month,
      ]);
      await db.run('DELETE FROM rollup_counts WHERE outlet = ? AND month = ? AND docs <= 0', [
        g.outlet,
        g.month,
      ]);
    }
  }
}

/** A map's values in the order of their keys. */
function byKey<T>(m: Map<string, T>): T[] {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((e) => e[1]);
}

/** The rows of one kind in a group's {@link KindRows}, made when missing. */
function kindRows(rows: KindRows, kind: string): Map<string, CountRow> {
  let m = rows.get(kind);
  if (!m) {
    m = new Map();
    rows.set(kind, m);
  }
  return m;
}

/** The roll-up upserts by table and row count (few distinct ones recur). */
const upserts = new Map<string, string>();

/** The upsert of `rows` rows into `rollup_groups` or `rollup_counts`. */
function upsertSql(table: 'groups' | 'counts', rows: number): string {
  const key = `${table}${rows}`;
  let sql = upserts.get(key);
  if (sql === undefined) {
    sql =
      table === 'groups'
        ? `INSERT INTO rollup_groups (outlet, month, documents, words, vwords, own, named, anon, genred)
         VALUES ${new Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (outlet, month) DO UPDATE SET documents = rollup_groups.documents + excluded.documents,
           words = rollup_groups.words + excluded.words, vwords = rollup_groups.vwords + excluded.vwords,
           own = rollup_groups.own + excluded.own, named = rollup_groups.named + excluded.named,
           anon = rollup_groups.anon + excluded.anon, genred = rollup_groups.genred + excluded.genred`
        : `INSERT INTO rollup_counts (outlet, month, kind, k1, k2, k3, n, docs)
         VALUES ${new Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (outlet, month, kind, k1, k2, k3) DO UPDATE SET n = rollup_counts.n + excluded.n,
           docs = rollup_counts.docs + excluded.docs`;
    if (upserts.size > 1000) upserts.clear();
    upserts.set(key, sql);
  }
  return sql;
}

/** The `documents` columns a stored document's roll-up contribution is read from. */
export interface ContributionRow {
  pk: number;
  outlet: string | null;
  month: string | null;
  words: number;
  genre: string | null;
  own_voice: number | null;
  attributed: number | null;
  anonymous: number | null;
}

/**
 * Rows of a query table for the documents whose keys run from `first` to `last`, by document:
 * one statement for the range (on PostgreSQL each statement is a round trip). `sql` selects
 * `doc` and ends in a condition the range is appended to with `AND`.
 */
export async function rowsByDoc<T>(
  db: Db,
  sql: string,
  first: number,
  last: number,
): Promise<Map<number, T[]>> {
  const out = new Map<number, T[]>();
  for (const r of await db.all<T & { doc: number }>(`${sql} AND doc >= ? AND doc <= ?`, [first, last])) {
    const list = out.get(Number(r.doc));
    if (list) list.push(r);
    else out.set(Number(r.doc), [r]);
  }
  return out;
}

/**
 * What stored documents add to the roll-ups, read back from their rows (before they are
 * deleted or moved), for `docs` in `pk` order.
 */
export async function storedContributions(db: Db, docs: readonly ContributionRow[]): Promise<RollupInput[]> {
  if (docs.length === 0) return [];
  const first = Number(docs[0]!.pk);
  const last = Number(docs[docs.length - 1]!.pk);
  const byDoc = <T>(sql: string) => rowsByDoc<T>(db, sql, first, last);
  const techniques = await byDoc<{ technique: string; count: number }>(
    'SELECT doc, technique, count FROM doc_techniques WHERE TRUE',
  );
  const frames = await byDoc<{ frame: string }>('SELECT doc, frame FROM doc_frames WHERE selected = 1');
  const naming = await byDoc<{ name: string; form: string; pole: string; count: number }>(
    'SELECT doc, name, form, pole, count FROM doc_naming WHERE TRUE',
  );
  const terms = await byDoc<{ concept: string; form: string; pole: string; voice: string; count: number }>(
    'SELECT doc, concept, form, pole, voice, count FROM doc_terms WHERE TRUE',
  );
  const entities = await byDoc<{ name: string; type: string; mentions: number }>(
    'SELECT doc, name, type, mentions FROM doc_entities WHERE TRUE',
  );
  const sources = await byDoc<{ name: string; type: string; attributions: number }>(
    'SELECT doc, name, type, attributions FROM doc_sources WHERE TRUE',
  );
  return docs.map((d) => {
    const pk = Number(d.pk);
    return {
      outlet: d.outlet,
      month: d.month,
      words: Number(d.words),
      genre: d.genre,
      ownVoice: d.own_voice,
      attributed: d.attributed,
      anonymous: d.anonymous,
      techniques: techniques.get(pk) ?? [],
      frames: frames.get(pk) ?? [],
      naming: naming.get(pk) ?? [],
      terms: terms.get(pk) ?? [],
      entities: entities.get(pk) ?? [],
      sources: sources.get(pk) ?? [],
    };
  });
}

/** A stored document's contribution, read back from its rows (before it is deleted). */
export async function storedContribution(db: Db, pk: number): Promise<RollupInput | undefined> {
  const [d] = await db.all<ContributionRow>(
    'SELECT pk, outlet, month, words, genre, own_voice, attributed, anonymous FROM documents WHERE pk = ?',
    [pk],
  );
  return d ? (await storedContributions(db, [d]))[0] : undefined;
}

const g = (col: string) => `COALESCE(d.${col}, '${NONE}')`;

/**
 * Fills the roll-up tables from the stored documents (the migration that adds them): the same
 * sums as {@link RollupDelta}, grouped in SQL.
 */
export const BACKFILL_ROLLUPS = `
INSERT INTO rollup_groups (outlet, month, documents, words, vwords, own, named, anon, genred)
SELECT ${g('outlet')}, ${g('month')}, count(*), SUM(d.words),
  SUM(CASE WHEN d.own_voice IS NULL THEN 0 ELSE d.words END), COALESCE(SUM(d.own_voice * d.words), 0),
  COALESCE(SUM(d.attributed * (1 - d.anonymous) * d.words), 0), COALESCE(SUM(d.attributed * d.anonymous * d.words), 0),
  SUM(CASE WHEN d.genre IS NULL THEN 0 ELSE 1 END)
FROM documents d GROUP BY ${g('outlet')}, ${g('month')};
INSERT INTO rollup_counts (outlet, month, kind, k1, k2, k3, n, docs)
SELECT ${g('outlet')}, ${g('month')}, 'technique', x.technique, '', '', SUM(x.count), count(*)
FROM documents d JOIN doc_techniques x ON x.doc = d.pk GROUP BY ${g('outlet')}, ${g('month')}, x.technique;
INSERT INTO rollup_counts (outlet, month, kind, k1, k2, k3, n, docs)
SELECT ${g('outlet')}, ${g('month')}, 'frame', x.frame, '', '', count(*), count(*)
FROM documents d JOIN doc_frames x ON x.doc = d.pk WHERE x.selected = 1 GROUP BY ${g('outlet')}, ${g('month')}, x.frame;
INSERT INTO rollup_counts (outlet, month, kind, k1, k2, k3, n, docs)
SELECT ${g('outlet')}, ${g('month')}, 'genre', d.genre, '', '', count(*), count(*)
FROM documents d WHERE d.genre IS NOT NULL GROUP BY ${g('outlet')}, ${g('month')}, d.genre;
INSERT INTO rollup_counts (outlet, month, kind, k1, k2, k3, n, docs)
SELECT ${g('outlet')}, ${g('month')}, 'naming', x.name, x.form, x.pole, SUM(x.count), count(*)
FROM documents d JOIN doc_naming x ON x.doc = d.pk GROUP BY ${g('outlet')}, ${g('month')}, x.name, x.form, x.pole;
INSERT INTO rollup_counts (outlet, month, kind, k1, k2, k3, n, docs)
SELECT ${g('outlet')}, ${g('month')}, 'entity', x.name, x.type, '', SUM(x.mentions), count(*)
FROM documents d JOIN doc_entities x ON x.doc = d.pk GROUP BY ${g('outlet')}, ${g('month')}, x.name, x.type;
INSERT INTO rollup_counts (outlet, month, kind, k1, k2, k3, n, docs)
SELECT ${g('outlet')}, ${g('month')}, 'source', x.name, x.type, '', SUM(x.attributions), count(DISTINCT x.doc)
FROM documents d JOIN doc_sources x ON x.doc = d.pk GROUP BY ${g('outlet')}, ${g('month')}, x.name, x.type;
`;

/**
 * The contested terms' roll-ups from the stored `doc_terms` rows (migration 17, after their
 * backfill): the same sums as {@link RollupDelta}, grouped in SQL.
 */
export const BACKFILL_TERM_ROLLUPS = `
INSERT INTO rollup_counts (outlet, month, kind, k1, k2, k3, n, docs)
SELECT ${g('outlet')}, ${g('month')}, 'term:' || x.voice, x.concept, x.form, x.pole, SUM(x.count), count(*)
FROM documents d JOIN doc_terms x ON x.doc = d.pk GROUP BY ${g('outlet')}, ${g('month')}, x.voice, x.concept, x.form, x.pole;
`;
