import type { ReuseKind } from './reuse-types.js';

/**
 * What every view (CLI, API, web UI) calls the articles whose outlet is not known: the report's
 * group of them, the search facets' bucket, reuse and stories lines. As an outlet filter it
 * selects them (so a report's group or a facet bucket opens as a search).
 */
export const NO_OUTLET = '(outlet not known)';

/**
 * What every view calls the articles whose date is not known (no `published` a date filter or
 * month can read), in the words of {@link NO_OUTLET}: the report's month group of them (CLI,
 * API, CSV), the stories' member lines, the web UI's month axis. The store's roll-up tables keep
 * their key for it (`(none)`); the report names it so when it reads them.
 */
export const NO_DATE = '(date not known)';

/**
 * One link of the republication network between outlets: how many reuse pairs of one kind
 * have their source in `source` and the reusing document in `reuser`. When the direction of
 * a pair is unknown (`directed: false`) the two outlets are given in alphabetical order.
 * `null` is a document whose outlet is not known.
 */
export interface OutletLink {
  source: string | null;
  reuser: string | null;
  kind: ReuseKind;
  directed: boolean;
  pairs: number;
  /** Mean score of those pairs, to three decimals. */
  score: number;
}

/** Reuse pairs already grouped by outlet (or one pair: `pairs` 1, `scoreSum` its score). */
export interface OutletCount {
  /** The outlet of the reused document (of `a` when the direction is not known). */
  from: string | null | undefined;
  /** The outlet of the reusing document. */
  to: string | null | undefined;
  kind: ReuseKind;
  directed: boolean;
  pairs: number;
  scoreSum: number;
}

/**
 * Who republishes whom: counts merged into one link per (source, reuser, kind, directed),
 * undirected ones counted once whichever document came first, most pairs first (then by
 * outlet names and kind, so equal counts always come in the same order).
 */
export function outletLinks(counts: Iterable<OutletCount>): OutletLink[] {
  const links = new Map<string, OutletLink & { sum: number }>();
  for (const c of counts) {
    let [source, reuser] = [c.from ?? null, c.to ?? null];
    if (!c.directed && (source ?? '') > (reuser ?? '')) [source, reuser] = [reuser, source];
    const key = JSON.stringify([source, reuser, c.kind, c.directed]);
    const link = links.get(key) ?? {
      source,
      reuser,
      kind: c.kind,
      directed: c.directed,
      pairs: 0,
      score: 0,
      sum: 0,
    };
    link.pairs += c.pairs;
    link.sum += c.scoreSum;
    links.set(key, link);
  }
  return [...links.values()]
    .map(({ sum, ...l }) => ({ ...l, score: Math.round((sum / l.pairs) * 1000) / 1000 }))
    .sort(
      (x, y) =>
        y.pairs - x.pairs ||
        (x.source ?? '').localeCompare(y.source ?? '') ||
        (x.reuser ?? '').localeCompare(y.reuser ?? '') ||
        x.kind.localeCompare(y.kind) ||
        Number(y.directed) - Number(x.directed),
    );
}

/** The outlet counts of reuse pairs, one each, the outlets looked up by document id. */
export function pairOutletCounts(
  pairs: Iterable<{ a: string; b: string; kind: ReuseKind; score: number; direction: string }>,
  outletOf: (id: string) => string | null | undefined,
): OutletCount[] {
  const out: OutletCount[] = [];
  for (const p of pairs) {
    const backwards = p.direction === 'b→a';
    out.push({
      from: outletOf(backwards ? p.b : p.a),
      to: outletOf(backwards ? p.a : p.b),
      kind: p.kind,
      directed: p.direction !== 'unknown',
      pairs: 1,
      scoreSum: p.score,
    });
  }
  return out;
}
