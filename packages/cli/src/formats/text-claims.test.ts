import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { renderClaims, renderSubjectivity } from './text-claims.js';

const TEXT = 'Sales rose 5% in 2023 at Acme, Lee said. I love it. Rain fell.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const claim = (s: string, score: number, label: string, attrs: Record<string, unknown>) => ({
  ...at(s),
  score,
  label,
  attrs: { numbers: [], dates: [], entities: [], voice: 'outlet', ...attrs },
});
// Hand-made, listed out of score order: a check-worthy statistic with evidence and a speaker,
// an opinion with a cue, a plain event from an unnamed source.
const claims = [
  claim('I love it.', 0.3, 'other', { checkworthy: false, cue: 'love' }),
  claim('Sales rose 5% in 2023 at Acme, Lee said.', 0.91, 'statistic', {
    checkworthy: true,
    numbers: [at('5%')],
    dates: [at('2023')],
    entities: [at('Acme'), at('Lee')],
    voice: 'reported',
    speaker: 'Lee',
  }),
  claim('Rain fell.', 0.1, 'event', { checkworthy: false, voice: 'reported' }),
];
const ctx = { layers: new Set(['claims']), color: false };

describe('text report: Claims and Subjectivity', () => {
  it('ranks the claims by score with mark, kind, evidence and speaker', () => {
    expect(renderClaims({ text: TEXT, claims } as unknown as NewsDocument, ctx)).toEqual([
      '  1 check-worthy of 3 scored statements; ranked by score',
      '   1. ● 0.91 statistic  Sales rose 5% in 2023 at Acme, Lee said.',
      '      numbers: 5% · dates: 2023 · names: Acme, Lee · reported from Lee',
      '   2. ○ 0.30 other      I love it.',
      '      cue: love',
      '   3. ○ 0.10 event      Rain fell.',
      '      reported from an unnamed source',
    ]);
    const dimmed = renderClaims({ text: TEXT, claims } as unknown as NewsDocument, { ...ctx, color: true });
    expect(dimmed[4]).toBe('      \x1b[2mcue: love\x1b[22m');
  });

  it('shows ten claims and counts the rest; says when there are none', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      claim('Rain fell.', i / 100, 'event', { checkworthy: i === 11 }),
    );
    const lines = renderClaims({ text: TEXT, claims: many } as unknown as NewsDocument, ctx);
    expect(lines[0]).toBe('  1 check-worthy of 12 scored statements; ranked by score');
    expect(lines[1]).toBe('   1. ● 0.11 event      Rain fell.');
    expect(lines.at(-1)).toBe('  … 2 more in the JSON output');
    expect(lines.filter((l) => /^ {2}[ \d]\d\. /.test(l))).toHaveLength(10);
    expect(renderClaims({ text: TEXT } as NewsDocument, ctx)).toEqual(['  no checkable statements found']);
  });

  it("reports the subjective share of the outlet's own sentences and the top ones", () => {
    const sentence = (s: string, score: number, subjective: boolean, voice: string) => ({
      ...at(s),
      score,
      subjective,
      voice,
    });
    const subjectivity = {
      share: 0.5,
      outletSentences: 2,
      subjectiveSentences: 1,
      sentences: [
        sentence('Rain fell.', 0.2, false, 'outlet'),
        sentence('I love it.', 0.8, true, 'outlet'),
        sentence('Sales rose 5% in 2023 at Acme, Lee said.', 0.9, true, 'reported'),
      ],
    };
    expect(renderSubjectivity({ text: TEXT, subjectivity } as unknown as NewsDocument)).toEqual([
      "  50% of the sentences wholly in the outlet's own voice are subjective (1 of 2; sentences with quoted or reported speech not counted)",
      '  0.80 I love it.',
    ]);
    expect(renderSubjectivity({ text: TEXT } as NewsDocument)).toEqual([]);
  });
});
