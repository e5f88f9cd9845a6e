import { describe, expect, it } from 'vitest';
import {
  FeatureHasher,
  featureWords,
  hashNgrams,
  hashString,
  logBucket,
  type SparseVector,
  wordNgrams,
} from './features.js';
import { LinearModel } from './linear.js';
import { absentFeature, readableFeature, readableReason, reasonsMany, tellingFeature } from './shipped.js';
import {
  bagSamples,
  classWeights,
  crossValidate,
  prng,
  type Sample,
  trainAveraged,
  trainLinear,
  tuneThresholds,
} from './train.js';
import { featureWordSpans, wordRange } from './words.js';

const LABELS = ['fear', 'praise'];

/** The reasons in order, each said once. */
const once = (rs: string[]): string[] => [...new Set(rs)];

function sample(text: string, y: number[], keep = false): Sample {
  const h = new FeatureHasher(12, keep);
  h.addAll(wordNgrams(featureWords(text), 'w'));
  return { x: h.vector(), y, group: text };
}

const DATA: Sample[] = [];
for (let i = 0; i < 40; i++) {
  DATA.push(sample(`a deadly threat ${i} looms over us`, [0]));
  DATA.push(sample(`a wonderful success ${i} for all`, [1]));
  DATA.push(sample(`the committee met on day ${i}`, []));
}

describe('features', () => {
  it.each([
    ['Hello, World! 42 times', ['hello', 'world', '42', 'times']],
    ['Путин’s «war» ends', ['путин’s', 'war', 'ends']],
  ])('featureWords(%j)', (text, words) => {
    expect(featureWords(text)).toEqual(words);
  });

  it('builds unigrams, bigrams and prefixes', () => {
    expect(wordNgrams(['большая', 'война'], 'w', 4)).toEqual([
      'w:большая',
      'w~боль',
      'w:война',
      'w:большая_война',
    ]);
  });

  it('addNgrams hashes exactly as the named n-grams', () => {
    const words = ['большая', 'война', 'x'];
    const a = new FeatureHasher(16);
    a.addNgrams(words, 'ru', 4);
    const b = new FeatureHasher(16);
    b.addAll(wordNgrams(words, 'ru', 4));
    expect([...a.vector().idx].sort()).toEqual([...b.vector().idx].sort());
    expect(a.size).toBe(6);
  });

  it('addNgramHashes adds what addNgrams adds for any run of the words, names included', () => {
    const words = ['большая', 'война', 'x', 'большая', 'победа'];
    const g = hashNgrams(words, 'ru', 4);
    expect(hashNgrams(words, 'ru', 4, hashNgrams(words, 'ru').uni)).toEqual(g);
    for (let from = 0; from <= words.length; from++)
      for (let to = from; to <= words.length; to++) {
        const a = new FeatureHasher(12);
        a.add('bias');
        a.addNgrams(words.slice(from, to), 'ru', 4);
        const b = new FeatureHasher(12);
        b.add('bias');
        b.addNgramHashes(g, from, to);
        const va = a.vector();
        const vb = b.vector();
        expect(vb.idx).toEqual(va.idx);
        expect(vb.val).toEqual(va.val);
        for (let i = 0; i < va.idx.length; i++) expect(vb.nameAt!(i)).toBe(va.nameAt!(i));
        const named = new FeatureHasher(12, true);
        named.addNgramHashes(g, from, to);
        expect(named.vector().names).toEqual(wordNgrams(words.slice(from, to), 'ru', 4));
      }
  });

  it('names features on demand in the order they were added', () => {
    const words = ['большая', 'война', 'x'];
    const named = new FeatureHasher(16, true);
    named.add('bias');
    named.addNgrams(words, 'ru', 4);
    named.add('cue:fear');
    const lazy = new FeatureHasher(16);
    lazy.add('bias');
    lazy.addNgrams(words, 'ru', 4);
    lazy.add('cue:fear');
    const v = lazy.vector();
    expect(v.idx).toEqual(named.vector().idx);
    expect(v.idx.map((_, i) => v.nameAt!(i))).toEqual(named.vector().names);
  });

  it('tells two features have the same name as comparing their names does', () => {
    // Words with underscores, so that a pair's name can equal another pair's or a word's.
    const words = 'a_b c a b_c a_b c war war_x war a b_c'.split(' ');
    const h = new FeatureHasher(16);
    h.add('bias');
    h.addNgrams(words, 'en', 3);
    h.addNgrams(words.slice(0, 4), 'ent', 3);
    h.addAll(['x', 'bias', 'x']);
    const v = h.vector();
    let same = 0;
    for (let i = 0; i < v.idx.length; i++)
      for (let j = 0; j < v.idx.length; j++) {
        const want = v.nameAt!(i) === v.nameAt!(j);
        expect(v.sameName!(i, j), `${v.nameAt!(i)} ${v.nameAt!(j)}`).toBe(want);
        if (want && i !== j) same++;
      }
    expect(same).toBeGreaterThan(10);
  });

  it('hashes stably and normalizes a group', () => {
    expect(hashString('a')).toBe(0xe40c292c);
    const h = new FeatureHasher(8, true);
    h.add('x', 3);
    h.add('y', 4);
    h.normalize();
    expect(h.vector().val.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.6, 0.8]);
    expect(h.vector().names).toEqual(['x', 'y']);
  });

  it.each([
    [0, '0'],
    [1, '1'],
    [3, '2-3'],
    [9, '8-15'],
    [1023, '512-1023'],
    [1024, '1024-2047'],
    [0.5, '0'],
    [2.5, '2-3'],
    [-3, '0'],
  ])('logBucket(%d) = %s', (n, b) => expect(logBucket(n)).toBe(b));
});

