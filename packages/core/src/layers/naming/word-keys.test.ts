import { describe, expect, it } from 'vitest';
import type { Token } from '../../schema.js';
import { tokenize } from '../tokens/tokenize.js';
import { caseGroups } from './case-groups.fixture.js';
import { findTerms, type TermMatch } from './match-terms.js';
import { followsAt, LETTERS_ANY_CASE, lowerCode } from './pattern.js';
import { loadTerms } from './terms.js';
import { EN_CASES, RU_CASES } from './terms-cases.fixture.js';
import { foldUnit, isWordUnit, mayMatch, readWords, requiredKeys, wordBits } from './word-keys.js';

// The prefilter must never drop a match: findTerms with it must equal findTerms without it
// (every pattern tried at every word) on every text, whatever its case, hyphens, apostrophes,
// spaces or `ё`.

const unit = (c: number) => String.fromCharCode(c);
const rows = (text: string, ms: TermMatch[]) =>
  ms.map((m) => `${text.slice(m.start, m.end)} | ${m.pattern.source} | ${m.start}`);

/** Spellings the case-blind patterns treat alike, for the same text. */
const VARIANTS: [string, (s: string) => string][] = [
  ['as written', (s) => s],
  ['upper case', (s) => s.toUpperCase()],
  ['lower case', (s) => s.toLowerCase()],
  ['no-break spaces', (s) => s.replaceAll(' ', '\u00a0')],
  ['non-breaking hyphens', (s) => s.replaceAll('-', '\u2011')],
  ['typographic apostrophes', (s) => s.replaceAll("'", '\u2019')],
  ['ё for е', (s) => s.replaceAll('е', 'ё').replaceAll('Е', 'Ё')],
  ['odd cases (ᲀ for в, ᲂ for о)', (s) => s.replaceAll('в', '\u1c80').replaceAll('о', '\u1c82')],
];

function both(text: string, lang: string, tokens: readonly Token[] = tokenize(text, lang)) {
  const idx = loadTerms(lang)!;
  return {
    filtered: rows(text, findTerms(text, tokens, idx)),
    everywhere: rows(text, findTerms(text, tokens, idx, false)),
  };
}

/** Whether the English pattern whose source starts with `source` may match a text, as read by the prefilter. */
function mayMatchIn(source: string): (text: string) => boolean {
  const p = loadTerms('en')!.patterns.find((x) => x.source.startsWith(source))!;
  return (text) => {
    readWords(text, tokenize(text, 'en'), () => -1);
    return mayMatch(p.needs);
  };
}

