/**
 * Groups of near-duplicate articles, for cross-validation folds that keep them together: two
 * articles are linked when they share `minShared` or more distinct lines of `minWords` or more
 * words (compared lower-cased, whitespace collapsed); a group is a connected component of the
 * links (union-find). Articles with no such twin are groups of one.
 */
export interface NearDuplicateOptions {
  /** Words a line needs to count (default 10). */
  minWords?: number;
  /** Shared long lines that link two articles (default 2). */
  minShared?: number;
}

/** The long lines of a text, normalised and de-duplicated. */
export function longLines(text: string, minWords = 10): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.toLowerCase().replace(/\s+/g, ' ').trim();
    if (line && line.split(' ').length >= minWords) out.add(line);
  }
  return out;
}

/**
 * The group of each text: the index of the first text of its group of near-duplicates
 * (`groups[i] === i` for a text that starts a group).
 */
export function nearDuplicateGroups(texts: readonly string[], o: NearDuplicateOptions = {}): number[] {
  const minShared = o.minShared ?? 2;
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const next = parent[i]!;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // Which texts have each long line; then, per pair of texts, the lines they share.
  const holders = new Map<string, number[]>();
  texts.forEach((t, i) => {
    for (const line of longLines(t, o.minWords)) {
      const list = holders.get(line);
      if (list) list.push(i);
      else holders.set(line, [i]);
    }
  });
  const shared = new Map<number, number>();
  const n = texts.length;
  for (const list of holders.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * n + list[y]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
  for (const [key, count] of shared) if (count >= minShared) union(Math.floor(key / n), key % n);
  return texts.map((_, i) => find(i));
}
