import { describe, expect, it } from 'vitest';
import { boundaryCategory, docMisses } from './misses.js';

const TEXT =
  'The mayor said that the bridge would reopen in May, a date the council disputes. "We are on track," she added. Critics doubt it.';
const span = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  return { start, end: start + s.length };
};

describe('boundaryCategory', () => {
  it.each([
    [
      'gold has that',
      'the bridge would reopen in May',
      'that the bridge would reopen in May',
      'gold-longer-start:that',
    ],
    [
      'prediction runs past the clause',
      'that the bridge would reopen in May, a date the council disputes',
      'that the bridge would reopen in May',
      'pred-longer-end:words',
    ],
    [
      'gold runs into the next sentence',
      'that the bridge would reopen in May',
      'that the bridge would reopen in May, a date the council disputes. "We are on track,"',
      'gold-longer-end:sentences',
    ],
    ['same span up to punctuation', '"We are on track,"', '"We are on track,', 'near-miss'],
  ])('%s', (_, pred, gold, want) => {
    const p = span(pred);
    const g = span(gold);
    expect(TEXT.slice(p.start, p.end)).toBe(pred);
    expect(TEXT.slice(g.start, g.end)).toBe(gold);
    expect(boundaryCategory(TEXT, p, [g])).toBe(want);
  });
});

describe('docMisses', () => {
  it('lists a spurious prediction and an unmatched gold with its cue', () => {
    const pred = [{ content: span('Critics doubt it'), rule: 'x', cue: span('doubt') }];
    const gold = [{ content: [span('"We are on track,"')], cue: [span('added')], source: [span('she')] }];
    const m = docMisses('d', TEXT, pred, gold, []);
    expect(m.map((x) => [x.side, x.category, x.cue])).toEqual([
      ['fp', 'spurious', 'doubt'],
      ['fn', 'fn-no-prediction', 'added'],
    ]);
  });
});