describe('linear model', () => {
  it('learns a multilabel task and survives a round trip through its file form', () => {
    const m = trainLinear(DATA, { kind: 'multilabel', labels: LABELS, bits: 12, epochs: 5 });
    const back = LinearModel.fromFile(JSON.parse(JSON.stringify(m.toFile({ note: 'x' }))));
    const v = sample('a deadly threat looms', [], true).x;
    expect(back.decide(back.probabilities(v))).toEqual([0]);
    expect(back.decide(back.probabilities(sample('a wonderful success', []).x))).toEqual([1]);
    expect(back.decide(back.probabilities(sample('the committee met', []).x))).toEqual([]);
    expect(back.explain(v, 0, 2).map((c) => c.feature)).toContain('w:deadly');
    expect(back.meta).toEqual({ note: 'x' });
  });

  it('learns a multiclass task', () => {
    const data = DATA.map((s) => ({ ...s, y: s.y.length ? s.y : [2] }));
    const m = trainLinear(data, { kind: 'multiclass', labels: [...LABELS, 'none'], bits: 12, balance: 1 });
    expect(m.decide(m.probabilities(sample('the committee met today', []).x))).toEqual([2]);
  });

  it('does not count weak examples in the class frequencies it balances by', () => {
    const o = { kind: 'multiclass' as const, labels: ['a', 'b'], bits: 4, balance: 1 };
    const ex = (y: number, weak = false): Sample => ({ x: { idx: [], val: [] }, y: [y], weak });
    const real = [ex(0), ex(1), ex(1), ex(1)];
    // 1 "a" and 3 "b": mean class size 2, so a weighs 2 and b 2/3.
    expect(Array.from(classWeights(real, o))).toEqual([2, 2 / 3]);
    // 6 weak "a" examples change nothing; counted, they would make "a" the big class.
    const weak = Array.from({ length: 6 }, () => ex(0, true));
    expect(Array.from(classWeights([...real, ...weak], o))).toEqual([2, 2 / 3]);
    const counted = weak.map((s) => ({ ...s, weak: false }));
    expect(Array.from(classWeights([...real, ...counted], o))).toEqual([5 / 7, 5 / 3]);
  });

  it('trains every fold on the `always` samples and predicts only the others', () => {
    const o = { kind: 'multilabel' as const, labels: LABELS, bits: 12, epochs: 2 };
    const always = [sample('a deadly threat looms', [0]), sample('a deadly threat again', [0])];
    const without = crossValidate(DATA, 3, o);
    const withAlways = crossValidate(DATA, 3, o, 1, always);
    expect(withAlways).toHaveLength(DATA.length);
    expect(withAlways.some((p, i) => p[0] !== without[i]![0])).toBe(true);
    expect(crossValidate(DATA, 3, o, 1, [])).toEqual(without);
  });

  it('tunes thresholds on out-of-fold predictions', () => {
    const o = { kind: 'multilabel' as const, labels: LABELS, bits: 12, epochs: 3 };
    const probs = crossValidate(DATA, 3, o);
    const t = tuneThresholds(
      probs,
      DATA.map((s) => s.y),
      2,
    );
    expect(t[0]).toBeGreaterThan(0);
    expect(t[0]).toBeLessThan(1);
  });

  it('scores out of fold with models averaged over seeds, as the final model is', () => {
    const o = { kind: 'multilabel' as const, labels: LABELS, bits: 12, epochs: 2 };
    const two = crossValidate(DATA, 2, o, 2);
    // The folds as crossValidate draws them: one draw per group (every sample its own here).
    const rand = prng(1 + 7);
    const fold = DATA.map(() => Math.floor(rand() * 2));
    const averaged = trainAveraged(
      DATA.filter((_, i) => fold[i] !== 0),
      o,
      2,
    );
    const single = trainLinear(
      DATA.filter((_, i) => fold[i] !== 0),
      o,
    );
    const held = DATA.flatMap((s, i) => (fold[i] === 0 ? [[s, two[i]!] as const] : []));
    expect(held.length).toBeGreaterThan(10);
    for (const [s, p] of held) expect(Array.from(p)).toEqual(Array.from(averaged.probabilities(s.x)));
    expect(held.some(([s, p]) => p[0] !== single.probabilities(s.x)[0])).toBe(true);
  });

  it('bags by group: a bootstrap weighs a group by its draws, a share leaves groups out whole', () => {
    const data: Sample[] = [];
    for (const g of ['a', 'b', 'c', 'd', 'e', 'f'])
      for (let i = 0; i < 3; i++) data.push({ ...sample(`${g} ${i}`, []), group: g });
    const boot = bagSamples(data, 1, prng(3));
    const drawn = new Map<string, number>();
    for (const s of boot) drawn.set(s.group!, s.weight ?? 1);
    // Every sample of a drawn group is kept with the group's weight; six draws in all.
    for (const g of drawn.keys()) expect(boot.filter((s) => s.group === g).length).toBe(3);
    expect([...drawn.values()].reduce((a, b) => a + b, 0)).toBe(6);
    expect(drawn.size).toBeLessThan(6);
    const half = bagSamples(data, 0.5, prng(3));
    expect(new Set(half.map((s) => s.group)).size).toBe(3);
    expect(half.length).toBe(9);
    expect(half.every((s) => s.weight === undefined)).toBe(true);
  });

  it('averages bagged models only when asked and with more than one seed', () => {
    const o = { kind: 'multilabel' as const, labels: LABELS, bits: 12, epochs: 2 };
    const plain = trainAveraged(DATA, o, 3);
    const bagged = trainAveraged(DATA, { ...o, bag: 1 }, 3);
    const one = trainAveraged(DATA, { ...o, bag: 1 }, 1);
    expect(Array.from(one.weights)).toEqual(Array.from(trainLinear(DATA, o).weights));
    expect(Array.from(bagged.weights)).not.toEqual(Array.from(plain.weights));
    // Still a model of the data: a threat scores as fear.
    expect(bagged.probabilities(sample('a deadly threat looms', []).x)[0]).toBeGreaterThan(0.5);
  });

  it('never predicts a label with too little support', () => {
    const t = tuneThresholds([Float64Array.of(0.9), Float64Array.of(0.1)], [[0], []], 1, 3);
    expect(t[0]).toBeCloseTo(1.01);
  });
});

