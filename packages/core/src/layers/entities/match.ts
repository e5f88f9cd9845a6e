import type { Token } from '../../schema.js';
import type { CompiledForm, Gazetteer } from './gazetteer.js';
import { capitalAt, isLowerCode } from './keys.js';

/** A gazetteer hit: tokens `[i, j)` spell `form`. */
export interface GazetteerMatch {
  i: number;
  j: number;
  form: CompiledForm;
}

const CASE_ENDING = /^\p{Ll}{0,3}$/u;

/**
 * Whether text words spell each abbreviation of a form whole: in its capitals, perhaps with a case
 * ending in small letters (`МИДа`). A Cyrillic key is stemmed and lower-cased, so the first name
 * `Муса` has the key of `МУС` (the International Criminal Court) and `Ната` that of `НАТО`.
 */
export function spellsAbbreviations(form: CompiledForm, words: readonly string[]): boolean {
  return (
    !form.abbreviations ||
    form.abbreviations.every((a) => words.some((w) => w.startsWith(a) && CASE_ENDING.test(w.slice(a.length))))
  );
}

/** The text of tokens `[a, b)`. */
const surfaces = (text: string, tokens: readonly Token[], a: number, b: number): string[] =>
  tokens.slice(a, b).map((t) => text.slice(t.start, t.end));

/** True when tokens `a` and `a+1` are separated by at most one space-like run on one line. */
export function adjacent(text: string, tokens: readonly Token[], a: number): boolean {
  const gap = tokens[a + 1]!.start - tokens[a]!.end;
  if (gap === 0) return true;
  if (gap > 2) return false;
  for (let k = tokens[a]!.end; k < tokens[a + 1]!.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0 && c !== 9) return false;
  }
  return true;
}

/**
 * Longest-first gazetteer matching over tokens, left to right; matches never overlap. `keys[i]`
 * is the matching key of token `i` (see `tokenKey`), `stems[i]` its other possible stems
 * (Cyrillic words, see `tokenStems`). Weak forms are included only when `withWeak` is set.
 */
export function matchGazetteer(
  text: string,
  tokens: readonly Token[],
  keys: readonly string[],
  gaz: Gazetteer,
  withWeak: boolean,
  stems?: readonly (string[] | undefined)[],
): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  const same = (k: number, key: string) => keys[k] === key || (stems?.[k]?.includes(key) ?? false);
  const lowerStarts = lowerStartsOf(gaz);
  const sigs = signaturesOf(gaz);
  let i = 0;
  while (i < tokens.length) {
    // Most words are lower case and start no name: skip the lookup unless some name starts so.
    const c0 = text.charCodeAt(tokens[i]!.start);
    const kind = tokens[i]!.kind;
    if (
      (isLowerCode(c0) && lowerStarts[c0] !== 1) ||
      kind === 'number' ||
      (kind === 'punct' && keys[i] !== '"')
    ) {
      i++;
      continue;
    }
    let cands = hasSignature(sigs, keys[i]!) ? gaz.byFirstKey.get(keys[i]!) : undefined;
    const alts = stems?.[i];
    if (alts) {
      for (const a of alts) {
        const more = a === keys[i] || !hasSignature(sigs, a) ? undefined : gaz.byFirstKey.get(a);
        if (more) cands = cands ? [...cands, ...more].sort((x, y) => y.keys.length - x.keys.length) : more;
      }
    }
    let hit: CompiledForm | undefined;
    if (cands) {
      for (const c of cands) {
        if (c.weak && !withWeak) continue;
        const n = c.keys.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = same(i + k, c.keys[k]!) && adjacent(text, tokens, i + k - 1);
        if (!ok) continue;
        // Long forms are unambiguous in lower case too (`вооружённые силы Украины`).
        if (c.capital && n < 3 && !capitalAt(text, tokens[i]!.start)) continue;
        if (c.abbreviations && !spellsAbbreviations(c, surfaces(text, tokens, i, i + n))) continue;
        hit = c;
        break;
      }
    }
    if (hit) {
      out.push({ i, j: i + hit.keys.length, form: hit });
      i += hit.keys.length;
    } else i++;
  }
  return out;
}

const lowerStartCache = new WeakMap<Gazetteer, Uint8Array>();

/**
 * First code units of the gazetteer's names that start in lower case (`dpa`, `фон дер Ляйен`):
 * `1` at each such code unit (a table, as it is read for every lower-case word of a text).
 */
export function lowerStartsOf(gaz: Gazetteer): Uint8Array {
  let flags = lowerStartCache.get(gaz);
  if (!flags) {
    flags = new Uint8Array(0x10000);
    for (const list of gaz.byFirstKey.values())
      for (const f of list) {
        if (f.form.length === 0) continue;
        if (!f.capital) flags[f.form.charCodeAt(0)] = 1;
        // Long forms also match in lower case (see below), so their lower-case start counts.
        if (f.keys.length >= 3) flags[f.form.toLowerCase().charCodeAt(0)] = 1;
      }
    lowerStartCache.set(gaz, flags);
  }
  return flags;
}

/** A small number summarising a key (first two code units, length), checked before the map. */
export const keySignature = (k: string): number =>
  ((k.charCodeAt(0) * 31 + (k.charCodeAt(1) || 0)) * 64 + Math.min(k.length, 63)) & 0x3fffffff;

/**
 * Signatures of every first key of the gazetteer: most text words miss it without hashing.
 * `has` asks a 64 Kibit table of the signatures' bits first (8 KiB, so it stays in cache), and
 * the set only on a hit: most words miss the table.
 */
interface Signatures {
  set: Set<number>;
  bits: Uint32Array;
}

const signatureCache = new WeakMap<Gazetteer, Signatures>();

const sigBit = (sig: number) => Math.imul(sig, 0x9e3779b1) >>> 16;

function signaturesOf(gaz: Gazetteer): Signatures {
  let s = signatureCache.get(gaz);
  if (!s) {
    const set = new Set([...gaz.byFirstKey.keys()].map(keySignature));
    const bits = new Uint32Array(1 << 11);
    for (const sig of set) bits[sigBit(sig) >>> 5]! |= 1 << (sigBit(sig) & 31);
    s = { set, bits };
    signatureCache.set(gaz, s);
  }
  return s;
}

function hasSignature(s: Signatures, key: string): boolean {
  const sig = keySignature(key);
  const b = sigBit(sig);
  return ((s.bits[b >>> 5]! >>> (b & 31)) & 1) === 1 && s.set.has(sig);
}
