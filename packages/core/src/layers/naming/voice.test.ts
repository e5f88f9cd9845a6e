// The context rules of voice.ts on sentences of our own, without term matching: the term is
// the span in [brackets], and `distancing` must name the rule that keeps it at a distance (or
// none: the outlet's own word). Fast on purpose: mutation runs repeat it for every mutant.
import { describe, expect, it } from 'vitest';
import type { Span } from '../../schema.js';
import { contextRules, distancing, inQuotation, nameMention, type VoiceRule } from './voice.js';

/** The text without its brackets and the span they marked. */
function marked(s: string): [string, Span] {
  const start = s.indexOf('[');
  const end = s.indexOf(']') - 1;
  return [s.replace('[', '').replace(']', ''), { start, end }];
}

type Row = [string, VoiceRule | undefined];

const EN: Row[] = [
  ['Moscow held a so-called [referendum] in the region.', 'so-called'],
  ['So-called [referendum] results were announced.', 'so-called'],
  ['the self-proclaimed [republic] in the east', 'so-called'],
  ['Russia\'s so-called "[special military operation]" began.', 'so-called'],
  ["Russia's so-called\u00a0« [special military operation] » began.", 'so-called'],
  ['the unsupposed [referendum] took place', undefined],
  ['so-called\n[referendum] results', undefined],
  ['Tanks rolled in for what Moscow calls a [special military operation].', 'mention'],
  ['what the régime calls a [liberation] of the region', 'mention'],
  ['The Kremlin still calls it a [special military operation].', 'mention'],
  ['State TV portrays the war as a [liberation] of the region.', 'mention'],
  ['They accused Kyiv of [genocide] in Donbas.', 'mention'],
  ['The [special military operation], as the Kremlin calls it, began in February.', 'mention'],
  ['The "[special military operation]," as the Kremlin calls it, began.', 'mention'],
  ["The [special military operation] in the Kremlin's parlance began.", 'mention'],
  ['Sanctions followed Russia\'s "[special military operation]" within days.', 'scare-quotes'],
  ["Sanctions followed Russia's '[liberation]' of the city.", 'scare-quotes'],
  ['Sanctions followed the “[liberation] of the city” at once.', 'scare-quotes'],
  ['Sanctions followed the "[liberation] of the whole eastern region" at once.', undefined],
  ['Sanctions followed the "[liberation]. Later" at once.', undefined],
  ['Sanctions followed the "[liberation] of the city at once.', undefined],
  ["Sanctions followed O'[Neill]' at once.", undefined],
  ['This is not a [special military operation], it is a war.', 'negation'],
  ['It was never a [civil war] at all.', 'negation'],
  ['Russia launched a full-scale [invasion] in February.', undefined],
  ['The Kremlin describes it in detail, a [special military operation] began.', undefined],
  // A cue on the line before does not reach the term; one far before it on a long line does not either.
  ['Tanks rolled in for what Moscow\ncalls a [special military operation].', undefined],
  [
    `A so-called [referendum] was held. ${'The region voted under guard, and nobody counted. '.repeat(3)}`,
    'so-called',
  ],
  // Straight marks a space apart are no scare quotes (guillemets may be); a mark after a letter
  // is one unless it is an apostrophe.
  ['Sanctions followed the " [liberation]" of the city.', undefined],
  ['Sanctions followed the"[liberation]" at once.', 'scare-quotes'],
  // A typographic apostrophe after a letter is no opening mark; a mark at the very start is one.
  ['Sanctions followed O’[Neill]’ at once.', undefined],
  ["'[liberation]' of the city followed.", 'scare-quotes'],
  // Marks around the term's first words only; American punctuation inside the closing mark.
  ['Sanctions followed the "[special" military operation] at once.', 'scare-quotes'],
  ['Sanctions followed the “[special” military operation] at once.', 'scare-quotes'],
  ['Sanctions followed the „[special“ military operation] at once.', 'scare-quotes'],
  // A cue must touch the term.
  ['It is not a war but the [liberation] of the region.', undefined],
  ['Moscow calls it a war, and the [liberation] of the region began.', undefined],
  ['Moscow launched a "[special military operation]." Sanctions followed.', 'scare-quotes'],
  ['Sanctions followed the «[liberation] of the city.» Then more.', 'scare-quotes'],
  ['Moscow launched a "[special military operation]," and sanctions followed.', 'scare-quotes'],
  ['The rock’[n]’ roll band played.', undefined],
  // The closing mark within 25 characters but after more than three words.
  ['Sanctions followed the "[liberation] of a big old city" at once.', undefined],
  // `as … calls it` must follow the term (a closing mark or comma between), not come later.
  ['The [invasion] came first; the operation, as Moscow calls it, came later.', undefined],
];

