import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';

const pipeline = await createPipeline({ layers: ['paragraphs', 'entities', 'quotes', 'sources'] });
const analyze = (text: string) => pipeline.run({ id: 't', text, meta: { format: 'text' } });

// Shaped like Russian agency copy: a dateline, the speaker named in full, then told the agency by surname.
const ROGOV = `В Запорожской области заявили о подготовке референдума

СИМФЕРОПОЛЬ, 8 авг — РИА Новости. Член главного совета администрации Запорожской области Владимир Рогов заявил, что подготовка к референдуму идет по плану.

"Списки избирателей уже сверены, участки определены. Обратного пути не будет", — сказал РИА Новости Рогов.

По его словам, жители области ждут голосования.

"Мы не допустим провокаций", — заявил Рогов.

Регионы объявили о готовности принять наблюдателей. Власти области пообещали обеспечить безопасность. Епископы призвали к спокойствию.`;

describe('datelines and credits in the quotes layer', () => {
  it('gives Владимир Рогов all his attributions as one source, not `Новости Рогов`', () => {
    const d = analyze(ROGOV);
    const rogov = d.quotes!.filter((q) => q.speaker?.name === 'Владимир Рогов');
    expect(rogov.map((q) => ROGOV.slice(q.start, q.end).slice(0, 20))).toEqual([
      'подготовка к референ',
      '"Списки избирателей ',
      // `По его словам`: the possessive is the source (quotes@13).
      'жители области ждут ',
      '"Мы не допустим пров',
    ]);
    expect(d.quotes!.some((q) => /Новости/.test(q.speaker?.name ?? ''))).toBe(false);
    const people = d.sources!.sources.filter((s) => s.type === 'person');
    expect(people.map((s) => [s.name, s.attributions])).toEqual([['Владимир Рогов', 4]]);
  });

  it.each([['Регионы'], ['Епископы']])('types the plural subject %s as a group, not a person', (name) => {
    const q = analyze(ROGOV).quotes!.find((x) => x.speaker?.name === name);
    expect(q?.speaker?.type).toBe('organization');
  });

  it('does not type `Власти` as a person', () => {
    const text =
      'Мост откроют в мае\n\nВласти заявили, что мост через реку откроют в мае.\n\nРаботы уже начались.';
    const q = analyze(text).quotes!.find((x) => x.speaker?.name.startsWith('Власти'));
    expect(q).toBeDefined();
    expect(q!.speaker!.type).not.toBe('person');
  });

  it.each([
    ['Washington (CNN) President Anna Example said on Tuesday that the talks would resume.', 'Anna Example'],
    ['BALTIMORE -- Officials said on Monday that the bridge would reopen.', 'Officials'],
    [
      'PHILADELPHIA (AP) — The Democratic National Committee said it raised two million dollars.',
      'Democratic National Committee',
    ],
    ['МОСКВА, 22 мая. /ТАСС/. Песков заявил журналистам, что переговоры продолжатся.', 'Песков'],
  ])('takes no dateline for a speaker: %s', (lead, speaker) => {
    const text = `Talks To Resume\n\n${lead}\n\nMore follows.`;
    const d = analyze(text);
    const dl = d.meta.dateline!;
    const q = d.quotes!.find((x) => x.kind !== 'scare')!;
    expect(q.speaker!.name).toContain(speaker);
    expect(q.speaker!.mention!.start).toBeGreaterThanOrEqual(dl.end);
  });

  it('reads no closing credit as a speaker', () => {
    const text = `Port Reopens\n\nThe port reopened on Monday, officials said.\n\nReuters contributed to this report.\n\nSource: Sputnik`;
    const d = analyze(text);
    const zones = d.meta.credits!;
    expect(zones).toHaveLength(2);
    // The quote keeps its speaker (`officials`); no speaker mention lies inside a credit.
    const mentions = d.quotes!.map((q) => q.speaker?.mention).filter((m) => m !== undefined);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toContain('officials');
    expect(mentions.filter((m) => zones.some((z) => m.start < z.end && m.end > z.start))).toEqual([]);
  });

  it('reads no AP reported-from paragraph or relaying credit as a speaker', () => {
    const text = `Port Reopens\n\nODESA (AP) — The port reopened on Monday, officials said.\n\nJane Doe reported from Odesa. Associated Press writer John Roe in Kyiv contributed to this report.\n\nThe Huffington Post has supplemented this Reuters article with additional quotes.`;
    const d = analyze(text);
    const zones = d.meta.credits!;
    expect(zones.map((z) => text.slice(z.start, z.end).slice(0, 17))).toEqual([
      'Jane Doe reported',
      'The Huffington Po',
    ]);
    const speakers = d.quotes!.map((q) => q.speaker?.mention).filter((m) => m !== undefined);
    expect(speakers.filter((m) => zones.some((z) => m.start < z.end && z.start < m.end))).toEqual([]);
    expect(d.meta.byline).toBe('Jane Doe');
  });

  it.each([
    ['СИМФЕРОПОЛЬ, 8 авг — РИА Новости. Глава региона заявил, что работы идут по плану.', 'СИМФЕРОПОЛЬ'],
    ['KYIV, Ukraine (AP) — Officials said on Monday that the bridge would reopen.', 'KYIV'],
    ['LOS ANGELES: Forecasters warned on Friday that the rivers would flood.', 'LOS ANGELES'],
    ['Beijing: The minister said on Friday that the talks would resume.', 'Beijing'],
  ])('makes the dateline place a location, not an organization: %s', (lead, place) => {
    const text = `Talks To Resume\n\n${lead}\n\nMore follows.`;
    const d = analyze(text);
    const at = d.meta.dateline!.placeSpan!;
    expect(text.slice(at.start, at.end)).toBe(place);
    const covering = d.entities!.filter((e) => e.mentions.some((m) => m.start < at.end && at.start < m.end));
    expect(
      covering.map((e) => [e.type, e.mentions.some((m) => m.start === at.start && m.end === at.end)]),
    ).toEqual([['LOC', true]]);
  });
});
