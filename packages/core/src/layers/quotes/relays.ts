import type { Candidate } from './candidate.js';
import { overlap } from './spans.js';
import type { Tok } from './tok.js';

/**
 * Whether `d` can host the relay `c` (`A senior official said …, according to Reuters`): the host
 * opens the relayed clause or says most of it; an attribution nested deep in it (`… mailings to
 * voters that oppose …`) is no host.
 */
function hosts(d: Candidate, c: Candidate, toks: readonly Tok[]): boolean {
  if (!d.np) return false;
  const src = toks[d.np.s]!.start - c.content.start;
  const shared = overlap(d.content, c.content);
  // `Speaking to reporters, an official said that …, according to AFP`: the host's clause
  // runs to where the relay begins.
  // A speaker right after an opening phrase's comma heads the clause; one nested deeper
  // (`letters to voters that oppose …`) does not.
  const endsTogether =
    src >= 0 && toks[d.np.s - 1]?.w === ',' && Math.abs(d.content.end - c.content.end) <= 2;
  return (
    shared > 0 &&
    ((src >= 0 && src <= 15) || endsTogether || shared >= 0.5 * (c.content.end - c.content.start))
  );
}

/**
 * The first candidate of `list` (in order), other than `c`, alive and with a speaker, that hosts
 * `c`. Up to `short` candidates, a scan in order. Past that, a segment tree over the list whose
 * nodes keep the least content start, the least and greatest content end and speaker start of
 * their live candidates: a subtree is entered only when some candidate in it could meet one of
 * the three ways of hosting (a speaker within 15 characters of the relayed content's start, a
 * content ending within 2 of its end, or a content holding its midpoint, which sharing half of it
 * requires), so the search is logarithmic unless many candidates come close; a dropped candidate
 * leaves the tree. The result is the scan's: only candidates that cannot host are skipped.
 */
export class RelayHosts {
  private readonly size: number;
  private readonly minDs: Float64Array;
  private readonly maxDe: Float64Array;
  private readonly minDe: Float64Array;
  private readonly minNp: Float64Array;
  private readonly maxNp: Float64Array;
  private readonly dead = new Set<Candidate>();
  private readonly at = new Map<Candidate, number>();

  constructor(
    private readonly list: readonly Candidate[],
    private readonly toks: readonly Tok[],
    short = 32,
  ) {
    let size = 1;
    if (list.length > short) while (size < list.length) size *= 2;
    this.size = size;
    const n = list.length > short ? 2 * size : 0;
    this.minDs = new Float64Array(n).fill(Infinity);
    this.maxDe = new Float64Array(n).fill(-Infinity);
    this.minDe = new Float64Array(n).fill(Infinity);
    this.minNp = new Float64Array(n).fill(Infinity);
    this.maxNp = new Float64Array(n).fill(-Infinity);
    if (!n) return;
    list.forEach((d, i) => {
      this.at.set(d, i);
      if (!d.np) return;
      const x = size + i;
      this.minDs[x] = d.content.start;
      this.maxDe[x] = this.minDe[x] = d.content.end;
      this.minNp[x] = this.maxNp[x] = toks[d.np.s]!.start;
    });
    for (let x = size - 1; x >= 1; x--) this.pull(x);
  }

  private pull(x: number): void {
    const l = 2 * x;
    const r = l + 1;
    this.minDs[x] = Math.min(this.minDs[l]!, this.minDs[r]!);
    this.maxDe[x] = Math.max(this.maxDe[l]!, this.maxDe[r]!);
    this.minDe[x] = Math.min(this.minDe[l]!, this.minDe[r]!);
    this.minNp[x] = Math.min(this.minNp[l]!, this.minNp[r]!);
    this.maxNp[x] = Math.max(this.maxNp[l]!, this.maxNp[r]!);
  }

  /** Takes `d` out of the search (a relay folded into its host). */
  drop(d: Candidate): void {
    this.dead.add(d);
    if (!this.minDs.length) return;
    let x = this.size + this.at.get(d)!;
    this.minDs[x] = this.minDe[x] = this.minNp[x] = Infinity;
    this.maxDe[x] = this.maxNp[x] = -Infinity;
    for (x >>= 1; x >= 1; x >>= 1) this.pull(x);
  }

  /** The first live candidate in order, other than `c`, that hosts `c`. */
  hostOf(c: Candidate): Candidate | undefined {
    if (!this.minDs.length)
      return this.list.find(
        (d) => d !== c && !this.dead.has(d) && d.sentence === c.sentence && hosts(d, c, this.toks),
      );
    const i = this.first(1, c);
    return i < 0 ? undefined : this.list[i];
  }

  private first(x: number, c: Candidate): number {
    const cs = c.content.start;
    const ce = c.content.end;
    const mid = (cs + ce) / 2;
    // Sharing anything needs a content starting before `ce` and ending after `cs`.
    if (!(this.minDs[x]! < ce && this.maxDe[x]! > cs)) return -1;
    const near = this.minNp[x]! <= cs + 15 && this.maxNp[x]! >= cs;
    const together = this.minDe[x]! <= ce + 2 && this.maxDe[x]! >= ce - 2;
    const half = this.minDs[x]! <= mid && this.maxDe[x]! >= mid;
    if (!near && !together && !half) return -1;
    if (x >= this.size) {
      const i = x - this.size;
      const d = this.list[i]!;
      return d !== c && !this.dead.has(d) && d.sentence === c.sentence && hosts(d, c, this.toks) ? i : -1;
    }
    const l = this.first(2 * x, c);
    return l >= 0 ? l : this.first(2 * x + 1, c);
  }
}

/** Folds `…, according to AFP` into the attribution it relays, when one covers the same content. */
export function foldRelays(cands: Candidate[], toks: readonly Tok[], short = 32): Candidate[] {
  const drop = new Set<Candidate>();
  // Hosts are looked for among the candidates of the same sentence only.
  const bySentence = new Map<number, Candidate[]>();
  for (const c of cands) {
    const list = bySentence.get(c.sentence);
    if (list) list.push(c);
    else bySentence.set(c.sentence, [c]);
  }
  const index = new Map<number, RelayHosts>();
  for (const c of cands) {
    if (c.rule !== 'according-to-tail' || c.lemma !== 'according to') continue;
    let h = index.get(c.sentence);
    if (!h) {
      h = new RelayHosts(bySentence.get(c.sentence)!, toks, short);
      index.set(c.sentence, h);
    }
    const host = h.hostOf(c);
    if (host && !host.viaNp) {
      host.viaNp = c.viaNp ?? c.np;
      drop.add(c);
      h.drop(c);
    }
  }
  return cands.filter((c) => !drop.has(c));
}
