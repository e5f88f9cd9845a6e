// Unit tests of the claims layer's parts on strings written here (no pipeline, no models):
// evidence, cue lists, clause splitting, quotation marks, voices and sentence features.
import { describe, expect, it } from 'vitest';
import type { NewsDocument, Span } from '../../schema.js';
import type { Quote } from '../quotes/types.js';
import { splitClauses, wordCounter } from './clauses.js';
import { compiledCues, cueListBit, cueLists, findCue } from './cues.js';
import { findEvidence } from './evidence.js';
import { quotedRegions, quotedShare } from './quoted.js';
import { VoiceFinder } from './voice.js';
import { sentenceWords } from './words.js';

describe('findEvidence', () => {
  it('reads a long run of digits and hyphens in linear time', () => {
    // The site-name look-ahead was unbounded: 80,000 characters of `1-1-…` took 4 s of CPU,
    // 200,000 about 25 s; bounded, 200,000 take milliseconds.
    const text = '1-'.repeat(100_000);
    const t0 = process.cpuUsage();
    expect(findEvidence(text, 0, text.length).numbers).toHaveLength(100_000);
    const u = process.cpuUsage(t0);
    expect((u.user + u.system) / 1000).toBeLessThan(2_000);
  });

  it.each([
    ['a 70-kilometer-long line', ['70-kilometer-long'], []],
    ['On 3 May 2023 he paid €15,000.', ['€15,000'], ['3 May 2023']],
    ['It rose 7% in March', ['7%'], ['in March']],
    ['Sales rose 4% in 2019 and fell on 12.05.2021.', ['4%'], ['2019', '12.05.2021']],
    ['Sales rose 4% in 2019 and fell on Monday.', ['4%'], ['2019', 'on Monday']],
    ['Долг составляет 56,83 миллиарда долларов.', ['56,83 миллиарда долларов'], []],
    // The digits of a name are no figure: aircraft, summits, flights, diseases, a site's name.
    ['The G20 asked for 24 F-16 jets after MH17 and COVID-19.', ['24'], []],
    ['Киев получит 12 истребителей F-16 и Су-27, сообщил 5-tv.ru.', ['12'], []],
    ['It cost $48 and 3.5 percent more.', ['$48', '3.5 percent'], []],
    // A site's label up to DNS's 63 characters.
    [`It said 7 times at 1${'a'.repeat(62)}.ru.`, ['7'], []],
  ])('%s', (text, numbers, dates) => {
    const ev = findEvidence(text, 0, text.length);
    expect(ev.numbers.map((s) => text.slice(s.start, s.end))).toEqual(numbers);
    expect(ev.dates.map((s) => text.slice(s.start, s.end))).toEqual(dates);
  });

  it('finds capitalised names that do not start the sentence', () => {
    const text = 'Yesterday the mayor of Port Vella met Anna Berg.';
    const ev = findEvidence(text, 0, text.length);
    expect(ev.entities.map((s) => text.slice(s.start, s.end))).toEqual(['Port Vella', 'Anna Berg']);
  });

  it('takes the mentions that lie within the span and off its dates', () => {
    const text = 'Anna Berg said. On Monday Port Vella and Kyiv met Oslo. Then Rome.';
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const mentions = ['Anna Berg', 'Monday', 'Port Vella', 'Kyiv', 'Oslo', 'Rome'].map(at);
    const span = { start: text.indexOf('On'), end: text.indexOf('Oslo') + 2 };
    const ev = findEvidence(text, span.start, span.end, undefined, mentions);
    expect(ev.entities.map((s) => text.slice(s.start, s.end))).toEqual(['Port Vella', 'Kyiv']);
    const whole = findEvidence(text, span.start, text.indexOf('. Then'), undefined, mentions);
    expect(whole.entities.map((s) => text.slice(s.start, s.end))).toEqual(['Port Vella', 'Kyiv', 'Oslo']);
  });
});

describe('findCue', () => {
  it.each([
    ['The mayor will resign next month.', 'next month'],
    ['The mayor will resign.', 'will'],
    ['It is unclear whether the mayor will resign.', undefined],
    ['If the mayor resigns, the council will vote again.', 'will'],
  ])('prediction cue of %s', (text, cue) => {
    expect(findCue(compiledCues('en').prediction!, sentenceWords(text))).toBe(cue);
  });
});

