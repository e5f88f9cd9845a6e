import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { bratAnnotations, bratFormat } from './brat.js';
import type { OutputFormat } from './format.js';
import { formats, makeFormat } from './index.js';
import { jsonFormat, jsonlFormat } from './json.js';
import { makeRenderer, selectLayers } from './renderer.js';
import { textFormat } from './text.js';
import { clip } from './text-clip.js';

// Hand-made documents: what a format prints depends on the document alone, not on any model.
const TEXT =
  'ANKARA (Reuters) — Talks resume\n\nThe talks resumed on Monday.\n\nThe talks resumed on Monday.';
const doc = (id: string, extra: Partial<NewsDocument> = {}): NewsDocument =>
  ({
    schema: 'newsprism/1',
    id,
    text: TEXT,
    meta: {},
    producers: { paragraphs: { name: 'paragraphs', version: 2 } },
    diagnostics: [],
    paragraphs: [
      { start: 0, end: 31, role: 'title' },
      { start: 33, end: 61, role: 'body' },
      { start: 63, end: 91, role: 'body', duplicateOf: 1 },
    ],
    ...extra,
  }) as unknown as NewsDocument;

/** Everything a format writes for `docs`, framed as `analyze` frames it. */
function run(f: OutputFormat, docs: NewsDocument[], layers = ['paragraphs']): string {
  const ctx = { layers: new Set(layers), color: false };
  let out = f.begin?.() ?? '';
  for (const d of docs) {
    const body = f.render(d, ctx);
    out += f.write ? f.write(body, d.id) : body;
  }
  // `end` may return pieces (json.ts: the last document and its newline, not one copy of both).
  return out + [f.end?.() ?? ''].flat().join('');
}

describe('json and jsonl framing', () => {
  it('prints one object alone, an array for several, nothing for none', () => {
    expect(run(jsonFormat(), [])).toBe('');
    const one = run(jsonFormat(), [doc('a')]);
    expect(one.endsWith('}\n')).toBe(true);
    expect(JSON.parse(one)).toMatchObject({
      id: 'a',
      paragraphs: [{ start: 0, end: 31, role: 'title' }, {}, {}],
    });
    expect(one).toContain('\n  "id": "a",\n');
    const three = run(jsonFormat(), [doc('a'), doc('b'), doc('c')]);
    expect(three.startsWith('[\n{\n')).toBe(true);
    expect(three.endsWith('}\n]\n')).toBe(true);
    expect(three).toContain('},\n{');
    expect(JSON.parse(three).map((d: { id: string }) => d.id)).toEqual(['a', 'b', 'c']);
    const two = run(jsonFormat(), [doc('a'), doc('b')]);
    expect(JSON.parse(two).map((d: { id: string }) => d.id)).toEqual(['a', 'b']);
  });

  it('prints one compact line per document with the selected layers only', () => {
    const out = run(jsonlFormat(), [doc('a'), doc('b')], ['sentences']);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines.slice(0, 2).map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ id: 'a', text: TEXT }),
      expect.objectContaining({ id: 'b' }),
    ]);
    expect(JSON.parse(lines[0]!).paragraphs).toBeUndefined();
    expect(jsonFormat()).toMatchObject({ name: 'json' });
    expect(jsonlFormat()).toMatchObject({ name: 'jsonl' });
  });
});

