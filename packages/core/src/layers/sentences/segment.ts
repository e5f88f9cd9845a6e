import type { Sentence, Span } from '../../schema.js';
import en from './abbreviations.en.json' with { type: 'json' };
import ru from './abbreviations.ru.json' with { type: 'json' };
import xx from './abbreviations.xx.json' with { type: 'json' };

interface AbbrevTable {
  titles: Set<string>;
  common: Set<string>;
  openers: Set<string>;
}

const table = (d: { titles: string[]; common: string[]; openers: string[] }): AbbrevTable => ({
  titles: new Set(d.titles),
  common: new Set(d.common),
  openers: new Set(d.openers),
});
/** The abbreviation files by language, for provenance checksums. */
export const abbreviationData: Readonly<Record<string, unknown>> = { en, ru, xx };
const TABLES: Record<string, AbbrevTable> = { en: table(en), ru: table(ru), uk: table(ru), bg: table(ru) };
const FALLBACK = table(xx);

/** The abbreviation table for a language, falling back to a shared European list. */
export function abbreviationsFor(lang: string): AbbrevTable {
  return TABLES[lang] ?? FALLBACK;
}

// The scan tests every character: by code unit, not by a one-character string each time.
/** `.` `!` `?` `…` */
const isTerminator = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
const CLOSER_CODES = new Set(Array.from('"\'”’»)]›', (c) => c.charCodeAt(0)));
const OPENERS = '"\'“‘«([‹„';
const DASHES = '—–-';

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
const isLower = (ch: string): boolean => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();

/** The word (letters and inner dots) right before position `dot`: `U.S` in `the U.S.`. */
function wordBefore(text: string, dot: number, from: number): string {
  let i = dot;
  while (i > from && /[\p{L}\p{N}.-]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot).replace(/^[.-]+/, '');
}

/** The next word from `i` on (skipping opening quotes), lower-cased. */
function wordAfter(text: string, i: number, to: number): string {
  while (i < to && OPENERS.includes(text[i]!)) i++;
  let j = i;
  while (j < to && /[\p{L}\p{N}]/u.test(text[j]!)) j++;
  return text.slice(i, j).toLowerCase();
}

/**
 * Decides whether the terminator run `text[t0..t1)` ends a sentence, given that `next` is the
 * index of the first non-space character after it (and its closing quotes).
 */
function endsSentence(
  text: string,
  t0: number,
  t1: number,
  next: number,
  para: Span,
  abbr: AbbrevTable,
): boolean {
  let c = text[next]!;
  // `"Really?" he asked`, `«Нет!» — ответил он`: an attribution continues the sentence.
  if (DASHES.includes(c)) {
    let k = next + 1;
    while (k < para.end && isSpace(text[k])) k++;
    return k >= para.end || !isLower(text[k]!);
  }
  if (OPENERS.includes(c)) {
    let k = next;
    while (k < para.end && OPENERS.includes(text[k]!)) k++;
    c = text[k] ?? '';
  }
  if (isLower(c)) return false;
  const run = text.slice(t0, t1);
  if (run !== '.') return true;
  const w = wordBefore(text, t0, para.start);
  if (w === '') return true;
  const lw = w.toLowerCase();
  // An initial: `J. K. Rowling`, `В. Путин`.
  if (w.length === 1 && isUpper(w)) return false;
  if (abbr.common.has(lw)) {
    const after = wordAfter(text, next, para.end);
    return abbr.openers.size > 0 ? abbr.openers.has(after) : /^\p{Lu}/u.test(text[next] ?? '');
  }
  if (abbr.titles.has(lw)) return false;
  // Dotted acronyms not in the list (`N.A.T.O.`) behave like common abbreviations.
  if (/^(\p{L}\.)+\p{L}$/u.test(w))
    return abbr.openers.size === 0 || abbr.openers.has(wordAfter(text, next, para.end));
  return true;
}

/**
 * Whether a full stop (a `?`, an `…`) at `dot` with no space after it ends a sentence (`Сакс.Как`, `ЕС.Как`,
 * `США.Оперативно`, `Franciscans…What`, a missing space; not `Yahoo!News`): a word of two or more letters ending in a small letter, or an acronym of two
 * or more capitals, and a capitalised word of small letters after it. Not initials (`Д.Медведев`),
 * dotted words (`U.S.Department`, `т.е.Тверской`), abbreviations (`ул.Ленина`), numbers, or a
 * web address (`www.Example.com`, `Ria.ru`).
 */
function unspacedEnd(text: string, dot: number, para: Span, abbr: AbbrevTable): boolean {
  const after = /^\p{Lu}\p{Ll}+/u.exec(text.slice(dot + 1, Math.min(para.end, dot + 40)));
  if (!after) return false;
  const rest = text[dot + 1 + after[0].length];
  if (rest === '.' || rest === '/' || rest === '@') return false;
  const w = wordBefore(text, dot, para.start);
  if (!/^\p{L}+$/u.test(w) || !(/^\p{L}+\p{Ll}$/u.test(w) || /^\p{Lu}{2,}$/u.test(w))) return false;
  const lw = w.toLowerCase();
  if (abbr.titles.has(lw) || abbr.common.has(lw)) return false;
  // The whole run of non-spaces: an address (`https://…`, `www.`, `a@b`) is never split.
  let k = dot;
  while (k > para.start && !isSpace(text[k - 1])) k--;
  return !/:\/\/|@|^www\./i.test(text.slice(k, dot));
}

/**
 * Splits each paragraph into sentences. Handles abbreviations and initials per language, closing
 * quotes after the terminator, `"…?" he asked` and Russian `«…!» — сказал он` attributions,
 * ellipses, numbers such as `$2.5 billion` (no space after the dot, so never a boundary), and a
 * missing space after a full stop (`Сакс.Как`, see {@link unspacedEnd}).
 */
export function segmentSentences(text: string, paragraphs: readonly Span[], lang: string): Sentence[] {
  const abbr = abbreviationsFor(lang);
  const out: Sentence[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    let start = para.start;
    let i = para.start;
    while (i < para.end) {
      if (!isTerminator(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const t0 = i;
      while (i < para.end && isTerminator(text.charCodeAt(i))) i++;
      const t1 = i;
      while (i < para.end && CLOSER_CODES.has(text.charCodeAt(i))) i++;
      const close = i;
      if (i >= para.end) break;
      if (!isSpace(text[i])) {
        if (close === t1 && t1 === t0 + 1 && text[t0] !== '!' && unspacedEnd(text, t0, para, abbr)) {
          out.push({ start, end: t1, paragraph: p });
          start = t1;
        }
        continue;
      }
      while (i < para.end && isSpace(text[i])) i++;
      if (endsSentence(text, t0, t1, i, para, abbr)) {
        out.push({ start, end: close, paragraph: p });
        start = i;
      }
    }
    if (para.end > start) out.push({ start, end: para.end, paragraph: p });
  }
  return out;
}
