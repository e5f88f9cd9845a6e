import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateQuotesRu,
  loadRuGold,
  type RuGoldAttribution,
  type RuPred,
  type RuQuotesCounts,
  scoreRuDoc,
  speakerClass,
} from './quotes-ru.js';
import { emptyCounts } from './score.js';

// Articles of our own, with `\r\n` line ends as in the SemEval-2023 Russian files.
const A1 = 'Газовый спор\r\n\r\nМинистр Иван Петров заявил, что запасов хватит. Зима будет мягкой.\r\n';
const B1 = 'Новости порта\n\nПо данным ведомства, порт откроют весной.\n';
const B2 = '\uFEFF\nМост\n\nГородской мэр сообщил, что мост закроют.\n';
const B3 = 'Школа\n\nДиректор школы Анна Орлова сказала, что уроки начнутся в девять.\n';

const span = (text: string, piece: string) => {
  const start = text.indexOf(piece);
  if (start < 0) throw new Error(`fixture: ${piece}`);
  return `${start} ${start + piece.length}`;
};

const LABELS = [
  'set\tfile\tsplit\tcontent\tsource\tkind\tspeaker',
  `semeval2023-ru\ta1\tdev\t${span(A1, 'запасов хватит')}\t${span(A1, 'Министр Иван Петров')}\tindirect\tnamed`,
  // Labelled with no source: nobody says it in the text.
  `semeval2023-ru\ta1\tdev\t${span(A1, 'Зима будет мягкой')}\t\tindirect\tanonymous`,
  `semeval2025-RU\tb1\tfinal\t${span(B1, 'порт откроют весной')}\t${span(B1, 'ведомства')}\tindirect\tinstitution`,
  `semeval2025-RU\tb2\tfinal2\t${span(B2, 'мост закроют')}\t${span(B2, 'мэр')}\tindirect\tnamed`,
  `semeval2025-RU\tb3\tfinal3\t${span(B3, 'уроки начнутся в девять')}\t${span(B3, 'Анна Орлова')}\tindirect\tnamed`,
].join('\n');

function sharedData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotes-ru-'));
  mkdirSync(join(dir, 'semeval2023-task3/ru/train-articles'), { recursive: true });
  mkdirSync(join(dir, 'semeval2025-task10/RU/documents'), { recursive: true });
  writeFileSync(join(dir, 'semeval2023-task3/ru/train-articles/a1.txt'), A1);
  writeFileSync(join(dir, 'semeval2025-task10/RU/documents/b1.txt'), B1);
  writeFileSync(join(dir, 'semeval2025-task10/RU/documents/b2.txt'), B2);
  writeFileSync(join(dir, 'semeval2025-task10/RU/documents/b3.txt'), B3);
  return dir;
}

const opts = (data: string, split: string, extra: Record<string, string> = {}) => ({
  data,
  split,
  extra,
  log: () => {},
});

describe('quotes-ru gold', () => {
  it.each([
    { split: 'dev', docs: ['semeval2023-ru/a1'], contents: ['запасов хватит', 'Зима будет мягкой'] },
    { split: 'final', docs: ['semeval2025-RU/b1'], contents: ['порт откроют весной'] },
    { split: 'final2', docs: ['semeval2025-RU/b2'], contents: ['мост закроют'] },
    { split: 'final3', docs: ['semeval2025-RU/b3'], contents: ['уроки начнутся в девять'] },
    {
      split: 'final,final2',
      docs: ['semeval2025-RU/b1', 'semeval2025-RU/b2'],
      contents: ['порт откроют весной', 'мост закроют'],
    },
    {
      split: 'all',
      docs: ['semeval2023-ru/a1', 'semeval2025-RU/b1', 'semeval2025-RU/b2', 'semeval2025-RU/b3'],
      contents: [
        'запасов хватит',
        'Зима будет мягкой',
        'порт откроют весной',
        'мост закроют',
        'уроки начнутся в девять',
      ],
    },
  ])('loads the $split split with spans into the raw text', ({ split, docs, contents }) => {
    const got = loadRuGold(sharedData(), split, LABELS);
    expect(got.map((d) => d.id)).toEqual(docs);
    expect(
      got.flatMap((d) => d.attributions.map((a) => d.text.slice(a.content[0]!.start, a.content[0]!.end))),
    ).toEqual(contents);
    const a1 = got.find((d) => d.id === 'semeval2023-ru/a1');
    if (a1) {
      const [first, second] = a1.attributions;
      expect(a1.text.slice(first!.source[0]!.start, first!.source[0]!.end)).toBe('Министр Иван Петров');
      expect(second!.source).toEqual([]);
      expect([first!.kind, first!.speaker, second!.speaker]).toEqual(['indirect', 'named', 'anonymous']);
    }
  });

  it.each([
    { name: 'an unknown set', line: 'other\ta1\tdev\t0 3\t\tindirect\tnamed' },
    { name: 'an unknown kind', line: 'semeval2023-ru\ta1\tdev\t0 3\t\tquoted\tnamed' },
    { name: 'an unknown speaker type', line: 'semeval2023-ru\ta1\tdev\t0 3\t\tindirect\tperson' },
    { name: 'a span past the text', line: 'semeval2023-ru\ta1\tdev\t0 9999\t\tindirect\tnamed' },
    { name: 'a missing article', line: 'semeval2023-ru\tzz\tdev\t0 3\t\tindirect\tnamed' },
  ])('E_DATA for $name', ({ line }) => {
    expect(() => loadRuGold(sharedData(), 'dev', `${LABELS.split('\n')[0]}\n${line}`)).toThrow(
      expect.objectContaining({ code: 'E_DATA' }),
    );
  });

  it('E_DATA when the shared data is not there', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'quotes-ru-none-'));
    await expect(evaluateQuotesRu(opts(empty, 'dev'), LABELS)).rejects.toMatchObject({ code: 'E_DATA' });
  });

  it('E_USAGE for a split it does not have', async () => {
    await expect(evaluateQuotesRu(opts(sharedData(), 'train'), LABELS)).rejects.toMatchObject({
      code: 'E_USAGE',
    });
    await expect(evaluateQuotesRu(opts(sharedData(), 'dev,train'), LABELS)).rejects.toMatchObject({
      code: 'E_USAGE',
    });
  });
});