describe('brat framing', () => {
  const quoted = (id: string) =>
    doc(id, {
      quotes: [
        {
          start: 33,
          end: 50,
          kind: 'indirect',
          cue: { start: 54, end: 61 },
          source: { start: 0, end: 6 },
          signals: [],
        },
        { start: 63, end: 72, kind: 'scare', signals: [] },
        {
          start: 63,
          end: 91,
          kind: 'direct',
          parts: [
            { start: 63, end: 72 },
            { start: 73, end: 91 },
          ],
          signals: [],
        },
      ],
    } as unknown as Partial<NewsDocument>);

  it('writes Source, Cue, Content, the trigger and the event; no scare quote', () => {
    expect(bratAnnotations(quoted('a'))).toBe(
      [
        'T1\tSource 0 6\tANKARA',
        'T2\tCue 54 61\tMonday.',
        'T3\tContent 33 50\tThe talks resumed',
        'T4\tAttribution 54 61\tMonday.',
        'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
        'T5\tContent 63 72;73 91\tThe talks resumed on Monday.',
        'T6\tAttribution 63 91\tThe talks resumed on Monday.',
        'E2\tAttribution:T6 Content:T5',
        '',
      ].join('\n'),
    );
    expect(bratAnnotations(doc('none'))).toBe('');
  });

  it('counts code points, not UTF-16 units, after an emoji', () => {
    const text = '🚢 Port\n\nThe port said yes.';
    const d = doc('e', {
      text,
      quotes: [{ start: 23, end: 27, kind: 'indirect', cue: { start: 18, end: 22 }, signals: [] }],
    } as unknown as Partial<NewsDocument>);
    expect(bratAnnotations(d)).toBe(
      'T1\tCue 17 21\tsaid\nT2\tContent 22 26\tyes.\nT3\tAttribution 17 21\tsaid\nE1\tAttribution:T3 Content:T2 Cue:T1\n',
    );
  });

  it('prints one document plain and several each after a `# id` line', () => {
    const body = bratAnnotations(quoted('a'));
    expect(run(bratFormat(), [quoted('a')])).toBe(body);
    expect(run(bratFormat(), [])).toBe('');
    expect(run(bratFormat(), [quoted('a'), quoted('b'), quoted('c')])).toBe(
      `# a\n${body}# b\n${body}# c\n${body}`,
    );
    expect(bratFormat()).toMatchObject({ name: 'brat', layers: ['quotes'] });
  });
});

