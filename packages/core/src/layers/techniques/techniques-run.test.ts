// The techniques analyzer on hand-built documents with a tiny model made here (three labels,
// weights on a few named features): which paragraphs and sentences it reports, where each
// finding sits, its score and reasons, in the paragraph and the sentence mode. No pipeline and
// no model file.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyzerContext } from '../../analyzer.js';
import { LinearModel } from '../../models/linear.js';
import type { ModelSet } from '../../models/shipped.js';
import { WordClusters } from '../../models/word-clusters.js';
import { createPipeline } from '../../pipeline.js';
import type { NewsDocument, Paragraph, Sentence } from '../../schema.js';
import { articleContext, articleStats, unitFeatures } from './features.js';
import { type TechniquesLayer, techniques } from './techniques.js';

const BITS = 12;
const LABELS = ['Loaded_Language', 'Name_Calling-Labeling', 'Doubt'];
const LOADED = 0;
const NAMECALL = 1;
const DOUBT = 2;

/** The bucket of a feature name (found through the features of a text that has it). */
function bucket(name: string, text: string, lang = 'en'): number {
  const v = unitFeatures(text, { lang, index: 1, count: 3, article: [] }, BITS, true);
  const i = v.names!.indexOf(name);
  if (i < 0) throw new Error(`no feature ${name} in ${text}`);
  return v.idx[i]!;
}

/**
 * A model where `corrupt` makes Loaded_Language, `traitors` Name_Calling and an exclamation
 * mark Doubt; everything else leaves the bias (−4) alone. `meta` as the file would give it.
 */
function tinyModel(meta: Record<string, unknown>): LinearModel {
  const w = new Float32Array((1 << BITS) * LABELS.length);
  w[bucket('en:corrupt', 'corrupt') * LABELS.length + LOADED] = 30;
  w[bucket('en:traitors', 'traitors') * LABELS.length + NAMECALL] = 30;
  w[bucket('sexcl:1', 'x!') * LABELS.length + DOUBT] = 20;
  // The shared `bias` feature counts once: scored apart for the article, not again per unit.
  w[bucket('bias', 'x') * LABELS.length + LOADED] = 2;
  return new LinearModel(
    'multilabel',
    LABELS,
    BITS,
    w,
    new Float32Array([-4, -4, -4]),
    new Float32Array([0.5, 0.5, 0.5]),
    { langThresholds: { en: [0.5, 0.5, 0.5] }, ...meta },
  );
}

const set = (m: LinearModel): ModelSet => ({ name: 'techniques', forLanguage: () => m });

function context() {
  const reports: unknown[] = [];
  const ctx = {
    report: (d: unknown) => reports.push(d),
    suggestMeta: () => {},
  } as unknown as AnalyzerContext;
  return { ctx, reports };
}

/** Paragraphs on lines, each a list of sentences joined by a space. */
function makeDoc(paras: string[][], lang = 'en'): NewsDocument {
  let text = '';
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  paras.forEach((sents, pi) => {
    if (pi > 0) text += '\n';
    const start = text.length;
    sents.forEach((s, si) => {
      if (si > 0) text += ' ';
      sentences.push({ start: text.length, end: text.length + s.length, paragraph: pi });
      text += s;
    });
    paragraphs.push({ start, end: text.length, role: pi === 0 ? 'title' : 'body' });
  });
  return {
    id: 't',
    text,
    paragraphs,
    sentences,
    language: { code: lang, confidence: 1, script: 'Latn', method: 'declared' },
  } as NewsDocument;
}

const run = (doc: NewsDocument, model: LinearModel, why = 4) => {
  const { ctx, reports } = context();
  const layer = (
    techniques.run as unknown as (
      d: NewsDocument,
      c: AnalyzerContext,
      o: object,
      m: ModelSet,
    ) => TechniquesLayer
  )(doc, ctx, { model: '', why }, set(model));
  return { layer, reports };
};

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The probability the model gives a whole unit (all features, no shared part scored apart). */
function unitProbability(
  m: LinearModel,
  doc: NewsDocument,
  start: number,
  end: number,
  index: number,
  count: number,
) {
  const article = articleContext(doc.text, 'en', count);
  const counts = articleStats(doc.text, 'en').counts;
  return m.probabilities(
    unitFeatures(doc.text.slice(start, end), { lang: 'en', index, count, article, counts }, BITS),
  );
}

const DOC = [
  ['A quiet title'],
  ['The budget was passed on time.', 'These corrupt traitors lie!', 'Nobody was surprised by it.'],
  ['The weather was mild all week.'],
  ['Corrupt officials, the mayor said.'],
];