/** explainMany by its definition: every contribution, a stable sort, names merged with a Map. */
function explainByDefinition(m: LinearModel, v: SparseVector, label: number, k: number) {
  const L = m.labels.length;
  const all = v.idx
    // The int8 weight of a loaded model, times the scaled value, as the model computes it.
    .map((b, i) => ({ i, c: v.val[i]! * m.scale * Math.round(m.weights[b * L + label]! / m.scale) }))
    .filter((x) => x.c > 0)
    .sort((a, b) => b.c - a.c)
    .slice(0, 2 * k);
  const by = new Map<string, number>();
  for (const x of all) {
    const name = v.names ? v.names[x.i]! : v.nameAt!(x.i);
    by.set(name, (by.get(name) ?? 0) + x.c);
  }
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([feature, weight]) => ({ feature, weight: Math.round(weight * 1000) / 1000 }));
}

describe('explanations', () => {
  // Few buckets, so that different names share one; repeated words, so that names repeat.
  const labels = ['a', 'b', 'c'];
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const weights = Float32Array.from({ length: 32 * 3 }, () => rand() * 2 - 1);
  const model = LinearModel.fromFile(
    new LinearModel('multilabel', labels, 5, weights, new Float32Array(3), new Float32Array(3)).toFile(),
  );
  const words = 'the war the enemy war over the border and war again the enemy lies'.split(' ');

  it.each([false, true])('explainMany and reasonsMany agree with the definition (names kept: %s)', (keep) => {
    const h = new FeatureHasher(5, keep);
    h.add('bias');
    h.addNgrams(words, 'en', 3);
    h.normalize(1);
    h.addAll(
      // `acue:weekday` and its count read the same: a reason is said once.
      [
        'scue:fear',
        'scue:fear:2-3',
        'pos:title',
        'rep:1',
        'r:whatabout:0',
        'r:quote:0',
        'r:we:2',
        'acue:weekday',
        'acue:weekday:2',
      ],
      0.3,
    );
    const v = h.vector();
    for (const k of [2, 4, 8]) {
      // `present`: the same definition over 2k + 16 contributions, absences left out.
      const present = reasonsMany(model, v, [2, 0], k, true);
      [2, 0].forEach((l, j) => {
        const want = once(
          explainByDefinition(model, v, l, 2 * k + 16)
            .filter((c) => tellingFeature(c.feature) && !absentFeature(c.feature))
            .map((c) => readableFeature(c.feature)),
        ).slice(0, k);
        expect(present[j]).toEqual(want);
        expect(present[j]!.some((r) => r.startsWith('no '))).toBe(false);
      });
      const got = model.explainMany(v, [0, 1, 2], k);
      for (let l = 0; l < 3; l++) expect(got[l]).toEqual(explainByDefinition(model, v, l, k));
      const reasons = reasonsMany(model, v, [2, 0], k);
      [2, 0].forEach((l, j) => {
        const want = once(
          explainByDefinition(model, v, l, 2 * k)
            .filter((c) => tellingFeature(c.feature))
            .map((c) => readableFeature(c.feature)),
        ).slice(0, k);
        expect(reasons[j]).toEqual(want);
      });
    }
  });
});

