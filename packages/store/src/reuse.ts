import type { ReuseKind, ReusePair, Story } from '@newsprism/core';
import { NewsprismError, type OutletLink, outletLinks } from '@newsprism/core/schema';
import type { Db } from './db.js';

/** Which stored reuse pairs to list. */
export interface ReuseRequest {
  /** Pairs this document is in (as `a` or `b`). */
  id?: string;
  /** Only these kinds. */
  kind?: ReuseKind[];
  /** Only the pairs of this republication tree. */
  tree?: string;
  /** Page size (default 50, at most 500) and offset. */
  limit?: number;
  offset?: number;
}

/** A page of stored reuse pairs, highest score first, and how many there are in all. */
export interface ReusePage {
  total: number;
  pairs: ReusePair[];
}

/** Which stored stories to list. */
export interface StoriesRequest {
  /** The story this document belongs to. */
  id?: string;
  /** Page size (default 50, at most 500) and offset. */
  limit?: number;
  offset?: number;
}

/** A page of stored stories, largest first, and how many there are in all. */
export interface StoriesPage {
  total: number;
  stories: Story[];
}

const KINDS = new Set<string>(['copy', 'partial', 'rewrite', 'translation']);

function checkKinds(kinds: readonly string[]): void {
  for (const k of kinds)
    if (!KINDS.has(k))
      throw new NewsprismError(
        'E_USAGE',
        `unknown reuse kind "${k}"; use copy, partial, rewrite or translation`,
      );
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function page(limit = 50, offset = 0): [number, number] {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new NewsprismError('E_USAGE', `limit takes a whole number from 1 to 500 (got ${limit})`);
  if (!Number.isInteger(offset) || offset < 0)
    throw new NewsprismError('E_USAGE', `offset takes a whole number of 0 or more (got ${offset})`);
  return [limit, offset];
}

/**
 * Replaces the stored reuse pairs by `pairs` (one transaction): the result of `newsprism reuse
 * --db … --save` over the store's documents. Pairs whose documents are not in the store are
 * refused with `E_REUSE_UNKNOWN_DOC`. A document deleted or replaced later takes its pairs along.
 */
export async function saveReuse(db: Db, pairs: readonly ReusePair[]): Promise<number> {
  return db.transaction(async () => {
    await db.run('DELETE FROM reuse_pairs');
    for (const p of pairs) {
      const known = await db.all('SELECT id FROM documents WHERE id IN (?, ?)', [p.a, p.b]);
      if (known.length < (p.a === p.b ? 1 : 2))
        throw new NewsprismError(
          'E_REUSE_UNKNOWN_DOC',
          `reuse pair ${p.a} ~ ${p.b} names a document that is not in the store; ingest it first`,
        );
      await db.run(
        'INSERT INTO reuse_pairs (a, b, kind, score, direction, tree, pair) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [p.a, p.b, p.kind, p.score, p.direction, p.tree, JSON.stringify(p)],
      );
    }
    return pairs.length;
  });
}

/** Stored reuse pairs, filtered (see {@link ReuseRequest}), highest score first. */
export async function listReuse(db: Db, req: ReuseRequest = {}): Promise<ReusePage> {
  const [limit, offset] = page(req.limit, req.offset);
  const where: string[] = [];
  const params: unknown[] = [];
  if (req.id !== undefined) {
    where.push('(a = ? OR b = ?)');
    params.push(req.id, req.id);
  }
  if (req.kind?.length) {
    checkKinds(req.kind);
    where.push(`kind IN (${req.kind.map(() => '?').join(', ')})`);
    params.push(...req.kind);
  }
  if (req.tree !== undefined) {
    where.push('tree = ?');
    params.push(req.tree);
  }
  const sql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM reuse_pairs ${sql}`, params);
  const rows = await db.all<{ pair: unknown }>(
    `SELECT pair FROM reuse_pairs ${sql} ORDER BY score DESC, a, b LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  return { total: Number(count?.n ?? 0), pairs: rows.map((r) => parse<ReusePair>(r.pair)) };
}

/**
 * Who republishes whom: the saved reuse pairs counted by the outlets of their two documents
 * (source → reuser when the direction is known), by kind, most pairs first. `kind` keeps only
 * those kinds.
 */
export async function listOutletLinks(db: Db, kind?: readonly ReuseKind[]): Promise<OutletLink[]> {
  const params: unknown[] = ['b→a', 'b→a', 'unknown'];
  let where = '';
  if (kind?.length) {
    checkKinds(kind);
    where = `WHERE r.kind IN (${kind.map(() => '?').join(', ')})`;
    params.push(...kind);
  }
  // The source is a's outlet unless the pair runs b→a; undirected pairs are merged whichever
  // of their documents is `a` by outletLinks.
  const rows = await db.all<{
    src: string | null;
    dst: string | null;
    kind: ReuseKind;
    undirected: unknown;
    n: unknown;
    total: unknown;
  }>(
    `SELECT CASE WHEN r.direction = ? THEN db.outlet ELSE da.outlet END AS src,
            CASE WHEN r.direction = ? THEN da.outlet ELSE db.outlet END AS dst,
            r.kind AS kind, CASE WHEN r.direction = ? THEN 1 ELSE 0 END AS undirected,
            COUNT(*) AS n, SUM(r.score) AS total
       FROM reuse_pairs r JOIN documents da ON da.id = r.a JOIN documents db ON db.id = r.b
       ${where}
      GROUP BY 1, 2, 3, 4`,
    params,
  );
  return outletLinks(
    rows.map((r) => ({
      from: r.src,
      to: r.dst,
      kind: r.kind,
      directed: Number(r.undirected) === 0,
      pairs: Number(r.n),
      scoreSum: Number(r.total),
    })),
  );
}

/**
 * Replaces the stored stories by `stories` (one transaction), with each member's document id
 * indexed so that a document's story can be found. Members not in the store are refused with
 * `E_REUSE_UNKNOWN_DOC`.
 */
export async function saveStories(db: Db, stories: readonly Story[]): Promise<number> {
  return db.transaction(async () => {
    await db.run('DELETE FROM story_members');
    await db.run('DELETE FROM stories');
    for (const s of stories) {
      await db.run('INSERT INTO stories (id, label, members, first, story) VALUES (?, ?, ?, ?, ?)', [
        s.id,
        s.label.text,
        s.members.length,
        s.first?.id ?? null,
        JSON.stringify(s),
      ]);
      for (const m of s.members) {
        const known = await db.all('SELECT id FROM documents WHERE id = ?', [m.id]);
        if (!known.length)
          throw new NewsprismError(
            'E_REUSE_UNKNOWN_DOC',
            `story ${s.id} has member ${m.id}, which is not in the store; ingest it first`,
          );
        await db.run('INSERT INTO story_members (story, id, similarity) VALUES (?, ?, ?)', [
          s.id,
          m.id,
          m.similarity,
        ]);
      }
    }
    return stories.length;
  });
}

/** Stored stories, largest first (see {@link StoriesRequest}). */
export async function listStories(db: Db, req: StoriesRequest = {}): Promise<StoriesPage> {
  const [limit, offset] = page(req.limit, req.offset);
  const where = req.id !== undefined ? 'WHERE id IN (SELECT story FROM story_members WHERE id = ?)' : '';
  const params = req.id !== undefined ? [req.id] : [];
  const [count] = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM stories ${where}`, params);
  const rows = await db.all<{ story: unknown }>(
    `SELECT story FROM stories ${where} ORDER BY members DESC, id LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  return { total: Number(count?.n ?? 0), stories: rows.map((r) => parse<Story>(r.story)) };
}
