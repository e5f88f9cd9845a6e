// Unit tests of `findClaims` and `claimKind` on hand-built documents: paragraphs, sentences,
// entities and quotes written out here, stand-in sentence models with set probabilities. No
// pipeline and no model files, so a mutation run can afford them per mutant.
import { describe, expect, it } from 'vitest';
import type { NewsDocument, ParagraphRole, Span } from '../../schema.js';
import type { Quote } from '../quotes/types.js';
import { type ClaimsOptions, claimKind, claims, findClaims } from './claims.js';
import { SentenceModels } from './models.js';
import type { SentenceModel } from './sentence-model.js';
import { sentenceWords } from './words.js';

/** A stand-in model: the probability set per sentence text (else `dflt`), and a threshold. */
function stand(table: Record<string, number>, dflt: number, threshold: number): SentenceModel {
  return {
    threshold,
    calibrate: (p: number) => p,
    // Cue features set: never compatible with a partner, so no joint scorer is built.
    settings: { bits: 10, chars: false, suffixes: false, cues: true, stems: false },
    probability: (text: string) => table[text] ?? dflt,
  } as unknown as SentenceModel;
}

/** English models: check-worthiness and subjectivity with the given tables. */
function models(cw: Record<string, number>, subj: Record<string, number>, cwDefault = 0.5, subjDefault = 0) {
  return new SentenceModels(
    new Map([
      ['claims/checkworthy', new Map([['en', stand(cw, cwDefault, 0.6)]])],
      ['subjectivity/subjectivity', new Map([['en', stand(subj, subjDefault, 0.5)]])],
    ]),
  );
}

type Para = [ParagraphRole, string[], { duplicateOf?: number }?];

/** A document of paragraphs (joined by blank lines), each a list of sentences (joined by a space). */
function makeDoc(paras: Para[], lang?: string, extra: Partial<NewsDocument> = {}): NewsDocument {
  let text = '';
  const paragraphs: object[] = [];
  const sentences: object[] = [];
  paras.forEach(([role, sents, more], pi) => {
    if (pi > 0) text += '\n\n';
    const start = text.length;
    sents.forEach((s, si) => {
      if (si > 0) text += ' ';
      sentences.push({ start: text.length, end: text.length + s.length, paragraph: pi });
      text += s;
    });
    paragraphs.push({ start, end: text.length, role, ...more });
  });
  const doc = { id: 'd', text, paragraphs, sentences, ...extra } as unknown as NewsDocument;
  if (lang) doc.language = { code: lang, confidence: 1, script: 'Latn', method: 'declared' };
  return doc;
}

const at = (text: string, needle: string, from = 0): Span => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return { start, end: start + needle.length };
};

const ALL: ClaimsOptions = { minScore: 0, clauses: true };

