import type { Span, Token, TokenKind } from '../../schema.js';

// One pass of a sticky Unicode regex; the groups decide the kind. Words keep inner hyphens,
// apostrophes and abbreviation dots (`US-supplied`, `O’Brien`, `U.S`, `т.е`, `rt.com`) — a dot
// joins a lower-case piece or one of one to three capitals or digits (`U.S.A`, `Ph.D`, `VDARE.COM`);
// a capitalised word after a dot splits (`США.Оперативно`, `Сакс.Как`: a missing space); numbers
// keep decimal and thousands separators (`2.5`, `1,000`, `22.05.2023`).
const TOKEN =
  /(https?:\/\/[^\s<>"“”«»]*[^\s<>"“”«».,;:!?)\]'’])|([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)|(#[\p{L}\p{N}_]+)|(@[\p{L}\p{N}_]{2,})|(\p{N}+(?:[.,:/]\p{N}+)*(?![\p{L}\p{N}]|[-'’][\p{L}\p{N}]))|([\p{L}\p{M}\p{N}]+(?:[-'’\u00AD][\p{L}\p{M}\p{N}]+|\.(?:\p{Ll}[\p{L}\p{M}\p{N}]*|[\p{Lu}\p{N}][\p{Lu}\p{M}\p{N}]{0,2}(?![\p{L}\p{M}\p{N}])))*)|(\.{2,}|\p{P})|(\S)/gu;

// The e-mail alternative reads a run of `._%+-` and letters before it can fail at a missing `@`,
// at every character of the run: a long run of hyphens cost n². A text with no `@` cannot hold an
// address, so it is read with that alternative replaced by one that never matches (same groups,
// same tokens).
const EMAIL = String.raw`([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`;
const TOKEN_NO_EMAIL = (() => {
  const i = TOKEN.source.indexOf(EMAIL);
  if (i < 0) throw new Error('tokenize: the e-mail alternative was not found in TOKEN');
  return new RegExp(`${TOKEN.source.slice(0, i)}((?!))${TOKEN.source.slice(i + EMAIL.length)}`, 'gu');
})();

const KINDS: TokenKind[] = ['url', 'email', 'hashtag', 'mention', 'number', 'word', 'punct', 'symbol'];
const EN_CLITIC = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$/i;

/**
 * Tokenizes `text` within `ranges` (default: the whole text). English clitics split off
 * (`Germany’s` → `Germany` `’s`, `don't` → `do` `n't`) as in Penn Treebank tokenization.
 */
export function tokenize(
  text: string,
  lang: string,
  ranges: readonly Span[] = [{ start: 0, end: text.length }],
): Token[] {
  const out: Token[] = [];
  const withEmail = new RegExp(TOKEN.source, 'gu');
  const noEmail = new RegExp(TOKEN_NO_EMAIL.source, 'gu');
  const splitClitics = lang === 'en';
  for (const r of ranges) {
    const slice = r.start === 0 && r.end === text.length ? text : text.slice(r.start, r.end);
    const re = slice.includes('@') ? withEmail : noEmail;
    re.lastIndex = 0;
    let m: RegExpExecArray | null = re.exec(slice);
    while (m !== null) {
      let g = 1;
      while (m[g] === undefined) g++;
      const kind = KINDS[g - 1]!;
      const start = r.start + m.index;
      const end = start + m[0].length;
      if (kind === 'word' && splitClitics && (m[0].includes("'") || m[0].includes('’'))) {
        const c = EN_CLITIC.exec(m[0]);
        if (c) {
          const cut = start + c[1]!.length;
          out.push({ start, end: cut, kind }, { start: cut, end, kind });
          m = re.exec(slice);
          continue;
        }
      }
      out.push({ start, end, kind });
      m = re.exec(slice);
    }
  }
  return out;
}
