import { describe, expect, it } from 'vitest';
import { createModelStore } from '../../models/registry.js';
import { createPipeline } from '../../pipeline.js';
import { type NameLexicon, nominativeNameRu, nominativeRu } from './nominative.js';

/** A lexicon of a few words: headwords and classes as written. */
const lexicon = (headwords: string[], classes: Record<string, string>): NameLexicon => ({
  isHeadword: (w) => headwords.includes(w),
  classOf: (w) => classes[w],
});

describe('nominativeRu', () => {
  const lex = lexicon(['европа', 'лондон', 'лондона', 'бела', 'белая', 'кировск'], {
    европа: 'NOUN*',
    европе: 'NOUN*',
    европу: 'NOUN*',
    лондон: 'NOUN*',
    лондона: 'NOUN*',
    лондоне: 'NOUN*',
    бела: 'NOUN*',
    белой: 'NOUN*',
    белая: 'ADJF',
    кировск: 'NOUN*',
    кировском: 'ADJF|NOUN*',
    волгой: 'NOUN',
  });

  it('gives the one nominative a case form can stand for, keeping the capital', () => {
    expect(nominativeRu('Европе', lex)).toBe('Европа');
    expect(nominativeRu('Европу', lex)).toBe('Европа');
  });

  it('a headword of a verb or a gerund is no reading of a name (`Миргороде`, not `миргородь`)', () => {
    const l = lexicon(['миргород', 'миргородь'], {
      миргород: 'NOUN*',
      миргороде: 'NOUN*',
      миргородь: 'VERB',
    });
    expect(nominativeRu('Миргороде', l)).toBe('Миргород');
  });

  it('keeps the form when two readings are headwords, or the word is one already', () => {
    expect(nominativeRu('Лондоне', lex)).toBeUndefined(); // лондон and (here) лондона
    expect(nominativeRu('Белой', lex)).toBeUndefined(); // бела and белая
    expect(nominativeRu('Лондона', lex)).toBeUndefined(); // a headword itself
  });

  it('leaves adjectives, words without a name reading, capitals and lower case alone', () => {
    expect(nominativeRu('Кировском', lex)).toBeUndefined();
    expect(nominativeRu('Волгой', lex)).toBeUndefined();
    expect(nominativeRu('ЕВРОПЕ', lex)).toBeUndefined();
    expect(nominativeRu('европе', lex)).toBeUndefined();
  });
});

describe('nominativeNameRu', () => {
  // First names with a name reading; `спивак` a headword (a consonant-stem surname).
  const lex = lexicon(['дмитрий', 'мария', 'сергей', 'иван', 'анна', 'спивак', 'павел'], {
    дмитрием: 'NOUN*',
    дмитрий: 'NOUN*',
    марией: 'NOUN*',
    марию: 'NOUN*',
    мария: 'NOUN*',
    сергея: 'NOUN*',
    сергею: 'NOUN*',
    сергей: 'NOUN*',
    ивана: 'NOUN*',
    иван: 'NOUN*',
    анной: 'NOUN*',
    анна: 'NOUN*',
    барака: 'NOUN*',
    барак: 'NOUN*',
  });

  it.each([
    ['Дмитрием Спиваком', 'Дмитрий Спивак'],
    ['Марией Захаровой', 'Мария Захарова'],
    ['Марию Захарову', 'Мария Захарова'],
    ['Сергея Петровича Иванова', 'Сергей Петрович Иванов'],
    ['Сергею Королёву', 'Сергей Королёв'],
    ['Ивана Айвазовского', 'Иван Айвазовский'],
    ['Анной Ковальской', 'Анна Ковальская'],
    // A man's surname in `-ия` declines as a woman's noun.
    ['Ивана Арахамии', 'Иван Арахамия'],
    ['Сергею Арахамии', 'Сергей Арахамия'],
    ['Дмитрием Арахамией', 'Дмитрий Арахамия'],
  ])('%s → %s: every word in the first name’s case and gender', (name, want) => {
    expect(nominativeNameRu(name, lex)).toBe(want);
  });

  it.each([
    ['Дмитрий Спиваком', 'a first name already nominative'],
    ['Сергея Ивановой', 'a surname of another gender'],
    ['Сергея Ивановым', 'a surname of another case'],
    ['Дмитрием Ходаренком', 'a stem the lexicon does not know'],
    ['Барака Обамы', 'a surname of another paradigm'],
    ['Ивана', 'one word'],
    ['Марией Захаровой-Смит', 'a hyphenated word'],
  ])('%s stays (%s)', (name) => {
    expect(nominativeNameRu(name, lex)).toBeUndefined();
  });
});

const pipeline = await createPipeline({ layers: ['entities'] });
const names = (text: string) =>
  pipeline.run({ id: 't', text, meta: { lang: 'ru' } }).entities!.map((e) => e.name);

describe('entities (ru): one-word names by their nominative (issue 18)', () => {
  it('names an entity seen only in oblique cases by its nominative', () => {
    expect(names('Поставки газа в Европу сократились. Цены в Европе выросли.')).toContain('Европа');
    expect(names('Делегация прибыла в Екатеринбург из Мерефы, сообщил источник.')).toContain('Мерефа');
  });

  it('prefers a nominative the article uses; an adjective keeps its form', () => {
    // A place the gazetteer does not know (it names `Гаага` The Hague).
    const es = names('Жители Ниццы ждут решения. Ницца молчит.');
    expect(es).toContain('Ницца');
    expect(es).not.toContain('Ниццы');
    expect(names('В Кировском районе отключили свет.')).not.toContain('Кировск');
  });

  it('names a person seen only in an oblique case by the nominative of every word', () => {
    const es = names('Встреча с Дмитрием Спиваком прошла в Киеве. Переговоры продолжатся.');
    expect(es).toContain('Дмитрий Спивак');
    expect(es).not.toContain('Дмитрием Спиваком');
  });
});

describe('entities: the Russian lexicon is parsed only when a Russian name needs it', () => {
  it('records its checksum at set-up, parses it at the first Russian name, once', async () => {
    const store = createModelStore();
    const own = await createPipeline({ layers: ['entities'], models: store });
    const syntaxRu = () => store.keys.filter((k) => k.startsWith('syntax/syntax-ru.json#'));
    expect(own.producers.entities!.models!['syntax/syntax-ru.json']).toMatch(/^[0-9a-f]{12}$/);
    own.run({ id: 'en', text: 'Officials in London said the talks with Paris would go on.' });
    expect(syntaxRu()).toEqual([]);
    const ru = (text: string) =>
      own.run({ id: 'ru', text, meta: { lang: 'ru' } }).entities!.map((e) => e.name);
    expect(ru('Поставки газа в Европу сократились. Цены в Европе выросли.')).toContain('Европа');
    expect(syntaxRu()).toHaveLength(1);
    expect(ru('Делегация прибыла из Мерефы, сообщил источник.')).toContain('Мерефа');
    expect(syntaxRu()).toHaveLength(1);
  });
});