describe('cueLists', () => {
  it.each([
    ['en', 'The mayor will resign next month because of the scandal.'],
    ['en', 'Unemployment fell to 3.5 percent, the ministry said.'],
    ['en', 'It is unclear whether the mayor will resign.'],
    ['en', 'The cat sat on the mat.'],
    ['ru', 'Мэр уйдёт в отставку в следующем месяце из-за скандала, сообщили в министерстве.'],
  ])('marks exactly the lists where findCue may find a cue (%s: %s)', (lang, text) => {
    const words = sentenceWords(text);
    const bits = cueLists(lang, words);
    const lists = Object.entries(compiledCues(lang));
    const marked = lists.map(([name]) => [name, (bits & cueListBit(name)) !== 0]);
    // A list is marked exactly when one of its words or phrase starts occurs …
    expect(marked).toEqual(
      lists.map(([name, list]) => [name, words.some((w) => list.words.has(w) || list.phrases.has(w))]),
    );
    // … so every list where findCue finds a cue is marked.
    const found = lists
      .filter(([, list]) => findCue(list, words) !== undefined)
      .map(([name]) => [name, true]);
    expect(marked.filter(([name]) => found.some(([f]) => f === name))).toEqual(found);
  });
});

describe('splitClauses', () => {
  const breaks = ['; ', ', while '];
  it.each([
    [
      'Exports fell by a third last year, while imports kept rising in every single month.',
      ['Exports fell by a third last year', 'while imports kept rising in every single month.'],
    ],
    ['Prices rose, while wages fell.', ['Prices rose, while wages fell.']],
    // Four words after the break: its comma is no fifth word.
    [
      'The central bank raised its rates again, while inflation kept rising.',
      ['The central bank raised its rates again, while inflation kept rising.'],
    ],
    [
      'The central bank raised its rates again, while inflation kept rising fast.',
      ['The central bank raised its rates again', 'while inflation kept rising fast.'],
    ],
    ['One two three four; five six seven eight nine.', ['One two three four; five six seven eight nine.']],
    [
      'One two three four five; six seven eight nine ten.',
      ['One two three four five', 'six seven eight nine ten.'],
    ],
  ])('%s', (text, parts) => {
    const spans = splitClauses(text, { start: 0, end: text.length }, breaks);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(parts);
  });

  it('splits at breaks without punctuation and in any case', () => {
    const text = 'Exports fell by a third last year WHILE imports kept rising in every month,';
    const spans = splitClauses(text, { start: 0, end: text.length }, [' while ']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Exports fell by a third last year',
      'WHILE imports kept rising in every month',
    ]);
    expect(splitClauses(text, { start: 0, end: text.length }, breaks)).toEqual([
      { start: 0, end: text.length - 1 },
    ]);
  });

  it('counts words across every kind of white space, as \\s does', () => {
    // Five words on each side only when each of these separates words.
    for (const sp of [
      '\t',
      '\n',
      '\v',
      '\f',
      '\r',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u2005',
      '\u200a',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
    ]) {
      const side = ['one', 'two', 'three', 'four', 'five'].join(sp);
      const text = `${side}; ${side}.`;
      const got = splitClauses(text, { start: 0, end: text.length }, ['; ']);
      expect([JSON.stringify(sp), got.length]).toEqual([JSON.stringify(sp), 2]);
    }
    // Other characters join words: no split.
    for (const c of [
      '\u200b',
      '\u180e',
      '_',
      '-',
      '\u0001',
      '\u0008',
      '\u000e',
      '\u007f',
      '\u0080',
      '\u2011',
    ]) {
      const side = ['one', 'two', 'three', 'four', 'five'].join(c);
      const text = `${side} x; ${side}.`;
      expect([JSON.stringify(c), splitClauses(text, { start: 0, end: text.length }, ['; ']).length]).toEqual([
        JSON.stringify(c),
        1,
      ]);
    }
  });

  it('needs minWords on both sides and takes a smaller minimum', () => {
    // The right side is counted from the break on, its punctuation too (`; six seven eight` is
    // four runs of non-space).
    const right = 'One two three four five; six seven eight.';
    expect(splitClauses(right, { start: 0, end: right.length }, ['; '])).toHaveLength(1);
    const both = 'One two three four five; six seven eight nine ten.';
    expect(splitClauses(both, { start: 0, end: both.length }, ['; '])).toHaveLength(2);
    // A break that starts with a letter: its word is not counted before the cut.
    const word = 'a b c d but e f g h i';
    expect(splitClauses(word, { start: 0, end: word.length }, ['but '])).toHaveLength(1);
    expect(
      splitClauses(`x ${word}`, { start: 0, end: word.length + 2 }, ['but ']).map((p) => p.start),
    ).toEqual([0, 10]);
    const text = 'One two three four; five six seven eight nine.';
    expect(splitClauses(text, { start: 0, end: text.length }, ['; '])).toHaveLength(1);
    expect(
      splitClauses(text, { start: 0, end: text.length }, ['; '], 4).map((s) => text.slice(s.start, s.end)),
    ).toEqual(['One two three four', 'five six seven eight nine.']);
    expect(splitClauses(text, { start: 0, end: text.length }, ['; '], 5)).toHaveLength(1);
  });

  it('cuts at every break, trims commas, semicolons, dashes and spaces, and keeps offsets in the text', () => {
    const lead = 'Lead. ';
    const sentence = 'a b c d e — but f g h i j; k l m n o, but p q r s t –';
    const text = `${lead}${sentence} Tail.`;
    const span = { start: lead.length, end: lead.length + sentence.length };
    const got = splitClauses(text, span, [' — but ', '; ', ', but ']);
    expect(got.map((s) => text.slice(s.start, s.end))).toEqual([
      'a b c d e',
      'but f g h i j',
      'k l m n o',
      'but p q r s t',
    ]);
    // Breaks listed in another order than they come in the text: cut in text order.
    const order = 'a b c d e — but f g h i j; k l m n o';
    expect(
      splitClauses(order, { start: 0, end: order.length }, ['; ', ' — but ']).map((p) =>
        order.slice(p.start, p.end),
      ),
    ).toEqual(['a b c d e', 'but f g h i j', 'k l m n o']);
    // The same break twice in a sentence.
    const twice = 'a b c d e; f g h i j; k l m n o';
    expect(
      splitClauses(twice, { start: 0, end: twice.length }, ['; ']).map((s) => twice.slice(s.start, s.end)),
    ).toEqual(['a b c d e', 'f g h i j', 'k l m n o']);
  });

  it('searches every sentence when a break has no punctuation mark, and only those with a mark otherwise', () => {
    const text = 'Exports fell by a third last year and imports kept rising in every month';
    expect(splitClauses(text, { start: 0, end: text.length }, [' and ', '; '])).toHaveLength(2);
    expect(splitClauses(text, { start: 0, end: text.length }, ['; ', ' and '])).toHaveLength(2);
    // Breaks with marks: a sentence with a mark of any of them is searched.
    const dash = 'Exports fell by a third last year – but imports kept rising in every month';
    expect(splitClauses(dash, { start: 0, end: dash.length }, ['; ', ' – but '])).toHaveLength(2);
    expect(splitClauses(dash, { start: 0, end: dash.length }, [' – but ', '; '])).toHaveLength(2);
  });
});