const RU: Row[] = [
  ['В так называемом [референдуме] участвовали немногие.', 'so-called'],
  ['Прошёл т. н. [референдум] в области.', 'so-called'],
  ['Так называемый [референдум] прошёл.', 'so-called'],
  ['Войска вошли в ходе того, что Кремль называет [специальной военной операцией].', 'mention'],
  ['Москва выдаёт войну за [освобождение] Донбасса.', 'mention'],
  ['Власти якобы [освободили] город.', 'mention'],
  ['[СВО], как её называют в Кремле, началась в феврале.', 'mention'],
  ['Началось «[освобождение]» города.', 'scare-quotes'],
  ['Началось « [российской агрессии] » против страны.', 'scare-quotes'],
  ['Началась «[специальная» военная операция].', 'scare-quotes'],
  ['Это не [гражданская война], а вторжение.', 'negation'],
  ['Началась [специальная военная операция] в феврале.', undefined],
  ['Началось незнание [освобождения] города.', undefined],
];

describe('distancing (English rules)', () => {
  const rules = contextRules('en');
  it.each(EN)('%s → %s', (s, rule) => {
    const [text, m] = marked(s);
    expect(distancing(text, m, rules)).toBe(rule);
  });
});

describe('distancing (Russian rules)', () => {
  const rules = contextRules('ru');
  it.each(RU)('%s → %s', (s, rule) => {
    const [text, m] = marked(s);
    expect(distancing(text, m, rules)).toBe(rule);
  });
});

// Contested entity names: the name in [brackets] is another side's name, mentioned (or the
// outlet's own, used: undefined). Both directions, both languages.
const NAMES_EN: [string, 'mention' | undefined][] = [
  ['Fighting goes on in Artyomovsk (called [Bakhmut] by Ukraine).', 'mention'],
  ['Fighting goes on in Bakhmut (called [Artyomovsk] by Russia).', 'mention'],
  ['Shells hit Artyomovsk, which Kiev calls [Bakhmut], overnight.', 'mention'],
  ['Troops entered what Ukrainians call [Bakhmut].', 'mention'],
  ['the town known in Ukraine as [Bakhmut]', 'mention'],
  ['the city known to Russians as [Artyomovsk]', 'mention'],
  ['the city Russians call [Artyomovsk]', 'mention'],
  ['[Artyomovsk], as Moscow calls it, fell in May.', 'mention'],
  ['Bakhmut, or [Artyomovsk] as Russia calls it, fell in May.', 'mention'],
  ['The capital, Kyiv ([Kiev] in Russian), was shelled.', 'mention'],
  ['The Russian spelling is [Kiev].', 'mention'],
  ['Bakhmut (formerly [Artemivsk]) lies in ruins.', 'mention'],
  ['Bakhmut ("[Artyomovsk]" in Russian) lies in ruins.', 'mention'],
  // The outlet's own usage, and cues of other things.
  ['Fighting goes on in [Artyomovsk] (called Bakhmut by Ukraine).', undefined],
  ['Shells hit [Kiev] overnight, officials said.', undefined],
  ['Russia says [Kiev] is not a state.', undefined],
  ['The alleged attack on [Kyiv] was denied.', undefined],
  ['It was not [Kyiv] that fired.', undefined],
  ['He visited [Kyiv] (in Ukraine) last week.', undefined],
  ['Moscow calls [Kyiv] a puppet.', undefined],
  ['Kherson ([Kyiv] region) is quiet.', undefined],
];

