import { describe, expect, it } from 'vitest';
import type { Span, Token } from '../../schema.js';
import type { SyntaxLayer } from '../syntax/syntax.js';
import { cueSentences } from './cue-sentences.js';
import { sourcesFromSubjects } from './subject-source.js';
import type { Quote } from './types.js';

const TEXT = 'The senior officials, who met Monday, said talks failed. Aides who spoke said no.';
const tokens: Token[] = [...TEXT.matchAll(/\w+|[^\s\w]/g)].map((m) => ({
  start: m.index,
  end: m.index + m[0].length,
  kind: /\w/.test(m[0]) ? 'word' : 'punct',
})) as Token[];
// The senior officials , who met Monday , said talks failed .  Aides who spoke said no .
//  0    1       2      3  4   5    6    7  8    9     10    11  12   13   14    15  16 17
const tree: [number, string, string][] = [
  [2, 'det', 'DET'],
  [2, 'amod', 'ADJ'],
  [8, 'nsubj', 'NOUN'],
  [5, 'punct', 'PUNCT'],
  [5, 'nsubj', 'PRON'],
  [2, 'acl', 'VERB'],
  [5, 'obl', 'PROPN'],
  [5, 'punct', 'PUNCT'],
  [-1, 'root', 'VERB'],
  [10, 'nsubj', 'NOUN'],
  [8, 'ccomp', 'VERB'],
  [8, 'punct', 'PUNCT'],
  [15, 'nsubj', 'NOUN'],
  [14, 'nsubj', 'PRON'],
  [12, 'acl', 'VERB'],
  [-1, 'root', 'VERB'],
  [15, 'obj', 'INTJ'],
  [15, 'punct', 'PUNCT'],
];
const syntax: SyntaxLayer = {
  upos: tree.map(([, , u]) => u),
  lemma: tokens.map(() => ''),
  head: tree.map(([h]) => h),
  deprel: tree.map(([, d]) => d),
};
const span = (s: string, from = 0): Span => ({
  start: TEXT.indexOf(s, from),
  end: TEXT.indexOf(s, from) + s.length,
});
const quote = (content: string, cue: Span, over: Partial<Quote> = {}): Quote =>
  ({ ...span(content), kind: 'indirect', cue, signals: [], rule: 'source-cue-content', ...over }) as Quote;
const said = span('said');
const said2 = span('said', said.end);
const surface = (s?: Span) => (s ? TEXT.slice(s.start, s.end) : undefined);

describe('sourcesFromSubjects', () => {
  it('fills a missing source with the cue verb’s subject subtree, edge punctuation left out', () => {
    const q = quote('talks failed', said);
    expect(sourcesFromSubjects(TEXT, tokens, syntax, [q], 'fill')).toEqual([q]);
    expect(surface(q.source)).toBe('The senior officials, who met Monday');
  });

  it('replaces a source elsewhere only in replace mode, and keeps one that overlaps the subject', () => {
    const elsewhere = () => quote('talks failed', said, { source: span('Aides') });
    const kept = elsewhere();
    expect(sourcesFromSubjects(TEXT, tokens, syntax, [kept], 'fill')).toEqual([]);
    const q = elsewhere();
    expect(sourcesFromSubjects(TEXT, tokens, syntax, [q], 'replace')).toEqual([q]);
    expect(surface(q.source)).toBe('The senior officials, who met Monday');
    const overlapping = quote('talks failed', said, { source: span('officials') });
    expect(sourcesFromSubjects(TEXT, tokens, syntax, [overlapping], 'replace')).toEqual([]);
    expect(surface(overlapping.source)).toBe('officials');
  });

  it('leaves passive cues, relative-pronoun subjects and subjects inside the content alone', () => {
    const passive = quote('talks failed', said, { rule: 'passive-by' });
    const inside = quote('The senior officials', said);
    expect(sourcesFromSubjects(TEXT, tokens, syntax, [passive, inside], 'fill')).toEqual([]);
    // `who spoke`: `who` is the subject of `spoke`, not a cue; as a cue's subject it would be left alone.
    const relative = quote('no', span('spoke'));
    expect(sourcesFromSubjects(TEXT, tokens, syntax, [relative], 'fill')).toEqual([]);
    const second = quote('no', said2);
    sourcesFromSubjects(TEXT, tokens, syntax, [second], 'fill');
    expect(surface(second.source)).toBe('Aides who spoke');
  });
});

describe('cueSentences', () => {
  it('lists each sentence holding a cue once, ascending', () => {
    const sentences = [
      span('The senior officials, who met Monday, said talks failed.'),
      span('Aides who spoke said no.'),
    ];
    const qs = [quote('no', said2), quote('talks failed', said), quote('no', said2)];
    expect(cueSentences(sentences, qs)).toEqual([0, 1]);
    expect(cueSentences(sentences, [quote('no', said2)])).toEqual([1]);
  });
});