describe('claimKind', () => {
  const none = { numbers: [], dates: [], entities: [] };
  const span = { start: 0, end: 1 };
  it.each([
    // The first kind in the language's order with a cue wins: prediction before causal.
    ['The mayor will resign because of the scandal', 'prediction', 'will'],
    ['The mayor resigned because he was tired', 'causal', 'because'],
    ['The mayor resigned because of the scandal', 'causal', 'because of'],
    // A phrase beats a single word of the same list, wherever the word stands.
    ['Prices will rise next month', 'prediction', 'next month'],
    ['Inflation fell due to cheaper fuel', 'causal', 'due to'],
    ['Unemployment fell by half of what was feared', 'statistic', 'half of'],
    ['The council approved the budget', 'event', 'approved'],
    ['The budget took place in the hall', 'event', 'took place'],
    ['The cat sat on the mat', 'other', undefined],
    // A blocker up to four words before the cue cancels it.
    ['It is unclear whether the mayor will resign', 'other', undefined],
    ['If a b c the mayor will resign', 'prediction', 'will'],
  ])('%s → %s (%s)', (text, kind, cue) => {
    expect(claimKind(sentenceWords(text), 'en', none)).toEqual(cue ? { kind, cue } : { kind });
  });

  it('takes figures for a statistic (cue "number" without a cue word) and dates with names for an event', () => {
    expect(claimKind(sentenceWords('Sales rose sharply'), 'en', { ...none, numbers: [span] })).toEqual({
      kind: 'statistic',
      cue: 'number',
    });
    expect(claimKind(sentenceWords('Sales rose by ten percent'), 'en', { ...none, numbers: [span] })).toEqual(
      {
        kind: 'statistic',
        cue: 'percent',
      },
    );
    // A prediction still comes first; a causal cue too.
    expect(claimKind(sentenceWords('Sales will rise'), 'en', { ...none, numbers: [span] })).toEqual({
      kind: 'prediction',
      cue: 'will',
    });
    expect(
      claimKind(sentenceWords('Sales sat with the mayor'), 'en', {
        ...none,
        dates: [span],
        entities: [span],
      }),
    ).toEqual({ kind: 'event', cue: 'date' });
    // A date alone or a name alone is no event.
    expect(claimKind(sentenceWords('Sales sat with the mayor'), 'en', { ...none, dates: [span] })).toEqual({
      kind: 'other',
    });
    expect(claimKind(sentenceWords('Sales sat with the mayor'), 'en', { ...none, entities: [span] })).toEqual(
      {
        kind: 'other',
      },
    );
  });

  it('uses the Russian cues for Russian and the English ones for languages without cues', () => {
    expect(claimKind(sentenceWords('Цены будут расти'), 'ru', none)).toEqual({
      kind: 'prediction',
      cue: 'будут',
    });
    expect(claimKind(sentenceWords('Цены выросли из-за санкций'), 'ru', none)).toEqual({
      kind: 'causal',
      // Phrases are matched word by word and given back as their words.
      cue: 'из за',
    });
    expect(claimKind(sentenceWords('Цены будут расти'), 'en', none)).toEqual({ kind: 'other' });
    expect(claimKind(sentenceWords('Prices will rise'), 'de', none)).toEqual({
      kind: 'prediction',
      cue: 'will',
    });
  });

  it('handles clauses longer than its scratch buffer', () => {
    const long = `${'word '.repeat(200)}will rise`;
    expect(claimKind(sentenceWords(long), 'en', none)).toEqual({ kind: 'prediction', cue: 'will' });
    // …and a short one after it sees no stale bits.
    expect(claimKind(sentenceWords('The cat sat'), 'en', none)).toEqual({ kind: 'other' });
  });
});