describe('techniques by paragraph (a paragraph model)', () => {
  const model = tinyModel({});

  it('reports each paragraph’s techniques and places each on its strongest sentence', () => {
    const doc = makeDoc(DOC);
    const { layer, reports } = run(doc, model);
    expect(reports).toEqual([]);
    expect(layer.paragraphs.map((p) => [p.paragraph, p.techniques.map((t) => t.technique)])).toEqual([
      [1, ['Loaded_Language', 'Name_Calling-Labeling', 'Doubt']],
      [3, ['Loaded_Language']],
    ]);
    expect(layer.spans.map((s) => [s.paragraph, s.technique, doc.text.slice(s.start, s.end)])).toEqual([
      [1, 'Loaded_Language', 'These corrupt traitors lie!'],
      [1, 'Name_Calling-Labeling', 'These corrupt traitors lie!'],
      // Doubt comes from the exclamation mark, a shape feature: no sentence's n-grams carry it,
      // so the first sentence (all tied) takes it.
      [1, 'Doubt', 'The budget was passed on time.'],
      // A paragraph of one sentence is its own span.
      [3, 'Loaded_Language', 'Corrupt officials, the mayor said.'],
    ]);
  });

  it('scores as the model scores the whole paragraph, rounded; spans take their paragraph’s score', () => {
    const doc = makeDoc(DOC);
    const { layer } = run(doc, model);
    const paras = doc.paragraphs!;
    const p1 = unitProbability(model, doc, paras[1]!.start, paras[1]!.end, 1, 4);
    const p3 = unitProbability(model, doc, paras[3]!.start, paras[3]!.end, 3, 4);
    expect(layer.paragraphs[0]!.techniques.map((t) => t.score)).toEqual([r3(p1[0]!), r3(p1[1]!), r3(p1[2]!)]);
    expect(layer.paragraphs[1]!.techniques.map((t) => t.score)).toEqual([r3(p3[0]!)]);
    expect(layer.spans.map((s) => s.score)).toEqual([r3(p1[0]!), r3(p1[1]!), r3(p1[2]!), r3(p3[0]!)]);
    for (const s of layer.spans) expect(s.score).toBeGreaterThan(0.5);
  });

  it('gives the features that decided as reasons, at most `why` of them', () => {
    const doc = makeDoc(DOC);
    const { layer } = run(doc, model, 4);
    const loaded = layer.spans[0]!;
    expect(loaded.why.length).toBeGreaterThan(0);
    expect(loaded.why.join(' ')).toMatch(/corrupt/);
    expect(layer.spans[1]!.why.join(' ')).toMatch(/traitors/);
    expect(layer.spans[2]!.why.join(' ')).toMatch(/exclamation/);
    const none = run(doc, model, 0).layer;
    for (const s of none.spans) expect(s.why).toEqual([]);
  });

  it('finds nothing in plain text, and nothing in a language the model was not trained on', () => {
    expect(run(makeDoc([['A title'], ['The weather was mild.']]), model).layer).toEqual({
      spans: [],
      paragraphs: [],
    });
    const { layer, reports } = run(makeDoc(DOC, 'de'), model);
    expect(layer).toEqual({ spans: [], paragraphs: [] });
    expect(reports).toEqual([
      {
        code: 'I_TECHNIQUES_LANGUAGE',
        severity: 'info',
        message: 'no techniques model for language "de"; supported: en',
      },
    ]);
  });

  it('ignores a sentence of a paragraph the document does not have', () => {
    const doc = makeDoc(DOC);
    doc.sentences = [...doc.sentences!, { start: 0, end: 3, paragraph: 9 }];
    expect(run(doc, model).layer).toEqual(run(makeDoc(DOC), model).layer);
  });

  it('uses the language’s own thresholds', () => {
    const strict = tinyModel({ langThresholds: { en: [0.5, 1, 1] } });
    const { layer } = run(makeDoc(DOC), strict);
    expect(layer.spans.map((s) => s.technique)).toEqual(['Loaded_Language', 'Loaded_Language']);
  });
});

