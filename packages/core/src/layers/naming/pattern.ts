/**
 * The small pattern language of the terminology files (`terms.<lang>.json`), compiled to sticky
 * regular expressions. Data stays readable (`специальн* военн* операци*`) while one regex per
 * pattern handles inflection, case, hyphen and spacing variants:
 *
 * - words are separated by one space and match across any run of spaces, quotation marks and
 *   the language's modifier words (`between`: `occupied and annexed territories`);
 * - `a|b` inside a word: alternatives; `*` any letters (an inflectional ending, a plural);
 * - `~` an optional hyphen or space (`псевдо~референдум` = `псевдореферендум`, `псевдо-референдум`,
 *   `псевдо референдум`); `-` any hyphen or dash character; `'` any apostrophe;
 * - a leading `?` makes a word optional (`?the`); a last word with a leading `!` must not follow
 *   (`the invasion !of`: not `the invasion of Iraq`); a word with a leading `&` and the words
 *   after it must follow but are not part of the match (`освобожденн* &от ВСУ`: the participle
 *   alone, so `ВСУ` stays a term of its own); leading words with `<` must precede the match
 *   but are not part of it (`<the Russian military`: the noun after a determiner, the span
 *   without `the`); among those, `#` stands for a number (`<уничтожили <более <#
 *   националистов`: `450`, `1 200`, `1,200`);
 * - a word written all in capitals (`СВО`, `SMO`, `DPR`) is an acronym and matches only in
 *   capitals; every other word matches in any case, and `е` also matches `ё`.
 */

/**
 * A compiled pattern: a sticky regex and the keys (first letters) a text word must start with.
 * `re` ignores case (fast); `exact`, present when the pattern has an acronym, confirms its
 * match with the acronym in capitals.
 */
export interface CompiledPattern {
  source: string;
  re: RegExp;
  exact?: RegExp;
  keys: number[];
  /** The literal starts of the first word's alternatives (lower case, `ё` → `е`): a cheap test before `re`. */
  prefixes: string[];
  /** What must come right after each prefix ({@link Follow}): the next cheap test. */
  follows: Follow[];
}

/** Letters a pattern's first word needs before any wildcard: the index key is the first two. */
export const KEY_LENGTH = 2;

/**
 * A UTF-16 code unit in lower case with `ё` folded to `е`, without allocating: the matcher runs
 * this on every word of every article.
 */
export function lowerCode(c: number): number {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f)) return c + 32;
  if (c === 0x401 || c === 0x451) return 0x435;
  if (c < 0x80 || (c >= 0x430 && c <= 0x44f)) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** The index key of the word at `at`: its first two letters, folded (see {@link lowerCode}). */
export const keyAt = (text: string, at: number): number =>
  lowerCode(text.charCodeAt(at)) * 0x10000 + lowerCode(text.charCodeAt(at + 1) || 0);

const HYPHEN = '[-\u2010\u2011\u2012\u2013]';
// Letters of the scripts terms are written in (Latin, Greek, Cyrillic), spelled out: a regex
// with `\p{L}` needs the `u` flag, which makes each attempt many times slower in V8.
export const LETTERS =
  'A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f';
const SPACE = '[ \u00a0]+';
const isAcronym = (w: string) => w.length >= 2 && /^[\p{Lu}\p{N}-]+$/u.test(w) && /\p{Lu}{2}/u.test(w);
const escapeChar = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The case-blind regexes spell out every case a letter matches instead of using the `i` flag,
 * which made V8 spend about 1–2 s of CPU compiling the English patterns in every worker thread.
 * The classes are exactly those `i` would use (`pattern.test.ts` checks every code unit), so
 * the matches are the same.
 */
// Code units that `i` equates with a letter other than their own lower or upper case (`µ` with
// `μ`, `ᲀ` with `в`, `ς` with `σ`, …).
const ODD_CASES =
  '\u00b5\u01c5\u01c8\u01cb\u01f2\u0345\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e\u0441\u0442\u044a\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\ua64b';

/** {@link LETTERS} closed under `i`: what `[LETTERS]` matches in a regex with the `i` flag. */
export const LETTERS_ANY_CASE =
  'A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0253-\u0254\u0256-\u0257\u0259\u025b\u0260\u0263\u0268-\u0269\u026f\u0272\u0275\u0280\u0283\u0288-\u028c\u0292\u0345\u0370-\u052f\u1c80-\u1c87\u1fbe\u2c65-\u2c66\u2c7e-\u2c7f\ua7dc';

/**
 * What a regex with the `i` flag and without `u` compares (ECMAScript's Canonicalize): the upper
 * case of a code unit, unless that is more than one unit or takes a non-ASCII unit into ASCII.
 */
