// The naming layer built directly (direct.fixture.ts: no pipeline, no models) on texts of our
// own: the term cases of terms-cases.fixture.ts, entity spellings, quotations, dash speech and
// repeated paragraphs. terms.test.ts runs the same term cases through pipelines.
import { describe, expect, it } from 'vitest';
import type { Span } from '../../schema.js';
import type { Entity } from '../entities/group.js';
import type { Quote } from '../quotes/types.js';
import { lineParagraphs, namingOf, termRows } from './direct.fixture.js';
import { brokenQuotations, dashSpeech, markedSpans, naming } from './naming.js';
import { EN_CASES, RU_CASES } from './terms-cases.fixture.js';

describe('naming terms, built directly (English)', () => {
  it.each(EN_CASES)('%s', (_name, text, expected) => {
    expect(termRows(text, namingOf(text, 'en'))).toEqual(expected);
  });
});

describe('naming terms, built directly (Russian)', () => {
  it.each(RU_CASES)('%s', (_name, text, expected) => {
    expect(termRows(text, namingOf(text, 'ru'))).toEqual(expected);
  });
});

/** An entity linked to the gazetteer entry `id`, mentioned at each occurrence of `surfaces`. */
function entity(text: string, id: string, surfaces: string[]): Entity {
  const mentions: Span[] = [];
  for (const s of surfaces) {
    let i = text.indexOf(s);
    while (i >= 0) {
      mentions.push({ start: i, end: i + s.length });
      i = text.indexOf(s, i + s.length);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { id, type: 'place', name: surfaces[0]!, aliases: [], mentions, gazetteer: id } as unknown as Entity;
}

const variants = (layer: ReturnType<typeof namingOf>) =>
  Object.fromEntries(
    layer.entities.map((e) => [
      e.entity,
      e.variants.map((v) => [v.form, v.provenance, v.pole, v.count, v.quoted]),
    ]),
  );

describe('naming entities, built directly', () => {
  it('counts each spelling of a contested name, most used first, with its provenance and pole', () => {
    const text = 'Kiev wants arms.\nThe battle for Artyomovsk goes on, and Kiev says Bakhmut will hold.';
    const layer = namingOf(text, 'en', {
      entities: [entity(text, 'kyiv', ['Kiev']), entity(text, 'bakhmut', ['Artyomovsk', 'Bakhmut'])],
    });
    expect(variants(layer)).toEqual({
      kyiv: [['Kiev', 'ru-derived', 'ru', 2, 0]],
      bakhmut: [
        ['Artyomovsk', 'ru-official', 'ru', 1, 0],
        ['Bakhmut', 'ua-official', 'ua', 1, 0],
      ],
    });
    const kyiv = layer.entities.find((e) => e.entity === 'kyiv')!;
    expect(kyiv.name).toBe('Kiev');
    expect(kyiv.variants[0]!.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Kiev', 'Kiev']);
    expect(layer.profile.poles).toEqual({ ru: 3, ua: 1, neutral: 0 });
  });

  it('puts the more frequent spelling first, whichever came first', () => {
    const text = 'Kiev and Kyiv. Kyiv again.';
    const layer = namingOf(text, 'en', { entities: [entity(text, 'kyiv', ['Kiev', 'Kyiv'])] });
    expect(variants(layer).kyiv!.map((v) => [v[0], v[3]])).toEqual([
      ['Kyiv', 2],
      ['Kiev', 1],
    ]);
  });

  it('reads declined and all-capital forms as their spelling', () => {
    const text = 'Бои под Артёмовском и Артемовском продолжаются. KIEV and KHARKOV-CITY.';
    const layer = namingOf(text, 'ru', {
      entities: [
        entity(text, 'bakhmut', ['Артёмовском', 'Артемовском']),
        entity(text, 'kyiv', ['KIEV']),
        entity(text, 'kharkiv', ['KHARKOV']),
      ],
    });
    expect(variants(layer)).toEqual({
      bakhmut: [['Артёмовск', 'ru-official', 'ru', 2, 0]],
      kyiv: [['Kiev', 'ru-derived', 'ru', 1, 0]],
      kharkiv: [['Kharkov', 'ru-derived', 'ru', 1, 0]],
    });
  });

  it('tells на Украине from в Украине by the word before, in Russian only', () => {
    const text = 'На Украине говорят одно, а в Украине ждут помощи. Украина ждёт.';
    const layer = namingOf(text, 'ru', { entities: [entity(text, 'ukraine', ['Украине', 'Украина'])] });
    expect(variants(layer).ukraine).toEqual([
      ['на Украине', 'ru-norm', 'ru', 1, 0],
      ['в Украине', 'ua-norm', 'ua', 1, 0],
    ]);
    // The same words in an English document are no usage.
    expect(namingOf(text, 'en', { entities: [entity(text, 'ukraine', ['Украине'])] }).entities).toEqual([]);
  });

  it('counts mentions inside quotations as quoted, and skips repeated paragraphs and unlinked entities', () => {
    const text = 'Kiev wants arms.\n“Kiev will hold,” the mayor said of Kiev.\nKiev wants arms.';
    const unlinked = { ...entity(text, 'kyiv', ['Kiev']), gazetteer: undefined } as Entity;
    const layer = namingOf(text, 'en', {
      entities: [entity(text, 'kyiv', ['Kiev']), unlinked],
      duplicates: [2],
    });
    expect(variants(layer)).toEqual({ kyiv: [['Kiev', 'ru-derived', 'ru', 3, 1]] });
    expect(layer.profile.quoted).toMatchObject({ ru: 1 });
  });

  // `Artyomovsk (called Bakhmut by Ukraine)`: the second name is a mention, not the outlet's
  // usage; it is counted as distanced, and the profile counts only the name the outlet uses.
  it.each([
    [
      'en',
      'Shelling hit Artyomovsk (called Bakhmut by Ukraine). Artyomovsk is ruined.',
      ['Artyomovsk', 'Bakhmut'],
      'ru',
    ],
    [
      'en',
      'Shelling hit Bakhmut, which Moscow calls Artyomovsk. Bakhmut is ruined.',
      ['Bakhmut', 'Artyomovsk'],
      'ua',
    ],
    ['ru', 'Обстрел Артёмовска (по-украински — Бахмут). Артёмовск разрушен.', ['Артёмовск', 'Бахмут'], 'ru'],
    [
      'ru',
      'Обстрел Бахмута, который в России называют Артёмовском. Бахмут разрушен.',
      ['Бахмут', 'Артёмовск'],
      'ua',
    ],
  ] as const)('%s: %s', (lang, text, surfaces, used) => {
    const layer = namingOf(text, lang, { entities: [entity(text, 'bakhmut', [...surfaces])] });
    const vs = layer.entities[0]!.variants;
    const other = used === 'ru' ? 'ua' : 'ru';
    const mentioned = vs.find((v) => v.pole === other)!;
    expect([mentioned.count, mentioned.distanced, mentioned.quoted]).toEqual([1, 1, 0]);
    const m = mentioned.mentions[0]!;
    expect(m.rule).toBe('mention');
    expect(text.slice(m.start, m.end)).toMatch(used === 'ru' ? /^(?:Ba|Ба)/ : /^(?:Ar|Ар)/);
    expect(vs.find((v) => v.pole === used)!.distanced).toBe(0);
    expect(layer.profile.poles).toEqual({ ...{ ru: 0, ua: 0, neutral: 0 }, [used]: 2 });
    expect(layer.profile.distanced).toEqual({ ...{ ru: 0, ua: 0, neutral: 0 }, [other]: 1 });
    expect(layer.profile.lean).toBe(used);
  });

  it('reads `the Ukraine` by the words on both sides: not before a noun it modifies (`the Ukraine War`)', () => {
    const text =
      'Aid to the Ukraine. The Ukraine War goes on. For the\u00a0Ukraine, at the  Ukraine border. Ukraine.';
    const layer = namingOf(text, 'en', { entities: [entity(text, 'ukraine', ['Ukraine'])] });
    // `the Ukraine` (twice: a no-break space, two spaces); not before `War`/`border`, not without `the`.
    expect(variants(layer).ukraine).toEqual([['the Ukraine', 'soviet', 'ru', 2, 0]]);
  });

  it('takes на/в Украине only in the cases the usage names (not the genitive `Украины`)', () => {
    const text = 'Поехали на Украину. Новости с Украины. Вернулись на Украины рубеж.';
    const layer = namingOf(text, 'ru', { entities: [entity(text, 'ukraine', ['Украину', 'Украины'])] });
    expect(variants(layer).ukraine).toEqual([['на Украине', 'ru-norm', 'ru', 1, 0]]);
  });

  it('skips only the mentions inside a repeated paragraph', () => {
    const text = 'Kiev wants arms.\nKiev wants arms.\nKiev waits.\nKiev again.\nKiev again.';
    const layer = namingOf(text, 'en', { entities: [entity(text, 'kyiv', ['Kiev'])], duplicates: [1, 4] });
    expect(variants(layer).kyiv).toEqual([['Kiev', 'ru-derived', 'ru', 3, 0]]);
  });

  it('leaves out entities with no contested spelling', () => {
    const text = 'Paris is calm.';
    expect(namingOf(text, 'en', { entities: [entity(text, 'paris', ['Paris'])] }).entities).toEqual([]);
  });
});

describe('markedSpans', () => {
  const spans = (text: string, quotes?: Quote[]) =>
    markedSpans(text, lineParagraphs(text), quotes).map((q) => [text.slice(q.start, q.end), q.attributed]);

  it('finds closed quotations; a mark never closed is none, unless the next paragraph reopens it', () => {
    expect(spans('He spoke of “special operations” and "peace" here.')).toEqual([
      ['“special operations”', false],
      ['"peace"', false],
    ]);
    expect(spans('A stray “mark here.\nNext line.')).toEqual([]);
    const carried = '“First part of it.\n“And the second,” he said.';
    expect(spans(carried)).toEqual([
      ['“First part of it.', false],
      ['“And the second,”', false],
    ]);
  });

  it('marks quotations attributed by a direct or mixed quote with a cue or speaker', () => {
    const text = 'He said: “the invasion”. They call it “liberation”. And «war» too.';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const q = (kind: Quote['kind'], s: string, extra: Partial<Quote>) =>
      ({ ...at(s), kind, signals: [], rule: 't', ...extra }) as Quote;
    const got = spans(text, [
      q('direct', 'the invasion', { cue: at('said') }),
      q('mixed', 'liberation', { speaker: { name: 'They', type: 'unknown' } }),
      // A direct quote with neither cue nor speaker attributes nothing; an indirect one neither.
      q('direct', 'war', {}),
    ]);
    expect(got).toEqual([
      ['“the invasion”', true],
      ['“liberation”', true],
      ['«war»', false],
    ]);
    const indirect = spans(text, [q('indirect', 'the invasion', { cue: at('said') })]);
    expect(indirect[0]).toEqual(['“the invasion”', false]);
    // A quote's parts attribute each piece.
    const parts = spans(text, [
      q('direct', 'the invasion', { cue: at('said'), parts: [at('the invasion'), at('war')] }),
    ]);
    expect(parts.map((p) => p[1])).toEqual([true, false, true]);
  });

  it('reads text as CSV only when a doubled mark opens a word or one field wraps the body', () => {
    // An empty pair of marks is no CSV escape: the quotation after it stays.
    expect(spans('An empty "" here and "peace" there.').map((q) => q[0])).toContain('"peace"');
    // A quoted body that goes on after its closing mark is no CSV field.
    expect(spans('Title\n"Peace" was the word.')).toEqual([['"Peace"', false]]);
    expect(spans('Title\n  "Peace was the word."  ')).toEqual([]);
  });

  it('reads CSV-escaped text by its doubled marks', () => {
    const text = 'Title\n"He called it a ""special military operation"" on TV."';
    expect(spans(text)).toEqual([['"special military operation""', false]]);
  });
});

describe('markedSpans: nested marks and fragments', () => {
  const spans = (text: string) =>
    markedSpans(text, lineParagraphs(text), undefined).map((q) => [text.slice(q.start, q.end), q.attributed]);

  it.each([
    // Straight marks nested in straight marks: the outer quotation runs to the second closing mark.
    [
      'It showed "the voice of the "G7", which is clear" today.',
      [['"the voice of the "G7", which is clear"', false]],
    ],
    ['Он сказал "голос стран "G7", который ясен" вчера.', [['"голос стран "G7", который ясен"', false]]],
    // No second closing mark, or another opening mark first: the pair stays as found.
    ['It showed "the voice of the "G7" today.', [['"the voice of the "', false]]],
    [
      'It showed "a "b" and "c" d.',
      [
        ['"a "', false],
        ['"c"', false],
      ],
    ],
    // A fragment is the statement's when its sentence has a long quotation; not across sentences.
    [
      'It says Russia\'s "aggression" against Ukraine "will have massive consequences for Moscow and its allies".',
      [
        ['"aggression"', true],
        ['"will have massive consequences for Moscow and its allies"', false],
      ],
    ],
    [
      'It says Russia\'s "aggression" goes on. Then "it will have massive consequences for Moscow and its allies".',
      [
        ['"aggression"', false],
        ['"it will have massive consequences for Moscow and its allies"', false],
      ],
    ],
  ] as [string, [string, boolean][]][])('%s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe('brokenQuotations', () => {
  const spans = (text: string, lang: string) => {
    const paras = lineParagraphs(text);
    return brokenQuotations(text, paras, lang, markedSpans(text, paras, undefined)).map((q) =>
      text.slice(q.start, q.end),
    );
  };

  it.each([
    // A closing mark that closes nothing, before an attribution: the sentence before it.
    [
      'Borders hold. The invasion will cost Moscow dearly," the ministers warned.',
      'en',
      ['The invasion will cost Moscow dearly,"'],
    ],
    [
      'Borders hold. The invasion will cost Moscow dearly," said Truss.',
      'en',
      ['The invasion will cost Moscow dearly,"'],
    ],
    ['Всё ясно. Агрессия дорого обойдется", - предупреждают они.', 'ru', ['Агрессия дорого обойдется"']],
    ['Всё ясно. Агрессия дорого обойдется», заявил министр.', 'ru', ['Агрессия дорого обойдется»']],
    // No attribution after it, or a closing mark that closes a quotation: nothing.
    ['Borders hold. The invasion will cost Moscow dearly." Nothing else.', 'en', []],
    ['"The invasion will cost Moscow dearly," the ministers warned.', 'en', []],
    ['«Агрессия дорого обойдется», – предупреждают они.', 'ru', []],
    // An opening mark never closed, up to the attribution after it; none at a paragraph's start.
    ['He was blunt: "the invasion must stop, he said at the summit.', 'en', ['"the invasion must stop']],
    ['Генерал был краток: "ВС РФ адаптируются к СВО, отметил он.', 'ru', ['"ВС РФ адаптируются к СВО']],
    ['"ВС РФ адаптируются к СВО, отметил генерал.', 'ru', []],
    ['Генерал был краток: "ВС РФ адаптируются к СВО. Всё.', 'ru', []],
    // Languages without attribution verbs are left alone.
    ['Alles klar. Die Invasion kostet viel," sagte er.', 'de', []],
  ])('%s (%s)', (text, lang, expected) => {
    expect(spans(text, lang)).toEqual(expected);
  });
});

describe('dashSpeech', () => {
  const spans = (text: string, lang = 'ru') =>
    dashSpeech(text, lineParagraphs(text), lang).map((q) => text.slice(q.start, q.end));

  it('takes a paragraph opened by a dash as speech, unless it asks a question', () => {
    expect(spans('— Конечно, это спецоперация.\n— А что дальше?')).toEqual(['— Конечно, это спецоперация.']);
  });

  it('takes the sentence before a dash attribution, and what a dash resumes after it', () => {
    const text = 'Всё ясно. Это была спецоперация, – отметил Затулин. – А санкции не помогут.';
    expect(spans(text)).toEqual(['Это была спецоперация', 'А санкции не помогут.']);
    expect(spans('Это была спецоперация, – отметил Затулин.')).toEqual(['Это была спецоперация']);
  });

  it('takes the paragraph before an attribution that opens a paragraph', () => {
    expect(spans('Это была спецоперация.\n– резюмировал депутат.')).toEqual(['Это была спецоперация.']);
    expect(spans('– резюмировал депутат.')).toEqual([]);
  });

  it('finds the sentence start after a closing mark or several spaces', () => {
    expect(spans('Он ушёл!» Это была спецоперация, – отметил Затулин.')).toEqual(['Это была спецоперация']);
    expect(spans('Всё ясно.  Это была спецоперация, – отметил Затулин.')).toEqual(['Это была спецоперация']);
    expect(spans('Всё ясно. Это была спецоперация, –  отметил Затулин.  – А санкции не помогут.')).toEqual([
      'Это была спецоперация',
      'А санкции не помогут.',
    ]);
  });

  it('needs the dash to open the paragraph or follow punctuation, and a question only at the end', () => {
    expect(spans('— А что дальше? Ничего не ясно.')).toEqual(['— А что дальше? Ничего не ясно.']);
    expect(spans('Спецоперация— не война.')).toEqual([]);
    expect(spans('Спецоперация– отметил Затулин.')).toEqual([]);
  });

  it('leaves attributions after a closing quotation mark to the marks, and other languages alone', () => {
    expect(spans('«Это спецоперация», – отметил Затулин.')).toEqual([]);
    expect(spans('Это была спецоперация, – отметил Затулин.', 'en')).toEqual([]);
    expect(spans('Просто текст без тире.')).toEqual([]);
  });
});

describe('the naming analyzer', () => {
  it('declares its layer and inputs', () => {
    expect(naming.name).toBe('naming');
    expect(naming.produces).toBe('naming');
    expect(naming.requires).toEqual(['entities', 'paragraphs', 'tokens', 'language']);
    expect(naming.optional).toEqual(['quotes']);
    expect(naming.defaults).toEqual({ gazetteers: [], terms: [] });
  });

  it('has no terms for a language without a terminology file', () => {
    expect(namingOf('Spezialoperation in der Ukraine.', 'de').terms).toEqual([]);
  });
});
