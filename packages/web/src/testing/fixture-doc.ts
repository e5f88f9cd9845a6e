import type { NewsDocument } from '@newsprism/core';

/**
 * A short analysed article of our own, with hostile content in its text (markup, a `javascript:`
 * link, right-to-left and zero-width characters) and findings of every highlight layer,
 * overlapping. Offsets are found with `indexOf`, so they stay right when the text is edited.
 */
export function fixtureDoc(): NewsDocument {
  const title = 'Kiev "begging" for arms, says expert <script>alert(1)</script>';
  const body1 =
    'KYIV, Ukraine (Wire) — A senior official, who refused to be named, said the army would hold Artyomovsk "for as long as it takes", according to AFP.';
  const body2 =
    'Belgian military expert Pierre Henrot admitted that <img src=x onerror=alert(2)> the front was collapsing, a claim that 3 of 4 analysts doubt. See javascript:alert(3) \u200Bהנה\u200F.';
  const text = `${title}\n${body1}\n${body2}`;
  const at = (s: string, from = 0) => {
    const i = text.indexOf(s, from);
    if (i < 0) throw new Error(`fixture: "${s}" not in text`);
    return { start: i, end: i + s.length };
  };
  const p1 = at(body1);
  const p2 = at(body2);
  const content = at('the army would hold Artyomovsk "for as long as it takes"');
  const content2 = at('<img src=x onerror=alert(2)> the front was collapsing');
  return {
    schema: 'newsprism/1',
    id: 'fixture-1',
    text,
    meta: {
      title,
      lang: 'en',
      outlet: 'Example <b>Wire</b>',
      dateline: { ...at('KYIV, Ukraine (Wire) —'), place: 'KYIV', agencies: ['Wire'] },
    },
    language: { code: 'en', confidence: 1, script: 'Latn', method: 'declared' },
    paragraphs: [
      { start: 0, end: title.length, role: 'title' },
      { ...p1, role: 'body' },
      { ...p2, role: 'body' },
    ],
    quotes: [
      {
        ...content,
        kind: 'mixed',
        cue: at('said the army'.slice(0, 4), p1.start),
        source: at('A senior official'),
        speaker: { name: 'senior official', type: 'anonymous', role: 'senior official' },
        via: { name: 'AFP', type: 'media' },
        signals: [],
        cueLemma: 'say',
        rule: 'source-cue-content',
      },
      {
        ...content2,
        kind: 'indirect',
        cue: at('admitted'),
        source: at('Belgian military expert Pierre Henrot'),
        speaker: { name: 'Pierre Henrot', type: 'person', role: 'Belgian military expert' },
        signals: [{ ...at('admitted'), type: 'evaluative', label: 'admit' }],
        cueLemma: 'admit',
        rule: 'source-cue-content',
      },
    ],
    sources: {
      sources: [
        {
          name: 'senior official',
          type: 'anonymous',
          role: 'senior official',
          attributions: 1,
          words: 10,
          via: ['AFP'],
        },
        {
          name: 'Pierre Henrot',
          type: 'person',
          role: 'Belgian military expert',
          attributions: 1,
          words: 7,
          via: [],
        },
      ],
      attributedShare: 0.4,
      ownVoiceShare: 0.6,
      anonymousShare: 0.6,
      scareQuotes: 1,
    },
    techniques: {
      spans: [
        {
          ...at('"begging" for arms'),
          technique: 'Loaded_Language',
          score: 0.71,
          paragraph: 0,
          why: ['"begging"'],
        },
        {
          ...at('hold Artyomovsk "for as long as it takes", according'),
          technique: 'Doubt',
          score: 0.4,
          paragraph: 1,
          why: [],
        },
      ],
      paragraphs: [
        { paragraph: 0, techniques: [{ technique: 'Loaded_Language', score: 0.71 }] },
        { paragraph: 1, techniques: [{ technique: 'Doubt', score: 0.4 }] },
      ],
    },
    entities: [
      { id: 'kyiv', type: 'LOC', name: 'Kyiv', aliases: ['Kiev'], mentions: [at('Kiev'), at('KYIV')] },
      { id: 'bakhmut', type: 'LOC', name: 'Bakhmut', aliases: ['Artyomovsk'], mentions: [at('Artyomovsk')] },
      {
        id: 'pierre-henrot',
        type: 'PER',
        name: 'Pierre Henrot',
        aliases: [],
        mentions: [at('Pierre Henrot')],
      },
    ],
    naming: {
      entities: [
        {
          entity: 'kyiv',
          name: 'Kyiv',
          variants: [
            { form: 'Kiev', provenance: 'ru-derived', pole: 'ru', count: 1, mentions: [at('Kiev')] },
          ],
        },
        {
          entity: 'bakhmut',
          name: 'Bakhmut',
          variants: [
            {
              form: 'Artyomovsk',
              provenance: 'ru-official',
              pole: 'ru',
              count: 1,
              mentions: [at('Artyomovsk')],
            },
          ],
        },
      ],
      profile: {
        poles: { ua: 0, ru: 2, neutral: 0 },
        provenances: { 'ru-derived': 1, 'ru-official': 1 },
        ruShare: 1,
        lean: 'ru',
      },
    },
    claims: [
      {
        ...at('a claim that 3 of 4 analysts doubt'),
        label: 'statistic',
        score: 0.82,
        attrs: {
          numbers: [at('3 of 4')],
          dates: [],
          entities: [],
          checkworthy: true,
          model: 0.7,
          subjectivity: 0.2,
          sentence: 2,
          voice: 'outlet',
          cue: '3 of 4',
          method: 'model',
        },
      },
    ],
    subjectivity: {
      sentences: [{ ...p2, sentence: 2, score: 0.8, subjective: true, voice: 'outlet' }],
      share: 0.5,
      outletSentences: 2,
      subjectiveSentences: 1,
      method: 'model',
    },
    frames: [
      { frame: 'Security_and_defense', score: 0.8, selected: true, why: [] },
      { frame: 'Political', score: 0.3, selected: false, why: [] },
    ],
    genre: { genre: 'reporting', scores: { reporting: 0.7 }, why: [] },
    producers: {},
    diagnostics: [],
  } as unknown as NewsDocument;
}
