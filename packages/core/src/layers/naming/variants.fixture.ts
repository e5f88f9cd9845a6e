// The variant generator of `variants.test.ts`: each concept's forms as seed phrases, spelled
// every way news text spells them (Russian cases and numbers from `declension.fixture.ts`, `ё`/`е`,
// hyphen, space or none, dotted acronyms, English plural, possessive, British/American
// spelling, capitals) and put into each context whose voice the layer must read (the outlet's
// words, a quotation, `so-called`, scare quotes, a mention, a negation, an ALL-CAPS headline).
import { declinePhrase } from './declension.fixture.js';

/** A seed: a phrase of one form of a concept (declining words in `[…]` for Russian, `[…]` the English head noun). */
export interface Seed {
  concept: string;
  pole: 'ru' | 'ua' | 'neutral';
  phrase: string;
  /** Other spellings: `[from, to]` replacements, each applied alone to every variant. */
  spell?: [string, string][];
  /** Names, and forms that are terms in one number only: no other number. */
  singular?: boolean;
  /** The phrase opens with a possessive (`Russia's …`), which a distancing marker would follow. */
  lead?: boolean;
}

/** One spelled variant of a seed. */
export interface Variant {
  seed: Seed;
  surface: string;
  how: string;
}

/** English plural of a head noun. */
function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** The English forms of a phrase: the head noun (`[…]`) singular and plural. */
function englishForms(seed: Seed): { text: string; how: string }[] {
  const head = /\[(.+?)\]/.exec(seed.phrase);
  if (!head) return [{ text: seed.phrase, how: 'as written' }];
  const sg = seed.phrase.replace(head[0], head[1]!);
  if (seed.singular) return [{ text: sg, how: 'singular' }];
  return [
    { text: sg, how: 'singular' },
    { text: seed.phrase.replace(head[0], plural(head[1]!)), how: 'plural' },
  ];
}