describe('techniques by sentence (a sentence model)', () => {
  const calibration = { a: [1, 1, 1], b: [-1, 0, 1] };
  const model = tinyModel({ unit: 'sentence', calibration });
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const logit = (p: number) => Math.log(p / (1 - p));
  const cal = (l: number, p: number) => sig(calibration.a[l]! * logit(p) + calibration.b[l]!);

  it('reports each sentence that uses a technique as the span, and a paragraph with any', () => {
    const doc = makeDoc([
      ['A quiet title'],
      ['The budget was passed on time.', 'These corrupt traitors lie!', 'More corrupt deals followed.'],
      ['The weather was mild all week.'],
    ]);
    const { layer } = run(doc, model);
    expect(layer.spans.map((s) => [s.paragraph, s.technique, doc.text.slice(s.start, s.end)])).toEqual([
      [1, 'Loaded_Language', 'These corrupt traitors lie!'],
      [1, 'Name_Calling-Labeling', 'These corrupt traitors lie!'],
      [1, 'Doubt', 'These corrupt traitors lie!'],
      [1, 'Loaded_Language', 'More corrupt deals followed.'],
    ]);
    expect(layer.paragraphs.map((p) => [p.paragraph, p.techniques.map((t) => t.technique)])).toEqual([
      [1, ['Loaded_Language', 'Name_Calling-Labeling', 'Doubt']],
    ]);
  });

  it('scores spans calibrated, and a paragraph by the chance that any of its sentences uses it', () => {
    const doc = makeDoc([
      ['A quiet title'],
      ['The budget was passed on time.', 'These corrupt traitors lie!', 'More corrupt deals followed.'],
    ]);
    const { layer } = run(doc, model);
    const sents = doc.sentences!;
    // Positions among the article's four sentences (the title is one).
    const ps = [1, 2, 3].map((k) => unitProbability(model, doc, sents[k]!.start, sents[k]!.end, k, 4));
    expect(layer.spans.map((s) => s.score)).toEqual([
      r3(cal(LOADED, ps[1]![LOADED]!)),
      r3(cal(NAMECALL, ps[1]![NAMECALL]!)),
      r3(cal(DOUBT, ps[1]![DOUBT]!)),
      r3(cal(LOADED, ps[2]![LOADED]!)),
    ]);
    const any = (l: number) => r3(1 - ps.reduce((miss, p) => miss * (1 - cal(l, p[l]!)), 1));
    expect(layer.paragraphs[0]!.techniques.map((t) => t.score)).toEqual([
      any(LOADED),
      any(NAMECALL),
      any(DOUBT),
    ]);
  });

  it('maps a paragraph score by the language’s paragraph map, the spans left as they are', () => {
    const doc = makeDoc([
      ['A quiet title'],
      ['The budget was passed on time.', 'These corrupt traitors lie!', 'More corrupt deals followed.'],
    ]);
    // The pooled map halves the log odds; English has its own (an offset of −1).
    const paragraphCalibration = { a: 0.5, b: 0, langs: { en: { a: 1, b: -1 } } };
    const mapped = run(doc, tinyModel({ unit: 'sentence', calibration, paragraphCalibration })).layer;
    const plain = run(doc, model).layer;
    expect(mapped.spans).toEqual(plain.spans);
    const sents = doc.sentences!;
    const ps = [1, 2, 3].map((k) => unitProbability(model, doc, sents[k]!.start, sents[k]!.end, k, 4));
    const any = (l: number) => 1 - ps.reduce((miss, p) => miss * (1 - cal(l, p[l]!)), 1);
    expect(mapped.paragraphs[0]!.techniques.map((t) => t.score)).toEqual(
      [LOADED, NAMECALL, DOUBT].map((l) => r3(sig(logit(any(l)) - 1))),
    );
    // A language without its own map takes the pooled one.
    const pooled = run(
      doc,
      tinyModel({ unit: 'sentence', calibration, paragraphCalibration: { a: 0.5, b: 0 } }),
    );
    expect(pooled.layer.paragraphs[0]!.techniques[0]!.score).toBe(r3(sig(0.5 * logit(any(LOADED)))));
  });

  it('takes a paragraph without sentences as one unit, in text order', () => {
    const doc = makeDoc([['A quiet title'], ['Calm words here.'], ['These corrupt traitors lie!']]);
    // The second body paragraph has no sentence of its own.
    doc.sentences = doc.sentences!.filter((s) => s.paragraph !== 2);
    const { layer } = run(doc, tinyModel({ unit: 'sentence' }));
    expect(layer.spans.map((s) => [s.paragraph, s.technique, doc.text.slice(s.start, s.end)])).toEqual([
      [2, 'Loaded_Language', 'These corrupt traitors lie!'],
      [2, 'Name_Calling-Labeling', 'These corrupt traitors lie!'],
      [2, 'Doubt', 'These corrupt traitors lie!'],
    ]);
    // Uncalibrated: the span's score is the model's probability, position 2 of 3.
    const p = unitProbability(tinyModel({}), doc, doc.paragraphs![2]!.start, doc.paragraphs![2]!.end, 2, 3);
    expect(layer.spans[0]!.score).toBe(r3(p[LOADED]!));
    expect(layer.paragraphs).toEqual([
      {
        paragraph: 2,
        techniques: [
          { technique: 'Loaded_Language', score: r3(p[LOADED]!) },
          { technique: 'Name_Calling-Labeling', score: r3(p[NAMECALL]!) },
          { technique: 'Doubt', score: r3(p[DOUBT]!) },
        ],
      },
    ]);
  });

  it('orders a paragraph without sentences among the sentences by its place in the text', () => {
    const doc = makeDoc([['Title'], ['Corrupt words here.'], ['These corrupt traitors lie!']]);
    doc.sentences = doc.sentences!.filter((s) => s.paragraph !== 1);
    const { layer } = run(doc, tinyModel({ unit: 'sentence' }));
    expect(layer.paragraphs.map((p) => p.paragraph)).toEqual([1, 2]);
    // Position 1 of 3 for the paragraph, 2 of 3 for the last sentence.
    const p1 = unitProbability(tinyModel({}), doc, doc.paragraphs![1]!.start, doc.paragraphs![1]!.end, 1, 3);
    expect(layer.spans[0]!.score).toBe(r3(p1[LOADED]!));
  });

  it('starts the chance of the first paragraph afresh, whatever its index', () => {
    // Only Doubt (the exclamation mark), with a score well below 1.
    const doc = makeDoc([['Title'], ['Calm words here!']]);
    doc.sentences = doc.sentences!.filter((s) => s.paragraph === 1);
    const { layer } = run(doc, tinyModel({ unit: 'sentence' }));
    expect(layer.paragraphs[0]!.techniques.map((t) => t.technique)).toEqual(['Doubt']);
    expect(layer.paragraphs[0]!.techniques[0]!.score).toBe(layer.spans[0]!.score);
    expect(layer.spans[0]!.score).toBeLessThan(1);
  });

  it('keeps paragraphs apart: a paragraph’s score counts only its own sentences', () => {
    const doc = makeDoc([['Title'], ['These corrupt ones.'], ['Corrupt again here.']]);
    const { layer } = run(doc, tinyModel({ unit: 'sentence' }));
    expect(layer.paragraphs.map((p) => p.paragraph)).toEqual([1, 2]);
    for (const p of layer.paragraphs) {
      const span = layer.spans.find((s) => s.paragraph === p.paragraph)!;
      expect(p.techniques).toEqual([{ technique: 'Loaded_Language', score: span.score }]);
    }
  });
});

