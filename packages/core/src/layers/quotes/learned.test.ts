import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelUrl } from '../../models/dir.js';
import { LinearModel } from '../../models/linear.js';
import { WordClusters } from '../../models/word-clusters.js';
import { createPipeline, type Pipeline } from '../../pipeline.js';
import { LEARNED_CUE_BITS } from './learned.js';
import { wordFeature } from './learned-features.js';
import { learnedCueExamples } from './quotes.js';

/** A model file that accepts exactly the given words as cue ends (a stand-in for a trained one). */
function modelFor(words: readonly string[]): string {
  const w = new Float32Array(1 << LEARNED_CUE_BITS);
  const mask = (1 << LEARNED_CUE_BITS) - 1;
  for (const x of words) w[wordFeature(x) & mask] = 10;
  const m = new LinearModel(
    'multilabel',
    ['cue'],
    LEARNED_CUE_BITS,
    w,
    Float32Array.of(-5),
    Float32Array.of(0.35),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'np-learned-')), 'cues.en.json');
  writeFileSync(file, JSON.stringify(m.toFile({ task: 'test' })));
  return file;
}

const at = (text: string, s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);
const pipelines = new Map<string, Pipeline>();
const run = (text: string, learned: string) =>
  pipelines
    .get(learned)!
    .run({ id: 't', text, meta: { lang: 'en' } })
    .quotes!.filter((q) => q.rule === 'learned-cue');
/** Pipelines are built up front (set-up is asynchronous); `run` picks one by its option. */
const prepare = async (...learned: string[]) => {
  for (const l of learned)
    if (!pipelines.has(l))
      pipelines.set(l, await createPipeline({ layers: ['quotes'], options: { quotes: { learned: l } } }));
};

