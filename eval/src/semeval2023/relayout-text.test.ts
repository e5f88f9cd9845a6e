import { describe, expect, it } from 'vitest';
import {
  CASINGS,
  type Casing,
  inLaid,
  inLaidText,
  LAYOUTS,
  type Layout,
  laidOffset,
  laidSpan,
  layoutOption,
  originalOffset,
  relayDocs,
  relayoutText,
} from './layouts.js';

// Written for these tests. Segments are given by hand (as the `paragraphs` and `sentences`
// layers would find them) except in the last block, which runs the real layers.
interface Fixture {
  name: string;
  text: string;
  paragraphs: string[];
  sentences: string[];
  /** Gold spans, as the text they cover (first occurrence). */
  gold: string[];
  expected: Partial<Record<Layout, string>>;
}

const FIXTURES: Fixture[] = [
  {
    name: 'blank-line paragraphs, a quote across a sentence break',
    text: 'Mayor quits\n\nThe mayor said: "I am done. I go." Aides agreed.\n\nVoters   cheered.\n',
    paragraphs: ['Mayor quits', 'The mayor said: "I am done. I go." Aides agreed.', 'Voters   cheered.'],
    sentences: ['Mayor quits', 'The mayor said: "I am done.', 'I go."', 'Aides agreed.', 'Voters   cheered.'],
    gold: [
      '"I am done. I go."',
      'I am done. I go.',
      'The mayor',
      'Mayor quits',
      'agreed.\n\nVoters',
      ' Aides',
    ],
    expected: {
      original: 'Mayor quits\n\nThe mayor said: "I am done. I go." Aides agreed.\n\nVoters   cheered.\n',
      sentences: 'Mayor quits\n\nThe mayor said: "I am done. I go."\n\nAides agreed.\n\nVoters   cheered.\n',
      merged: 'Mayor quits\n\nThe mayor said: "I am done. I go." Aides agreed. Voters   cheered.\n',
    },
  },
  {
    name: 'one sentence a line (CoNLL-like), single newlines',
    text: 'RUGBY - LIONS WIN\nLONDON 1996-08-30\nThe Lions beat Wales . Fans sang .\nSmith scored twice .\n',
    paragraphs: [
      'RUGBY - LIONS WIN',
      'LONDON 1996-08-30',
      'The Lions beat Wales . Fans sang .',
      'Smith scored twice .',
    ],
    sentences: [
      'RUGBY - LIONS WIN',
      'LONDON 1996-08-30',
      'The Lions beat Wales .',
      'Fans sang .',
      'Smith scored twice .',
    ],
    gold: ['LIONS', 'LONDON', 'Wales', 'Smith', 'Lions'],
    expected: {
      sentences:
        'RUGBY - LIONS WIN\nLONDON 1996-08-30\nThe Lions beat Wales .\nFans sang .\nSmith scored twice .\n',
      merged:
        'RUGBY - LIONS WIN\nLONDON 1996-08-30 The Lions beat Wales . Fans sang . Smith scored twice .\n',
    },
  },
  {
    name: 'text the segmenters leave out, a sentence with no space after it, and a title with ß',
    text: '  Straße News\n\n* Item one.Item two.\n\nEnd.',
    paragraphs: ['Straße News', 'Item one.Item two.', 'End.'],
    sentences: ['Straße News', 'Item one.', 'Item two.', 'End.'],
    gold: ['Straße', '* Item', 'one.Item', 'End.'],
    expected: {
      sentences: '  Straße News\n\n* Item one.\n\nItem two.\n\nEnd.',
      merged: '  Straße News\n\n* Item one.Item two. End.',
    },
  },
  {
    name: 'curly quotes and guillemets of several sentences, a quotation left open for the next paragraph',
    text: 'Title\n\nShe said: “We won. We stay.” Then: «Да. Нет.» Done.\n\n“It goes on. Still on.\n\n“And ends.” Yes.',
    paragraphs: [
      'Title',
      'She said: “We won. We stay.” Then: «Да. Нет.» Done.',
      '“It goes on. Still on.',
      '“And ends.” Yes.',
    ],
    sentences: [
      'Title',
      'She said: “We won.',
      'We stay.”',
      'Then: «Да.',
      'Нет.»',
      'Done.',
      '“It goes on.',
      'Still on.',
      '“And ends.”',
      'Yes.',
    ],
    gold: ['We won. We stay.', 'Да. Нет.', 'It goes on. Still on.\n\n“And ends.'],
    expected: {
      merged:
        'Title\n\nShe said: “We won. We stay.” Then: «Да. Нет.» Done. “It goes on. Still on.\n\n“And ends.” Yes.',
      sentences:
        'Title\n\nShe said: “We won. We stay.”\n\nThen: «Да. Нет.»\n\nDone.\n\n“It goes on. Still on.\n\n“And ends.”\n\nYes.',
    },
  },
  {
    name: 'dialogue turns opened by a dash',
    text: 'Интервью\n\nВопрос был простой.\n\n— Да, всё так.\n\n— А дальше?\n\nКонец.',
    paragraphs: ['Интервью', 'Вопрос был простой.', '— Да, всё так.', '— А дальше?', 'Конец.'],
    sentences: ['Интервью', 'Вопрос был простой.', '— Да, всё так.', '— А дальше?', 'Конец.'],
    gold: ['Да, всё так.', 'А дальше?\n\nКонец'],
    expected: {
      merged: 'Интервью\n\nВопрос был простой.\n\n— Да, всё так.\n\n— А дальше? Конец.',
    },
  },
];