describe('text report: header, structure, diagnostics', () => {
  const full = doc('r1', {
    meta: {
      title: 'Talks resume',
      outlet: 'Daily',
      agency: 'Reuters',
      published: '2024-05-03',
      byline: 'Ann Lee',
      url: 'https://example.org/a',
      dateline: { start: 0, end: 16, agencies: ['Reuters'] },
      credits: [{ start: 63, end: 91, kind: 'closing' }],
      standfirst: 'A   short\nstandfirst',
    },
    language: { code: 'en', method: 'declared', confidence: 1, script: 'Latn' },
    sentences: [{ start: 33, end: 61 }],
    tokens: [{ start: 33, end: 36 }],
    diagnostics: [
      { code: 'W_ONE', severity: 'warning', message: 'first', span: { start: 3, end: 9 } },
      { code: 'E_TWO', severity: 'error', message: 'second' },
    ],
  } as unknown as Partial<NewsDocument>);

  it('prints every fact, the non-body paragraphs and the diagnostics', () => {
    expect(textFormat().render(full, { layers: new Set(), color: false })).toBe(
      [
        '■ r1 — Talks resume',
        '  outlet: Daily · agency: Reuters · published: 2024-05-03 · by: Ann Lee · language: en (declared, 1) · url: https://example.org/a',
        '  dateline: ANKARA (Reuters) [agencies: Reuters]',
        '  credit (closing): The talks resumed on Monday.',
        '  standfirst: A short standfirst',
        '',
        'Structure',
        '  3 paragraphs, 1 sentences, 1 tokens',
        '  ¶1 title: ANKARA (Reuters) — Talks resume',
        '  ¶3 body (repeats ¶2): The talks resumed on Monday.',
        '',
        'Diagnostics',
        '  warning W_ONE: first [3–9]',
        '  error E_TWO: second',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints a bare document with no facts, no dateline and no diagnostics', () => {
    const bare = doc('b', { paragraphs: [{ start: 33, end: 61, role: 'body' }] } as Partial<NewsDocument>);
    expect(textFormat().render(bare, { layers: new Set(), color: false })).toBe(
      '■ b\n\nStructure\n  1 paragraphs\n\n',
    );
  });

  it('does not repeat a standfirst that stands in for the title', () => {
    const line = 'Ministers want the port reopened before the harvest';
    const d = doc('s', { meta: { title: line, standfirst: line } } as unknown as Partial<NewsDocument>);
    const out = textFormat().render(d, { layers: new Set(), color: false });
    expect(out.split('\n')[0]).toBe(`■ s — ${line}`);
    expect(out).not.toContain('standfirst:');
  });

  it.each([
    ['Ministers want the port reopened before the harvest 11:59', false],
    ['09:00 Ministers want the port reopened before the harvest', false],
    ['Ministers want the port reopened before the harvest, said the mayor', true],
  ])('prints standfirst %s beside its clock-free title only when it says more', (standfirst, shown) => {
    const title = 'Ministers want the port reopened before the harvest';
    const d = doc('s', { meta: { title, standfirst } } as unknown as Partial<NewsDocument>);
    const out = textFormat().render(d, { layers: new Set(), color: false });
    expect(out.includes('standfirst:')).toBe(shown);
  });

  it('bolds headings and dims paragraph text on a terminal, and shows control characters as pictures', () => {
    const d = doc('x\x1b[2J', {
      paragraphs: [{ start: 0, end: 31, role: 'title' }],
    } as Partial<NewsDocument>);
    expect(textFormat().render(d, { layers: new Set(), color: true })).toBe(
      '\x1b[1m■ x␛[2J\x1b[22m\n\n\x1b[1mStructure\x1b[22m\n  1 paragraphs\n  ¶1 title: \x1b[2mANKARA (Reuters) — Talks resume\x1b[22m\n\n',
    );
    expect(textFormat()).toMatchObject({ name: 'text' });
  });

  it('renders a layer section only when the layer is selected and present', () => {
    const withFrames = doc('f', {
      frames: [{ frame: 'Political', score: 0.5, selected: true, why: ['"talks"'] }],
    } as unknown as Partial<NewsDocument>);
    const on = textFormat().render(withFrames, { layers: new Set(['frames']), color: false });
    const off = textFormat().render(withFrames, { layers: new Set(), color: false });
    expect(on).toContain('\n\nFrames\n  Political (0.50)  why: "talks"');
    expect(off).not.toContain('Frames');
    expect(textFormat().render(doc('g'), { layers: new Set(['frames']), color: false })).not.toContain(
      'Frames',
    );
  });

  it('clips long text to one line with an ellipsis', () => {
    expect(clip('a  b\n c', 10)).toBe('a b c');
    expect(clip('abcdefghij', 10)).toBe('abcdefghij');
    expect(clip('abcdefghijk', 10)).toBe('abcdefghi…');
    expect(clip(`  ${'x'.repeat(120)}`)).toBe(`${'x'.repeat(99)}…`);
  });
});

describe('format registry and renderer', () => {
  it('makes every listed format and refuses another name, listing the known ones', async () => {
    for (const name of Object.keys(formats)) expect((await makeFormat(name)).name).toBe(name);
    await expect(makeFormat('xml')).rejects.toMatchObject({
      code: 'E_USAGE',
      message: `unknown --format "xml"; use one of ${Object.keys(formats).join(', ')}`,
    });
  });

  it('selects layers: defaults without the heavy ones, all, a list, or additions', () => {
    const all = ['paragraphs', 'sentences', 'tokens', 'quotes'];
    expect(selectLayers(undefined, all)).toEqual(['paragraphs', 'sentences', 'quotes']);
    expect(selectLayers('', all)).toEqual(['paragraphs', 'sentences', 'quotes']);
    expect(selectLayers('all', all)).toEqual(all);
    expect(selectLayers(' tokens , ,sentences', all)).toEqual(['tokens', 'sentences']);
    expect(selectLayers('+tokens', all)).toEqual(['paragraphs', 'sentences', 'quotes', 'tokens']);
    expect(selectLayers('+tokens,quotes', all)).toEqual(['tokens', 'quotes']);
    expect(() => selectLayers('sentences,moods', all)).toThrow(
      expect.objectContaining({
        code: 'E_UNKNOWN_LAYER',
        message: 'unknown layer "moods" in --layers; known: paragraphs, sentences, tokens, quotes',
      }),
    );
  });

  it('computes the layers a format needs, and only those without --layers', async () => {
    const ctx = { layers: ['paragraphs', 'sentences', 'tokens', 'quotes'] };
    const brat = await makeRenderer({ format: 'brat', color: false }, ctx);
    expect(brat.layers).toEqual(['quotes']);
    const bratPlus = await makeRenderer({ format: 'brat', layers: 'sentences', color: false }, ctx);
    expect(bratPlus.layers).toEqual(['sentences', 'quotes']);
    const json = await makeRenderer({ format: 'json', color: false }, ctx);
    expect(json.layers).toEqual(['paragraphs', 'sentences', 'quotes']);
    const text = await makeRenderer({ format: 'text', layers: 'sentences', color: true }, ctx);
    expect(text.render(doc('c', { paragraphs: [] } as Partial<NewsDocument>))).toBe(
      '\x1b[1m■ c\x1b[22m\n\n\x1b[1mStructure\x1b[22m\n  0 paragraphs\n\n',
    );
  });
});
