import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { textFormat } from './text.js';

const TEXT = 'Minister says talks "are close"\n"We are close," the minister said.';
// A hand-made document: every sentence holds attributed speech, yet 29% of the words are the
// outlet's own (the cue words); a frame at 0.20 is set while one at 0.33 is not.
const doc = {
  schema: 'newsprism/1',
  id: 'r1',
  text: TEXT,
  meta: { title: 'Minister says talks "are close"' },
  producers: { sources: 'sources@1', subjectivity: 'subjectivity@1', frames: 'frames@1' },
  diagnostics: [],
  paragraphs: [
    { start: 0, end: 31, role: 'title' },
    { start: 32, end: 66, role: 'body' },
  ],
  sources: { sources: [], attributedShare: 0.71, ownVoiceShare: 0.29, anonymousShare: 0, scareQuotes: 0 },
  subjectivity: {
    sentences: [{ start: 32, end: 66, paragraph: 1, score: 0.2, subjective: false, voice: 'quoted' }],
    share: 0,
    outletSentences: 0,
    subjectiveSentences: 0,
    method: 'model',
  },
  frames: [
    { frame: 'Quality_of_life', score: 0.33, selected: false },
    {
      frame: 'Political',
      score: 0.2,
      selected: true,
      why: ['"minister"', 'no exclamation marks (0 per 100 words)'],
    },
  ],
} as unknown as NewsDocument;

describe('text report', () => {
  it('states the units of Sources and Subjectivity so their figures agree', () => {
    const out = textFormat().render(doc, {
      layers: new Set(['sources', 'subjectivity', 'frames']),
      color: false,
    });
    expect(out).toContain(
      "of the body words, 71% are attributed (quoted or reported) and 29% the outlet's own",
    );
    expect(out).toContain(
      "no sentence is wholly in the outlet's own voice: all 1 hold quoted or reported speech; the outlet's own words, 29% of the body, sit in those sentences",
    );
    expect(out).not.toMatch(/no sentences in the outlet's own voice/);
  });

  it('does not call a frame scored above a set one simply "not set"', () => {
    const out = textFormat().render(doc, { layers: new Set(['frames']), color: false });
    expect(out).toContain('  Political (0.20)  why: "minister", no exclamation marks (0 per 100 words)');
    expect(out).toContain('next, below their own thresholds (each frame has one): Quality_of_life 0.33');
    expect(out).not.toContain('not set:');
  });
});
