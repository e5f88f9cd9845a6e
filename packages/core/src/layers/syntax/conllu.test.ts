import { describe, expect, it } from 'vitest';
import { COL, readConllu, sentenceDocId, sentenceForms, writeConllu } from './conllu.js';

const row = (...cols: string[]) => cols.join('\t');
const SAMPLE = [
  '# newdoc id = wire-0412',
  '# sent_id = wire-0412-1',
  '# text = Officials didn’t comment.',
  row('1', 'Officials', 'official', 'NOUN', 'NNS', 'Number=Plur', '3', 'nsubj', '_', '_'),
  row('2-3', 'didn’t', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('2', 'did', 'do', 'AUX', 'VBD', '_', '3', 'aux', '_', '_'),
  row('3', 'n’t', 'not', 'PART', 'RB', '_', '0', 'root', '_', 'SpaceAfter=No'),
  row('4', 'comment', 'comment', 'VERB', 'VB', '_', '3', 'xcomp', '_', 'SpaceAfter=No'),
  row('5', '.', '.', 'PUNCT', '.', '_', '3', 'punct', '_', '_'),
  '',
  '# sent_id = wire-0412-2',
  row('1', 'Talks', 'talk', 'NOUN', 'NNS', '_', '2', 'nsubj', '_', '_'),
  row('2', 'resumed', 'resume', 'VERB', 'VBD', '_', '0', 'root', '_', '_'),
  '',
].join('\n');

describe('readConllu / writeConllu', () => {
  it('keeps comments, multiword ranges and word rows, and lists the syntactic words', () => {
    const s = readConllu(SAMPLE);
    expect(s).toHaveLength(2);
    expect(s[0]!.comments).toEqual([
      '# newdoc id = wire-0412',
      '# sent_id = wire-0412-1',
      '# text = Officials didn’t comment.',
    ]);
    expect(sentenceForms(s[0]!)).toEqual(['Officials', 'did', 'n’t', 'comment', '.']);
    expect(s[0]!.rows[1]![COL.id]).toBe('2-3');
    expect(writeConllu(s)).toBe(`${SAMPLE}\n`);
  });

  it('reports and skips a malformed line, keeping the rest of its sentence', () => {
    const bad: [number, string][] = [];
    const s = readConllu(
      `${row('1', 'A', 'a', 'DET', '_', '_', '2', 'det', '_', '_')}\n1 broken line\n`,
      (l, r) => bad.push([l, r]),
    );
    expect(bad).toEqual([[2, 'expected 10 tab-separated columns, found 1']]);
    expect(sentenceForms(s[0]!)).toEqual(['A']);
  });

  it('reads CRLF files', () => {
    const s = readConllu(SAMPLE.replace(/\n/g, '\r\n'));
    expect(sentenceForms(s[1]!)).toEqual(['Talks', 'resumed']);
  });
});

describe('sentenceDocId', () => {
  const sent = (...comments: string[]) => ({ comments, rows: [], words: [] });
  it.each([
    [sent('# newdoc id = GUM_news_iodine', '# sent_id = GUM_news_iodine-1'), 'GUM_news_iodine'],
    [sent('# sent_id = GUM_news_iodine-14'), 'GUM_news_iodine'],
    [sent('# sent_id = answers-20111108-0003'), 'answers-20111108'],
    [sent('# sent_id = 117'), 'block-2'],
    [sent(), ''],
  ])('%j → %s', (s, doc) => {
    expect(sentenceDocId(s, '')).toBe(doc);
  });
});
