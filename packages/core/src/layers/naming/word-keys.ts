import type { Token } from '../../schema.js';
import { canonical } from './pattern.js';

/**
 * A prefilter for the term patterns: which word beginnings a text has. Most articles name
 * neither the war nor its actors, and the words that start most patterns (`the`, `to`,
 * `Russia`) start many phrases that are no term; trying the patterns at every such word was
 * most of the layer's time. Each word a pattern requires (not an `?optional`, `!negated` or
 * `<preceding` word) must begin a word of the text with the literal letters the pattern spells
 * before its first wildcard. So the text's word beginnings — the first three and four letters
 * at every token, as hashed bits of a set — are read once, and a pattern is tried only when
 * each of its required words has an alternative whose beginning is in the set.
 *
 * The test never drops a match. Letters are folded exactly as the case-blind regexes compare
 * them ({@link foldUnit}); a hash collision only lets a pattern run. A required word starts
 * after a space (and perhaps a quotation mark), so at a token; the first word is tried only at
 * a token, or after `псевдо`/`pseudo` (read too); and text between tokens that is not white
 * space (text outside the paragraphs) is read character by character.
 */

/**
 * Bits of the set of word beginnings (2^15 bits, 4 KiB, reused for every text: an article sets
 * two bits a token, so a probe for a word it lacks comes out present about once in fifteen, which
 * only lets a pattern run). Small, because the layer runs after the other analyzers have
 * filled the caches.
 */
const BITS = 15;
const SHIFT = 32 - BITS;
/** 32-bit words of a set of bits as {@link readWords} and {@link wordBits} make them. */
export const SET_WORDS = 1 << (BITS - 5);
const set = new Int32Array(SET_WORDS);

// Folded units outside ASCII and the basic Cyrillic block, made on first use (0: not yet).
const folded = new Uint16Array(0x10000);
const E = 0x415; // `Е`, which `ё`/`Ё` fold into: `е` in a pattern matches `ё`

/**
 * A UTF-16 code unit folded as the pattern regexes compare it: units that the case-blind `i`
 * flag equates ({@link canonical}) fold to one, `ё`/`Ё` to `Е` (`е` in a pattern matches `ё`),
 * the hyphens of a pattern's `-` to `-`, the apostrophes of its `'` to `'`, a no-break space to
 * a space.
 */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 32 : c;
  if (c >= 0x410 && c <= 0x42f) return c;
  if (c >= 0x430 && c <= 0x44f) return c - 32;
  let f = folded[c]!;
  if (f === 0) {
    f = foldOther(c);
    folded[c] = f;
  }
  return f;
}

function foldOther(c: number): number {
  if (c === 0xa0) return 0x20;
  if (c >= 0x2010 && c <= 0x2013) return 0x2d;
  if (c === 0x2019 || c === 0x2bc) return 0x27;
  const f = canonical(c);
  return f === 0x401 ? E : f;
}

/**
 * Whether a code unit folds to an ASCII letter or digit or a basic Cyrillic letter: what a
 * required literal must start with to be tested. All are letters or digits, so no token and no
 * word of a pattern starts right after one.
 */
export function isWordUnit(c: number): boolean {
  const f = foldUnit(c);
  return (f >= 0x30 && f <= 0x39) || (f >= 0x41 && f <= 0x5a) || (f >= 0x410 && f <= 0x42f);
}

const isWordFolded = (f: number) =>
  (f >= 0x30 && f <= 0x39) || (f >= 0x41 && f <= 0x5a) || (f >= 0x410 && f <= 0x42f);

// The units of most texts (ASCII, Latin, Greek, Cyrillic) folded, with {@link WORD} when they are
// word units: one load for what runs on the letters of every token.
const TABLE = 0x480;
const WORD = 0x10000;
const units = new Int32Array(TABLE);
for (let c = 0; c < TABLE; c++) {
  const f = foldUnit(c);
  units[c] = isWordFolded(f) ? f | WORD : f;
}
/** {@link foldUnit}, and {@link WORD} set when the unit is a word unit. */
const unitOf = (c: number): number => {
  if (c < TABLE) return units[c]!;
  const f = foldUnit(c);
  return isWordFolded(f) ? f | WORD : f;
};
const fold = (c: number) => unitOf(c) & 0xffff;
const K = 0x9e3779b1;
const mix = (h: number, c: number) => Math.imul(h ^ fold(c), K);
const bitOf = (h: number) => (h ^ (h >>> 15)) >>> SHIFT;

/** The bit of a literal's first three or four units (as the text's words are read). */
function literalBit(lit: string): number {
  let h = 0;
  for (let i = 0; i < 3; i++) h = mix(h, lit.charCodeAt(i));
  return lit.length >= 4 ? bitOf(mix(h, lit.charCodeAt(3)) ^ 1) : bitOf(h);
}

const setBit = (b: number) => {
  set[b >>> 5]! |= 1 << (b & 31);
};

/**
 * Sets the bits of the three and four units at `at` (when the text has them) and of the whole
 * word there (its run of {@link isWordUnit} units, when at least {@link WHOLE} long) and returns
 * the three-unit bit, the four-unit one in {@link last4}, the whole word's in {@link lastWhole}
 * (-1 when missing).
 */
