import { describe, expect, it } from 'vitest';
import { namingOf } from './direct.fixture.js';
import type { TermFile } from './term-types.js';
import { TERM_FILES } from './terms.js';

// Every pattern of the shipped terms files, made into a phrase (first alternative of each word,
// optional words left out) and then inflected one word at a time through the word's paradigm:
// each variant must still be found as the same concept and pole. The paradigms are written
// out here, independently of the patterns, so a pattern that lists word forms (`неонацист|
// неонациста|…`) or a literal singular (`the invasion`) is checked against every form.

const EN_PARADIGMS: string[][] = [
  // verbs: base, 3rd person, past, participle
  ['invade', 'invades', 'invaded', 'invading'],
  ['annex', 'annexes', 'annexed', 'annexing'],
  ['occupy', 'occupies', 'occupied', 'occupying'],
  ['liberate', 'liberates', 'liberated', 'liberating'],
  ['reunite', 'reunites', 'reunited', 'reuniting'],
  ['join', 'joins', 'joined', 'joining'],
  ['wage', 'wages', 'waged', 'waging'],
  // nouns: singular, plural
  ['invasion', 'invasions'],
  ['annexation', 'annexations'],
  ['referendum', 'referendums', 'referenda'],
  ['occupier', 'occupiers'],
  ['invader', 'invaders'],
  ['occupant', 'occupants'],
  ['regime', 'regimes'],
  ['territory', 'territories'],
  ['region', 'regions'],
  ['area', 'areas'],
  ['war', 'wars'],
  ['conflict', 'conflicts'],
  ['militant', 'militants'],
  ['battalion', 'battalions'],
  ['formation', 'formations'],
  ['defender', 'defenders'],
  ['republic', 'republics'],
  ['operation', 'operations'],
  ['administration', 'administrations'],
  ['settlement', 'settlements'],
  ['Banderite', 'Banderites'],
  ['rashist', 'rashists'],
  ['Ukronazi', 'Ukronazis'],
];

