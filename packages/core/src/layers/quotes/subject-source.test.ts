import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import type { Span, Token } from '../../schema.js';
import type { Candidate } from './candidate.js';
import { cueSentences } from './cue-sentences.js';
import { lexiconFor } from './lexicon.js';
import { at, expectAttributions, type Want } from './run.fixture.js';
import { cueSubject, type SubsetParser, sourcesFromSubjects } from './subject-source.js';
import { toToks } from './tok.js';
import type { Quote } from './types.js';

const TEXT = 'The senior officials, who met donors, said talks failed. Aides who spoke said no.';
const tokens: Token[] = [...TEXT.matchAll(/\w+|[^\s\w]/g)].map((m) => ({
  start: m.index,
  end: m.index + m[0].length,
  kind: /\w/.test(m[0]) ? 'word' : 'punct',
})) as Token[];
const toks = toToks(TEXT, tokens);
// The senior officials , who met donors , said talks failed .  Aides who spoke said no .
//  0    1       2      3  4   5    6    7  8    9     10    11  12   13   14    15  16 17
const tree: [number, string, string][] = [
  [2, 'det', 'DET'],
  [2, 'amod', 'ADJ'],
  [8, 'nsubj', 'NOUN'],
  [5, 'punct', 'PUNCT'],
  [5, 'nsubj', 'PRON'],
  [2, 'acl', 'VERB'],
  [5, 'obj', 'NOUN'],
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
const span = (s: string, from = 0): Span => ({
  start: TEXT.indexOf(s, from),
  end: TEXT.indexOf(s, from) + s.length,
});
const sentences = [
  span('The senior officials, who met donors, said talks failed.'),
  span('Aides who spoke said no.'),
];

/** A parser that gives the tree above, token by token, and records what it was asked to parse. */
function fixedParser() {
  const n = tokens.length;
  const p = {
    upos: new Array<string>(n).fill(''),
    head: new Array<number>(n).fill(-1),
    deprel: new Array<string>(n).fill(''),
    tagged: [] as number[][],
    parsed: [] as number[][],
    tagSentence(s: Span): [number, number] {
      const from = tokens.findIndex((t) => t.start >= s.start);
      let to = from;
      while (to < n && tokens[to]!.end <= s.end) to++;
      for (let i = from; i < to; i++) p.upos[i] = tree[i]![2];
      p.tagged.push([from, to]);
      return [from, to];
    },
    parse(from: number, to: number) {
      for (let i = from; i < to; i++) [p.head[i], p.deprel[i]] = tree[i]!;
      p.parsed.push([from, to]);
    },
  };
  return p satisfies SubsetParser;
}
const lex = lexiconFor('en');
const candidate = (content: string, cue: Span, over: Partial<Candidate> = {}): Candidate => ({
  content: span(content),
  cue,
  lemma: TEXT.slice(cue.start, cue.end),
  rule: 'learned-cue',
  sentence: 0,
  contentAfter: true,
  ...over,
});
const said = span('said');
const said2 = span('said', said.end);
const source = (c: Candidate) => (c.np ? TEXT.slice(toks[c.np.s]!.start, toks[c.np.e - 1]!.end) : undefined);

describe('sourcesFromSubjects', () => {
  it('gives a candidate without a speaker phrase its cue verb’s subject subtree, edge punctuation left out', () => {
    const c = candidate('talks failed', said, { impersonal: true });
    const p = fixedParser();
    expect(sourcesFromSubjects(toks, sentences, [c], lex, () => p)).toEqual([c]);
    expect(source(c)).toBe('The senior officials, who met donors');
    expect(c.impersonal).toBeUndefined();
    expect(p.parsed).toEqual([[0, 12]]);
  });

  it('parses a sentence only up to `after` tokens past its last such cue, and only when the cue is a verb', () => {
    const p = fixedParser();
    sourcesFromSubjects(toks, sentences, [candidate('talks failed', said)], lex, () => p, 1);
    expect(p.parsed).toEqual([[0, 10]]);
    const noun = fixedParser();
    // `officials` tagged NOUN: the sentence is tagged, not parsed.
    expect(
      sourcesFromSubjects(toks, sentences, [candidate('talks failed', span('officials'))], lex, () => noun),
    ).toEqual([]);
    expect([noun.tagged, noun.parsed]).toEqual([[[0, 12]], []]);
  });

  it('asks for no parser when every candidate has its speaker phrase or a passive `by` cue', () => {
    const p = () => {
      throw new Error('not wanted');
    };
    const has = candidate('talks failed', said, { np: { s: 12, e: 13 } });
    const passive = candidate('talks failed', said, { rule: 'passive-by' });
    expect(sourcesFromSubjects(toks, sentences, [has, passive], lex, p)).toEqual([]);
    expect(source(has)).toBe('Aides');
  });

  it('leaves subjects inside the content and relative pronouns alone', () => {
    const inside = candidate('The senior officials', said);
    const relative = candidate('no', span('spoke'));
    expect(sourcesFromSubjects(toks, sentences, [inside, relative], lex, fixedParser)).toEqual([]);
    const second = candidate('no', said2);
    sourcesFromSubjects(toks, sentences, [second], lex, fixedParser);
    expect(source(second)).toBe('Aides who spoke');
  });

  it('cueSubject reads only a verb’s nsubj', () => {
    const p = fixedParser();
    p.tagSentence(sentences[0]!);
    p.parse(0, 12);
    expect(cueSubject(toks, p, 8)).toEqual({ s: 0, e: 7 });
    expect(cueSubject(toks, p, 10)).toEqual({ s: 9, e: 10 });
    expect(cueSubject(toks, p, 2)).toBeUndefined();
  });
});

describe('cueSentences', () => {
  it('lists each sentence holding a cue once, ascending', () => {
    const quote = (content: string, cue: Span) =>
      ({ ...span(content), kind: 'indirect', cue, signals: [], rule: 'source-cue-content' }) as Quote;
    const qs = [quote('no', said2), quote('talks failed', said), quote('no', said2)];
    expect(cueSentences(sentences, qs)).toEqual([0, 1]);
    expect(cueSentences(sentences, [quote('no', said2)])).toEqual([1]);
  });
});

// Sentences where the cue rules find no speaker phrase and the parse's subject is the source;
// speaker and type follow the subject (it becomes the speaker phrase before speakers are resolved).
const HEAD = 'Voters weigh in\n\n';
const cases: { name: string; text: string; want: Want[] }[] = [
  {
    name: 'a speaker after a question put to him (`Asked …, X said no`)',
    text: `${HEAD}He has said he would fight back when people go after him, only 10 times harder. Asked if he was ever bullied, the Republican presidential candidate said no. But he said bullies were everywhere.`,
    want: [
      { content: 'he would fight back when people go after him, only 10 times harder', source: 'He' },
      { content: 'if he was ever bullied', cue: 'Asked' },
      {
        content: 'no',
        cue: 'said',
        source: 'the Republican presidential candidate',
        speaker: 'Republican presidential candidate',
      },
      { content: 'bullies were everywhere', source: 'he' },
    ],
  },
  {
    name: 'shares of a poll as sources of a learned cue (`64 percent call him competent`)',
    text: `${HEAD}Six in 10 say he is decisive. And 64 percent call him competent, after 55 percent said so in December.`,
    want: [
      { content: 'he is decisive', source: 'Six in 10' },
      { content: 'him competent', cue: 'call', source: '64 percent', speaker: '64 percent' },
      { content: 'so in December', cue: 'said', source: '55 percent' },
    ],
  },
  {
    name: 'a magazine after a time adverbial (`Last year, Time magazine named him …`)',
    text: `${HEAD}Last year, Time magazine named him on its list of the world’s most influential people.`,
    want: [
      {
        content: 'him on its list of the world’s most influential people',
        cue: 'named',
        source: 'Time magazine',
        type: 'media',
      },
    ],
  },
];

describe('quotes: sources from the parse', async () => {
  const on = await createPipeline({ layers: ['quotes'], options: { quotes: { subjects: true } } });
  // Off by default.
  const off = await createPipeline({ layers: ['quotes'] });
  // The syntax layer in the pipeline, with other options, changes nothing: quotes parses for itself.
  const withSyntax = await createPipeline({
    layers: ['syntax', 'quotes'],
    options: { syntax: { deps: true }, quotes: { subjects: true } },
  });
  for (const c of cases)
    it(c.name, () => {
      const got = on.run({ id: 't', text: c.text, meta: { lang: 'en' } }).quotes!;
      expectAttributions(c.text, got, c.want);
      expect(withSyntax.run({ id: 't', text: c.text, meta: { lang: 'en' } }).quotes).toEqual(got);
      // Without the option the rules leave these attributions without a source.
      const rules = off.run({ id: 't', text: c.text, meta: { lang: 'en' } }).quotes!;
      const filled = c.want.filter((w) => w.cue && w.source).map((w) => w.content);
      for (const q of rules.filter((r) => filled.includes(at(c.text, r)!))) expect(q.source).toBeUndefined();
    });

  it('records the tagger and the parser it read in the producer, and none without the option', () => {
    const models = (p: typeof on) => Object.keys(p.producers.quotes!.models ?? {});
    expect(models(on)).toEqual(expect.arrayContaining(['syntax/syntax-en.json', 'syntax/deps-en.json']));
    expect(models(off).filter((m) => m.startsWith('syntax/'))).toEqual([]);
  });
});