describe('quotedRegions', () => {
  it('finds curly and straight quotes and runs an open quote to the end', () => {
    const text = 'He said “no” and "yes" and then «maybe';
    const r = quotedRegions(text, 0, text.length);
    expect(r.map((s) => text.slice(s.start, s.end))).toEqual(['“no”', '"yes"', '«maybe']);
    expect(quotedShare({ start: 0, end: 7 }, r)).toBe(0);
  });
});

describe('quotedRegions and quotedShare', () => {
  it('pairs each opening mark with its own closing one, within the paragraph only', () => {
    const text = 'x „eins“ y «dva» z “three” "four" end';
    const r = quotedRegions(text, 0, text.length);
    expect(r.map((s) => text.slice(s.start, s.end))).toEqual(['„eins“', '«dva»', '“three”', '"four"']);
    // From an offset and to an end: marks outside are not read, an open quote stops at the end.
    const from = text.indexOf('y');
    const to = text.indexOf('three') + 2;
    expect(quotedRegions(text, from, to).map((s) => text.slice(s.start, s.end))).toEqual(['«dva»', '“th']);
    // Asked again, the same (no state left from the last call).
    expect(quotedRegions(text, 0, text.length)).toEqual(r);
  });

  it('does not close a quote with a mark after the paragraph end', () => {
    const text = 'He said “no. Next paragraph” here';
    const end = text.indexOf('.') + 1;
    expect(quotedRegions(text, 0, end)).toEqual([{ start: text.indexOf('“'), end }]);
  });

  it('measures the share of a span inside regions, adding several', () => {
    const regions = [
      { start: 2, end: 4 },
      { start: 6, end: 9 },
    ];
    expect(quotedShare({ start: 0, end: 10 }, regions)).toBeCloseTo(0.5);
    expect(quotedShare({ start: 3, end: 7 }, regions)).toBeCloseTo(0.5);
    expect(quotedShare({ start: 4, end: 6 }, regions)).toBe(0);
    expect(quotedShare({ start: 6, end: 9 }, regions)).toBe(1);
    expect(quotedShare({ start: 5, end: 5 }, regions)).toBe(0);
  });
});