// Russian: every case, singular and plural (adjectives in every gender), `ё` spelled both ways.
const RU_PARADIGMS: string[][] = [
  ['операция', 'операции', 'операцию', 'операцией', 'операций', 'операциям', 'операциями', 'операциях'],
  ['спецоперация', 'спецоперации', 'спецоперацию', 'спецоперацией', 'спецоперациях'],
  ['специальная', 'специальной', 'специальную', 'специальные', 'специальных', 'специальными', 'специальный'],
  ['военная', 'военной', 'военную', 'военные', 'военных', 'военными', 'военный', 'военного'],
  ['вторжение', 'вторжения', 'вторжению', 'вторжением', 'вторжении', 'вторжений'],
  ['агрессия', 'агрессии', 'агрессию', 'агрессией'],
  ['война', 'войны', 'войне', 'войну', 'войной', 'войн', 'войнам', 'войнами', 'войнах'],
  ['конфликт', 'конфликта', 'конфликту', 'конфликтом', 'конфликте', 'конфликты', 'конфликтов'],
  ['кризис', 'кризиса', 'кризису', 'кризисом', 'кризисе'],
  [
    'территория',
    'территории',
    'территорию',
    'территорией',
    'территорий',
    'территориям',
    'территориями',
    'территориях',
  ],
  [
    'освобожденные',
    'освобождённые',
    'освобожденных',
    'освобождённых',
    'освобожденным',
    'освобожденными',
    'освобожденная',
    'освобожденной',
    'освобождённую',
    'освобожденный',
  ],
  [
    'оккупированные',
    'оккупированных',
    'оккупированным',
    'оккупированными',
    'оккупированная',
    'оккупированной',
    'оккупированную',
    'оккупированный',
    'оккупированного',
  ],
  [
    'регион',
    'региона',
    'региону',
    'регионом',
    'регионе',
    'регионы',
    'регионов',
    'регионам',
    'регионами',
    'регионах',
  ],
  ['новые', 'новых', 'новым', 'новыми', 'новый', 'нового', 'новому', 'новом'],
  ['воссоединение', 'воссоединения', 'воссоединению', 'воссоединением', 'воссоединении'],
  ['присоединение', 'присоединения', 'присоединению', 'присоединением', 'присоединении'],
  ['вхождение', 'вхождения', 'вхождению', 'вхождением', 'вхождении'],
  ['аннексия', 'аннексии', 'аннексию', 'аннексией'],
  [
    'референдум',
    'референдума',
    'референдуму',
    'референдумом',
    'референдуме',
    'референдумы',
    'референдумов',
    'референдумам',
    'референдумами',
    'референдумах',
  ],
  ['псевдореферендум', 'псевдореферендума', 'псевдореферендумы', 'псевдореферендумов', 'псевдореферендумах'],
  ['режим', 'режима', 'режиму', 'режимом', 'режиме', 'режимы', 'режимов'],
  ['хунта', 'хунты', 'хунте', 'хунту', 'хунтой'],
  [
    'киевский',
    'киевского',
    'киевскому',
    'киевским',
    'киевском',
    'киевская',
    'киевской',
    'киевскую',
    'киевские',
    'киевских',
    'киевскими',
  ],
  [
    'украинские',
    'украинских',
    'украинским',
    'украинскими',
    'украинский',
    'украинского',
    'украинскому',
    'украинском',
    'украинская',
    'украинской',
    'украинскую',
  ],
  [
    'российские',
    'российских',
    'российским',
    'российскими',
    'российский',
    'российского',
    'российскому',
    'российском',
    'российская',
    'российской',
    'российскую',
  ],
  [
    'неонацист',
    'неонациста',
    'неонацисту',
    'неонацистом',
    'неонацисте',
    'неонацисты',
    'неонацистов',
    'неонацистам',
    'неонацистами',
    'неонацистах',
  ],
  [
    'нацист',
    'нациста',
    'нацисту',
    'нацистом',
    'нацисте',
    'нацисты',
    'нацистов',
    'нацистам',
    'нацистами',
    'нацистах',
  ],
  [
    'боевик',
    'боевика',
    'боевику',
    'боевиком',
    'боевике',
    'боевики',
    'боевиков',
    'боевикам',
    'боевиками',
    'боевиках',
  ],
  ['военные', 'военных', 'военным', 'военными', 'военный', 'военного', 'военному', 'военном'],
  ['войска', 'войск', 'войскам', 'войсками', 'войсках'],
  ['власти', 'властей', 'властям', 'властями', 'властях', 'власть'],
  [
    'оккупант',
    'оккупанта',
    'оккупанту',
    'оккупантом',
    'оккупанты',
    'оккупантов',
    'оккупантам',
    'оккупантами',
  ],
  [
    'защитник',
    'защитника',
    'защитнику',
    'защитником',
    'защитники',
    'защитников',
    'защитникам',
    'защитниками',
  ],
  [
    'республика',
    'республики',
    'республике',
    'республику',
    'республикой',
    'республик',
    'республикам',
    'республиками',
    'республиках',
  ],
  ['армия', 'армии', 'армию', 'армией'],
  ['денацификация', 'денацификации', 'денацификацию', 'денацификацией'],
  ['вооруженные', 'вооружённые', 'вооруженных', 'вооруженным', 'вооруженными', 'вооружённых'],
  ['силы', 'сил', 'силам', 'силами', 'силах'],
];

/**
 * Forms a pattern leaves out on purpose, as `pattern → word form`, with the reason: the
 * inflected variant names something else.
 */
