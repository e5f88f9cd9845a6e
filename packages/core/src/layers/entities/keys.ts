/**
 * Matching keys for names. A key is what two spellings of one word share: Latin words keep their
 * case (so `Austin` and `austin` differ, `NATO` and `Nato` are listed separately in the gazetteer);
 * Cyrillic words are lower-cased, `ё` folded to `е`, and stripped of a case ending, so the
 * declined forms `Зеленский`, `Зеленского`, `Зеленскому` share the key `зеленск`. Quotes of all
 * kinds fold to `"` and apostrophes to `'`.
 */

// Longest endings first; a stem keeps at least three letters. Noun and adjective case endings
// of Russian and Ukrainian, not derivational suffixes (`-ов`, `-ин` stay: `Путин`, `Песков`).
const ENDINGS = [
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ой',
  'ей',
  'ий',
  'ый',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ых',
  'их',
  'ым',
  'им',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ую',
  'юю',
  'ою',
  'ею',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'ы',
  'и',
  'о',
  'й',
  'ь',
  'і',
  'ї',
  'є',
];
// The endings by their last code unit, each list in the order of ENDINGS: a word is tried only
// against endings it can end with (the first match is the same as in a scan of all).
const BY_LAST = new Map<number, string[]>();
for (const e of ENDINGS) {
  const c = e.charCodeAt(e.length - 1);
  const list = BY_LAST.get(c);
  if (list) list.push(e);
  else BY_LAST.set(c, [e]);
}
const NONE: readonly string[] = [];
const endingsOf = (word: string): readonly string[] => BY_LAST.get(word.charCodeAt(word.length - 1)) ?? NONE;
const CYRILLIC = /[\u0400-\u04ff]/;
const UPPER_ONLY = /^[\p{Lu}\p{N}-]+$/u;

/** Strips one inflectional ending from a lower-case Cyrillic word (a light, Snowball-like stem). */
export function stemRu(word: string): string {
  for (const e of endingsOf(word)) {
    if (word.length - e.length >= 3 && word.endsWith(e)) return word.slice(0, -e.length);
  }
  return word;
}

/**
 * Every stem a Cyrillic word may have: the lower-cased word itself and the word less each
 * inflectional ending; `undefined` for other words. A gazetteer form (stemmed once) matches a
 * text word when its stem is among the word's stems, which tolerates the light stemmer's choices
 * (`Китай` → `кита`; `Китая` → `китая`, `кит`, `кита`).
 */
export function tokenStems(surface: string): string[] | undefined {
  if (!isCyrillic(surface) || UPPER_ONLY.test(surface)) return undefined;
  const folded = surface.toLowerCase();
  const lower = folded.includes('ё') ? folded.replace(/ё/g, 'е') : folded;
  const dash = lower.lastIndexOf('-');
  const head = dash > 0 ? lower.slice(0, dash + 1) : '';
  const word = dash > 0 ? lower.slice(dash + 1) : lower;
  const out = [lower];
  // Short names keep a two-letter stem for a one-letter ending (`Яра` → `яр`).
  for (const e of endingsOf(word))
    if (word.length - e.length >= (e.length === 1 ? 2 : 3) && word.endsWith(e))
      out.push(head + word.slice(0, -e.length));
  return out;
}

/** True when the word has Cyrillic letters. */
export const isCyrillic = (s: string): boolean => CYRILLIC.test(s);

/** The matching key of one token's surface. */
export function tokenKey(surface: string): string {
  const c = surface.charCodeAt(0);
  if (surface.length === 1) {
    if (c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d || c === 0x201e || c === 0x22) return '"';
    if (c === 0x2019 || c === 0x2bc || c === 0x27) return "'";
    return surface;
  }
  // One pass over the code units: most tokens are plain Latin words and return as they are.
  // Also noted: a `ё`/`Ё` to fold, and a lower-case Latin or Russian letter (then the word is
  // no acronym, without asking the Unicode pattern).
  let cyr = false;
  let apos = false;
  let yo = false;
  let small = false;
  for (let i = 0; i < surface.length; i++) {
    const k = surface.charCodeAt(i);
    if (k < 0x400) {
      if (k >= 97 && k <= 122) small = true;
      continue;
    }
    if (k <= 0x4ff) {
      cyr = true;
      if (k >= 0x430 && k <= 0x45f) small = true;
      if (k === 0x451 || k === 0x401) yo = true;
    } else if (k === 0x2019 || k === 0x2bc) apos = true;
  }
  const s = apos ? surface.replace(/[’ʼ]/g, "'") : surface;
  if (!cyr) return s;
  // Cyrillic acronyms (ВСУ, НАТО, США) are not declined.
  const lower = yo ? s.toLowerCase().replace(/ё/g, 'е') : s.toLowerCase();
  if (!small && UPPER_ONLY.test(s)) return lower;
  // Hyphenated names decline on their last part only (Ростов-на-Дону, Ивано-Франковска).
  const dash = lower.lastIndexOf('-');
  if (dash > 0) return lower.slice(0, dash + 1) + stemRu(lower.slice(dash + 1));
  return stemRu(lower);
}

/** True when the first letter of `s` is upper case. */
export const isCapitalized = (s: string): boolean => capitalAt(s, 0);

/** True when the character at `pos` of `text` is an upper-case letter. */
export const capitalAt = (text: string, pos: number): boolean => {
  const c = text.charCodeAt(pos);
  // Latin and Cyrillic without allocating; other scripts the slow way.
  if (c < 128) return c >= 65 && c <= 90;
  if (c >= 0x400 && c <= 0x45f) return c < 0x430;
  const ch = text.charAt(pos);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};

// Lower-case letters among the first 0x500 code points (Latin, Greek, Cyrillic), for quick tests.
const LOWER = new Uint8Array(0x500);
for (let c = 0; c < 0x500; c++) {
  const ch = String.fromCharCode(c);
  if (ch !== ch.toUpperCase() && ch === ch.toLowerCase()) LOWER[c] = 1;
}

/** True when code unit `c` is a lower-case letter (Latin, Greek or Cyrillic). */
export const isLowerCode = (c: number): boolean => c < 0x500 && LOWER[c] === 1;
