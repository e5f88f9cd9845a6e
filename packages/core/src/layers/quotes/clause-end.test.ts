import { describe, expect, it } from 'vitest';
import type { Token } from '../../schema.js';
import type { SyntaxLayer } from '../syntax/syntax.js';
import { cutAtComplement } from './clause-end.js';
import type { Quote } from './types.js';

const TEXT = 'Officials said the talks failed, and the minister resigned on Monday.';
const tokens: Token[] = [...TEXT.matchAll(/\w+|[^\s\w]/g)].map((m) => ({
  start: m.index,
  end: m.index + m[0].length,
  kind: /\w/.test(m[0]) ? 'word' : 'punct',
})) as Token[];
// Officials said the talks failed , and the minister resigned on Monday .
//     0      1    2    3     4    5  6   7     8       9      10   11   12
const tree: [number, string][] = [
  [1, 'nsubj'],
  [-1, 'root'],
  [3, 'det'],
  [4, 'nsubj'],
  [1, 'ccomp'],
  [9, 'punct'],
  [9, 'cc'],
  [8, 'det'],
  [9, 'nsubj'],
  [1, 'conj'],
  [11, 'case'],
  [9, 'obl'],
  [1, 'punct'],
];
const syntax: SyntaxLayer = {
  upos: tokens.map((t) => (t.kind === 'word' ? 'X' : 'PUNCT')),
  lemma: tokens.map(() => ''),
  head: tree.map(([h]) => h),
  deprel: tree.map(([, d]) => d),
};
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const quote = (content: string, over: Partial<Quote> = {}): Quote =>
  ({
    ...span(content),
    kind: 'indirect',
    cue: span('said'),
    signals: [],
    rule: 'source-cue-content',
    ...over,
  }) as Quote;

describe('cutAtComplement', () => {
  it('ends an indirect content after its cue at the cue’s ccomp subtree', () => {
    const q = quote('the talks failed, and the minister resigned on Monday');
    expect(cutAtComplement(tokens, syntax, [q])).toEqual([q]);
    expect(TEXT.slice(q.start, q.end)).toBe('the talks failed');
  });

  it('leaves punctuation at the end of the subtree out, and never lengthens a content', () => {
    const comma = { ...syntax, head: [...syntax.head!], deprel: [...syntax.deprel!] };
    comma.head[5] = 4; // the comma under `failed`
    const q = quote('the talks failed, and the minister resigned on Monday');
    cutAtComplement(tokens, comma, [q]);
    expect(TEXT.slice(q.start, q.end)).toBe('the talks failed');
    const short = quote('the talks');
    expect(cutAtComplement(tokens, syntax, [short])).toEqual([]);
    expect(TEXT.slice(short.start, short.end)).toBe('the talks');
  });

  it.each<[string, Partial<Quote>, SyntaxLayer]>([
    ['a direct quotation', { kind: 'direct' }, syntax],
    ['a content before its cue', { cue: span('resigned') }, syntax],
    ['a layer without heads (deps off)', {}, { upos: syntax.upos, lemma: syntax.lemma }],
    ['a cue whose ccomp is elsewhere', { cue: span('Officials') }, syntax],
  ])('leaves %s alone', (_, over, layer) => {
    const q = quote('the talks failed, and the minister resigned on Monday', over);
    expect(cutAtComplement(tokens, layer, [q])).toEqual([]);
    expect(TEXT.slice(q.start, q.end)).toBe('the talks failed, and the minister resigned on Monday');
  });
});