/** Ranges of each string, searched in order from the previous one's start. */
function ranges(text: string, parts: string[], ordered = true) {
  let from = 0;
  return parts.map((p) => {
    const start = text.indexOf(p, from);
    if (start < 0) throw new Error(`fixture: ${p} not in text`);
    if (ordered) from = start;
    return { start, end: start + p.length };
  });
}

function segments(f: Fixture) {
  const paragraphs = ranges(f.text, f.paragraphs);
  const sentences = ranges(f.text, f.sentences).map((s) => ({
    ...s,
    paragraph: paragraphs.findIndex((p) => p.start <= s.start && s.end <= p.end),
  }));
  return { paragraphs, sentences };
}

const norm = (s: string) => s.replace(/\s+/g, '');
const cases = FIXTURES.flatMap((f) =>
  LAYOUTS.flatMap((layout) => CASINGS.map((casing) => ({ f, layout, casing }))),
);

describe('relayoutText', () => {
  it.each(FIXTURES.flatMap((f) => LAYOUTS.map((l) => [f.name, l, f] as const)))(
    '%s — %s: the expected text',
    (_, layout, f) => {
      const { paragraphs, sentences } = segments(f);
      const want = f.expected[layout] ?? (layout === 'original' ? f.text : undefined);
      if (want === undefined) return;
      expect(relayoutText(f.text, paragraphs, sentences, layout, 'original', 12).text).toBe(want);
    },
  );

  it.each(cases.map((c) => [c.f.name, c.layout, c.casing, c] as const))(
    '%s — %s, %s: gold spans keep their characters and map back exactly',
    (_, layout: Layout, casing: Casing, { f }) => {
      const { paragraphs, sentences } = segments(f);
      const laid = relayoutText(f.text, paragraphs, sentences, layout, casing, 6);
      const title = paragraphs[0]!;
      // The original as `upper-title` should read, to compare characters with.
      const ref =
        casing === 'upper-title'
          ? f.text.slice(0, title.start) +
            [...f.text.slice(title.start, title.end)].map((c) => (c === 'ß' ? c : c.toUpperCase())).join('') +
            f.text.slice(title.end)
          : f.text;
      // No character but whitespace between pieces changes.
      expect(laid.text.replace(/\s+/g, '')).toBe(ref.replace(/\s+/g, ''));
      for (const p of laid.pieces)
        expect(laid.text.slice(p.at, p.at + p.end - p.start)).toBe(ref.slice(p.start, p.end));
      for (const g of ranges(f.text, f.gold, false)) {
        const m = laidSpan(laid, { ...g, type: 'X' });
        expect(m.type).toBe('X');
        expect(norm(laid.text.slice(m.start, m.end))).toBe(norm(ref.slice(g.start, g.end)));
        // Back to the gold exactly, unless an edge sat in replaced whitespace.
        if (laid.pieces.some((p) => p.start <= g.start && g.start < p.end))
          expect(originalOffset(laid, m.start)).toBe(g.start);
        if (laid.pieces.some((p) => p.start < g.end && g.end <= p.end))
          expect(originalOffset(laid, m.end)).toBe(g.end);
      }
      // Every offset inside a piece goes there and back.
      for (const p of laid.pieces)
        for (let o = p.start; o < p.end; o++)
          expect(originalOffset(laid, laidOffset(laid, o, 'start'))).toBe(o);
    },
  );

  it('writes the title in capitals, keeping its length', () => {
    const f = FIXTURES[0]!;
    const { paragraphs, sentences } = segments(f);
    const laid = relayoutText(f.text, paragraphs, sentences, 'original', 'upper-title');
    expect(laid.text).toBe(f.text.replace('Mayor quits', 'MAYOR QUITS'));
  });

  it.each([
    [{ layout: 'lines' }, /layout: lines/],
    [{ casing: 'lower' }, /casing: lower/],
  ])('rejects %j', (extra, msg) => {
    expect(() => layoutOption(extra as Record<string, string>)).toThrow(msg);
    try {
      layoutOption(extra as Record<string, string>);
    } catch (e) {
      expect((e as { code: string }).code).toBe('E_OPTION_VALUE');
    }
  });

  it('rejects a merge length that is not a whole number', async () => {
    await expect(
      relayDocs([{ id: 'a', text: 'T\n\nB.', lang: 'en' }], { layout: 'merged', mergeWords: 'x' }),
    ).rejects.toThrow(/mergeWords/);
  });
});

