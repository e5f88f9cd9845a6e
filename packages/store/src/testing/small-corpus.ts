import type { DocumentMeta, NewsDocument } from '@newsprism/core';

/**
 * Five short documents written for the store's unit tests, with hand-made layers (no pipeline):
 * every figure a search, facet or report gives on them can be worked out by hand (see the
 * comments). Word counts are of the whole text, title line included.
 */

/** A document with only the layers the store reads, as given. */
export function handDoc(id: string, text: string, meta: DocumentMeta, layers: Record<string, unknown> = {}) {
  return { schema: 'newsprism/2', id, text, meta, producers: {}, diagnostics: [], ...layers } as NewsDocument;
}

const mention = { start: 0, end: 1 };

/** A term of the naming layer (`naming.terms`): a concept's form, its pole, voice and uses. */
const term = (concept: string, form: string, pole: string, voice: string, count: number) => ({
  concept,
  form,
  pole,
  provenance: 'curated',
  voice,
  count,
  mentions: new Array(count).fill(mention),
});

export const SMALL_CORPUS: NewsDocument[] = [
  // 3 + 9 = 12 words. Voice: own 0.5, named 0.5·0.75, anonymous 0.5·0.25 of 12 words.
  handDoc(
    'a1',
    'Oil sanctions widen\n\nThe sanctions on oil exports were widened on Monday.',
    { title: 'Oil sanctions widen', outlet: 'Alpha', published: '2023-01-01', lang: 'en' },
    {
      genre: { genre: 'reporting' },
      frames: [
        { frame: 'Economic', score: 0.9, selected: true },
        { frame: 'Political', score: 0.4, selected: false },
      ],
      techniques: {
        spans: [
          { technique: 'Loaded_Language', start: 0, end: 3, score: 0.8 },
          { technique: 'Loaded_Language', start: 4, end: 13, score: 0.6 },
          { technique: 'Doubt', start: 14, end: 19, score: 0.5 },
        ],
      },
      entities: [
        { id: 'kyiv', type: 'location', name: 'Kyiv', mentions: [mention, mention] },
        { id: 'moscow', type: 'location', name: 'Moscow', mentions: [mention] },
      ],
      sources: {
        ownVoiceShare: 0.5,
        attributedShare: 0.5,
        anonymousShare: 0.25,
        sources: [
          { name: 'Reuters', type: 'media', attributions: 2, words: 6 },
          { name: 'a source', type: 'anonymous', attributions: 1, words: 2 },
        ],
      },
      naming: {
        profile: { ruShare: 0 },
        entities: [
          {
            entity: 'kyiv',
            name: 'Kyiv',
            variants: [{ form: 'Kyiv', pole: 'ua', provenance: 'curated', count: 3 }],
          },
        ],
        // The war's terms: 2 uses of `invasion` in the outlet's voice, 1 of `SMO` in a quotation.
        terms: [
          term('war', 'invasion', 'ua', 'outlet', 2),
          term('war', 'special military operation', 'ru', 'quoted', 1),
        ],
      },
      claims: [
        { score: 0.4, attrs: { checkworthy: false } },
        { score: 0.7, attrs: { checkworthy: true } },
      ],
      subjectivity: { share: 0.25 },
    },
  ),
  // 2 + 7 = 9 words, all the outlet's own voice.
  handDoc(
    'a2',
    'Kiev talks\n\nOfficials in Kiev discussed oil and gas.',
    { title: 'Kiev talks', outlet: 'Alpha', published: '2023-01-31', lang: 'en' },
    {
      genre: { genre: 'opinion' },
      frames: [{ frame: 'Political', score: 0.8, selected: true }],
      techniques: {
        spans: [
          { technique: 'Doubt', start: 0, end: 4, score: 0.9 },
          { technique: 'Doubt', start: 5, end: 10, score: 0.3 },
        ],
      },
      entities: [
        { id: 'kyiv', type: 'location', name: 'Kyiv', mentions: [mention, mention] },
        { id: 'zelensky', type: 'person', name: 'Zelensky', mentions: [mention, mention, mention] },
      ],
      sources: { ownVoiceShare: 1, attributedShare: 0, anonymousShare: 0, sources: [] },
      naming: {
        profile: { ruShare: 1 },
        entities: [
          {
            entity: 'kyiv',
            name: 'Kyiv',
            variants: [{ form: 'Kiev', pole: 'ru', provenance: 'curated', count: 2 }],
          },
        ],
        // Own voice: `SMO` once, `occupied territories` once; `SMO` once kept at a distance.
        terms: [
          term('war', 'special military operation', 'ru', 'outlet', 1),
          term('territories', 'occupied territories', 'ua', 'outlet', 1),
          term('war', 'special military operation', 'ru', 'distanced', 1),
        ],
      },
      claims: [{ score: 0.3, attrs: { checkworthy: false } }],
    },
  ),
  // 3 + 7 = 10 words, all attributed to an anonymous source.
  handDoc(
    'b1',
    'Санкции против нефти\n\nНовые санкции ударили по ёлкам и нефти.',
    { title: 'Санкции против нефти', outlet: 'Beta', published: '2023-02-10T08:00:00Z', lang: 'ru' },
    {
      genre: { genre: 'reporting' },
      frames: [
        { frame: 'Economic', score: 0.7, selected: true },
        { frame: 'Security_and_defense', score: 0.6, selected: true },
      ],
      entities: [
        { id: 'kyiv', type: 'location', name: 'Kyiv', mentions: [mention] },
        { id: 'petr', type: 'person', name: 'Пётр', mentions: [mention] },
      ],
      sources: {
        ownVoiceShare: 0,
        attributedShare: 1,
        anonymousShare: 1,
        sources: [{ name: 'источник', type: 'anonymous', attributions: 1, words: 5 }],
      },
      naming: {
        profile: { ruShare: 0.5 },
        entities: [
          {
            entity: 'kyiv',
            name: 'Kyiv',
            variants: [
              { form: 'Киев', pole: 'ru', provenance: 'curated', count: 1 },
              { form: 'Київ', pole: 'ua', provenance: 'curated', count: 1 },
            ],
          },
          // A neutral form: not counted in the Russian-form share.
          {
            entity: 'kharkiv',
            name: 'Kharkiv',
            variants: [{ form: 'Kharkiv', pole: 'neutral', provenance: 'curated', count: 1 }],
          },
        ],
        // Own voice: `СВО` 3 times, the neutral `война` once; `вторжение` once in a quotation.
        terms: [
          term('war', 'специальная военная операция', 'ru', 'outlet', 3),
          term('war', 'вторжение', 'ua', 'quoted', 1),
          term('war', 'война', 'neutral', 'outlet', 1),
        ],
      },
      claims: [],
    },
  ),
  // 2 + 5 = 7 words, no analysis: no voice, genre or anything else.
  handDoc('b2', 'Gas deal\n\nA gas deal was signed.', {
    title: 'Gas deal',
    outlet: 'Beta',
    published: '2023-01-20',
    lang: 'en',
  }),
  // 3 words; no outlet, date or title; the language only from the language layer.
  handDoc(
    'n1',
    'Gas prices fell.',
    {},
    { language: { code: 'en', confidence: 1, script: 'Latn', method: 'detected' } },
  ),
];