describe('VoiceFinder', () => {
  const TEXT = 'aaaa “bbbb cccc” dddd. eeee ffff gggg hhhh. iiii jjjj kkkk llll.';
  const span = (from: string, to: string) => ({
    start: TEXT.indexOf(from),
    end: TEXT.indexOf(to) + to.length,
  });
  const q = (kind: Quote['kind'], s: Span, extra: Partial<Quote> = {}): Quote =>
    ({ ...s, kind, signals: [], rule: 't', ...extra }) as Quote;
  const doc = (quotes?: Quote[]) =>
    ({
      id: 'v',
      text: TEXT,
      paragraphs: [
        { start: 0, end: TEXT.indexOf('iiii') - 1, role: 'body' },
        { start: TEXT.indexOf('iiii'), end: TEXT.length, role: 'body' },
      ],
      quotes,
    }) as unknown as NewsDocument;

  it('takes the attribution covering at least half of a span, and its speaker', () => {
    const v = new VoiceFinder(
      doc([
        q('direct', span('“bbbb', 'cccc”'), { speaker: { name: 'Ann', type: 'person' } }),
        q('indirect', span('ffff', 'hhhh')),
      ]),
    );
    expect(v.of(span('aaaa', 'dddd.'), 0)).toEqual({ voice: 'quoted', quote: 0, speaker: 'Ann' });
    expect(v.of(span('eeee', 'hhhh.'), 0)).toEqual({ voice: 'reported', quote: 1 });
    expect(v.of(span('iiii', 'llll.'), 1)).toEqual({ voice: 'outlet' });
    // Asked again out of text order: the same answers.
    expect(v.of(span('aaaa', 'dddd.'), 0)).toEqual({ voice: 'quoted', quote: 0, speaker: 'Ann' });
    expect(v.of(span('eeee', 'hhhh.'), 0)).toEqual({ voice: 'reported', quote: 1 });
  });

  it('needs half: less is the outlet, exactly half is not', () => {
    const v = new VoiceFinder(doc([q('indirect', span('gggg', 'hhhh'))]));
    // `eeee ffff gggg hhhh` is 19 characters, `gggg hhhh` 9: under half.
    expect(v.of(span('eeee', 'hhhh'), 0)).toEqual({ voice: 'outlet' });
    const w = new VoiceFinder(doc([q('indirect', { start: 0, end: 5 })]));
    expect(w.of({ start: 0, end: 10 }, 0)).toEqual({ voice: 'reported', quote: 0 });
    expect(w.of({ start: 0, end: 11 }, 0)).toEqual({ voice: 'outlet' });
  });

  it('adds the shares of neighbouring attributions and names the larger one', () => {
    // Two quotes of 4 and 5 characters in a span of 14: neither reaches half alone.
    const v = new VoiceFinder(
      doc([
        q('indirect', { start: 0, end: 4 }, { speaker: { name: 'A', type: 'person' } }),
        q('direct', { start: 9, end: 14 }, { speaker: { name: 'B', type: 'person' } }),
      ]),
    );
    expect(v.of({ start: 0, end: 14 }, 0)).toEqual({ voice: 'quoted', quote: 1, speaker: 'B' });
    // The first, larger here, wins on a shorter span.
    expect(v.of({ start: 0, end: 11 }, 0)).toEqual({ voice: 'reported', quote: 0, speaker: 'A' });
  });

  it('reads discontinuous quotes by their parts and leaves scare quotes out', () => {
    const parts = [
      { start: 0, end: 4 },
      { start: 23, end: 27 },
    ];
    const v = new VoiceFinder(
      doc([q('scare', { start: 0, end: 60 }), q('direct', { start: 0, end: 27 }, { parts })]),
    );
    // The gap between the parts is not quoted: `aaaa … dddd.` holds only `aaaa`.
    expect(v.of({ start: 0, end: 22 }, 0)).toEqual({ voice: 'outlet' });
    expect(v.of({ start: 0, end: 6 }, 0)).toEqual({ voice: 'quoted', quote: 1 });
    expect(v.of({ start: 23, end: 28 }, 0)).toEqual({ voice: 'quoted', quote: 1 });
    expect(v.of({ start: 28, end: 43 }, 0)).toEqual({ voice: 'outlet' });
  });

  it('drops attributions behind the sweep but keeps long ones that still overlap', () => {
    const long = { start: 0, end: TEXT.length };
    const v = new VoiceFinder(doc([q('indirect', long), q('direct', span('“bbbb', 'cccc”'))]));
    expect(v.of(span('aaaa', 'dddd.'), 0)).toEqual({ voice: 'reported', quote: 0 });
    expect(v.of(span('iiii', 'llll.'), 1)).toEqual({ voice: 'reported', quote: 0 });
    const short = new VoiceFinder(
      doc([q('direct', span('“bbbb', 'cccc”')), q('indirect', span('iiii', 'llll'))]),
    );
    expect(short.of(span('aaaa', 'dddd.'), 0)).toEqual({ voice: 'quoted', quote: 0 });
    expect(short.of(span('eeee', 'hhhh.'), 0)).toEqual({ voice: 'outlet' });
    expect(short.of(span('iiii', 'llll.'), 1)).toEqual({ voice: 'reported', quote: 1 });
  });

  it('decides by quotation marks of the span’s paragraph without a quotes layer', () => {
    const v = new VoiceFinder(doc());
    expect(v.of(span('“bbbb', 'dddd'), 0)).toEqual({ voice: 'quoted' });
    expect(v.of(span('aaaa', 'hhhh.'), 0)).toEqual({ voice: 'outlet' });
    expect(v.of(span('iiii', 'llll.'), 1)).toEqual({ voice: 'outlet' });
    // Back to the first paragraph: its marks again, not the second's.
    expect(v.of(span('“bbbb', 'cccc”'), 0)).toEqual({ voice: 'quoted' });
  });

  it('finds attributions listed out of text order', () => {
    // The quotes layer lists the later quote first: the sweep must still reach the earlier one.
    const v = new VoiceFinder(
      doc([q('indirect', span('iiii', 'llll')), q('direct', span('“bbbb', 'cccc”'))]),
    );
    expect(v.of(span('aaaa', 'dddd.'), 0)).toEqual({ voice: 'quoted', quote: 1 });
    expect(v.of(span('iiii', 'llll.'), 1)).toEqual({ voice: 'reported', quote: 0 });
  });

  it('names the first of two attributions with equal shares', () => {
    const v = new VoiceFinder(
      doc([
        q('indirect', { start: 0, end: 5 }, { speaker: { name: 'A', type: 'person' } }),
        q('direct', { start: 5, end: 10 }, { speaker: { name: 'B', type: 'person' } }),
      ]),
    );
    expect(v.of({ start: 0, end: 10 }, 0)).toEqual({ voice: 'reported', quote: 0, speaker: 'A' });
  });

  it('takes a span exactly half inside quotation marks as quoted, and reads the first paragraph asked', () => {
    // Second paragraph first: its own marks, not an empty cache.
    const text = 'aaaa bbbb.\n“cccc” ddddd';
    const d = {
      id: 'h',
      text,
      paragraphs: [
        { start: 0, end: 10, role: 'body' },
        { start: 11, end: text.length, role: 'body' },
      ],
    } as unknown as NewsDocument;
    const v = new VoiceFinder(d);
    // `“cccc”` is 6 of the 12 characters of `“cccc” ddddd`.
    expect(v.of({ start: 11, end: text.length }, 1)).toEqual({ voice: 'quoted' });
    expect(v.of({ start: 11, end: text.length - 1 }, 1)).toEqual({ voice: 'quoted' });
    expect(v.of({ start: 11, end: text.length }, 1)).toEqual({ voice: 'quoted' });
    expect(v.of({ start: 0, end: 10 }, 0)).toEqual({ voice: 'outlet' });
    const w = new VoiceFinder(d);
    expect(w.of({ start: 11, end: text.length + 1 }, 1)).toEqual({ voice: 'outlet' });
  });

  it('with an empty quotes layer, everything is the outlet’s', () => {
    const v = new VoiceFinder(doc([]));
    expect(v.of(span('“bbbb', 'cccc”'), 0)).toEqual({ voice: 'outlet' });
  });
});

describe('wordCounter', () => {
  it('counts runs of non-space in any range as splitting the slice at \\s does', () => {
    const alphabet = ['a', 'b', ',', '—', ' ', ' ', '\t', '\u00a0', '\u2028', '\u200b', 'я'];
    let seed = 7;
    const r = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 40; t++) {
      const s = Array.from(
        { length: Math.floor(r() * 30) },
        () => alphabet[Math.floor(r() * alphabet.length)],
      ).join('');
      const count = wordCounter(s);
      for (let from = 0; from <= s.length; from++)
        for (let to = 0; to <= s.length; to++) {
          const want = from < to ? s.slice(from, to).split(/\s+/).filter(Boolean).length : 0;
          expect(count(from, to), `${JSON.stringify(s)} [${from}, ${to})`).toBe(want);
        }
    }
  });
});