function add(text: string, at: number): number {
  last4 = -1;
  lastWhole = -1;
  if (at + 3 > text.length) return -1;
  const u0 = unitOf(text.charCodeAt(at));
  const u1 = unitOf(text.charCodeAt(at + 1));
  const u2 = unitOf(text.charCodeAt(at + 2));
  let h = Math.imul(Math.imul(Math.imul(u0 & 0xffff, K) ^ (u1 & 0xffff), K) ^ (u2 & 0xffff), K);
  const b3 = bitOf(h);
  setBit(b3);
  if (at + 4 > text.length) return b3;
  const u3 = unitOf(text.charCodeAt(at + 3));
  h = Math.imul(h ^ (u3 & 0xffff), K);
  last4 = bitOf(h ^ 1);
  setBit(last4);
  // The whole word: the same hash, on to the end of the run of word units.
  if ((u0 & u1 & u2 & u3 & WORD) === 0) return b3;
  let i = at + 4;
  for (; i < text.length; i++) {
    const u = unitOf(text.charCodeAt(i));
    if ((u & WORD) === 0) break;
    h = Math.imul(h ^ (u & 0xffff), K);
  }
  if (i - at >= WHOLE) {
    lastWhole = bitOf(h ^ 2);
    setBit(lastWhole);
  }
  return b3;
}
let last4 = -1;
let lastWhole = -1;

/**
 * Words of at least this many units are also read whole: a pattern word spelled without
 * wildcards (`aggression`, `regions`) needs the whole word, not its beginning (`aggressive`,
 * `regional`), which leaves most patterns out of most articles.
 */
const WHOLE = 5;

/**
 * Whether a pattern word's alternative is read whole: {@link WHOLE} units or more, all of
 * {@link isWordUnit} (no wildcard, hyphen, apostrophe or other character). Its match is then a
 * whole run of such units in the text: the regex lets no letter or digit follow a word (a space
 * or a quotation mark leads to the next word; the end of a term allows no letter or digit after
 * it), and every unit that {@link isWordUnit} is a letter or digit of the regexes.
 */
function readWhole(alt: string): boolean {
  if (alt.length < WHOLE) return false;
  for (let i = 0; i < alt.length; i++) if (!isWordUnit(alt.charCodeAt(i))) return false;
  return true;
}

/** The bit of a whole word (as {@link add} reads the text's). */
function wholeBit(alt: string): number {
  let h = 0;
  for (let i = 0; i < alt.length; i++) h = mix(h, alt.charCodeAt(i));
  return bitOf(h ^ 2);
}

// `псевдо`, `pseudo` folded: a required word may start after the prefix.
const PSEUDO = ['ПСЕВДО', 'PSEUDO'];

function afterPseudo(text: string, at: number): void {
  for (const p of PSEUDO) {
    if (at + p.length > text.length) continue;
    let i = 0;
    while (i < p.length && foldUnit(text.charCodeAt(at + i)) === p.charCodeAt(i)) i++;
    if (i < p.length) continue;
    add(text, at + p.length);
    if (text[at + p.length] === '-') add(text, at + p.length + 1);
  }
}

/** Reads every word start of `text[from, to)` (a unit of {@link isWordUnit} after one that is not). */
function scan(text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (!isWordUnit(text.charCodeAt(i)) || (i > 0 && isWordUnit(text.charCodeAt(i - 1)))) continue;
    add(text, i);
    afterPseudo(text, i);
  }
}

const isBlank = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;

/** Whether `text[from, to)` has a unit that is not white space. */
function inked(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i)) && !/\s/.test(text[i]!)) return true;
  return false;
}

/**
 * The places where a term's first word is tried — the text's word tokens, and after the
 * prefix of `псевдореферендум` (see match-terms.ts) — with the bits of their first three and
 * four units (-1 when the word is shorter or starts with another character). Module buffers,
 * valid until the next {@link readWords}.
 */
export interface WordStarts {
  n: number;
  at: Int32Array;
  end: Int32Array;
  b3: Int32Array;
  b4: Int32Array;
  /** The bit of the whole word (-1 when shorter than {@link WHOLE}). */
  bw: Int32Array;
}

const starts: WordStarts = {
  n: 0,
  at: new Int32Array(1024),
  end: new Int32Array(1024),
  b3: new Int32Array(1024),
  b4: new Int32Array(1024),
  bw: new Int32Array(1024),
};

/**
 * Reads the word beginnings of `text` at its `tokens` into the shared set that
 * {@link mayMatch} tests, and returns the places where a term may start ({@link WordStarts});
 * both valid until the next call. Linear in the tokens; text between them that is not white
 * space is scanned. `pseudo` tells where a word token has a distancing prefix that a term may
 * follow (the offset after it, or -1).
 */