describe('the techniques analyzer', () => {
  it('declares its layer and inputs', () => {
    expect(techniques.name).toBe('techniques');
    expect(techniques.produces).toBe('techniques');
    expect(techniques.requires).toEqual(['paragraphs', 'sentences', 'language']);
    expect(techniques.defaults).toEqual({ model: '', why: 4 });
  });
});

describe('near misses of a sentence model (`nearest`)', () => {
  const NEAR_LABELS = [...LABELS, 'Flag_Waving', 'Appeal_to_Fear-Prejudice'];
  const FLAG = 3;
  const FEAR = 4;
  /**
   * Five labels, thresholds 0.5, bias −4 (p ≈ 0.02). In a sentence of that word alone (n-grams
   * are length-normalised): `murky` lifts Loaded_Language to p ≈ 0.40 (0.80 of its threshold),
   * `shady` Name_Calling to 0.33 (0.66), `grim` Appeal_to_Fear to 0.30 (0.60), `iffy` Doubt to
   * 0.27 (0.54), `odd` Flag_Waving to 0.18 (0.36, under half the threshold: no near miss);
   * `corrupt` makes Loaded_Language a finding.
   */
  function nearModel(meta: Record<string, unknown> = {}): LinearModel {
    const L = NEAR_LABELS.length;
    const w = new Float32Array((1 << BITS) * L);
    const lift = (word: string, label: number, by: number) => {
      w[bucket(`en:${word}`, word) * L + label] = by;
    };
    lift('murky', LOADED, 3.6);
    lift('shady', NAMECALL, 3.3);
    lift('grim', FEAR, 3.15);
    lift('iffy', DOUBT, 3);
    lift('odd', FLAG, 2.5);
    lift('corrupt', LOADED, 30);
    return new LinearModel(
      'multilabel',
      NEAR_LABELS,
      BITS,
      w,
      new Float32Array(L).fill(-4),
      new Float32Array(L).fill(0.5),
      { unit: 'sentence', langThresholds: { en: new Array(L).fill(0.5) }, ...meta },
    );
  }
  const near = (doc: NewsDocument, layer: TechniquesLayer) =>
    layer.nearest!.map((n) => [n.technique, n.paragraph, doc.text.slice(n.start, n.end)]);

  it('keeps the three techniques closest to their thresholds, closest first, each on its closest sentence', () => {
    const doc = makeDoc([['Murky'], ['Iffy.', 'Grim.', 'Odd.'], ['Shady.', 'Plain words here.']]);
    const { layer } = run(doc, nearModel());
    expect(layer.spans).toEqual([]);
    expect(layer.paragraphs).toEqual([]);
    // Doubt (0.54) is the fourth: left out; Flag_Waving (0.36) is too far.
    expect(near(doc, layer)).toEqual([
      ['Loaded_Language', 0, 'Murky'],
      ['Name_Calling-Labeling', 2, 'Shady.'],
      ['Appeal_to_Fear-Prejudice', 1, 'Grim.'],
    ]);
    const [loaded] = layer.nearest!;
    const p = unitProbability(nearModel(), doc, loaded!.start, loaded!.end, 0, 6);
    expect(loaded!.score).toBe(r3(p[LOADED]!));
    expect(loaded!.score).toBeGreaterThan(0.25);
    expect(loaded!.cut).toBe(0.5);
    expect(loaded!.why.join(' ')).toMatch(/murky/);
    expect(run(doc, nearModel(), 0).layer.nearest!.every((n) => n.why.length === 0)).toBe(true);
  });

  it('keeps the first of two sentences equally close, and lists a technique it found as a finding only', () => {
    const doc = makeDoc([['Title'], ['Shady.', 'Iffy.'], ['Murky.', 'Shady.', 'Corrupt officials.']]);
    const { layer } = run(doc, nearModel());
    expect(layer.spans.map((s) => [s.technique, doc.text.slice(s.start, s.end)])).toEqual([
      ['Loaded_Language', 'Corrupt officials.'],
    ]);
    // Loaded_Language's near miss ("Murky.") is not listed: it is a finding elsewhere.
    expect(near(doc, layer)).toEqual([
      ['Name_Calling-Labeling', 1, 'Shady.'],
      ['Doubt', 1, 'Iffy.'],
    ]);
    expect(layer.nearest![0]!.start).toBe(doc.sentences![1]!.start);
  });

  it('counts a sentence at exactly half a threshold as a near miss', () => {
    // A plain unit scores σ(−4) for every label: Flag_Waving's threshold at twice that.
    const half = nearModel({
      langThresholds: { en: NEAR_LABELS.map((_, l) => (l === FLAG ? 2 / (1 + Math.exp(4)) : 0.5)) },
    });
    const doc = makeDoc([['Title'], ['Plain words.']]);
    // Every unit is exactly at half: the first is kept.
    expect(near(doc, run(doc, half).layer)).toEqual([['Flag_Waving', 0, 'Title']]);
  });

  it('lists techniques equally close in the order of the model’s labels', () => {
    const m = nearModel();
    // `iffy` lifts Appeal_to_Fear as much as Doubt.
    m.weights[bucket('en:iffy', 'iffy') * NEAR_LABELS.length + FEAR] = 3;
    const doc = makeDoc([['Title'], ['Iffy.']]);
    expect(near(doc, run(doc, m).layer)).toEqual([
      ['Doubt', 1, 'Iffy.'],
      ['Appeal_to_Fear-Prejudice', 1, 'Iffy.'],
    ]);
  });

  it('takes each paragraph as one unit when the document has no sentences', () => {
    const doc = makeDoc([['Title'], ['Shady.'], ['Corrupt and murky.']]);
    doc.sentences = undefined;
    const { layer } = run(doc, nearModel());
    expect(layer.spans.map((s) => [s.technique, s.paragraph, doc.text.slice(s.start, s.end)])).toEqual([
      ['Loaded_Language', 2, 'Corrupt and murky.'],
    ]);
    expect(near(doc, layer)).toEqual([['Name_Calling-Labeling', 1, 'Shady.']]);
    // The title paragraph is the first unit, in the title's position: a model that lifts
    // Flag_Waving there (to p ≈ 0.45) names it.
    const title = unitFeatures('Title', { lang: 'en', index: 0, count: 3, article: [] }, BITS, true);
    const at = title.names!.indexOf('pos:title');
    const m = nearModel();
    m.weights[title.idx[at]! * NEAR_LABELS.length + FLAG] = 3.8 / title.val[at]!;
    expect(near(doc, run(doc, m).layer)).toEqual([
      ['Flag_Waving', 0, 'Title'],
      ['Name_Calling-Labeling', 1, 'Shady.'],
    ]);
  });

  it('lists no near miss of a technique the model never decides (a threshold above 1)', () => {
    // Loaded_Language is switched off for English (1.01, as `tuneThresholds` leaves a label
    // with too few examples): `corrupt` (p ≈ 1) is not “nearly” a finding.
    const off = nearModel({ langThresholds: { en: [1.01, 0.5, 0.5, 0.5, 0.5] } });
    const doc = makeDoc([['Title'], ['Corrupt officials.', 'Shady.']]);
    const { layer } = run(doc, off);
    expect(layer.spans).toEqual([]);
    expect(near(doc, layer)).toEqual([['Name_Calling-Labeling', 1, 'Shady.']]);
  });

  it('lists none when nothing comes within half of a threshold', () => {
    const doc = makeDoc([['Title'], ['Odd.', 'Plain words.']]);
    expect(run(doc, nearModel()).layer).toEqual({ spans: [], paragraphs: [], nearest: [] });
  });

  it('gives score and threshold on the calibrated scale', () => {
    const calibration = { a: [2, 1, 1, 1, 1], b: [0.5, 0, 0, 0, 0] };
    const doc = makeDoc([['Title'], ['Murky.']]);
    const { layer } = run(doc, nearModel({ calibration }));
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const logit = (x: number) => Math.log(x / (1 - x));
    const p = unitProbability(nearModel(), doc, doc.sentences![1]!.start, doc.sentences![1]!.end, 1, 2);
    expect(layer.nearest!.map((n) => [n.technique, n.score, n.cut])).toEqual([
      ['Loaded_Language', r3(sig(2 * logit(p[LOADED]!) + 0.5)), r3(sig(0.5))],
    ]);
  });
});