describe('learned cues: content, speaker and coverage', () => {
  const model = modelFor(['balked', 'trashed', 'schemed', 'touting', 'said', 'citing', 'attacks']);
  beforeAll(() => prepare(model, 'off'));
  const cases: { name: string; text: string; want: { cue: string; content: string; source?: string }[] }[] = [
    {
      name: 'a quantified subject speaks for a learned cue after an aside',
      text: 'Harbour\n\nWhile much of the local press – including two weeklies – has repeatedly trashed the plan, residents are calm.',
      want: [{ cue: 'trashed', content: 'the plan', source: 'much of the local press' }],
    },
    {
      name: 'a title’s full stop does not end the content',
      text: 'Harbour\n\nDockers trashed Mr. Reed and the plan.',
      want: [{ cue: 'trashed', content: 'Mr. Reed and the plan', source: 'Dockers' }],
    },
    {
      name: 'content runs to the next clause mark; the speaker is the subject before the cue',
      text: 'Harbour\n\nRepublicans balked at the plan, and the vote was put off.',
      want: [{ cue: 'balked', content: 'at the plan', source: 'Republicans' }],
    },
    {
      name: 'a noun-phrase object ends before an adjunct',
      text: 'Harbour\n\nThe mayor was touting her record before the vote on Monday.',
      want: [{ cue: 'touting', content: 'her record', source: 'The mayor' }],
    },
    {
      name: 'a clause runs on past an adjunct word',
      text: 'Harbour\n\nThe union schemed to keep the port open despite the cuts.',
      want: [{ cue: 'schemed', content: 'to keep the port open despite the cuts', source: 'The union' }],
    },
    {
      name: 'a quotation after the cue is the content, commas inside it included',
      text: 'Harbour\n\nCritics trashed “a plan that, frankly, nobody wanted” at the meeting.',
      want: [{ cue: 'trashed', content: '“a plan that, frankly, nobody wanted”', source: 'Critics' }],
    },
    {
      name: 'the sentence subject speaks when the words before the cue are no noun phrase',
      text: 'Harbour\n\nThe harbour master, at a meeting last week, trashed the ferry timetable.',
      want: [{ cue: 'trashed', content: 'the ferry timetable', source: 'The harbour master' }],
    },
    {
      name: 'a full stop after initials or before a lower-case word does not end the content',
      text: 'Harbour\n\nDockers trashed the U.S. trade envoy and the E.U. one.',
      want: [{ cue: 'trashed', content: 'the U.S. trade envoy and the E.U. one', source: 'Dockers' }],
    },
    {
      name: 'the object of a noun cue after a possessive ends before the finite verb',
      text: 'Harbour\n\nHis attacks on the mayor are unfair.',
      want: [{ cue: 'attacks', content: 'on the mayor', source: 'His' }],
    },
    {
      name: 'a coordinated predicate after the object is no content',
      text: 'Harbour\n\nDockers trashed the plan and started a strike.',
      want: [{ cue: 'trashed', content: 'the plan', source: 'Dockers' }],
    },
    {
      name: 'a clause with its own subject after `and` is no content',
      text: 'Harbour\n\nDockers trashed the plan and they went home.',
      want: [{ cue: 'trashed', content: 'the plan', source: 'Dockers' }],
    },
    {
      name: 'the items of a list after a comma belong to the object',
      text: 'Harbour\n\nDockers trashed the plan, the timetable and the fares.',
      want: [{ cue: 'trashed', content: 'the plan, the timetable and the fares', source: 'Dockers' }],
    },
    {
      name: 'a relative clause after a comma is no list: the object ends at the comma',
      text: 'Harbour\n\nDockers trashed the plan, which was new to them.',
      want: [{ cue: 'trashed', content: 'the plan', source: 'Dockers' }],
    },
    {
      name: 'a hyphen standing alone is a dash: it ends the content',
      text: 'Harbour\n\nDockers trashed the plan - a scheme nobody wanted.',
      want: [{ cue: 'trashed', content: 'the plan', source: 'Dockers' }],
    },
    {
      name: 'a one-word object ends before `when`',
      text: 'Harbour\n\nDockers trashed Reed when the vote came.',
      want: [{ cue: 'trashed', content: 'Reed', source: 'Dockers' }],
    },
    {
      name: 'a relay verb is never a cue: its object is the speaker',
      text: 'Harbour\n\nThe ferry may stop in May, according to two local papers, citing a senior port official.',
      want: [],
    },
    {
      name: 'a word a rule already reads as a cue is left to the rule',
      text: 'Harbour\n\nThe mayor said the bridge was safe.',
      want: [],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const got = run(c.text, model).map((q) => ({
        cue: at(c.text, q.cue),
        content: at(c.text, q),
        ...(q.source ? { source: at(c.text, q.source) } : {}),
      }));
      expect(got).toEqual(c.want);
    });

  it('`learned: off` keeps the rules alone', () => {
    expect(run('Harbour\n\nRepublicans balked at the plan, and the vote was put off.', 'off')).toEqual([]);
  });
});

describe('the shipped learned-cue model', () => {
  beforeAll(() => prepare(''));
  it('finds a stance the cue list does not hold, with its speaker', () => {
    const text = 'Harbour\n\nRepublicans balked at the plan, and Clinton slammed Trump over his remarks.';
    const q = run(text, '');
    expect(q.map((x) => [at(text, x.cue), at(text, x), at(text, x.source)])).toEqual([
      ['balked at', 'the plan', 'Republicans'],
    ]);
  });
});