describe('explanations of a longer text', () => {
  // More positive contributions than a top list keeps, many of them equal (int8 weights, one
  // value for every n-gram): the list's bar, its ties and the merging of repeats all matter.
  const labels = ['a', 'b', 'c', 'd'];
  let seed = 11;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const weights = Float32Array.from({ length: 128 * 4 }, () => Math.round(rand() * 8 - 3) / 4);
  const model = LinearModel.fromFile(
    new LinearModel('multilabel', labels, 7, weights, new Float32Array(4), new Float32Array(4)).toFile(),
  );
  const text =
    'the town council met on monday and the council voted to close the old bridge over the river ' +
    'while the mayor said the bridge was safe and the river was low and the town was calm ' +
    'but the council said the vote was final and the mayor left the town hall early on monday';

  it.each([false, true])('explainMany agrees with the definition (names kept: %s)', (keep) => {
    const h = new FeatureHasher(7, keep);
    h.add('bias');
    h.addNgrams(featureWords(text), 'en', 3);
    h.normalize(1);
    h.addAll(['r:quote:0', 'r:we:2', 'pos:title'], 0.3);
    const v = h.vector();
    for (const k of [1, 2, 3, 4, 8, 12, 24]) {
      const got = model.explainMany(v, [3, 0, 1, 2], k);
      [3, 0, 1, 2].forEach((l, j) => {
        expect(got[j]).toEqual(explainByDefinition(model, v, l, k));
      });
    }
  });
});