describe('the word-beginning prefilter finds what trying every pattern finds', () => {
  for (const [lang, cases] of [
    ['en', EN_CASES],
    ['ru', RU_CASES],
  ] as const)
    it.each(VARIANTS)(`${lang} cases, %s`, (_name, variant) => {
      let matches = 0;
      for (const [name, text] of cases) {
        const t = variant(text);
        const { filtered, everywhere } = both(t, lang);
        expect(filtered, name).toEqual(everywhere);
        matches += everywhere.length;
      }
      // The cases do name terms in every spelling (a check that compares nothing cannot fail).
      expect(matches).toBeGreaterThan(cases.length / 2);
    });

  it('reads text outside the tokens (a required word no token covers)', () => {
    const text = 'The Kremlin denies its invasion, Kyiv says.';
    // Tokens of the first words only: `invasion` is text between tokens, so it is scanned.
    const tokens = tokenize(text, 'en').filter((t) => t.start < text.indexOf('invasion'));
    const { filtered, everywhere } = both(text, 'en', tokens);
    expect(everywhere).toEqual(['its invasion | the|its|his|this|that invasion !of|by | 19']);
    expect(filtered).toEqual(everywhere);
  });

  it('tries a term after a distancing prefix', () => {
    const text = 'Это псевдоденацификация и псевдо-денацификация на оккупированных территориях.';
    const { filtered, everywhere } = both(text, 'ru');
    expect(everywhere.map((r) => r.split(' | ')[0])).toEqual([
      'денацификация',
      'денацификация',
      'оккупированных территориях',
    ]);
    expect(filtered).toEqual(everywhere);
  });

  it('a pattern word spelled without wildcards needs the whole word, not its beginning', () => {
    const read = mayMatchIn('this|that|its|his|such|the');
    expect(read('This aggressive policy.')).toBe(false);
    expect(read('This aggression, and the AGGRESSION.')).toBe(true);
  });

  it('no pattern matches after its literal start where what follows says it cannot', () => {
    let tried = 0;
    for (const [lang, cases] of [
      ['en', EN_CASES],
      ['ru', RU_CASES],
    ] as const) {
      const idx = loadTerms(lang)!;
      for (const [, variant] of VARIANTS)
        for (const [name, written] of cases) {
          const text = variant(written);
          for (const t of tokenize(text, lang)) {
            if (t.kind !== 'word') continue;
            for (const p of idx.patterns) {
              p.re.lastIndex = t.start;
              if (!p.re.test(text)) continue;
              // The literal starts as the matcher compares them (`startsWith` in match-terms.ts).
              const starts = p.prefixes.map((x) =>
                [...x].every((c, i) => lowerCode(text.charCodeAt(t.start + i)) === c.charCodeAt(0)),
              );
              if (!starts.some(Boolean)) continue;
              tried++;
              const fits = p.prefixes.some(
                (x, j) => starts[j] && followsAt(text, t.start + x.length, p.follows[j]!),
              );
              expect(fits, `${name}: ${p.source} at ${t.start}`).toBe(true);
            }
          }
        }
    }
    expect(tried).toBeGreaterThan(1000);
    // Every pattern at every word of every variant: ~20 s alone, more beside other test files.
  }, 120_000);

  it('a text without the required words tries nothing, one with them finds the term', () => {
    const read = mayMatchIn('special military operation');
    expect(read('A special report on military spending.')).toBe(false);
    expect(read('The special military operation goes on.')).toBe(true);
    expect(read('THE SPECIAL MILITARY OPERATION GOES ON.')).toBe(true);
  });
});

describe('foldUnit', () => {
  it('folds together every two code units the i flag equates, and ё with е', () => {
    let checked = 0;
    for (const g of caseGroups()) {
      for (const c of g) expect(foldUnit(c), `${unit(c)} ${unit(g[0]!)}`).toBe(foldUnit(g[0]!));
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(foldUnit('ё'.charCodeAt(0))).toBe(foldUnit('Е'.charCodeAt(0)));
    expect(foldUnit(0x2011)).toBe(foldUnit(0x2d));
    expect(foldUnit(0x2019)).toBe(foldUnit(0x27));
    expect(foldUnit(0xa0)).toBe(foldUnit(0x20));
    expect(foldUnit(0x131)).not.toBe(foldUnit(0x69)); // dotless ı is not i without the u flag
  });
});

describe('isWordUnit', () => {
  it('holds only for letters and digits of the regexes (a word read whole ends where they do)', () => {
    const letterOrDigit = new RegExp(`[0-9${LETTERS_ANY_CASE}]`);
    let units = 0;
    for (let c = 0; c < 0x10000; c++)
      if (isWordUnit(c)) {
        units++;
        expect(letterOrDigit.test(unit(c)), unit(c)).toBe(true);
      }
    expect(units).toBeGreaterThan(100);
  });
});

describe('requiredKeys and wordBits', () => {
  it('leave out optional, negated and preceding words and words too short to tell', () => {
    expect(requiredKeys(['to|an', 'invasion', '!of'])).toEqual([wordBits('invasion')]);
    expect(requiredKeys(['<the', 'Russian', '?brutal', 'military'])).toEqual([
      wordBits('Russian'),
      wordBits('military'),
    ]);
    expect(requiredKeys(['US|EU', 'war*', '&said'])).toEqual([wordBits('war*'), wordBits('said')]);
    expect(wordBits('to|would')).toBeUndefined();
    expect(wordBits('«quoted')).toBeUndefined();
  });

  it('spell out the ways of an optional hyphen or space', () => {
    expect(wordBits('so~called')).toHaveLength(4); // `socalled`, `so-called`, `so- called`, `so called`
    expect(wordBits('Russia|RUSSIA')).toHaveLength(1);
    // Read whole: `Russian` has bits of its own.
    expect(wordBits('Russia')).not.toEqual(wordBits('Russian'));
    expect(wordBits('Russia*')).toEqual(wordBits('Russ'));
  });
});
