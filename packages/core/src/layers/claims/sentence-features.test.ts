// The sentence features the check-worthiness and subjectivity models were trained on: names,
// values and hashed indices, on sentences written here. The indices are a contract with the
// shipped model files: every feature but the bigrams is `hashString(name)` under the mask; the
// bigrams' indices (a mix of their words' hashes) are checked against known values.
import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import {
  compileLexicon,
  hasFemininePronoun,
  lexiconFor,
  neutralPronouns,
  type SentenceModelSettings,
  sentenceVector,
  splitSentenceVector,
} from './sentence-features.js';
import { sentenceWords } from './words.js';

const BASE: SentenceModelSettings = { bits: 20, chars: false };
const MASK = (1 << 20) - 1;

/** The index a feature name must have (not for bigrams: see the known values below). */
const indexOf = (name: string, mask = MASK) => hashString(name) & mask;

function named(text: string, settings = BASE, lang = 'en') {
  const v = sentenceVector(text, lang, settings, true);
  return v.names!.map((name, i) => ({ name, idx: v.idx[i]!, val: v.val[i]! }));
}

describe('sentenceVector', () => {
  it('gives unigrams and bigrams with digits folded, then classes, marks, length and bias', () => {
    const f = named('The 25 cats sat!');
    expect(f.map((x) => x.name)).toEqual([
      'w:the',
      'b:<s>_the',
      'w:00',
      'b:the_00',
      'w:cats',
      'b:00_cats',
      'w:sat',
      'b:cats_sat',
      'b:sat_</s>',
      'p:num',
      'p:excl',
      'len=4-7',
      'bias',
    ]);
    const bigrams = f.filter((x) => x.name.startsWith('b:')).map((x) => [x.name, x.idx]);
    expect(bigrams).toEqual([
      ['b:<s>_the', 299103],
      ['b:the_00', 410776],
      ['b:00_cats', 517062],
      ['b:cats_sat', 732657],
      ['b:sat_</s>', 58805],
    ]);
    for (const x of f.filter((y) => !y.name.startsWith('b:')))
      expect([x.name, x.idx]).toEqual([x.name, indexOf(x.name)]);
  });

  it('hashes every feature name into the mask as the models expect', () => {
    const text =
      'Yesterday Anna Berg said the “very bad” plan (it costs $5 million, 12% more) will fail in 2024?';
    const settings = { bits: 18, chars: true, suffixes: true };
    const f = named(text, settings);
    expect(f.length).toBeGreaterThan(100);
    const seen = new Map<string, number>();
    for (const x of f) {
      if (!x.name.startsWith('b:')) expect([x.name, x.idx]).toEqual([x.name, indexOf(x.name, (1 << 18) - 1)]);
      else expect(x.idx).toBe(seen.get(x.name) ?? x.idx);
      expect(x.idx).toBeLessThan(1 << 18);
      seen.set(x.name, x.idx);
    }
    // A bigram's index is its words' and not its position's: the same in another sentence.
    const again = named('said the', settings).find((x) => x.name === 'b:said_the')!;
    expect(again.idx).toBe(seen.get('b:said_the'));
    const names = f.map((x) => x.name);
    for (const n of [
      'p:num',
      'p:pct',
      'p:money',
      'p:bignum',
      'p:year',
      'p:quote',
      'p:paren',
      'p:question',
      'c:intens',
      'c:intens=1',
      'c:eval',
      'c:future',
      'c:report',
      'c:date',
      'c:compar',
      'caps=2-3',
      's:day',
      'g:<ye',
      'g:<yest',
      'g:day>',
      'g:ay>',
      'bias',
    ])
      expect(names).toContain(n);
    expect(names).not.toContain('p:excl');
    // Suffixes only of words longer than four letters.
    expect(names.filter((n) => n.startsWith('s:'))).toEqual(['s:day', 's:sts', 's:ion']);
  });

  it('weighs n-grams 1 and suffixes and character grams 0.5, scaled together to unit length', () => {
    const f = named('Terrible things happen', { bits: 20, chars: true, suffixes: true });
    const grams = f.filter((x) => /^[wbsg]:/.test(x.name));
    const ss = grams.reduce((a, x) => a + x.val * x.val, 0);
    expect(ss).toBeCloseTo(1, 9);
    const w = grams.find((x) => x.name === 'w:terrible')!.val;
    expect(grams.find((x) => x.name === 's:ble')!.val).toBeCloseTo(w / 2, 9);
    expect(grams.find((x) => x.name === 'g:<te')!.val).toBeCloseTo(w / 2, 9);
    expect(grams.find((x) => x.name === 'b:things_happen')!.val).toBeCloseTo(w, 9);
    // 3 words × (1 + 1 bigram) + 1 end bigram = 7 at 1; 3 suffixes at 0.5;
    // grams of `<terrible>` (10 characters: 8 + 7 + 6), `<things>` (8: 6 + 5 + 4), `<happen>` (8: 6 + 5 + 4) at 0.5.
    expect(w).toBeCloseTo(1 / Math.sqrt(7 + 0.25 * (3 + 21 + 15 + 15)), 9);
    // Classes, marks, length and bias stay at 1.
    for (const x of f.filter((y) => !/^[wbsg]:/.test(y.name))) expect(x.val).toBe(1);
  });

  it('makes all character 3–5-grams of <word>', () => {
    const f = named('ab', { bits: 20, chars: true });
    expect(f.filter((x) => x.name.startsWith('g:')).map((x) => x.name)).toEqual(['g:<ab', 'g:<ab>', 'g:ab>']);
  });

  it('leaves bigrams out when the model has none', () => {
    const f = named('Cats sat', { bits: 20, chars: false, bigrams: false });
    expect(f.map((x) => x.name)).toEqual(['w:cats', 'w:sat', 'len=2-3', 'bias']);
    expect(named('', BASE).map((x) => x.name)).toEqual(['len=0', 'bias']);
  });

  it('reads US in capitals as the country, not the pronoun of the `we` class', () => {
    const classes = (t: string) => named(t).filter((x) => x.name.startsWith('c:we'));
    expect(classes('The US sanctions hurt the US economy')).toEqual([]);
    expect(classes('The sanctions hurt us').map((x) => x.name)).toEqual(['c:we', 'c:we=1']);
    // The word features keep the lower-cased word either way.
    expect(named('The US').map((x) => x.name)).toContain('w:us');
  });

  it('counts class words per class, in the order classes are first met', () => {
    const f = named('We think we must, we really must');
    const names = f.map((x) => x.name).filter((n) => n.startsWith('c:'));
    expect(names).toEqual([
      'c:we',
      'c:we=2-3',
      'c:belief',
      'c:belief=1',
      'c:modal',
      'c:modal=2-3',
      'c:intens',
      'c:intens=1',
    ]);
    // The counts start again at zero for the next sentence.
    expect(
      named('We think')
        .filter((x) => x.name.startsWith('c:'))
        .map((x) => x.name),
    ).toEqual(['c:we', 'c:we=1', 'c:belief', 'c:belief=1']);
  });

  it('buckets long counts the same way past the caches (64 class words, 256 words)', () => {
    const text = `${'very '.repeat(70)}${'word '.repeat(200)}`;
    const f = named(text);
    const names = f.map((x) => x.name);
    expect(names).toContain('c:intens=64-127');
    expect(names).toContain('len=256-511');
    for (const x of f.filter((y) => /^(c:|len=)/.test(y.name))) expect(x.idx).toBe(indexOf(x.name));
  });

  it.each([
    ['Anna met Berg', 'caps=1'],
    ['met Anna, then Berg; and Cole: now 5 Dora', 'caps=4-7'],
    ['Anna met A B and O’Neil', undefined],
    ['. Anna met me', undefined],
    ['уехал в Москву и Ёлкино', 'caps=2-3'],
    ['«Так» Москва', undefined],
  ])('counts capitalised words inside %s', (text, caps) => {
    const names = named(text).map((x) => x.name);
    expect(names.find((n) => n.startsWith('caps='))).toBe(caps);
  });

  it.each([
    ['"a"', 'p:quote'],
    ['“a', 'p:quote'],
    ['a”', 'p:quote'],
    ['«a', 'p:quote'],
    ['a»', 'p:quote'],
    ['(a', 'p:paren'],
    ['a?', 'p:question'],
    ['a!', 'p:excl'],
    ['5 per cent', 'p:pct'],
    ['5 процентов', 'p:pct'],
    ['€ 5', 'p:money'],
    ['5 roubles', 'p:money'],
    ['3 тыс', 'p:bignum'],
    ['in 1999', 'p:year'],
  ])('marks %s with %s', (text, mark) => {
    const names = named(text).map((x) => x.name);
    expect(names.filter((n) => n.startsWith('p:'))).toEqual(/\d/.test(text) ? ['p:num', mark] : [mark]);
  });

  it('needs a digit for the figure patterns', () => {
    expect(named('percent million dollars').filter((x) => x.name.startsWith('p:'))).toEqual([]);
    expect(
      named('in 2105')
        .filter((x) => x.name.startsWith('p:'))
        .map((x) => x.name),
    ).toEqual(['p:num']);
  });

  it('folds digits beyond ASCII words too and leaves letters alone', () => {
    expect(
      named('٣ and x٣4')
        .map((x) => x.name)
        .slice(0, 5),
    ).toEqual(['w:٣', 'b:<s>_٣', 'w:and', 'b:٣_and', 'w:x']);
    expect(
      named('12a')
        .map((x) => x.name)
        .slice(0, 4),
    ).toEqual(['w:00', 'b:<s>_00', 'w:a', 'b:00_a']);
  });

  it('takes the caller’s words instead of its own and does not change them', () => {
    const words = ['2', 'cats'];
    const v = sentenceVector('ignored text', 'en', BASE, true, words);
    expect(v.names!.slice(0, 3)).toEqual(['w:0', 'b:<s>_0', 'w:cats']);
    expect(words).toEqual(['2', 'cats']);
  });

  it('leaves names out unless asked', () => {
    const v = sentenceVector('The cats sat', 'en', BASE);
    expect(v.names).toBeUndefined();
    expect(v.idx).toEqual(named('The cats sat').map((x) => x.idx));
  });

  it('uses the Russian lexicon for Russian and the English one otherwise', () => {
    expect(named('мы думаем', BASE, 'ru').some((x) => x.name.startsWith('c:'))).toBe(true);
    expect(named('мы думаем', BASE, 'en').some((x) => x.name.startsWith('c:'))).toBe(false);
    expect(named('we think', BASE, 'de').map((x) => x.name)).toContain('c:belief');
    expect(lexiconFor('de')).toBe(lexiconFor('en'));
  });
});