describe('findClaims on hand-built documents', () => {
  const FIG = 'The council approved a budget of 12 percent more.';
  const PRED = 'The mayor will resign soon enough.';
  const OPINION = 'I think this is a terrible idea.';
  const PLAIN = 'The dog sat quietly on the mat.';
  const doc = makeDoc(
    [
      ['title', ['The mayor will resign next week']],
      ['standfirst', [PRED]],
      ['body', [FIG, 'Yes, sure.', OPINION]],
      ['caption', ['The mayor will resign, says the caption.']],
      ['body', [PRED], { duplicateOf: 1 }],
      ['body', [PLAIN]],
    ],
    'en',
  );
  const m = models(
    { [FIG]: 0.7, [PRED]: 0.2, [OPINION]: 0.5, [PLAIN]: 0.3 },
    { [OPINION]: 0.8, [FIG]: 0.1234 },
  );
  // Run inside each test (not at collection), so a mutation run knows which tests cover what.
  const run = () => findClaims(doc, ALL, m);

  it('takes body and standfirst sentences of three words or more, not titles, captions or repeats', () => {
    const out = run();
    expect(out.map((c) => doc.text.slice(c.start, c.end))).toEqual([PRED, FIG, OPINION, PLAIN]);
    // Sentence indices into the sentences layer: title 0, standfirst 1, body 2–4, caption 5, repeat 6, body 7.
    expect(out.map((c) => c.attrs.sentence)).toEqual([1, 2, 4, 7]);
  });

  it('scores by noisy-or of the model and the kind prior, full when concrete, half when not', () => {
    const [pred, fig, opinion, plain] = run();
    // Prediction prior 0.4, halved (nothing concrete): 1 − 0.8 · 0.8.
    expect(pred).toMatchObject({ label: 'prediction', score: 0.36 });
    expect(pred!.attrs).toMatchObject({
      cue: 'will',
      model: 0.2,
      checkworthy: false,
      numbers: [],
      dates: [],
    });
    // Statistic prior 0.3 in full (a figure): 1 − 0.3 · 0.7 = 0.79.
    expect(fig).toMatchObject({ label: 'statistic', score: 0.79 });
    expect(fig!.attrs).toMatchObject({ cue: 'percent', model: 0.7, subjectivity: 0.123, checkworthy: true });
    expect(fig!.attrs.numbers.map((s) => doc.text.slice(s.start, s.end))).toEqual(['12 percent']);
    // No kind: the model's 0.5 down-weighted by half the subjectivity (0.8): 0.5 · 0.6.
    expect(opinion).toMatchObject({ label: 'other', score: 0.3 });
    expect(opinion!.attrs).toMatchObject({ model: 0.5, subjectivity: 0.8, checkworthy: false });
    expect(opinion!.attrs.cue).toBeUndefined();
    // No kind and not subjective: the model's score as it is.
    expect(plain).toMatchObject({ label: 'other', score: 0.3 });
  });

  it('marks the outlet voice, the model method, and no quote or speaker without quotes', () => {
    for (const c of run()) {
      expect(c.attrs.voice).toBe('outlet');
      expect(c.attrs.method).toBe('model');
      expect('quote' in c.attrs).toBe(false);
      expect('speaker' in c.attrs).toBe(false);
    }
  });

  it('flags check-worthy at the model threshold on the combined score, not on the model alone', () => {
    // Threshold 0.6: a prediction of model 0.45 reaches 1 − 0.55 · 0.8 = 0.56 (no), of 0.5 exactly 0.6 (yes).
    const d = makeDoc([['body', [PRED]]], 'en');
    const low = findClaims(d, ALL, models({ [PRED]: 0.45 }, {}))[0]!;
    expect([low.score, low.attrs.checkworthy]).toEqual([0.56, false]);
    const edge = findClaims(d, ALL, models({ [PRED]: 0.5 }, {}))[0]!;
    expect([edge.score, edge.attrs.checkworthy]).toEqual([0.6, true]);
  });

  it('leaves out claims below minScore and keeps those at it', () => {
    expect(findClaims(doc, { minScore: 0.37, clauses: true }, m).map((c) => c.score)).toEqual([0.79]);
    expect(findClaims(doc, { minScore: 0.3, clauses: true }, m).map((c) => c.score)).toEqual([
      0.36, 0.79, 0.3, 0.3,
    ]);
    // A prediction of model 0.5 scores exactly 1 − 0.5 · 0.8 = 0.6.
    const d = makeDoc([['body', [PRED]]], 'en');
    const half = models({ [PRED]: 0.5 }, {});
    expect(findClaims(d, { minScore: 0.6, clauses: true }, half)).toHaveLength(1);
    expect(findClaims(d, { minScore: 0.6000001, clauses: true }, half)).toHaveLength(0);
  });

  it('rounds scores, model and subjectivity to three decimals', () => {
    const d = makeDoc([['body', [PLAIN]]], 'en');
    const c = findClaims(d, ALL, models({ [PLAIN]: 0.123456 }, { [PLAIN]: 0.0004 }))[0]!;
    expect([c.score, c.attrs.model, c.attrs.subjectivity]).toEqual([0.123, 0.123, 0]);
  });

  it('reads English when the document has no language layer', () => {
    const d = makeDoc([['body', [PRED]]]);
    expect(findClaims(d, ALL, models({ [PRED]: 0.2 }, {}))[0]).toMatchObject({
      label: 'prediction',
      score: 0.36,
    });
  });

  it('takes a clause of exactly three words', () => {
    const d = makeDoc([['body', ['Prices rose sharply.', 'Prices rose.']]], 'en');
    expect(findClaims(d, ALL, m).map((c) => d.text.slice(c.start, c.end))).toEqual(['Prices rose sharply.']);
  });

  it('skips a sentence whose paragraph is not in the paragraphs layer', () => {
    const d = makeDoc([['body', [PRED]]], 'en');
    d.sentences = [{ ...d.sentences![0]!, paragraph: 5 }];
    expect(findClaims(d, ALL, m)).toEqual([]);
  });

  it('returns nothing for a document without sentences or paragraphs', () => {
    expect(findClaims({ id: 'x', text: 'The mayor will resign.' } as NewsDocument, ALL, m)).toEqual([]);
    const d = makeDoc([['body', [PRED]]], 'en');
    delete d.paragraphs;
    expect(findClaims(d, ALL, m)).toEqual([]);
  });
});

