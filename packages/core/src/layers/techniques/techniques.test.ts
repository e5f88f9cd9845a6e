import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { FRAMES, GENRES } from '../frames/labels.js';
import { TECHNIQUES } from './labels.js';

// A short opinion piece written for this test: a loaded, name-calling paragraph among plain ones.
const ARTICLE = [
  'Corrupt globalist elites are destroying our great nation',
  '',
  'The city council met on Tuesday to discuss the budget for next year.',
  '',
  'These lying traitors and their puppet media want to destroy everything we love! They are criminals, thugs and liars, and every patriot knows it.',
  '',
  'Will anyone stop this disgusting, shameful betrayal before it is too late?',
  '',
  'The meeting ended at 6 p.m., a spokesman said.',
].join('\n');

const pipeline = await createPipeline({ layers: ['techniques', 'frames', 'genre'] });

describe('techniques, frames and genre analyzers', () => {
  const doc = pipeline.run({ id: 't1', text: ARTICLE, meta: { lang: 'en' } });

  it('finds techniques in the loaded paragraph and none in the plain one', () => {
    const t = doc.techniques!;
    const byPara = new Map(t.paragraphs.map((p) => [p.paragraph, p.techniques.map((x) => x.technique)]));
    expect(byPara.get(2)?.length ?? 0).toBeGreaterThan(0);
    expect(byPara.get(2)).toEqual(expect.arrayContaining(['Loaded_Language']));
    expect(byPara.has(1)).toBe(false);
  });

  it('places every span on a sentence of its paragraph, with a known technique and reasons', () => {
    const t = doc.techniques!;
    expect(t.spans.length).toBeGreaterThan(0);
    for (const s of t.spans) {
      const para = doc.paragraphs![s.paragraph]!;
      expect(s.start).toBeGreaterThanOrEqual(para.start);
      expect(s.end).toBeLessThanOrEqual(para.end);
      expect(doc.text.slice(s.start, s.end).length).toBe(s.end - s.start);
      expect(TECHNIQUES).toContain(s.technique);
      expect(s.score).toBeGreaterThan(0);
      expect(s.why.length).toBeGreaterThan(0);
    }
    const loaded = t.spans.find((s) => s.paragraph === 2 && s.technique === 'Loaded_Language')!;
    expect(doc.text.slice(loaded.start, loaded.end)).toMatch(/traitors|criminals/);
  });

  it('scores all 14 frames, highest first', () => {
    const f = doc.frames!;
    expect(f.map((x) => x.frame).sort()).toEqual([...FRAMES].sort());
    for (let i = 1; i < f.length; i++) expect(f[i]!.score).toBeLessThanOrEqual(f[i - 1]!.score);
  });

  it('decides a genre with three scores', () => {
    expect(GENRES).toContain(doc.genre!.genre);
    expect(Object.keys(doc.genre!.scores).sort()).toEqual([...GENRES].sort());
  });

  it('reports an unsupported language instead of guessing', () => {
    const sv = pipeline.run({
      id: 't2',
      text: 'Rubrik\n\nDet här är en kort text på svenska.',
      meta: { lang: 'sv' },
    });
    expect(sv.techniques).toEqual({ spans: [], paragraphs: [] });
    expect(sv.frames).toEqual([]);
    expect(sv.genre!.genre).toBeNull();
    expect(sv.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['I_TECHNIQUES_LANGUAGE', 'I_FRAMES_LANGUAGE', 'I_GENRE_LANGUAGE']),
    );
  });
});