const NAMES_RU: [string, 'mention' | undefined][] = [
  ['Бои идут за Артёмовск (по-украински — [Бахмут]).', 'mention'],
  ['Бои идут за Бахмут (по-русски — [Артёмовск]).', 'mention'],
  ['Бои идут за Артёмовск, который на Украине называют [Бахмутом].', 'mention'],
  ['Бои идут за Бахмут, который в России называют [Артёмовском].', 'mention'],
  ['город, известный на Украине как [Бахмут]', 'mention'],
  ['Бахмут (до 2016 года — [Артёмовск]) разрушен.', 'mention'],
  ['Бахмут (бывший [Артёмовск]) разрушен.', 'mention'],
  ['До 2016 года город назывался [Артёмовском].', 'mention'],
  ['[Артёмовск], как его называют в России, разрушен.', 'mention'],
  ['Артёмовск (на Украине — [Бахмут]) разрушен.', 'mention'],
  ['Артёмовск (укр. [Бахмут]) разрушен.', 'mention'],
  // The outlet's own usage.
  ['Бои идут за [Артёмовск] (по-украински — Бахмут).', undefined],
  ['Ранее [Киев] заявлял о потерях.', undefined],
  ['По словам [Киева], город удержан.', undefined],
  ['Якобы [Киев] обстрелял город.', undefined],
  ['Это не [Киев] стрелял.', undefined],
  ['Москва называет [Киев] марионеткой.', undefined],
];

describe('nameMention', () => {
  const en = contextRules('en');
  const ru = contextRules('ru');
  it.each(NAMES_EN)('%s → %s', (s, rule) => {
    const [text, m] = marked(s);
    expect(/^[A-Z]/.test(text.slice(m.start, m.end))).toBe(true);
    expect(nameMention(text, m, en)).toBe(rule);
  });
  it.each(NAMES_RU)('%s → %s', (s, rule) => {
    const [text, m] = marked(s);
    expect(/^[А-Я]/.test(text.slice(m.start, m.end))).toBe(true);
    expect(nameMention(text, m, ru)).toBe(rule);
  });
});

describe('contextRules', () => {
  it('falls back to the English rules for a language without its own', () => {
    expect(contextRules('de')).toBe(contextRules('en'));
    expect(contextRules('ru')).not.toBe(contextRules('en'));
  });

  it('keeps the rules of one language to that language', () => {
    const [text, m] = marked('В так называемом [референдуме] участвовали немногие.');
    expect(distancing(text, m, contextRules('en'))).toBeUndefined();
    const [en, n] = marked('Moscow held a so-called [referendum] in the region.');
    expect(distancing(en, n, contextRules('ru'))).toBeUndefined();
  });
});

describe('inQuotation with the outlet’s marker', () => {
  // `Moscow calls it a "special military operation"`: attributed, but marked as a mention.
  const [text, m] = marked('He said: "[special military operation]" was the word.');
  const q = { start: m.start - 1, end: m.end + 1, attributed: true };
  it('a short attributed quotation is the source’s word unless the outlet marks it', () => {
    expect(text.slice(q.start, q.end)).toBe('"special military operation"');
    expect(inQuotation(m, [q])).toBe(true);
    expect(inQuotation(m, [q], 'scare-quotes')).toBe(true);
    expect(inQuotation(m, [q], 'so-called')).toBe(false);
    expect(inQuotation(m, [{ ...q, attributed: false }])).toBe(false);
  });
});

describe('inQuotation by where the quotation stands', () => {
  // The term `special military operation` (26 characters) at 10.
  const m = { start: 10, end: 36 };
  const q = (start: number, end: number, attributed = false) => ({ start, end, attributed });
  it('a quotation more than 12 characters longer than the term is the source’s, attributed or not', () => {
    expect(inQuotation(m, [q(9, 49)])).toBe(true);
    expect(inQuotation(m, [q(10, 36 + 13)])).toBe(true);
    expect(inQuotation(m, [q(10, 36 + 12)])).toBe(false);
    expect(inQuotation(m, [q(10, 36 + 12, true)])).toBe(true);
  });
  it('one that begins after the term does, or closes before its end, is not (unless an attributed fragment)', () => {
    expect(inQuotation(m, [q(11, 80, true)])).toBe(false);
    expect(inQuotation(m, [q(9, 20)])).toBe(false);
    expect(inQuotation(m, [q(9, 20, true)])).toBe(true);
    expect(inQuotation(m, [q(9, 20, true)], 'so-called')).toBe(false);
    // It closes right after the term's first character: nothing of the term is inside.
    expect(inQuotation(m, [q(2, 11, true)])).toBe(false);
    expect(inQuotation(m, [q(2, 12, true)])).toBe(true);
  });
  it('a term that ends the quotation is inside it', () => {
    expect(inQuotation({ start: 20, end: 46 }, [q(5, 46)])).toBe(true);
  });
  it('any one of the quotations will do', () => {
    expect(inQuotation(m, [q(40, 60, true), q(9, 49)])).toBe(true);
    expect(inQuotation(m, [])).toBe(false);
  });
});
