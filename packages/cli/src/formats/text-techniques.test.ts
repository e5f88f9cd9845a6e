import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { renderFrames, renderGenre, renderTechniques } from './text-techniques.js';

const TEXT = 'Kiev is begging for arms. The army is not ready, he said.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const ctx = { layers: new Set(['techniques']), color: false };
const near = {
  ...at('The army is not ready, he said.'),
  technique: 'Doubt',
  score: 0.09,
  cut: 0.15,
  paragraph: 0,
  why: ['"not ready"'],
};
const doc = (techniques: unknown) =>
  ({ text: TEXT, paragraphs: [at(TEXT)], techniques }) as unknown as NewsDocument;

describe('text report: Persuasion techniques', () => {
  it('lists findings, then what the model nearly found, marked as not findings', () => {
    const found = {
      ...at('Kiev is begging for arms.'),
      technique: 'Loaded_Language',
      score: 0.71,
      paragraph: 0,
      why: ['"begging"'],
    };
    const layer = {
      spans: [found],
      paragraphs: [{ paragraph: 0, techniques: [{ technique: 'Loaded_Language', score: 0.71 }] }],
      nearest: [near],
    };
    expect(renderTechniques(doc(layer), ctx)).toEqual([
      '  1 of 1 paragraphs: Loaded_Language ×1',
      '  ¶1 Loaded_Language (0.71): "Kiev is begging for arms."',
      '      why: "begging"',
      '  closest, below their thresholds (not findings):',
      '  ¶1 Doubt (0.09, cut 0.15): "The army is not ready, he said."',
    ]);
    const dimmed = renderTechniques(doc(layer), { ...ctx, color: true });
    expect(dimmed[4]).toBe('\x1b[2m  ¶1 Doubt (0.09, cut 0.15): "The army is not ready, he said."\x1b[22m');
  });

  it('prints a sentence of several techniques once, its techniques best first, each with its reasons', () => {
    const on = (technique: string, score: number, why: string[]) => ({
      ...at('Kiev is begging for arms.'),
      technique,
      score,
      paragraph: 0,
      why,
    });
    const later = { ...on('Doubt', 0.3, []), ...at('The army is not ready, he said.') };
    const layer = {
      spans: [on('Slogans', 0.16, ['quotation marks']), on('Loaded_Language', 0.71, ['"begging"']), later],
      paragraphs: [],
    };
    expect(renderTechniques(doc(layer), ctx).slice(1)).toEqual([
      '  ¶1 Loaded_Language (0.71), Slogans (0.16): "Kiev is begging for arms."',
      '      why Loaded_Language: "begging"',
      '      why Slogans: quotation marks',
      '  ¶1 Doubt (0.30): "The army is not ready, he said."',
    ]);
  });

  it('says "none found" when the layer ran and found nothing, and prints nothing without the layer', () => {
    expect(renderTechniques(doc({ spans: [], paragraphs: [] }), ctx)).toEqual(['  none found']);
    expect(renderTechniques(doc({ spans: [], paragraphs: [], nearest: [near] }), ctx)).toEqual([
      '  none found',
      '  closest, below their thresholds (not findings):',
      '  ¶1 Doubt (0.09, cut 0.15): "The army is not ready, he said."',
    ]);
    expect(renderTechniques(doc(undefined), ctx)).toEqual([]);
  });
});

describe('text report: Genre', () => {
  const genre = (g: string, scores: Record<string, number>) =>
    ({ genre: { genre: g, scores, why: [] } }) as unknown as NewsDocument;
  it('gives the decided genre’s score alone, uncertain below 0.5', () => {
    expect(renderGenre(genre('reporting', { reporting: 0.406 }), ctx)).toEqual([
      '  reporting (0.41, uncertain)',
    ]);
    expect(renderGenre(genre('opinion', { opinion: 0.91 }), ctx)).toEqual(['  opinion (0.91)']);
    // A document of genre@10 or before scored every genre: only the decided one's is shown.
    expect(renderGenre(genre('reporting', { reporting: 0.7, opinion: 0.3, satire: 0 }), ctx)).toEqual([
      '  reporting (0.70)',
    ]);
    expect(renderGenre(genre('opinion', {}), ctx)).toEqual(['  opinion']);
  });
});

describe('text report: a layer that abstained on a short text', () => {
  const short = (code: string | undefined) =>
    ({
      genre: { genre: null, scores: {}, why: [] },
      frames: [],
      diagnostics: code ? [{ code, severity: 'info', message: 'fewer than 200 words' }] : [],
    }) as unknown as NewsDocument;
  it('says the text is too short when the diagnostic is there, nothing otherwise', () => {
    expect(renderGenre(short('I_GENRE_TOO_SHORT'), ctx)).toEqual([
      '  not given: the text is too short for the genre model (I_GENRE_TOO_SHORT below)',
    ]);
    expect(renderFrames(short('I_FRAMES_TOO_SHORT'), ctx)).toEqual([
      '  not given: the text is too short for the frames model (I_FRAMES_TOO_SHORT below)',
    ]);
    // An unsupported language is no reason to say "too short".
    expect(renderGenre(short('I_GENRE_LANGUAGE'), ctx)).toEqual([]);
    expect(renderFrames(short(undefined), ctx)).toEqual([]);
  });
});

describe('text report: Frames', () => {
  it('shows a reason that is a cut-off prefix as the word the text writes', () => {
    const d = {
      text: 'Western officials met. The western allies and officials agreed.',
      frames: [
        { frame: 'Political', score: 0.8, selected: true, why: ['"weste…"', '"offic…"', 'title position'] },
        { frame: 'Economic', score: 0.2, selected: false },
      ],
    } as unknown as NewsDocument;
    expect(renderFrames(d, ctx)).toEqual([
      '  Political (0.80)  why: "Western", "officials", title position',
      '  next, below their own thresholds (each frame has one): Economic 0.20',
    ]);
  });
});