describe('the word prefixes of a sentence model', () => {
  it('uses the model’s prefix length (meta.prefix), not the default 5', () => {
    // `Scandalous` gives the prefix feature `en~sca` at length 3 (`en~scand` at 5).
    const v = unitFeatures(
      'Scandalous',
      { lang: 'en', index: 1, count: 3, article: [], prefix: 3 },
      BITS,
      true,
    );
    const at = v.idx[v.names!.indexOf('en~sca')]!;
    const m = tinyModel({ unit: 'sentence', prefix: 3 });
    m.weights[at * LABELS.length + DOUBT] = 30;
    const doc = makeDoc([['Title'], ['Scandalous deals everywhere.']]);
    expect(run(doc, m).layer.spans.map((s) => [s.technique, doc.text.slice(s.start, s.end)])).toEqual([
      ['Doubt', 'Scandalous deals everywhere.'],
    ]);
  });
});

describe('a sentence model with a line stage or an article gate (`meta.lineStage`, `meta.articleGate`)', () => {
  const doc = makeDoc([
    ['A quiet title'],
    ['The budget was passed on time.', 'These corrupt traitors lie!', 'Nobody was surprised by it at all.'],
    ['The weather was mild.'],
  ]);
  const words = (i: number) =>
    doc.text.slice(doc.paragraphs![i]!.start, doc.paragraphs![i]!.end).split(' ').length;

  it('decides Loaded_Language by paragraph length, the others by the sentence rule', () => {
    // Loaded_Language: a paragraph of more than 8 words (log(1 + words) > log 9); the sentence
    // probabilities do not count. Name_Calling and Doubt keep their thresholds.
    const w = [0, 0, 0, 1, -Math.log(9)];
    const model = tinyModel({
      unit: 'sentence',
      lineStage: { en: { weights: [w, [], []], thresholds: [0.5, 0.5, 0.5] } },
    });
    const { layer } = run(doc, model);
    expect(words(1)).toBeGreaterThan(8);
    expect(words(2)).toBeLessThan(8);
    expect(layer.paragraphs.map((p) => [p.paragraph, p.techniques.map((t) => t.technique)])).toEqual([
      [1, ['Loaded_Language', 'Name_Calling-Labeling', 'Doubt']],
    ]);
    // One Loaded_Language finding, on the paragraph's sentence that scores highest for it (its
    // own score); the paragraph's score is the stage's: sigmoid(log(1 + words) − log 9).
    const loaded = layer.spans.filter((s) => s.technique === 'Loaded_Language');
    expect(loaded.map((s) => doc.text.slice(s.start, s.end))).toEqual(['These corrupt traitors lie!']);
    const sents = doc.sentences!;
    const p = unitProbability(model, doc, sents[2]!.start, sents[2]!.end, 2, 5);
    expect(loaded[0]!.score).toBe(r3(p[LOADED]!));
    const score = r3(1 / (1 + Math.exp(-(Math.log1p(words(1)) - Math.log(9)))));
    expect(layer.paragraphs[0]!.techniques[0]!.score).toBe(score);
    // Its `why` names what decided first: the stage, its score against the threshold and its
    // inputs (the sentence probabilities shown raw, 0.00 to 1.00); then the sentence's features.
    const two = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
    expect(loaded[0]!.why[0]).toMatch(
      new RegExp(
        `^paragraph stage ${two(score)} ≥ 0\\.50: best sentence ${two(p[LOADED]!)}, its sentences together [01]\\.\\d\\d, article [01]\\.\\d\\d, ${words(1)} words$`,
      ),
    );
    expect(loaded[0]!.why.length).toBeLessThanOrEqual(4);
    // What the sentence rule decides keeps the sentence's features only.
    for (const s of layer.spans.filter((x) => x.technique !== 'Loaded_Language'))
      expect(s.why.some((r) => r.startsWith('paragraph stage'))).toBe(false);
    // `why: 0` asks for no reasons: none, the stage's included.
    const none = run(doc, model, 0).layer;
    expect(none.spans.every((s) => s.why.length === 0)).toBe(true);
    expect(layer.spans.map((s) => s.start)).toEqual(
      [...layer.spans.map((s) => s.start)].sort((a, b) => a - b),
    );
  });

  it('measures near misses by the decision that finds: the stage’s score and threshold, or its sentence rule', () => {
    // Loaded_Language by length (no paragraph of 4 words reaches it: σ(log 5 − log 9) = 5/14);
    // Name_Calling by the sentence rule at the stage's 0.03, not the model's 0.5 (a plain
    // sentence scores σ(−4) ≈ 0.018 for it: 0.6 of the way).
    const doc = makeDoc([['A quiet title'], ['These corrupt officials lie.'], ['The weather was mild.']]);
    const w = [0, 0, 0, 1, -Math.log(9)];
    const model = tinyModel({
      unit: 'sentence',
      lineStage: { en: { weights: [w, [], []], thresholds: [0.5, 0.03, 0.5] } },
    });
    const { layer } = run(doc, model);
    expect(layer.spans).toEqual([]);
    expect(
      layer.nearest!.map((n) => [n.technique, n.paragraph, doc.text.slice(n.start, n.end), n.score, n.cut]),
    ).toEqual([
      ['Loaded_Language', 1, 'These corrupt officials lie.', r3(5 / 14), 0.5],
      ['Name_Calling-Labeling', 0, 'A quiet title', r3(1 / (1 + Math.exp(4))), 0.03],
    ]);
    // The stage's miss says so first (5/14 ≈ 0.36 under 0.50, a paragraph of 4 words).
    expect(layer.nearest![0]!.why[0]).toMatch(
      /^paragraph stage 0\.36 < 0\.50: best sentence [01]\.\d\d, .*, 4 words$/,
    );
    expect(layer.nearest![1]!.why.some((r) => r.startsWith('paragraph stage'))).toBe(false);
  });

  it('gives a near miss in a paragraph of several sentences the inputs of the whole paragraph', () => {
    // Three middling sentences (`surprised` the best, in the middle): the same paragraph found
    // (threshold 0.5) and missed (0.9: its score σ(log(1 + words) − log 9) ≈ 0.53) shows the
    // same inputs either way, its sentences together being all three's, not the best one's on.
    const para = makeDoc([
      ['A quiet title'],
      ['The budget passed.', 'Nobody was surprised.', 'It was mild.'],
    ]);
    const w = [0, 0, 0, 1, -Math.log(9)];
    const model = (t: number) => {
      const m = tinyModel({
        unit: 'sentence',
        lineStage: { en: { weights: [w, [], []], thresholds: [t, 0.5, 0.5] } },
      });
      for (const [word, weight] of [
        ['budget', 3.6],
        ['surprised', 4.4],
        ['mild', 3.6],
      ] as const)
        m.weights[bucket(`en:${word}`, word) * LABELS.length + LOADED] = weight;
      return m;
    };
    const found = run(para, model(0.5)).layer.spans.find((s) => s.technique === 'Loaded_Language')!;
    const miss = run(para, model(0.9)).layer.nearest!.find((n) => n.technique === 'Loaded_Language')!;
    expect(para.text.slice(found.start, found.end)).toBe('Nobody was surprised.');
    expect([miss.start, miss.paragraph]).toEqual([found.start, found.paragraph]);
    const p = [1, 2, 3].map((i) => {
      const s = para.sentences![i]!;
      return unitProbability(model(0.5), para, s.start, s.end, i, 4)[LOADED]!;
    });
    const two = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
    const together = (ps: number[]) => two(1 - ps.reduce((m, x) => m * (1 - x), 1));
    expect(together(p)).not.toBe(together(p.slice(1)));
    expect(found.why[0]).toContain(
      `: best sentence ${two(Math.max(...p))}, its sentences together ${together(p)}, `,
    );
    expect(miss.why[0]).toBe(found.why[0]!.replace('≥ 0.50', '< 0.90'));
    expect(miss.why.slice(1)).toEqual(found.why.slice(1));
  });

  it('finds nothing of a technique whose article score misses the gate', () => {
    // Name_Calling's mean over the five sentences stays far under 0.5: gated out.
    const gate = { article: [0, 0.5, 0], sentence: [0.5, 0.5, 0.5] };
    const model = tinyModel({ unit: 'sentence', articleGate: { en: gate } });
    const plain = run(doc, tinyModel({ unit: 'sentence' })).layer;
    const { layer } = run(doc, model);
    expect(plain.spans.some((s) => s.technique === 'Name_Calling-Labeling')).toBe(true);
    expect(layer.spans.map((s) => s.technique)).toEqual(
      plain.spans.map((s) => s.technique).filter((t) => t !== 'Name_Calling-Labeling'),
    );
  });
});