export function canonical(c: number): number {
  const u = String.fromCharCode(c).toUpperCase();
  if (u.length !== 1) return c;
  const cu = u.charCodeAt(0);
  return c >= 128 && cu < 128 ? c : cu;
}

// anyCase by its letters: a pure function over a small alphabet, called for every letter of
// every pattern.
const anyCases = new Map<string, string>();

/** Every code unit the `i` flag would let match one of `cs`: a class, or the one unit escaped. */
export function anyCase(cs: readonly string[]): string {
  const key = cs.join('');
  let made = anyCases.get(key);
  if (made === undefined) {
    made = caseClass(cs);
    anyCases.set(key, made);
  }
  return made;
}

function caseClass(cs: readonly string[]): string {
  const units = new Set<string>();
  for (const c of cs) {
    const k = canonical(c.charCodeAt(0));
    for (const d of [c, c.toLowerCase(), c.toUpperCase(), ...ODD_CASES])
      if (d.length === 1 && canonical(d.charCodeAt(0)) === k) units.add(d);
  }
  if (units.size === 1) return escapeChar(cs[0]!);
  return `[${[...units].map((u) => (/[\\\]^-]/.test(u) ? `\\${u}` : u)).join('')}]`;
}

/**
 * One letter: for the case-blind regex every case `i` would match; for the exact one both cases
 * unless in an acronym (then only as written).
 */
function letter(c: string, bothCases: boolean, blind: boolean): string {
  const l = c.toLowerCase();
  if (blind) return anyCase(l === 'е' || l === 'ё' ? ['е', 'ё'] : [c]);
  if (l === 'е' || l === 'ё') return bothCases ? '[еЕёЁ]' : '[её]';
  if (!bothCases || l === c.toUpperCase()) return escapeChar(c);
  return `[${l}${c.toUpperCase()}]`;
}

/** The letter class of a regex: closed under case for the case-blind one. */
const lettersOf = (exact: boolean): string => (exact ? LETTERS : LETTERS_ANY_CASE);

// A number (`#`, only among the words that must precede a match): digits, with thousands
// grouped by a space, a no-break space, a comma or a point (`1 200`, `1,200`).
const NUMBER = '[0-9]+(?:[ \u00a0,.][0-9]{3})*';