describe('reasons', () => {
  it.each([
    ['en:fake_news', '"fake news"'],
    ['ent:war', '"war"'],
    ['ru~украи', '"украи…"'],
    ['scue:fear', 'fear cue'],
    ['acue:doubt:2-3', 'doubt cues in the article'],
    ['r:said:4', 'said rate 4/100 words'],
    ['r:whatabout:0', 'no whatabout cues (0 per 100 words)'],
    ['r:excl:0', 'no exclamation marks (0 per 100 words)'],
    ['pos:title', 'title position'],
    ['dateline', 'dateline'],
    ['sval:neg:2-3', 'strongly negative words: 2-3'],
    ['sval:pos:1', 'strongly positive words: 1'],
    ['sval:max:4', 'a word rated 4 of 5 for emotion'],
    ['lex:Loaded_Language:4', 'words often in Loaded Language spans (4× their rate)'],
    ['lexn:Loaded_Language:2-3', '2-3 words often in Loaded Language spans'],
    ['lexo:Name_Calling-Labeling:8', 'its words together often in Name Calling-Labeling spans (8× the rate)'],
    // Names that reached readers raw (session 11: `pos:4-7`, `adigits`, `i cues`, `rep:0`).
    ['pos:4-7', 'after 4-7 paragraphs'],
    ['pos:1', 'after 1 paragraph'],
    ['pos:last', 'last paragraph'],
    ['rep:2-3', 'repeated words'],
    ['repmax:4-7', 'repeated words'],
    ['adigits', 'figures in the article'],
    ['sdigits', 'figures'],
    ['sellipsis', 'an ellipsis (…)'],
    ['acue:i:1', 'first-person singular cues in the article'],
    ['acue:we', 'first-person plural cues in the article'],
    ['scue:you:2-3', '2-3 × second-person cue'],
    ['r:we:0', 'no first-person plural cues (0 per 100 words)'],
  ])('readableFeature(%j) = %j', (f, out) => expect(readableFeature(f)).toBe(out));

  it.each([
    ['en:the', false],
    ['en:of_the', false],
    ['en:traitors', true],
    ['bias', false],
    ['lang:en', false],
    ['scue:fear', true],
    ['sval:max:1', false],
    ['sval:max:3', true],
    ['lex:Loaded_Language:0', false],
    ['lex:Loaded_Language:2', true],
    ['lexo:Loaded_Language:0', false],
    ['lexo:Loaded_Language:2', true],
    ['lexn:Loaded_Language:1', true],
    ['rep:0', false],
    ['repmax:0', false],
    ['rep:2-3', true],
  ])('tellingFeature(%j) = %s', (f, ok) => expect(tellingFeature(f)).toBe(ok));

  it.each([
    ['r:whatabout:0', true],
    ['r:quote:0', true],
    ['r:quote:0.5', false],
    ['r:we:2', false],
    ['acue:fear:0', false],
    ['en:no_quotes', false],
  ])('absentFeature(%j) = %s', (f, absent) => expect(absentFeature(f)).toBe(absent));

  it.each([
    'en:fake_news',
    'en:the',
    'en:of_the',
    'en:of_them',
    'en:the_enemy',
    'ent:war',
    'ent:warfare',
    'ent:',
    'en:',
    'en~',
    'ru~украи',
    'ru:украина',
    'en:a\nlong_line',
    'en~a\rb',
    'eng:words',
    'e1:words',
    'En:words',
    'bias',
    'lang:en',
    'apars:4-7',
    'slen:2-3',
    'en|len:8-15',
    'r:para:2',
    'scue:fear',
    'scue:fear:2-3',
    'acue:doubt:2-3',
    'pos:title',
    'rep:1',
    'dateline',
    'g:saidSent',
    'sval:neg:1',
    'sval:max:1',
    'lex:Name_Calling-Labeling:8',
    'lex:Loaded_Language:0',
  ])('readableReason(%j) agrees with tellingFeature and readableFeature', (f) => {
    expect(readableReason(f)).toBe(tellingFeature(f) ? readableFeature(f) : null);
    expect(readableReason(f)).toBe(tellingFeature(f) ? readableFeature(f) : null); // memoised
  });
});

