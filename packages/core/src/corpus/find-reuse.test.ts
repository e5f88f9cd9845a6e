import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import { findReuse, reuseView } from './find-reuse.js';
import type { ReuseDocument, ReusePair } from './reuse-types.js';
import { PARTIAL, REPUBLISHED, REWRITE, TRANSLATION, UNRELATED, WIRE } from './testing/fixtures.js';

const corpus: ReuseDocument[] = [
  { id: 'wire', text: WIRE, meta: { outlet: 'Wirepress' } },
  { id: 'daily', text: REPUBLISHED, meta: { outlet: 'Danube Daily' } },
  { id: 'insure', text: PARTIAL },
  { id: 'rewrite', text: REWRITE },
  { id: 'ru', text: TRANSLATION },
  { id: 'tram', text: UNRELATED[0]! },
  { id: 'snow', text: UNRELATED[1]! },
];
const texts = new Map(corpus.map((d) => [d.id, d.text]));
const pipeline = await createPipeline({
  layers: ['paragraphs', 'sentences', 'naming', 'quotes', 'techniques'],
});
const pairs = findReuse(corpus, { analyze: (d) => pipeline.run(d) });
// Every layer a stored document may carry, for the views' tests.
const fullPipeline = await createPipeline({
  layers: ['paragraphs', 'sentences', 'entities', 'naming', 'quotes', 'claims', 'techniques', 'frames'],
});
const pair = (a: string, b: string): ReusePair | undefined => pairs.find((p) => p.a === a && p.b === b);

describe('findReuse kinds', () => {
  it.each([
    ['wire', 'daily', 'copy'],
    ['wire', 'insure', 'partial'],
    ['wire', 'rewrite', 'rewrite'],
    ['wire', 'ru', 'translation'],
    ['rewrite', 'ru', 'translation'],
  ])('%s ~ %s is a %s', (a, b, kind) => {
    expect(pair(a, b)?.kind).toBe(kind);
  });

  it('pairs nothing with the unrelated stories', () => {
    expect(pairs.filter((p) => ['tram', 'snow'].includes(p.a) || ['tram', 'snow'].includes(p.b))).toEqual([]);
  });

  it('aligns passages whose spans read the same text in both documents', () => {
    const p = pair('wire', 'insure')!;
    expect(p.passages.length).toBe(1);
    expect(p.reason).toMatch(/^partial: 1 shared passage \(\d+ words\) covers \d+% of a/);
    const { a, b } = p.passages[0]!;
    expect(texts.get('wire')!.slice(a.start, a.end)).toBe(texts.get('insure')!.slice(b.start, b.end));
    expect(texts.get('wire')!.slice(a.start, a.end)).toMatch(/^Cargo ships loaded.*harbour$/s);
  });

  it('aligns a translation sentence by sentence', () => {
    const p = pair('wire', 'ru')!;
    const first = p.passages[0]!;
    expect(texts.get('ru')!.slice(first.b.start, first.b.end)).toContain('Одесс');
    expect(p.reason).toMatch(/translation \(en → ru\): concept cosine/);
    // What they share, in the texts' own words: no internal feature keys (`w:gang`, `e:odesa`).
    const shared = p.reason.split('; shared ')[1]!.split(';')[0]!.split(', ');
    expect(shared.length).toBeGreaterThan(0);
    for (const w of shared) expect(w, p.reason).not.toMatch(/^[a-z]:|^#/);
    expect(new Set(shared).size).toBe(shared.length);
    const both = `${texts.get('wire')} ${texts.get('ru')}`.toLowerCase();
    for (const w of shared) expect(both).toContain(w.toLowerCase());
  });

  it('explains a copy by its coverage and gives a score in 0..1', () => {
    const p = pair('wire', 'daily')!;
    expect(p.reason).toMatch(/^copy: \d+ shared passages \(\d+ words\) cover 9\d% of a and 8\d% of b/);
    expect(p.score).toBeGreaterThan(0.8);
    expect(p.score).toBeLessThanOrEqual(1);
  });

  it('groups pairs into one republication tree rooted at the credited wire', () => {
    expect(new Set(pairs.map((p) => p.tree))).toEqual(new Set(['wire']));
  });
});

describe('findReuse changes (wire → daily)', () => {
  const c = pair('wire', 'daily')!.changes;
  const daily = texts.get('daily')!;
  const wire = texts.get('wire')!;
  it('starts from the source', () => expect(c.from).toBe('wire'));
  it('finds the repeated title as an added paragraph', () => {
    expect(c.paragraphsAdded.map((p) => daily.slice(p.start, p.end))).toEqual([
      'Grain Shipments From Odessa Resume After Two-Week Pause',
    ]);
    expect(c.paragraphsDropped).toEqual([]);
  });
  it('finds Kiev → Kyiv through the naming layer', () => {
    expect(
      c.names.map((n) => [
        n.from,
        n.to,
        wire.slice(n.source.start, n.source.end),
        daily.slice(n.target.start, n.target.end),
      ]),
    ).toEqual([['Kiev', 'Kyiv', 'Kiev', 'Kyiv']]);
  });
  it('finds the changed number', () => {
    expect(c.numbers.map((n) => [n.from, n.to, daily.slice(n.target.start, n.target.end)])).toEqual([
      ['410000', '450000', '450,000'],
    ]);
  });
  it('finds the added hedge', () => {
    expect(c.hedges.map((h) => [h.change, h.cue, daily.slice(h.span.start, h.span.end)])).toEqual([
      ['added', 'reportedly', 'reportedly'],
    ]);
  });
});

describe('reuseView', () => {
  const analysed = corpus.map((d) => fullPipeline.run(d));
  it('keeps what describing a pair reads: the pairs found on the views are those found on whole documents', () => {
    expect(findReuse(analysed.map(reuseView))).toEqual(findReuse(analysed));
    expect(findReuse(analysed.map(reuseView))).toEqual(pairs);
  });
  it('drops the layers and the technique spans that describing a pair does not read', () => {
    // A found technique, as a stored document would carry it (the fixtures use none).
    const span = { start: 0, end: 5, technique: 'Doubt' as const, score: 0.9, paragraph: 0, why: [] };
    const whole = {
      ...analysed[0]!,
      techniques: {
        spans: [span],
        paragraphs: [{ paragraph: 0, techniques: [{ technique: 'Doubt' as const, score: 0.9 }] }],
      },
    };
    expect(whole.entities?.length).toBeGreaterThan(0);
    const view = reuseView(whole);
    expect(Object.keys(view).sort()).toEqual(
      [
        'entities',
        'id',
        'language',
        'meta',
        'naming',
        'paragraphs',
        'quotes',
        'schema',
        'sentences',
        'techniques',
        'text',
      ].sort(),
    );
    expect(view.techniques).toEqual({ spans: [], paragraphs: whole.techniques!.paragraphs });
  });
});

describe('reuse changes through the views (issue 18, session 16)', () => {
  it('sees the full name of a surname in its own document: `Trump` for Donald Trump → `Eric Trump`', () => {
    const body = (who: string) =>
      `${WIRE}\n\nDonald Trump visited the port on Monday. The terminal will reopen next month, ${who} said on Tuesday.`;
    const docs: ReuseDocument[] = [
      { id: 's', text: body('Trump') },
      { id: 't', text: body('Eric Trump') },
    ];
    const [p] = findReuse(docs, { analyze: (d) => fullPipeline.run(d) });
    expect(p?.changes?.attributions.map((x) => [x.change, x.from, x.to])).toEqual([
      ['re-attributed', 'Trump', 'Eric Trump'],
    ]);
  });
});