describe('relayDocs (the pipeline segments)', () => {
  const DOCS = [
    {
      id: 'a',
      lang: 'en',
      text: 'Storm hits coast\n\nWinds rose at noon. Roofs flew off.\n\nPolice said "stay inside" to all.\n',
    },
    { id: 'b', lang: 'en', text: 'BANKS - RATES UP\nLONDON 1996-08-30\nRates rose . Banks said so .\n' },
  ];
  it.each([
    [{ lead: '1' }, 'Storm hits coast', 'BANKS - RATES UP'],
    [
      { lead: '2' },
      'Storm hits coast\n\nWinds rose at noon. Roofs flew off.',
      'BANKS - RATES UP\nLONDON 1996-08-30',
    ],
    [
      { lead: '2', layout: 'sentences', casing: 'upper-title' },
      'STORM HITS COAST\n\nWinds rose at noon.\n\nRoofs flew off.',
      'BANKS - RATES UP\nLONDON 1996-08-30',
    ],
    [{ lead: '9' }, DOCS[0]!.text, DOCS[1]!.text],
  ])('%j keeps the first paragraphs, and the gold spans inside them', async (extra, first, second) => {
    const laid = (await relayDocs(DOCS, extra))!;
    expect(laid.map((l) => l.text)).toEqual([first, second]);
    DOCS.forEach((d, i) => {
      const l = laid[i]!;
      for (const m of d.text.matchAll(/\S+/g)) {
        const span = { start: m.index, end: m.index + m[0].length };
        expect(inLaid(l, span)).toBe(span.end <= l.end!);
        if (!inLaid(l, span)) continue;
        const s = laidSpan(l, span);
        expect(l.text.slice(s.start, s.end).toLowerCase()).toBe(m[0].toLowerCase());
      }
    });
    // Everything up to the cut is kept (but the whitespace the layout replaced).
    const bare = (t: string) => t.replace(/\s+/g, '').toLowerCase();
    expect(bare(DOCS[0]!.text.slice(0, laid[0]!.end))).toBe(bare(first));
  });

  it.each([['0'], ['x'], ['1.5']])('rejects lead=%s', async (lead) => {
    await expect(relayDocs(DOCS, { lead })).rejects.toThrow(/--set lead=.* must be a whole number ≥ 1/);
  });

  it.each([[{ append: '1' }], [{ append: '5', layout: 'sentences' }], [{ append: '1', lead: '2' }]])(
    '%j follows each document with the next ones, scored on its own part',
    async (extra) => {
      const laid = (await relayDocs(DOCS, extra))!;
      const { append: _, ...rest } = extra as Record<string, string>;
      const alone = (await relayDocs(DOCS, rest)) ?? DOCS;
      DOCS.forEach((d, i) => {
        const l = laid[i]!;
        const other = alone[1 - i]!.text.trim();
        // The next document (the only other one here) comes after a blank line, laid out alike.
        expect(l.text.endsWith(`\n\n${other}\n`)).toBe(true);
        for (const m of d.text.matchAll(/\S+/g)) {
          const span = { start: m.index, end: m.index + m[0].length };
          if (!inLaid(l, span)) continue;
          const s = laidSpan(l, span);
          expect(l.text.slice(s.start, s.end)).toBe(m[0]);
          expect(inLaidText(l, s)).toBe(true);
        }
        const at = l.text.lastIndexOf(other);
        expect(inLaidText(l, { start: at, end: at + 5 })).toBe(false);
      });
    },
  );

  it('rejects lead and window together', async () => {
    await expect(relayDocs(DOCS, { lead: '1', window: '1' })).rejects.toThrow(/give one of them/);
  });

  it.each([
    [{ window: '2' }, 'Roofs flew off.', 'Police'],
    [{ window: '2', layout: 'sentences' }, 'Roofs flew off.', 'Police'],
  ])('%j analyses the whole text but scores its first paragraphs', async (extra, lastIn, firstOut) => {
    const laid = (await relayDocs(DOCS, extra))!;
    const l = laid[0]!;
    expect(l.text.replace(/\s+/g, ' ')).toBe(DOCS[0]!.text.replace(/\s+/g, ' '));
    const span = (t: string, w: string) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length });
    expect(inLaid(l, span(DOCS[0]!.text, lastIn))).toBe(true);
    expect(inLaid(l, span(DOCS[0]!.text, firstOut))).toBe(false);
    expect(inLaidText(l, span(l.text, lastIn))).toBe(true);
    expect(inLaidText(l, span(l.text, firstOut))).toBe(false);
  });

  it('leaves the original layout and casing alone', async () => {
    expect(await relayDocs(DOCS, {})).toBeUndefined();
  });
  it.each(LAYOUTS.flatMap((layout) => CASINGS.map((casing) => [layout, casing] as const)).slice(1))(
    '%s, %s: every word keeps its characters',
    async (layout, casing) => {
      const laid = (await relayDocs(DOCS, { layout, casing }))!;
      DOCS.forEach((d, i) => {
        const l = laid[i]!;
        for (const m of d.text.matchAll(/\S+/g)) {
          const s = laidSpan(l, { start: m.index, end: m.index + m[0].length });
          expect(l.text.slice(s.start, s.end).toLowerCase()).toBe(m[0].toLowerCase());
        }
      });
      if (layout === 'sentences') expect(laid[0]!.text).toContain('noon.\n\nRoofs');
      if (layout === 'merged') expect(laid[0]!.text).toContain('off. Police');
      if (casing === 'upper-title') expect(laid[0]!.text.startsWith('STORM HITS COAST\n\n')).toBe(true);
    },
  );
});