/** Spelling variants every form gets, besides the seed's own (`spell`). */
function spellings(lang: string, text: string): { text: string; how: string }[] {
  const out = [{ text, how: '' }];
  const add = (t: string, how: string) => {
    if (t !== text && !out.some((o) => o.text === t)) out.push({ text: t, how });
  };
  add(text.replace(/'/g, '’'), 'curly apostrophe');
  if (lang === 'ru') add(text.replace(/ё/g, 'е'), 'е for ё');
  // Typography of text extracted from web pages: no-break spaces between words, a no-break
  // hyphen (U+2011) or an en dash in compounds, the modifier-letter apostrophe (U+02BC) of
  // Ukrainian typing.
  add(text.replace(/ /g, '\u00a0'), 'no-break spaces');
  add(text.replace(/-/g, '\u2011'), 'no-break hyphen');
  add(text.replace(/-/g, '–'), 'en dash');
  add(text.replace(/'/g, 'ʼ'), 'modifier apostrophe');
  // The English possessive of the phrase (`the Kiev regime's decision`, `the neo-Nazis' base`).
  if (lang === 'en') add(/s$/.test(text) ? `${text}'` : `${text}'s`, 'possessive');
  // Acronyms written with dots (`С.В.О.`, `D.P.R.`).
  add(
    text.replace(/(?<![\p{L}.])([\p{Lu}]{3})(?![\p{L}.])/gu, (a) => `${[...a].join('.')}.`),
    'dotted acronym',
  );
  // Title case (English headlines), a capital first letter (a Russian sentence's start).
  if (lang === 'en')
    add(
      text.replace(/(?<![\p{L}'’-])\p{Ll}/gu, (c) => c.toUpperCase()),
      'title case',
    );
  else
    add(
      text.replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
      'capital first',
    );
  return out;
}

/** Every variant of a seed in `lang`. */
export function variantsOf(lang: string, seed: Seed): Variant[] {
  const forms =
    lang === 'ru'
      ? declinePhrase(seed.phrase, seed.singular).map((d) => ({ text: d.text, how: d.cell }))
      : englishForms(seed);
  const out: Variant[] = [];
  for (const f of forms) {
    const spelled = [
      f,
      ...(seed.spell ?? []).map(([a, b]) => ({ text: f.text.replace(a, b), how: `${a}→${b}` })),
    ];
    for (const s of spelled)
      for (const v of spellings(lang, s.text)) {
        if (out.some((o) => o.surface === v.text)) continue;
        out.push({
          seed,
          surface: v.text,
          how: [f.how, s === f ? '' : s.how, v.how].filter(Boolean).join(', '),
        });
      }
  }
  return out;
}

/** Where a variant is put, and what voice (and flip) the layer must read there. */
export interface Context {
  id: string;
  /** The text with the variant at `{}`; `caps`: the whole text upper-cased (a headline). */
  template: string;
  caps?: boolean;
  expect: 'outlet' | 'quoted' | 'distanced';
}

/** The contexts of each language; every template names Ukraine, the referent `contextual` forms need. */
export const CONTEXTS: Record<string, Context[]> = {
  en: [
    { id: 'outlet', template: 'In Ukraine, officials discussed {} on Monday.', expect: 'outlet' },
    { id: 'headline', template: 'Ukraine: officials discuss {}', caps: true, expect: 'outlet' },
    {
      id: 'quoted “”',
      template: '“We discussed {} on Monday,” the Ukrainian minister said.',
      expect: 'quoted',
    },
    {
      id: 'quoted ""',
      template: 'The Ukrainian minister said: "We discussed {} on Monday."',
      expect: 'quoted',
    },
    {
      id: 'so-called',
      template: 'In Ukraine, officials discussed the so-called {} on Monday.',
      expect: 'distanced',
    },
    { id: 'scare “”', template: 'In Ukraine, officials discussed the “{}” on Monday.', expect: 'distanced' },
    { id: 'scare ""', template: 'In Ukraine, officials discussed the "{}" on Monday.', expect: 'distanced' },
    {
      id: 'mention',
      template: 'In Ukraine, officials discussed what Moscow calls {} on Monday.',
      expect: 'distanced',
    },
    { id: 'negation', template: 'In Ukraine, officials said this is not {}.', expect: 'distanced' },
    // British quotation style: single marks.
    {
      id: 'quoted ‘’',
      template: '‘We discussed {} on Monday,’ the Ukrainian minister said.',
      expect: 'quoted',
    },
    { id: 'scare ‘’', template: 'In Ukraine, officials discussed the ‘{}’ on Monday.', expect: 'distanced' },
    { id: "scare ''", template: "In Ukraine, officials discussed the '{}' on Monday.", expect: 'distanced' },
    // American punctuation inside the closing mark; the war named by a naming verb (session 14).
    { id: 'scare "."', template: 'In Ukraine, officials discussed the "{}."', expect: 'distanced' },
    {
      id: 'mention the war',
      template: 'In Ukraine, Moscow calls the war {} on Monday.',
      expect: 'distanced',
    },
    // Reported speech stays the outlet's: the outlet chose the words.
    {
      id: 'reported',
      template: 'The Ukrainian minister said officials discussed {} on Monday.',
      expect: 'outlet',
    },
  ],
  ru: [
    { id: 'outlet', template: 'На Украине чиновники обсудили {} в понедельник.', expect: 'outlet' },
    { id: 'headline', template: 'Украина: чиновники обсудили {}', caps: true, expect: 'outlet' },
    {
      id: 'quoted «»',
      template: '«Мы обсудили {} в понедельник», — сказал министр Украины.',
      expect: 'quoted',
    },
    {
      id: 'quoted „“',
      template: 'Министр Украины сказал: „Мы обсудили {} в понедельник“.',
      expect: 'quoted',
    },
    {
      id: 'so-called',
      template: 'На Украине чиновники обсудили так называемые {} в понедельник.',
      expect: 'distanced',
    },
    { id: 'scare «»', template: 'На Украине чиновники обсудили «{}» в понедельник.', expect: 'distanced' },
    { id: 'scare ""', template: 'На Украине чиновники обсудили "{}" в понедельник.', expect: 'distanced' },
    {
      id: 'mention',
      template: 'На Украине обсудили то, что в Кремле называют {}, в понедельник.',
      expect: 'distanced',
    },
    { id: 'negation', template: 'На Украине чиновники заявили, что это не {}.', expect: 'distanced' },
    {
      id: 'quoted dash',
      template: '— Мы обсудили {} в понедельник, — сказал министр Украины.',
      expect: 'quoted',
    },
    { id: 'mention войну', template: 'Войну на Украине Кремль называет {} с февраля.', expect: 'distanced' },
    {
      id: 'reported',
      template: 'Министр Украины сказал, что чиновники обсудили {} в понедельник.',
      expect: 'outlet',
    },
  ],
};

/** The text of a variant in a context, and where the variant stands in it. */
export function place(c: Context, surface: string): { text: string; start: number; end: number } {
  const at = c.template.indexOf('{}');
  const raw = c.template.replace('{}', surface);
  return { text: c.caps ? raw.toUpperCase() : raw, start: at, end: at + surface.length };
}