export function readWords(text: string, tokens: readonly Token[], pseudo: (t: Token) => number): WordStarts {
  set.fill(0);
  if (starts.at.length < 2 * tokens.length) {
    const size = 2 * tokens.length;
    starts.at = new Int32Array(size);
    starts.end = new Int32Array(size);
    starts.b3 = new Int32Array(size);
    starts.b4 = new Int32Array(size);
    starts.bw = new Int32Array(size);
  }
  const { at, end, b3, b4, bw } = starts;
  let n = 0;
  let last = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const s = t.start;
    if (s !== last) {
      if (s < last)
        scan(text, s, t.end); // overlapping tokens: read whole
      else if ((s - last !== 1 || text.charCodeAt(last) !== 32) && inked(text, last, s)) scan(text, last, s);
    }
    if (t.end > last) last = t.end;
    const first = (unitOf(text.charCodeAt(s)) & WORD) !== 0 ? add(text, s) : -1;
    if (t.kind !== 'word') continue;
    at[n] = s;
    end[n] = t.end;
    b3[n] = first;
    b4[n] = first < 0 ? -1 : last4;
    bw[n++] = first < 0 ? -1 : lastWhole;
    const after = pseudo(t);
    if (after < 0) continue;
    at[n] = after;
    end[n] = t.end;
    b3[n] = add(text, after);
    b4[n] = last4;
    bw[n++] = lastWhole;
  }
  if (last < text.length && inked(text, last, text.length)) scan(text, last, text.length);
  starts.n = n;
  return starts;
}

/**
 * The first four units (fewer if a wildcard comes sooner) that an alternative of a pattern word
 * can begin with: one for each way its `~` (an optional hyphen or space) is written.
 */
function beginnings(alt: string): string[] {
  let outs = [''];
  for (const ch of alt) {
    if (ch === '*' || outs.every((o) => o.length >= 4)) break;
    const next = ch === '~' ? ['', '-', '- ', ' '] : [ch];
    outs = outs.flatMap((o) => (o.length >= 4 ? [o] : next.map((x) => o + x)));
  }
  return outs.map((o) => o.slice(0, 4));
}

/**
 * The bits of a word's alternatives: of the whole word when it is read whole ({@link readWhole}),
 * else of its literal beginning (three or four units before any wildcard); undefined when one is
 * too short to tell (`US`, `to`) or starts with a unit that is no letter or digit of
 * {@link isWordUnit}.
 */
export function wordBits(word: string): number[] | undefined {
  const bits = new Set<number>();
  for (const a of word.replace(/^[<&?!]/, '').split('|')) {
    if (readWhole(a)) {
      bits.add(wholeBit(a));
      continue;
    }
    for (const lit of beginnings(a)) {
      if (lit.length < 3 || !isWordUnit(lit.charCodeAt(0))) return undefined;
      bits.add(literalBit(lit));
    }
  }
  return [...bits];
}

/**
 * The bits a pattern's required words need: one list per word (not `?optional`, `!negated` or
 * `<preceding`, which may stand inside a token, `pro-the`), of the bits of its alternatives'
 * literal beginnings (three or four units before any wildcard). A word with an alternative too
 * short to tell (`US`, `to`) or starting with another character is left out: it needs nothing.
 */
export function requiredKeys(words: readonly string[]): number[][] {
  const out: number[][] = [];
  for (const w of words) {
    if (w.startsWith('?') || w.startsWith('!') || w.startsWith('<')) continue;
    const bits = wordBits(w);
    if (bits) out.push(bits);
  }
  return out;
}

/**
 * The {@link requiredKeys} of patterns packed into one array, pattern after pattern: the number
 * of required words, then for each its number of alternatives and their bits. Checking a text
 * against every pattern of a language then reads one small array ({@link markLive}), not a
 * few hundred scattered objects.
 */
export function packNeeds(needs: readonly (readonly (readonly number[])[])[]): Int32Array {
  const out: number[] = [];
  for (const words of needs) {
    out.push(words.length);
    for (const alts of words) out.push(alts.length, ...alts);
  }
  return Int32Array.from(out);
}

/**
 * Marks in `live` (by pattern rank) the patterns of {@link packNeeds} that may match the text
 * last read by {@link readWords}; returns how many.
 */
export function markLive(packed: Int32Array, live: Uint8Array): number {
  let count = 0;
  let i = 0;
  for (let r = 0; r < live.length; r++) {
    let words = packed[i++]!;
    let ok = true;
    while (words-- > 0) {
      const n = packed[i++]!;
      const end = i + n;
      if (ok) {
        let found = false;
        for (; i < end && !found; i++) {
          const b = packed[i]!;
          found = (set[b >>> 5]! & (1 << (b & 31))) !== 0;
        }
        ok = found;
      }
      i = end;
    }
    live[r] = ok ? 1 : 0;
    if (ok) count++;
  }
  return count;
}

/**
 * Whether a pattern with these {@link requiredKeys} can match the text last read by
 * {@link readWords}: every required word has an alternative whose beginning is there.
 */
export function mayMatch(needs: readonly (readonly number[])[]): boolean {
  for (let w = 0; w < needs.length; w++) {
    const alts = needs[w]!;
    let found = false;
    for (let i = 0; i < alts.length && !found; i++) {
      const b = alts[i]!;
      found = (set[b >>> 5]! & (1 << (b & 31))) !== 0;
    }
    if (!found) return false;
  }
  return true;
}