describe('featureWordSpans', () => {
  const TEXT = "Don't stop:\nПутин’s «war», 2022 covid19 rock'n'roll.\nÉCOLE x\u0301y";
  it('finds the words of featureWords, with their offsets', () => {
    const s = featureWordSpans(TEXT)!;
    expect(s.words).toEqual(featureWords(TEXT));
    s.words.forEach((w, i) => {
      expect(TEXT.slice(s.starts[i], s.ends[i]).toLowerCase()).toBe(w);
    });
  });

  it('gives the words of a span that cuts no word, and nothing for one that does', () => {
    const s = featureWordSpans(TEXT)!;
    // Independent definition: a span cuts a word when one of its ends falls strictly inside one.
    const inside = (pos: number) => s.starts.some((a, i) => a < pos && pos < s.ends[i]!);
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (let start = 0; start <= TEXT.length; start++)
      for (let end = start; end <= TEXT.length; end++) {
        const r = wordRange(s, start, end);
        got.push([start, end, r && s.words.slice(r.from, r.to)]);
        const cuts = inside(start) || inside(end);
        want.push([start, end, cuts ? undefined : featureWords(TEXT.slice(start, end))]);
      }
    expect(got).toEqual(want);
    expect(want.filter((w) => (w as unknown[])[2] === undefined).length).toBeGreaterThan(0);
  });

  it.each([
    [0, 11, { from: 0, to: 2 }], // "Don't stop:"
    [0, 5, { from: 0, to: 1 }], // "Don't"
    [6, 10, { from: 1, to: 2 }], // "stop"
    [5, 6, { from: 1, to: 1 }], // the space: no words
    [1, 5, undefined], // "on't" cuts "Don't"
    [0, 3, undefined], // "Don" cuts it too
  ])('wordRange(%i, %i) is %j', (start, end, range) => {
    expect(wordRange(featureWordSpans(TEXT)!, start, end)).toEqual(range);
  });

  it.each(['İstanbul', 'ΟΔΟΣ', 'emoji 🚨'])('leaves texts whose offsets do not carry over (%j)', (text) => {
    expect(featureWordSpans(text)).toBeUndefined();
  });
});

describe('featureWords matches its regex definition', () => {
  const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\p{N}+/gu;
  it.each([
    "Don't stop",
    'Путин’s «war», 2022',
    "a' l'é rock'n'roll",
    "x\u0301y é'\u0301 a'b\u0301c",
    'covid19 ½ ٣٤',
    '𝒜bc abc𝒜 emoji 🚨 end',
    'ÉCOLE Straße İstanbul',
  ])('%j', (text) => {
    expect(featureWords(text)).toEqual(text.toLowerCase().match(WORD) ?? []);
  });
});
