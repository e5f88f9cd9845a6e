import type { Candidate } from './candidate.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markAround, tokenFrom } from './search.js';
import type { Tok } from './tok.js';

/**
 * Drops candidates whose cue lies inside a speech candidate's content in the same sentence: PolNeAR
 * mostly keeps `X said Y believed Z` (and `X said Y told Z`) as the one outer attribution. A nested
 * cue of `nestedSpeech` (`say`) is the other way round: `X issued a statement saying Y`, `X said Z
 * says Y` — the nested attribution stays and the outer one, whose content would mostly be the
 * nested one's, is dropped.
 */
export function pruneNested(cands: readonly Candidate[], lex: Lexicon): Candidate[] {
  const outerOf = outerCandidates(
    cands,
    // `X said …, according to Reuters` is a relay, folded into the inner attribution later.
    (d) => !lex.words.cognitionLemmas.has(d.lemma) && d.rule !== 'according-to-tail',
  );
  const outers = new Map(cands.map((c, i) => [c, outerOf[i]]));
  const replaced = new Set<Candidate>();
  for (const [c, d] of outers) if (d && lex.words.nestedSpeech.has(c.lemma)) replaced.add(d);
  return cands.filter((c) => !replaced.has(c) && (!outers.get(c) || lex.words.nestedSpeech.has(c.lemma)));
}

/**
 * Ends the content of an intention cue (or of Russian `назвать`) at its first comma or dash
 * outside quotations (`wanted a complete break from the Bush years, centrists who …`; `назвал мост
 * «законной целью», власти …`), unless the comma opens examples or a relative clause of the object.
 */
export function trimToClause(
  c: Candidate,
  toks: readonly Tok[],
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): void {
  if (!lex.words.oneClauseLemmas.has(c.lemma) || !c.contentAfter) return;
  let k = tokenFrom(toks, c.content.start);
  if (k >= toks.length) return;
  // `называли, что это не «братские», а …`: a content that opens with `что` is a clause, not an object.
  if (lex.lang === 'ru' && lex.words.that.has(toks[k]!.lw)) return;
  for (k += 2; k < toks.length && toks[k]!.end <= c.content.end; k++) {
    const w = toks[k]!.w;
    if (w === ',' && lex.words.exemplifiers.has(toks[k + 1]?.lw ?? '')) continue;
    // `назвал варварством то, что …`: a Russian `что` clause of the object runs to the content's end.
    if (w === ',' && lex.lang === 'ru' && lex.words.that.has(toks[k + 1]?.lw ?? '')) return;
    if ((w === ',' || w === '—' || w === '–') && !markAround(quotes, toks[k]!.start)) {
      c.content.end = toks[k - 1]!.end;
      return;
    }
  }
}

/**
 * For each candidate, the first candidate (in array order) of the same sentence, other than
 * itself and allowed by `outer`, whose content contains its cue. A sweep over content starts
 * with a Fenwick tree over content ends that keeps the two smallest indices (one may be the
 * candidate itself): n·log n, where the search per candidate was quadratic in a long sentence
 * with many cues. Up to `short` candidates, the direct search per candidate is used.
 */
export function outerCandidates(
  cands: readonly Candidate[],
  outer: (d: Candidate) => boolean,
  short = 16,
): (Candidate | undefined)[] {
  // A few candidates (a sentence's, as a rule): the direct search costs less than the sweep.
  if (cands.length <= short)
    return cands.map((c) =>
      cands.find(
        (d) =>
          d !== c &&
          d.sentence === c.sentence &&
          outer(d) &&
          d.content.start <= c.cue.start &&
          c.cue.end <= d.content.end,
      ),
    );
  const res: (Candidate | undefined)[] = new Array(cands.length).fill(undefined);
  const bySentence = new Map<number, number[]>();
  cands.forEach((c, i) => {
    const g = bySentence.get(c.sentence);
    if (g) g.push(i);
    else bySentence.set(c.sentence, [i]);
  });
  const none = Number.MAX_SAFE_INTEGER;
  for (const group of bySentence.values()) {
    const ds = group
      .filter((i) => outer(cands[i]!))
      .sort((x, y) => cands[x]!.content.start - cands[y]!.content.start);
    const qs = [...group].sort((x, y) => cands[x]!.cue.start - cands[y]!.cue.start);
    // Content ends, largest first: a prefix of this order is the ends at or past a cue's end.
    const ends = [...new Set(ds.map((i) => cands[i]!.content.end))].sort((x, y) => y - x);
    const rank = (e: number): number => {
      // The number of distinct ends ≥ e.
      let lo = 0;
      let hi = ends.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ends[mid]! >= e) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const m1 = new Array<number>(ends.length + 1).fill(none);
    const m2 = new Array<number>(ends.length + 1).fill(none);
    const put = (pos: number, i: number): void => {
      for (let x = pos; x <= ends.length; x += x & -x) {
        if (i < m1[x]!) {
          m2[x] = m1[x]!;
          m1[x] = i;
        } else if (i < m2[x]!) m2[x] = i;
      }
    };
    let next = 0;
    for (const i of qs) {
      const c = cands[i]!;
      while (next < ds.length && cands[ds[next]!]!.content.start <= c.cue.start) {
        const d = ds[next++]!;
        put(rank(cands[d]!.content.end), d);
      }
      let a = none;
      let b = none;
      for (let x = rank(c.cue.end); x > 0; x -= x & -x)
        for (const v of [m1[x]!, m2[x]!]) {
          if (v < a) {
            b = a;
            a = v;
          } else if (v < b && v !== a) b = v;
        }
      const best = a === i ? b : a;
      res[i] = best === none ? undefined : cands[best];
    }
  }
  return res;
}
