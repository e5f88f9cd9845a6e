import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinearModel } from '../../models/linear.js';
import { createPipeline } from '../../pipeline.js';

const pipeline = await createPipeline({ layers: ['subjectivity'] });

const ARTICLE = [
  'Harbour plan approved',
  '',
  'The council approved the harbour plan on Tuesday by nine votes to four.',
  '',
  'This shameful plan is a truly absurd waste of our money, and everyone knows it.',
  '',
  '"It is a disgrace and a terrible mistake," said one resident.',
].join('\n');

describe('subjectivity layer', () => {
  const doc = pipeline.run({ id: 's', text: ARTICLE });
  const layer = doc.subjectivity!;
  const at = (needle: string) =>
    layer.sentences.find((s) => doc.text.slice(s.start, s.end).includes(needle))!;

  it.each([
    ['approved the harbour plan', false, 'outlet'],
    ['shameful plan', true, 'outlet'],
  ])('%s: subjective=%s, voice %s', (needle, subjective, voice) => {
    const s = at(needle);
    expect(s.subjective).toBe(subjective);
    expect(s.voice).toBe(voice);
  });

  it('marks a sentence inside quotation marks as quoted', () => {
    const s = at('disgrace');
    expect(doc.text.slice(s.start, s.end)).toBe(
      '"It is a disgrace and a terrible mistake," said one resident.',
    );
    expect(s.voice).toBe('quoted');
  });

  it('counts only the outlet’s own sentences in the share', () => {
    expect(layer.outletSentences).toBe(2);
    expect(layer.subjectiveSentences).toBe(1);
    expect(layer.share).toBe(0.5);
  });

  it('leaves the title out', () => {
    expect(layer.sentences.some((s) => doc.text.slice(s.start, s.end).startsWith('Harbour plan'))).toBe(
      false,
    );
  });

  it('uses the cue fallback for Russian', () => {
    const ru = pipeline.run({
      id: 'r',
      text: 'Заголовок статьи\n\nЭто абсолютно позорный и ужасный план!\n\nСовет утвердил бюджет 12 мая.',
      meta: { lang: 'ru' },
    });
    expect(ru.subjectivity!.method).toBe('cues');
    expect(ru.subjectivity!.sentences.map((s) => s.subjective)).toEqual([true, false]);
  });

  it('uses a model file of one’s own when given', async () => {
    // A model that calls everything subjective: zero weights, a large bias.
    const m = new LinearModel(
      'multilabel',
      ['SUBJ'],
      4,
      new Float32Array(16),
      Float32Array.of(5),
      Float32Array.of(0.5),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'np-subj-')), 'all-subj.json');
    writeFileSync(file, JSON.stringify(m.toFile({ features: { chars: false, suffixes: true } })));
    const own = (
      await createPipeline({ layers: ['subjectivity'], options: { subjectivity: { model: file } } })
    ).run({ id: 's', text: ARTICLE }).subjectivity!;
    expect(own.sentences.every((s) => s.subjective)).toBe(true);
    expect(own.share).toBe(1);
  });
});