const EXCLUDED: Record<string, string> = {
  'to|would|will|could|might|may|not invade* !Taiwan|Iraq|Kuwait|Afghanistan|Poland|Georgia|Russia → invading':
    '`to invading` is not English (`not invading` is matched)',
  "Russia's war !machine|machinery|chest|economy → wars":
    "`Russia's wars` are its wars in general (Chechnya, Georgia, Syria)",
  "Putin's|Kremlin's|Moscow's war !machine|machinery|chest|economy → wars":
    "`Putin's wars`, `the Kremlin's wars` are its wars in general",
  'Republic of Crimea → republics': 'one republic',
  'annexation vote* → annexations': 'a noun before a noun stays singular',
  'annex|annexes Crimea|Donbas|Donbass|the → annexed':
    '`annexed Crimea` is Crimea named as annexed (concept `crimea`); with a subject (`Russia annexed`) it is the event',
  'наши военные|военных|военным|военными|военнослужащие|военнослужащих|военнослужащим|войска|войск|войскам|войсками|бойцы|бойцов|бойцам|бойцами|солдаты|солдат|солдатам|воины|воинов|воинам|воинами|подразделения|подразделений|подразделениям|подразделениями → военный':
    '`наши` takes the plural; the singular `наш военный` is mostly the adjective (`наш военный эксперт`)',
  'наши военные|военных|военным|военными|военнослужащие|военнослужащих|военнослужащим|войска|войск|войскам|войсками|бойцы|бойцов|бойцам|бойцами|солдаты|солдат|солдатам|воины|воинов|воинам|воинами|подразделения|подразделений|подразделениям|подразделениями → военного':
    'as `наши военный`',
  'наши военные|военных|военным|военными|военнослужащие|военнослужащих|военнослужащим|войска|войск|войскам|войсками|бойцы|бойцов|бойцам|бойцами|солдаты|солдат|солдатам|воины|воинов|воинам|воинами|подразделения|подразделений|подразделениям|подразделениями → военному':
    'as `наши военный`',
  'наши военные|военных|военным|военными|военнослужащие|военнослужащих|военнослужащим|войска|войск|войскам|войсками|бойцы|бойцов|бойцам|бойцами|солдаты|солдат|солдатам|воины|воинов|воинам|воинами|подразделения|подразделений|подразделениям|подразделениями → военном':
    'as `наши военный`',
};

const PARADIGMS: Record<string, string[][]> = { en: EN_PARADIGMS, ru: RU_PARADIGMS };
const REFERENT: Record<string, string> = { en: 'Ukraine: ', ru: 'Украина: ' };

/** A regex for one alternative of a pattern word, to find the paradigm it stands for. */
function altRegex(alt: string): RegExp {
  const body = alt
    .replace(/[.+^${}()[\]\\]/g, '\\$&')
    .replace(/\*/g, '\\p{L}*')
    .replace(/~/g, '[- ]?')
    .replace(/'/g, "'")
    .replace(/[её]/g, '[её]');
  return new RegExp(`^${body}$`, 'iu');
}

/** The phrase of a pattern: each word's first alternative (a paradigm's lemma where one fits). */
function phraseWords(pattern: string, paradigms: string[][]): { word: string; paradigm?: string[] }[] {
  const out: { word: string; paradigm?: string[] }[] = [];
  for (const raw of pattern.split(' ')) {
    if (raw.startsWith('?') || raw.startsWith('!')) continue;
    const alt = raw.replace(/^&/, '').split('|')[0]!;
    const re = altRegex(alt);
    const paradigm = paradigms.find((p) => re.test(p[0]!));
    const word = paradigm ? paradigm[0]! : alt.replace(/\*/g, '').replace(/~/g, '-');
    out.push(paradigm ? { word, paradigm } : { word });
  }
  return out;
}

interface Case {
  lang: string;
  concept: string;
  pole: string;
  pattern: string;
  variant: string;
}

function cases(lang: string, file: TermFile): Case[] {
  const out: Case[] = [];
  for (const c of file.concepts)
    for (const f of c.forms)
      for (const pattern of [...f.patterns, ...(f.contextual ?? [])]) {
        const words = phraseWords(pattern, PARADIGMS[lang]!);
        words.forEach((w, i) => {
          for (const form of w.paradigm ?? []) {
            if (EXCLUDED[`${pattern} → ${form}`]) continue;
            const variant = words.map((x, j) => (j === i ? form : x.word)).join(' ');
            out.push({ lang, concept: c.id, pole: f.pole, pattern, variant });
          }
        });
      }
  return out;
}

describe('every term form matches its inflections', () => {
  for (const lang of ['en', 'ru']) {
    const all = cases(lang, TERM_FILES[lang]!);
    it(`${lang}: ${all.length} inflected variants of the patterns are found as their concept and pole`, () => {
      expect(all.length).toBeGreaterThan(100);
      const missed: string[] = [];
      for (const k of all) {
        const text = `${REFERENT[lang]}${k.variant}.`;
        const terms = namingOf(text, lang).terms;
        const start = REFERENT[lang]!.length;
        const hit = terms.some(
          (t) =>
            t.concept === k.concept &&
            t.pole === k.pole &&
            t.mentions.some((m) => m.start < start + k.variant.length && m.end > start),
        );
        if (!hit) missed.push(`${k.pattern} → ${k.variant} (${k.concept}/${k.pole})`);
      }
      expect(missed).toEqual([]);
    });
  }
});