describe('word-cluster features of the learned-cue model', () => {
  it('the trainer reads four cluster features more, named by the word classes', async () => {
    const clusters = new WordClusters(
      JSON.parse(readFileSync(fileURLToPath(modelUrl('clusters/clusters.en.json')), 'utf8')),
    );
    const pipe = await createPipeline({ layers: ['paragraphs', 'sentences', 'tokens', 'language'] });
    const doc = pipe.run({
      id: 't',
      text: 'Harbour\n\nRepublicans balked at the plan.',
      meta: { lang: 'en' },
    });
    const plain = learnedCueExamples(doc, 0.3, true);
    const withClusters = learnedCueExamples(doc, 0.3, true, 3, undefined, clusters);
    expect(plain.length).toBeGreaterThan(0);
    expect(withClusters.map((e) => e.start)).toEqual(plain.map((e) => e.start));
    const balked = withClusters.find((e) => doc.text.slice(e.start, e.end) === 'balked')!;
    expect(balked.x.idx).toHaveLength(21);
    expect(balked.x.idx.slice(0, 17)).toEqual(plain.find((e) => e.start === balked.start)!.x.idx);
    const leaf = clusters.leafOf('balked');
    expect(balked.x.names!.slice(17, 19)).toEqual(
      leaf === undefined ? ['c1=0', 'c3=0'] : [`c1=${1 + (leaf >> 4)}`, `c3=${leaf + 1}`],
    );
  });

  it('reads the classes of the words around each scored word, sentence by sentence', async () => {
    const clusters = new WordClusters(
      JSON.parse(readFileSync(fileURLToPath(modelUrl('clusters/clusters.en.json')), 'utf8')),
    );
    const pipe = await createPipeline({ layers: ['paragraphs', 'sentences', 'tokens', 'language'] });
    // Sentences of one length, so that a class kept from the sentence before would show.
    const text =
      'Harbour\n\nRepublicans balked at the plan on Monday. Critics lamented the new rules again. ' +
      'Farmers doubted the official figures openly.';
    const doc = pipe.run({ id: 't', text, meta: { lang: 'en' } });
    const examples = learnedCueExamples(doc, 0.3, true, 3, undefined, clusters);
    const toks = doc.tokens!;
    const sentenceOf = (k: number) =>
      doc.sentences!.findIndex((s) => s.start <= toks[k]!.start && toks[k]!.end <= s.end);
    const cls = (k: number, i: number) => {
      const t = toks[k];
      if (t?.kind !== 'word' || sentenceOf(k) !== sentenceOf(i)) return 0;
      const leaf = clusters.leafOf(text.slice(t.start, t.end).toLowerCase());
      return leaf === undefined ? 0 : 1 + (leaf >> 2);
    };
    let checked = 0;
    for (const e of examples) {
      const i = toks.findIndex((t) => t.start === e.start);
      expect(e.x.names!.slice(19)).toEqual([`cn=${cls(i + 1, i)}`, `cp=${cls(i - 1, i)}`]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(examples.some((e) => e.x.names![19] !== 'cn=0')).toBe(true);
  });

  it('a model trained on another cluster file is refused with E_MODEL_INVALID', async () => {
    const m = new LinearModel(
      'multilabel',
      ['cue'],
      LEARNED_CUE_BITS,
      new Float32Array(1 << LEARNED_CUE_BITS),
      Float32Array.of(-5),
      Float32Array.of(0.35),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'np-learned-')), 'cues.en.json');
    writeFileSync(
      file,
      JSON.stringify(
        m.toFile({ task: 'test', clusters: 'clusters/clusters.en.json', clustersChecksum: '000000000000' }),
      ),
    );
    await expect(
      createPipeline({ layers: ['quotes'], options: { quotes: { learned: file } } }),
    ).rejects.toMatchObject({
      code: 'E_MODEL_INVALID',
      message: expect.stringMatching(
        /^word clusters clusters\/clusters\.en\.json: checksum [0-9a-f]{12}, but the model was trained with 000000000000; retrain/,
      ),
    });
  });
});

describe('learned cues: verbs of a topic or a thing report nothing (issue 18)', () => {
  // A stand-in model that takes all three as cue ends: only `notLearnedCues` keeps two out.
  const model = modelFor(['introduced', 'focus', 'trashed']);
  beforeAll(() => prepare(model));
  it.each([
    ['Harbour\n\nSenator Ann Berg introduced a bill on the port fees.', []],
    ['Harbour\n\nThe mayor will focus on the port fees this year.', []],
    [
      'Harbour\n\nSenator Ann Berg trashed a bill on the port fees.',
      [['trashed', 'a bill on the port fees']],
    ],
  ])('%s', (text, want) => {
    expect(run(text, model).map((q) => [at(text, q.cue), at(text, q)])).toEqual(want);
  });
});