describe('a sentence model with word clusters (`meta.clusters`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'np-tech-clusters-'));
  const clusterFile = join(dir, 'clusters.json');
  const clusterText = JSON.stringify({
    format: 'newsprism-clusters/1',
    lang: 'en',
    branching: [2, 2],
    clusters: ['quiet', 'mild', 'villains crooks', 'weather'],
  });
  writeFileSync(clusterFile, clusterText);
  const checksum = createHash('sha256').update(clusterText).digest('hex').slice(0, 12);
  const use = { file: clusterFile, checksum, weight: 1, levels: 3, bigrams: false };
  /** A model that finds Name_Calling in any sentence with a word of leaf class 2 (`villains`, `crooks`). */
  const modelFile = (meta: Record<string, unknown>) => {
    const m = tinyModel({ unit: 'sentence', ...meta });
    const names = unitFeatures(
      'crooks',
      {
        lang: 'en',
        index: 1,
        count: 3,
        article: [],
        clusters: {
          clusters: new WordClusters(JSON.parse(clusterText)),
          weight: 1,
          levels: 3,
          bigrams: false,
        },
      },
      BITS,
      true,
    );
    m.weights[names.idx[names.names!.indexOf('k4:2')]! * LABELS.length + NAMECALL] = 40;
    const path = join(dir, `model-${Object.keys(meta).length}-${String(meta.clusters && 'c')}.json`);
    writeFileSync(path, JSON.stringify(m.toFile()));
    return path;
  };

  it('loads the clusters the model names and finds a class the training words never had', async () => {
    const p = await createPipeline({
      layers: ['techniques'],
      options: { techniques: { model: modelFile({ clusters: use }) } },
    });
    const doc = p.run({
      id: 'c',
      text: 'A title\n\nThe villains won. The weather was mild.',
      meta: { lang: 'en' },
    });
    expect(doc.techniques!.spans.map((s) => [s.technique, doc.text.slice(s.start, s.end)])).toEqual([
      ['Name_Calling-Labeling', 'The villains won.'],
    ]);
  });

  it('refuses a cluster file other than the one the model was trained with', async () => {
    await expect(
      createPipeline({
        layers: ['techniques'],
        options: { techniques: { model: modelFile({ clusters: { ...use, checksum: 'abcdef012345' } }) } },
      }),
    ).rejects.toThrow(/E_MODEL_INVALID|checksum/);
    await expect(
      createPipeline({
        layers: ['techniques'],
        options: { techniques: { model: modelFile({ clusters: { weight: 1 } }) } },
      }),
    ).rejects.toThrow(/meta\.clusters needs file/);
  });
});
