import { describe, expect, it } from 'vitest';
import { boundaryCategory, docMisses, missLine } from './misses.js';

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
      ['fn', 'fn-no-prediction:cue-after', 'added'],
    ]);
  });

  it('ends each line with the offsets of the predicted content, the gold content and the cue', () => {
    const pred = [{ content: span('Critics doubt it'), rule: 'x', cue: span('doubt') }];
    const gold = [{ content: [span('"We are on track,"')], cue: [span('added')], source: [span('she')] }];
    const lines = docMisses('d', TEXT, pred, gold, []).map((m) => missLine(TEXT, m).split('\t'));
    const at = (cell: string) => {
      const [a, b] = cell.split('-').map(Number);
      return TEXT.slice(a, b);
    };
    const [fp, fn] = lines;
    expect([at(fp![8]!), fp![9], at(fp![10]!)]).toEqual(['Critics doubt it', '', 'doubt']);
    expect([fn![8], at(fn![9]!), at(fn![10]!)]).toEqual(['', '"We are on track,"', 'added']);
  });

  const said = {
    content: [span('that the bridge would reopen in May')],
    cue: [span('said')],
    source: [span('The mayor')],
  };
  it.each([
    ['no prediction, cue before the content', [], [said], [], 'fn-no-prediction:cue-before'],
    [
      'no prediction, no cue',
      [],
      [{ content: [span('Critics doubt it')], cue: [], source: [] }],
      [],
      'fn-no-prediction:no-cue',
    ],
    [
      'a prediction that runs past the gold',
      [{ content: span('that the bridge would reopen in May, a date the council disputes'), rule: 'r' }],
      [said],
      [],
      'fn-overlapped:pred-longer-end:words',
    ],
    [
      'the overlapping prediction matched another gold',
      [{ content: span('the bridge would reopen in May'), rule: 'r' }],
      [{ ...said, content: [span('the bridge would reopen')] }, said],
      [[0, 1]] as [number, number][],
      'fn-overlapped:pred-taken',
    ],
  ])('%s', (_, pred, gold, matched, want) => {
    const fn = docMisses('d', TEXT, pred, gold, matched).filter((m) => m.side === 'fn');
    expect(fn.map((m) => m.category)).toEqual([want]);
    // The unmatched gold is the first one in every case.
    expect(fn[0]!.gold).toEqual(gold[0]!.content[0]);
  });
});