describe('splitSentenceVector', () => {
  it('puts the cue and stem features of a subjectivity model after the shared ones', () => {
    const text = 'I really think this is a terrible idea!';
    const plain = sentenceVector(text, 'en', BASE);
    const split = splitSentenceVector(text, 'en', { ...BASE, cues: true, stems: true });
    expect(split.shared).toBe(plain.idx.length);
    expect(split.idx.slice(0, split.shared)).toEqual(plain.idx);
    expect(split.val.slice(0, split.shared)).toEqual(plain.val);
    expect(split.idx.length).toBeGreaterThan(split.shared);
    const full = sentenceVector(text, 'en', { ...BASE, cues: true, stems: true });
    expect(full.idx).toEqual(split.idx);
    // Stems alone, cues alone: each adds features, both more.
    const stems = splitSentenceVector(text, 'en', { ...BASE, stems: true });
    const cues = splitSentenceVector(text, 'en', { ...BASE, cues: true });
    expect(stems.idx.length).toBeGreaterThan(stems.shared);
    expect(cues.idx.length).toBeGreaterThan(cues.shared);
    expect(stems.idx.length + cues.idx.length - plain.idx.length).toBe(split.idx.length);
    expect(sentenceWords(text)).toHaveLength(8);
  });
});

describe('neutral pronouns', () => {
  it('reads feminine third-person pronouns as masculine, and nothing else', () => {
    const words = sentenceWords('She said her plan was hers and she’s sure; Sheila herself agreed');
    expect(neutralPronouns(words)).toBe(true);
    expect(words).toEqual([
      'he',
      'said',
      'his',
      'plan',
      'was',
      'his',
      'and',
      'he’s',
      'sure',
      'sheila',
      'himself',
      'agreed',
    ]);
    const none = ['the', 'shepherd', 'heard', 'them'];
    expect(neutralPronouns(none)).toBe(false);
    expect(none).toEqual(['the', 'shepherd', 'heard', 'them']);
    expect(hasFemininePronoun(['they', "she'll", 'go'])).toBe(true);
    expect(hasFemininePronoun(['he', 'went'])).toBe(false);
  });

  it('gives a sentence about a woman the vector of the same sentence about a man with `neutral`', () => {
    const on = { ...BASE, neutral: true };
    const woman = sentenceVector('She cut her budget, and she says her plan works.', 'en', on);
    expect(woman).toEqual(sentenceVector('He cut his budget, and he says his plan works.', 'en', on));
    // Without the setting the pronouns are words of their own.
    expect(sentenceVector('She cut the budget.', 'en', BASE).idx).not.toEqual(
      sentenceVector('He cut the budget.', 'en', BASE).idx,
    );
    expect(sentenceVector('She cut the budget.', 'en', on)).toEqual(
      sentenceVector('He cut the budget.', 'en', on),
    );
  });
});

describe('compileLexicon', () => {
  it('maps each word to all its classes in the lexicon’s order', () => {
    const m = compileLexicon({ words: { a: ['x', 'y'], b: ['y'], c: [] } });
    expect([...m]).toEqual([
      ['x', ['a']],
      ['y', ['a', 'b']],
    ]);
  });
});