describe('findClaims: clauses', () => {
  const S = 'Exports fell by a third last year, while imports kept rising in every month.';
  const d = makeDoc([['body', [S]]], 'en');
  const m = models({}, {});

  it('splits a sentence at a clause break when asked, one claim per clause', () => {
    const got = findClaims(d, ALL, m).map((c) => [d.text.slice(c.start, c.end), c.attrs.sentence]);
    expect(got).toEqual([
      ['Exports fell by a third last year', 0],
      ['while imports kept rising in every month.', 0],
    ]);
  });

  it('keeps the sentence whole when clauses are off', () => {
    const got = findClaims(d, { minScore: 0, clauses: false }, m).map((c) => d.text.slice(c.start, c.end));
    expect(got).toEqual([S]);
    const two = makeDoc([['body', ['The dog sat on the mat.', S]]], 'en');
    const both = findClaims(two, { minScore: 0, clauses: false }, m);
    expect(both.map((c) => [two.text.slice(c.start, c.end), c.attrs.sentence])).toEqual([
      ['The dog sat on the mat.', 0],
      [S, 1],
    ]);
  });

  it('gives each clause its own kind and evidence', () => {
    const text = 'Prices rose by 5 percent in March, but the mayor will resign because of it.';
    const dd = makeDoc([['body', [text]]], 'en');
    const got = findClaims(dd, ALL, m);
    expect(got.map((c) => [dd.text.slice(c.start, c.end), c.label, c.attrs.cue])).toEqual([
      ['Prices rose by 5 percent in March', 'statistic', 'percent'],
      ['but the mayor will resign because of it.', 'prediction', 'will'],
    ]);
    expect(got[0]!.attrs.dates.map((s) => dd.text.slice(s.start, s.end))).toEqual(['in March']);
    expect(got[1]!.attrs.dates).toEqual([]);
  });
});

describe('findClaims: entities, voices and speakers', () => {
  it('takes the entities layer mentions inside the claim as its names', () => {
    const S1 = 'Anna Berg sat with the mayor of Port Vella.';
    const S2 = 'They talked about the weather today.';
    const d = makeDoc([['body', [S1, S2]]], 'en');
    const text = d.text;
    // Given out of text order: the layer sorts them.
    d.entities = [
      { id: 'e2', type: 'place', name: 'Port Vella', aliases: [], mentions: [at(text, 'Port Vella')] },
      { id: 'e1', type: 'person', name: 'Anna Berg', aliases: [], mentions: [at(text, 'Anna Berg')] },
    ] as unknown as NewsDocument['entities'];
    const [a, b] = findClaims(d, ALL, models({}, {}));
    expect(a!.attrs.entities.map((s) => text.slice(s.start, s.end))).toEqual(['Anna Berg', 'Port Vella']);
    // Mentions with one start come shortest first.
    d.entities = [
      { id: 'e3', type: 'place', name: 'Port Vella', aliases: [], mentions: [at(text, 'Port Vella')] },
      { id: 'e4', type: 'place', name: 'Port', aliases: [], mentions: [at(text, 'Port')] },
    ] as unknown as NewsDocument['entities'];
    expect(
      findClaims(d, ALL, models({}, {}))[0]!.attrs.entities.map((s) => text.slice(s.start, s.end)),
    ).toEqual(['Port', 'Port Vella']);
    expect(b!.attrs.entities).toEqual([]);
    // Names but no cue and no date: `other`, which has no prior; the score is the model's.
    expect(a).toMatchObject({ label: 'other', score: 0.5 });
    // A date and a name make an event, whose prior then counts in full: 1 − 0.5 · 0.9.
    const S3 = 'Anna Berg sat with the mayor in March.';
    const d3 = makeDoc([['body', [S3]]], 'en');
    d3.entities = [
      { id: 'e1', type: 'person', name: 'Anna Berg', aliases: [], mentions: [at(d3.text, 'Anna Berg')] },
    ] as unknown as NewsDocument['entities'];
    expect(findClaims(d3, ALL, models({}, {}))[0]).toMatchObject({ label: 'event', score: 0.55 });
  });

  const QUOTED = '“We will not raise taxes this year at all,” said Mara Lind.';
  const REPORTED = 'The minister said prices had fallen again lately.';
  const SCARE = 'The so-called “reform of the tax office” was late again.';

  function withQuotes() {
    const d = makeDoc(
      [
        ['body', [QUOTED]],
        ['body', [REPORTED]],
        ['body', [SCARE]],
      ],
      'en',
    );
    const t = d.text;
    const q = (kind: Quote['kind'], content: string, speaker?: string): Quote =>
      ({
        ...at(t, content),
        kind,
        signals: [],
        rule: 'test',
        ...(speaker ? { speaker: { name: speaker, type: 'person' } } : {}),
      }) as Quote;
    d.quotes = [
      q('direct', '“We will not raise taxes this year at all,”', 'Mara Lind'),
      q('indirect', 'prices had fallen again lately'),
      q('scare', '“reform of the tax office” was late again'),
    ];
    return d;
  }

  it('links claims inside attributions to the quote and its speaker; direct quotes take the kind quote', () => {
    const d = withQuotes();
    const got = findClaims(d, ALL, models({}, {}));
    expect(
      got.map((c) => [d.text.slice(c.start, c.end), c.label, c.attrs.voice, c.attrs.quote, c.attrs.speaker]),
    ).toEqual([
      [QUOTED, 'quote', 'quoted', 0, 'Mara Lind'],
      [REPORTED, 'other', 'reported', 1, undefined],
      [SCARE, 'other', 'outlet', undefined, undefined],
    ]);
    // A quote claim keeps no cue (`will` would be one) and takes the quote prior in full (`this
    // year` is a date): 1 − 0.5 · 0.85.
    expect(got[0]!.attrs.cue).toBeUndefined();
    expect(got[0]!.score).toBe(0.575);
    expect('speaker' in got[1]!.attrs).toBe(false);
  });

  it('decides by quotation marks when there is no quotes layer', () => {
    const d = withQuotes();
    delete d.quotes;
    const got = findClaims(d, ALL, models({}, {}));
    expect(got.map((c) => [c.label, c.attrs.voice])).toEqual([
      ['quote', 'quoted'],
      ['other', 'outlet'],
      ['other', 'outlet'],
    ]);
  });
});