function alternative(alt: string, exact: boolean): string {
  if (alt === '#') return NUMBER;
  const bothCases = exact && !isAcronym(alt.replace(/[*~'-]/g, ''));
  let out = '';
  for (const c of alt) {
    if (c === '*') out += `[${lettersOf(exact)}]*`;
    else if (c === '~') out += `(?:${HYPHEN}[ \u00a0]?|[ \u00a0])?`;
    else if (c === '-') out += HYPHEN;
    else if (c === "'") out += "['\u2019\u02bc]";
    else out += letter(c, bothCases, !exact);
  }
  return out;
}

/** The folded form words are compared in: lower case, `ё` → `е`. */
export const fold = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');

/**
 * What comes right after the literal start of a word's alternative in a match: `any` after a
 * `*` or `~`; a hyphen (`-`) or an apostrophe (`'`) as the pattern writes one; after an
 * alternative that is all literal, `no letter`: the regex lets no letter or digit follow a word
 * (a space or a quotation mark leads to the next word; the end of a term allows no letter or
 * digit after it).
 */
export type Follow = typeof ANY | typeof NO_LETTER | typeof HYPHEN_NEXT | typeof APOSTROPHE_NEXT;
const ANY = 0;
const NO_LETTER = 1;
const HYPHEN_NEXT = 2;
const APOSTROPHE_NEXT = 3;

function follows(alt: string): Follow {
  const next = alt[/^[^*~'-]*/u.exec(alt)![0].length];
  if (next === undefined) return NO_LETTER;
  return next === '-' ? HYPHEN_NEXT : next === "'" ? APOSTROPHE_NEXT : ANY;
}

/** Whether the unit at `at` may come right after a prefix that {@link Follow}s `f`. */
export function followsAt(text: string, at: number, f: Follow): boolean {
  if (f === ANY) return true;
  const c = text.charCodeAt(at);
  if (f === HYPHEN_NEXT) return c === 0x2d || (c >= 0x2010 && c <= 0x2013);
  if (f === APOSTROPHE_NEXT) return c === 0x27 || c === 0x2019 || c === 0x2bc;
  // No letter or digit of the regexes' classes (only those spelled out here are ruled out).
  return !(
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x52f)
  );
}

function firstPrefixes(source: string, alts: string[]): string[] {
  return alts.map((a) => {
    const lit = /^[^*~'-]*/u.exec(a)![0];
    if (lit.length < KEY_LENGTH)
      throw new Error(`naming pattern "${source}": "${a}" needs ${KEY_LENGTH} letters before any wildcard`);
    return fold(lit);
  });
}

// A quotation mark may close a word or open the next one inside a term (`so-called "referendums"`).
const QUOTE = '["\u201c\u201d\u201e\u00ab\u00bb]?';
const GAP = `${QUOTE}${SPACE}${QUOTE}`;

/**
 * The gap between two words of a pattern: spaces, quotation marks, and up to three modifier
 * words of the language (`between`: `illegal`, `unprovoked`, `and`, …; pattern syntax), each
 * optionally followed by a comma — `the illegal and unprovoked invasion`, `occupied and annexed
 * territories`. Without modifiers, spaces and quotation marks only.
 */
function gapRegex(between: readonly string[], exact: boolean): string {
  if (!between.length) return GAP;
  const fill = between.map((w) => alternative(w, exact)).join('|');
  // `|` lets the group match nothing, which a bounded repeat never accepts (ECMAScript rejects
  // an empty iteration), so the matches are those of `(?:…){0,3}`; but V8 then compiles one
  // loop instead of three copies of the group (three times the compile time per pattern).
  return `${GAP}(?:(?:${fill}),?${GAP}|){0,3}`;
}

function toRegex(
  source: string,
  before: string[],
  words: string[],
  exact: boolean,
  between: readonly string[],
): RegExp {
  const SEP = gapRegex(between, exact);
  // Words that must precede the match (`<the`), outside it: a lookbehind over whole words.
  let re = before.length
    ? `(?<=(?:^|[^0-9${lettersOf(exact)}])${before
        .map(
          (w) =>
            `(?:${w
              .split('|')
              .map((a) => alternative(a, exact))
              .join('|')})`,
        )
        .join(GAP)}${GAP})`
    : '';
  // Words from the first `&word` on must follow the match but are not part of it.
  let look: string | undefined;
  words.forEach((w, i) => {
    const optional = w.startsWith('?');
    const negated = w.startsWith('!');
    const ahead = w.startsWith('&');
    const alts = (optional || negated || ahead ? w.slice(1) : w).split('|');
    const group = `(?:${alts.map((a) => alternative(a, exact)).join('|')})`;
    if (
      (optional && i === 0) ||
      (negated && (i === 0 || i < words.length - 1 || look !== undefined)) ||
      (ahead && i === 0)
    )
      throw new Error(
        `naming pattern "${source}": the first word cannot be optional or required after, only the last negated`,
      );
    if (ahead) look = '';
    const part = negated
      ? `(?!${SPACE}${group}(?![0-9${lettersOf(exact)}]))`
      : i === 0
        ? group
        : optional
          ? `(?:${SEP}${group})?`
          : `${SEP}${group}`;
    if (look === undefined) re += part;
    else look += part;
  });
  // Not the first part of a compound (`Ukraine's military-intelligence service`).
  const L = lettersOf(exact);
  const tail = `(?![0-9${L}]|${HYPHEN}[${L}])`;
  // Neither `u` (for \p{L}: ~15× per attempt) nor `i` (see {@link letter}).
  return new RegExp(`${re}${tail}${look === undefined ? '' : `(?=${look}${tail})`}`, 'y');
}

/**
 * Compiles one pattern; `between` are the modifier words (pattern syntax) that may stand between
 * its words (see {@link gapRegex}). Throws on a pattern whose first word is optional or starts
 * with fewer than {@link KEY_LENGTH} literal letters (it could not be indexed), so bad data fails
 * at load.
 */
export function compilePattern(source: string, between: readonly string[] = []): CompiledPattern {
  const all = source.trim().split(/ +/);
  const lead = all.findIndex((w) => !w.startsWith('<'));
  if (lead < 0 || all.slice(lead).some((w) => w.startsWith('<')))
    throw new Error(
      `naming pattern "${source}": words with < must all come first, before a word of the term`,
    );
  const before = all.slice(0, lead).map((w) => w.slice(1));
  const words = all.slice(lead);
  if (words.some((w) => w.split('|').some((a) => a.replace(/^[?!&]/, '').includes('#'))))
    throw new Error(`naming pattern "${source}": a number (#) may only stand among the words with <`);
  const prefixes = firstPrefixes(source, words[0]!.split('|'));
  const hasAcronym = [...before, ...words].some((w) =>
    w
      .replace(/^[?!]/, '')
      .split('|')
      .some((a) => isAcronym(a.replace(/[*~'-]/g, ''))),
  );
  return {
    source,
    re: toRegex(source, before, words, false, between),
    ...(hasAcronym ? { exact: toRegex(source, before, words, true, between) } : {}),
    keys: [...new Set(prefixes.map((x) => keyAt(x, 0)))],
    prefixes,
    follows: words[0]!.split('|').map(follows),
  };
}
