/**
 * The small pattern language of the terminology files (`terms.<lang>.json`), compiled to sticky
 * regular expressions. Data stays readable (`специальн* военн* операци*`) while one regex per
 * pattern handles inflection, case, hyphen and spacing variants:
 *
 * - words are separated by one space and match across any run of spaces;
 * - `a|b` inside a word: alternatives; `*` any letters (an inflectional ending, a plural);
 * - `~` an optional hyphen or space (`псевдо~референдум` = `псевдореферендум`, `псевдо-референдум`,
 *   `псевдо референдум`); `-` any hyphen or dash character; `'` any apostrophe;
 * - a leading `?` makes a word optional (`?the`); a last word with a leading `!` must not follow
 *   (`the invasion !of`: not `the invasion of Iraq`);
 * - a word written all in capitals (`СВО`, `SMO`, `DPR`) is an acronym and matches only in
 *   capitals; every other word matches in any case, and `е` also matches `ё`.
 */

/** A compiled pattern: a sticky regex and the keys (first letters) a text word must start with. */
export interface CompiledPattern {
  source: string;
  re: RegExp;
  keys: string[];
}

/** Length of the key that indexes patterns by the first letters of their first word. */
export const KEY_LENGTH = 2;

/** The index key of a word: its first letters, lower-cased, `ё` folded to `е`. */
export const keyOf = (word: string): string => word.slice(0, KEY_LENGTH).toLowerCase().replace(/ё/g, 'е');

const HYPHEN = '[-\u2010\u2011\u2012\u2013]';
const SPACE = '[ \u00a0]+';
const isAcronym = (w: string) => w.length >= 2 && /^[\p{Lu}\p{N}-]+$/u.test(w) && /\p{Lu}{2}/u.test(w);
const escapeChar = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function letter(c: string, fold: boolean): string {
  if (!fold || c.toLowerCase() === c.toUpperCase()) return c === 'е' || c === 'ё' ? '[её]' : escapeChar(c);
  const l = c.toLowerCase();
  if (l === 'е' || l === 'ё') return '[еЕёЁ]';
  return `[${l}${c.toUpperCase()}]`;
}

function alternative(alt: string): string {
  const fold = !isAcronym(alt.replace(/[*~'-]/g, ''));
  let out = '';
  for (const c of alt) {
    if (c === '*') out += '\\p{L}*';
    else if (c === '~') out += `(?:${HYPHEN}[ \u00a0]?|[ \u00a0])?`;
    else if (c === '-') out += HYPHEN;
    else if (c === "'") out += "['\u2019\u02bc]";
    else out += letter(c, fold);
  }
  return out;
}

/**
 * Compiles one pattern. Throws on a pattern whose first word is optional or starts with fewer
 * than {@link KEY_LENGTH} literal letters (it could not be indexed), so bad data fails at load.
 */
export function compilePattern(source: string): CompiledPattern {
  const words = source.trim().split(/ +/);
  const keys = new Set<string>();
  let re = '';
  words.forEach((w, i) => {
    const optional = w.startsWith('?');
    const negated = w.startsWith('!');
    const body = optional || negated ? w.slice(1) : w;
    const alts = body.split('|');
    if (i === 0) {
      if (optional) throw new Error(`naming pattern "${source}": the first word cannot be optional`);
      for (const a of alts) {
        const lit = /^[^*~'-]*/u.exec(a)![0];
        if (lit.length < KEY_LENGTH)
          throw new Error(
            `naming pattern "${source}": "${a}" needs ${KEY_LENGTH} letters before any wildcard`,
          );
        keys.add(keyOf(lit));
      }
    }
    const group = `(?:${alts.map(alternative).join('|')})`;
    if (negated && (i === 0 || i < words.length - 1))
      throw new Error(`naming pattern "${source}": only the last word can be negated`);
    if (negated) re += `(?!${SPACE}${group}(?![\\p{L}\\p{N}]))`;
    else re += i === 0 ? group : optional ? `(?:${SPACE}${group})?` : `${SPACE}${group}`;
  });
  return { source, re: new RegExp(`${re}(?![\\p{L}\\p{N}])`, 'uy'), keys: [...keys] };
}