describe('findClaims: Russian (cue fallback, no model)', () => {
  const S1 = 'Экономика нашей страны точно будет расти, но цены на бензин выросли из-за санкций.';
  const S2 = 'Я думаю, это ужасный план.';
  const d = makeDoc([['body', [S1, S2]]], 'ru');
  it('splits at the Russian clause breaks and takes the Russian cues', () => {
    const got = findClaims(d, ALL, models({}, {}));
    expect(got.map((c) => [d.text.slice(c.start, c.end), c.label, c.attrs.cue])).toEqual([
      ['Экономика нашей страны точно будет расти', 'prediction', 'будет'],
      ['но цены на бензин выросли из-за санкций.', 'causal', 'из за'],
      [S2, 'other', undefined],
    ]);
  });

  it('scores with the lexicon fallback, decided at 0.5', () => {
    const got = findClaims(d, ALL, models({}, {}));
    for (const c of got) expect(c.attrs.method).toBe('cues');
    // The opinion: `я` (0.6), `думаю` (0.8) and `ужасный` (1) make subjectivity squash(1.4);
    // check-worthiness finds nothing, squash(−1); the score is that times 1 − 0.802 / 2.
    const op = got[2]!;
    expect(op.attrs).toMatchObject({ subjectivity: 0.802, model: 0.269, checkworthy: false });
    expect(op.score).toBe(0.161);
    // The prediction: no figure, prior 0.4 halved, on squash(−1): 1 − 0.731 · 0.8.
    expect(got[0]!.score).toBe(0.415);
    expect(got[0]!.attrs.checkworthy).toBe(false);
  });
});

describe('the claims analyzer', () => {
  it('declares its layer, inputs and defaults', () => {
    expect(claims.name).toBe('claims');
    expect(claims.produces).toBe('claims');
    expect(claims.requires).toEqual(['paragraphs', 'sentences', 'language', 'entities', 'quotes']);
    expect(claims.defaults).toStrictEqual({ minScore: 0.1, clauses: true, deps: undefined });
  });

  it('runs findClaims with its options and models', () => {
    const PRED = 'The mayor will resign soon enough.';
    const d = makeDoc([['body', [PRED]]], 'en');
    const m = models({ [PRED]: 0.2 }, {});
    const run = claims.run as unknown as (
      d: NewsDocument,
      c: unknown,
      o: ClaimsOptions,
      m: { models: SentenceModels; deps: null },
    ) => unknown;
    expect(run(d, {}, ALL, { models: m, deps: null })).toEqual(findClaims(d, ALL, m));
    expect(run(d, {}, { minScore: 0.5, clauses: true }, { models: m, deps: null })).toEqual([]);
  });
});
