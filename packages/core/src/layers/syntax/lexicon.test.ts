import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { encodeClassTable, FormClasses, type FormClassFile, headwordFilter, suffixHash } from './lexicon.js';

/** A lexicon of two suffix rules and two listed forms, with a headword filter when given one. */
function lexicon(headwords?: string[]): FormClasses {
  const classes = ['NOUN', 'VERB', 'ADJF|NOUN', 'ADVB'];
  const suffixes = encodeClassTable([
    [suffixHash(''), 0],
    [suffixHash('ать'), 1],
    [suffixHash('ый'), 2],
  ]);
  const forms = encodeClassTable([
    [hashString('печать'), 0],
    [hashString('быстро'), 3],
  ]);
  const file: FormClassFile = {
    source: 'test',
    classes,
    maxSuffix: 4,
    suffixes: suffixes.keys,
    suffixClasses: suffixes.values,
    forms: forms.keys,
    formClasses: forms.values,
    ...(headwords ? { headwords: headwordFilter(headwords, headwords.length, 8) } : {}),
  };
  return new FormClasses(file);
}

describe('FormClasses (the syntax model lexicon)', () => {
  const lex = lexicon();

  it('gives a listed form its own class before the suffix rules', () => {
    expect(lex.classOf('печать')).toBe('NOUN');
    expect(lex.classOf('быстро')).toBe('ADVB');
  });

  it('guesses other Cyrillic forms by their longest suffix with a rule', () => {
    expect(lex.classOf('читать')).toBe('VERB');
    expect(lex.classOf('новый')).toBe('ADJF|NOUN');
    // No rule for any suffix but the empty one.
    expect(lex.classOf('дом')).toBe('NOUN');
  });

  it('reads hashtags and mentions through their body, and marks pictographs', () => {
    expect(lex.classOf('#печать')).toBe('#NOUN');
    expect(lex.classOf('@читать')).toBe('@VERB');
    expect(lex.classOf('#gopro')).toBe('#?');
    expect(lex.classOf('👍🏻')).toBe('emoji');
    expect(lex.classOf('❤️')).toBe('emoji');
  });

  it('with a headword filter, marks hashtags whose body is no headword-like form', () => {
    const h = lexicon(['печать', 'читать', 'новый']);
    expect(h.isHeadword('печать')).toBe(true);
    expect(h.classOf('#печать')).toBe('#NOUN');
    expect(h.classOf('#новый')).toBe('#ADJF|NOUN');
    // A compound, guessed from its suffix: the same class, marked.
    expect(h.classOf('#печатьнаволге')).toBe('#~NOUN');
    expect(h.classOf('#любимыйновый')).toBe('#~ADJF|NOUN');
    // Mentions and Latin bodies as before.
    expect(h.classOf('@печатьнаволге')).toBe('@NOUN');
    expect(h.classOf('#gopro')).toBe('#?');
    // Strings never put in rarely pass (an 8-bit filter: about 2 % when full).
    const passed = Array.from({ length: 2000 }, (_, i) => `слово${i}`).filter((w) => h.isHeadword(w));
    expect(passed.length).toBeLessThan(100);
  });

  it('has no class for other forms without Cyrillic letters', () => {
    expect(lex.classOf('news')).toBeUndefined();
    expect(lex.classOf('2026')).toBeUndefined();
    expect(lex.classOf(',')).toBeUndefined();
    expect(lex.classOf('#')).toBeUndefined();
  });

  it('refuses a table whose keys and classes differ in number', () => {
    const t = encodeClassTable([[1, 0]]);
    expect(
      () =>
        new FormClasses({
          source: '',
          classes: ['NOUN'],
          maxSuffix: 1,
          suffixes: t.keys,
          suffixClasses: '',
          forms: '',
          formClasses: '',
        }),
    ).toThrow(/differ in number/);
  });
});
