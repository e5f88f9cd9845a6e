import type { LanguageLayer, NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { researchLang } from './research-lang.js';

const doc = (language?: LanguageLayer) => ({ language }) as NewsDocument;

describe('researchLang', () => {
  it.each([
    ['declared French stays French', { code: 'fr', confidence: 1, script: 'Latn', method: 'declared' }, 'fr'],
    [
      'detected Russian stays Russian',
      { code: 'ru', confidence: 0.9, script: 'Cyrl', method: 'detected' },
      'ru',
    ],
    [
      'detected Tagalog on one sentence is English',
      { code: 'tl', confidence: 0.2, script: 'Latn', method: 'detected' },
      'en',
    ],
    ['undetermined is English', { code: 'und', confidence: 0, script: 'Latn', method: 'fallback' }, 'en'],
  ] as const)('%s', (_, language, expected) => {
    expect(researchLang(doc(language as LanguageLayer))).toBe(expected);
  });

  it('is English without a language layer', () => {
    expect(researchLang(doc())).toBe('en');
  });
});