describe('quotes-ru scoring', () => {
  it.each([
    ['named', 'person'],
    ['role', 'person'],
    ['person', 'person'],
    ['anonymous', 'anonymous'],
    ['institution', 'institution'],
    ['government', 'institution'],
    ['organization', 'institution'],
    ['document', 'institution'],
    ['media', 'media'],
    ['unknown', 'unknown'],
    [undefined, 'unknown'],
  ])('speaker type %s is compared as %s', (t, want) => {
    expect(speakerClass(t)).toBe(want);
  });

  it('counts kind and speaker-type agreement over matched pairs only', () => {
    const gold: RuGoldAttribution[] = [
      {
        content: [{ start: 0, end: 10 }],
        cue: [],
        source: [{ start: 20, end: 25 }],
        kind: 'direct',
        speaker: 'named',
      },
      { content: [{ start: 30, end: 40 }], cue: [], source: [], kind: 'indirect', speaker: 'institution' },
      { content: [{ start: 50, end: 60 }], cue: [], source: [], kind: 'mixed', speaker: 'media' },
    ];
    const pred: RuPred[] = [
      // Matches gold 0: same kind, a person speaker; its source overlaps.
      {
        content: { start: 0, end: 10 },
        source: { start: 22, end: 30 },
        rule: 'r',
        kind: 'direct',
        speakerType: 'person',
      },
      // Matches gold 1 (IoU 0.8): another kind, a government is an institution.
      { content: { start: 30, end: 38 }, rule: 'r', kind: 'direct', speakerType: 'government' },
      // Overlaps gold 2 below IoU 0.5: unmatched, so not counted.
      { content: { start: 55, end: 70 }, rule: 'r', kind: 'mixed', speakerType: 'media' },
    ];
    const acc: RuQuotesCounts = { ...emptyCounts(), kindHit: 0, speakerHit: 0 };
    expect(scoreRuDoc(pred, gold, acc)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect([acc.matched, acc.kindHit, acc.speakerHit, acc.withSource, acc.sourceHit]).toEqual([
      2, 1, 2, 1, 1,
    ]);
  });

  it('scores the layer on the labelled articles', async () => {
    const r = await evaluateQuotesRu(opts(sharedData(), 'dev'), LABELS);
    // The layer finds `заявил, что …` and not the unattributed sentence.
    expect(r.metrics).toMatchObject({
      predicted: 1,
      gold: 2,
      matched: 1,
      precision: 1,
      recall: 0.5,
      source_overlap: 1,
      kind_accuracy: 1,
      speaker_type_accuracy: 1,
    });
  });

  it('reports by-article folds with --set folds=K, their counts adding up to the whole', async () => {
    const r = await evaluateQuotesRu(opts(sharedData(), 'all', { folds: '2' }), LABELS);
    const folds = (r.notes ?? []).filter((n) => n.startsWith('fold '));
    expect(folds).toHaveLength(2);
    const predictedInFolds = folds.map((n) => Number(/of (\d+) predicted/.exec(n)![1]));
    expect(predictedInFolds.reduce((a, b) => a + b, 0)).toBe(r.metrics.predicted);
    expect(r.metrics.f1_fold_mean).toBeGreaterThanOrEqual(0);
    expect(r.metrics.f1_fold_sd).toBeGreaterThanOrEqual(0);
    const plain = await evaluateQuotesRu(opts(sharedData(), 'all'), LABELS);
    expect(plain.metrics.f1_fold_mean).toBeUndefined();
  });
});
