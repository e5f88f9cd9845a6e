import { describe, it } from 'vitest';
import { expectAttributions, runQuotes, type Want } from './run.fixture.js';

// Russian rules of session 7 (engineer ruquotes2): each case fails with its rule taken out.
const run = (text: string) => runQuotes(text, 'ru').filter((q) => q.kind !== 'scare');

const HEAD = 'Новости порта\n\n';

const cases: { name: string; body: string; want: Want[] }[] = [
  {
    name: '`назвал` with a predicate in the instrumental reports a judgement',
    body: 'Судья Анна Котова назвала закрытие рынка ошибкой.',
    want: [{ content: 'закрытие рынка ошибкой', cue: 'назвала', source: 'Судья Анна Котова' }],
  },
  {
    name: '`назвал` with an instrumental adjective further on',
    body: 'Тренер Павел Лосев назвал вратаря сборной лучшим игроком турнира.',
    want: [{ content: 'вратаря сборной лучшим игроком турнира', cue: 'назвал' }],
  },
  {
    name: '`назвал три причины` lists: no attribution',
    body: 'Губернатор Олег Рябов назвал три причины задержки новой стратегии.',
    want: [],
  },
  {
    name: '`назвал` with an instrumental only after a preposition: no attribution',
    body: 'Губернатор Олег Рябов назвал дату встречи с рабочим комитетом.',
    want: [],
  },
  {
    name: 'a fronted object of `назвал` is the first part of the content',
    body: 'Тренер Павел Лосев заявил, что команда готова. Поражение в финале он назвал «случайностью».',
    want: [
      { content: 'команда готова' },
      {
        content: 'Поражение в финале он назвал «случайностью»',
        source: 'он',
        speaker: 'Павел Лосев',
        parts: ['Поражение в финале', '«случайностью»'],
      },
    ],
  },
  {
    name: '`предложила` with an infinitive object',
    body: 'Депутат Ирина Серова предложила перенести выборы на осень.',
    want: [{ content: 'перенести выборы на осень', cue: 'предложила', source: 'Депутат Ирина Серова' }],
  },
  {
    name: '`попросил` with an object and an infinitive',
    body: 'Капитан Юрий Белов попросил пассажиров оставаться в каютах.',
    want: [{ content: 'пассажиров оставаться в каютах', cue: 'попросил', source: 'Капитан Юрий Белов' }],
  },
  {
    name: 'inverted cue, a prepositional phrase and a comma before the source',
    body: 'Урожай будет низким, заявил в эфире радиостанции, министр сельского хозяйства Пётр Орлов.',
    want: [
      {
        content: 'Урожай будет низким',
        cue: 'заявил',
        source: 'министр сельского хозяйства Пётр Орлов',
        rule: 'inverted',
      },
    ],
  },
  {
    name: 'inverted cue, a prepositional phrase and no comma before a role word',
    body: 'Цены вырастут к зиме, заявил в интервью изданию известный экономист Роман Жуков.',
    want: [{ content: 'Цены вырастут к зиме', source: 'известный экономист Роман Жуков', rule: 'inverted' }],
  },
  {
    name: 'a `вице-` role reads as a role (inverted source)',
    body: 'Ущерб оценят к маю, сказал вице-губернатор Олег Рябов.',
    want: [{ content: 'Ущерб оценят к маю', source: 'вице-губернатор Олег Рябов', speaker: 'Олег Рябов' }],
  },
  {
    name: 'an `экс-` role before a country names a person, not the government',
    body: 'Экс-госсекретарь США заявил, что кампания затянется.',
    want: [{ content: 'кампания затянется', source: 'Экс-госсекретарь США', type: 'unknown' }],
  },
  {
    name: 'an `экс-` role refers back to the person named with the bare role',
    body: 'Бывший госсекретарь Джон Рид заявил, что мир близок. Позже экс-госсекретарь США добавил, что торг уместен.',
    want: [{ content: 'мир близок' }, { content: 'торг уместен', speaker: 'Джон Рид', type: 'person' }],
  },
  {
    name: '`…, X отметил, что …` after a lead clause: the content follows `что`',
    body: 'Говоря о выборах, министр Олег Рябов отметил, что кампания затянется.',
    want: [{ content: 'кампания затянется', source: 'министр Олег Рябов' }],
  },
  {
    name: '`Отмечалось, что …`: an attribution without a source, inheriting no speaker',
    body: 'Капитан Юрий Белов заявил, что шторм стихнет. Отмечалось, что паром не выйдет в рейс.',
    want: [
      { content: 'шторм стихнет', speaker: 'Юрий Белов' },
      {
        content: 'паром не выйдет в рейс',
        cue: 'Отмечалось',
        source: undefined,
        speaker: undefined,
        rule: 'agentless',
      },
    ],
  },
  {
    name: 'a bare role word after an office holder is someone new',
    body: 'Президент Иван Петров заявил, что мост построят. Эксперт допустил, что сроки сорвут.',
    want: [{ content: 'мост построят' }, { content: 'сроки сорвут', source: 'Эксперт', speaker: 'Эксперт' }],
  },
  {
    name: 'an office word alone is no varied word for the last person',
    body: 'Экономист Анна Котова написала, что спрос упал. Министр заявил, что налоги снизят.',
    want: [{ content: 'спрос упал' }, { content: 'налоги снизят', speaker: 'Министр' }],
  },
  {
    name: 'a bare role word after an expert still goes back to them',
    body: 'Экономист Анна Котова написала, что спрос упал. Аналитик считает, что цены вырастут.',
    want: [
      { content: 'спрос упал' },
      { content: 'цены вырастут', source: 'Аналитик', speaker: 'Анна Котова' },
    ],
  },
  {
    name: 'a quoted name right before the cue is its subject',
    body: 'Ранее «Севморпуть» сообщил, что рейсы отменят.',
    want: [{ content: 'рейсы отменят', source: 'Севморпуть' }],
  },
  {
    name: 'a quoted name after a preposition: the subject stands before the phrase',
    body: 'Аналитик Олег Рябов в беседе с «Морской газетой» допустил закрытие порта.',
    want: [{ content: 'закрытие порта', source: 'Аналитик Олег Рябов', cue: 'допустил' }],
  },
  {
    name: 'a pronoun before any speaker goes to a person named before it whom a later quotation makes a speaker',
    body: 'Тренер Павел Лосев назвал три задачи сезона. На встрече он рассказал, что команда усилится. «Мы готовы», — сказал Лосев.',
    want: [
      { content: 'команда усилится', source: 'он', speaker: 'Лосев', type: 'person' },
      { content: '«Мы готовы»', source: 'Лосев', speaker: 'Лосев' },
    ],
  },
  {
    name: '`по заверению X` is a source after its cue',
    body: 'Мэрия, по заверению своих юристов, выиграет спор.',
    want: [{ content: 'выиграет спор', cue: 'по заверению', source: 'своих юристов' }],
  },
];

describe('quotes: Russian rules (session 7, ruquotes2)', () => {
  it.each(cases)('$name', ({ body, want }) => {
    const text = HEAD + body;
    expectAttributions(text, run(text), want);
  });
});
