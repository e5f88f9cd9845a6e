import { describe, it } from 'vitest';
import { expectAttributions, runQuotes, type Want } from './run.fixture.js';

// Russian rules of session 8 (issue 18): anaphoric statements, `назвать`, role words at a
// sentence start, interview answers. Each case fails with its rule taken out.
const run = (text: string) => runQuotes(text, 'ru').filter((q) => q.kind !== 'scare');

const HEAD = 'Новости порта\n\n';

const cases: { name: string; body: string; head?: string; want: Want[] }[] = [
  // Issue 18 (session 14): `в отставке` completes a rank; the name after it speaks.
  {
    name: '`полковник в отставке Михаил Ходаренок заявил`: the name after the rank phrase',
    body: 'Военный эксперт полковник в отставке Михаил Ходаренок заявил, что наступление провалилось.',
    want: [
      {
        content: 'наступление провалилось',
        cue: 'заявил',
        source: 'Военный эксперт полковник в отставке Михаил Ходаренок',
        speaker: 'Михаил Ходаренок',
        type: 'person',
      },
    ],
  },
  {
    name: '`«…», — заявил … полковник в отставке X`: the inverted description reads past it',
    body: 'Бои идут. «Наступление провалилось», — заявил военный эксперт полковник в отставке Михаил Ходаренок.',
    want: [
      {
        content: '«Наступление провалилось»',
        cue: 'заявил',
        source: 'военный эксперт полковник в отставке Михаил Ходаренок',
        speaker: 'Михаил Ходаренок',
        rule: 'inverted',
      },
    ],
  },
  // Issue 18 (session 14): `судя по` opens a relay; its lead word is no content.
  {
    name: '`Судя по информации X, …`: the relay leads the sentence',
    body: 'Судя по информации агентства Bloomberg, как минимум два государства против решения.',
    want: [
      {
        content: 'как минимум два государства против решения',
        cue: 'по информации',
        source: 'агентства Bloomberg',
        rule: 'according-to-lead',
      },
    ],
  },
  {
    name: '`…, судя по данным X`: the relay ends the sentence',
    body: 'Порт закроют весной, судя по данным агентства Bloomberg.',
    want: [
      {
        content: 'Порт закроют весной',
        cue: 'по данным',
        source: 'агентства Bloomberg',
        rule: 'according-to-tail',
      },
    ],
  },
  // Issue 18 (session 13): a role phrase, then a name in apposition: the name is the speaker.
  {
    name: '`Глава администрации, Иван Петров, сказал`: the name in apposition speaks',
    body: 'Глава администрации, Иван Петров, сказал, что дороги откроют завтра.',
    want: [
      {
        content: 'дороги откроют завтра',
        cue: 'сказал',
        source: 'Иван Петров',
        rule: 'apposition-cue-content',
      },
    ],
  },
  // Anaphoric statements: the content is the sentence before.
  {
    name: '`Такое мнение … высказал X`: a light verb after an adjunct, the speaker after it',
    body: 'Цены вырастут к зиме. Такое мнение в эфире радио высказал экономист Роман Жуков.',
    want: [
      {
        content: 'Цены вырастут к зиме',
        cue: 'высказал',
        source: 'экономист Роман Жуков',
        rule: 'about-this',
      },
    ],
  },
  {
    name: '`Так считает X`',
    body: 'Мост закроют весной. Так считает министр Олег Рябов.',
    want: [
      { content: 'Мост закроют весной', cue: 'считает', source: 'министр Олег Рябов', rule: 'about-this' },
    ],
  },
  {
    name: '`Такое заявление X сделал …`: the subject between the phrase and the verb',
    body: 'Налоги снизят. Такое заявление президент Иван Петров сделал на заседании совета.',
    want: [
      { content: 'Налоги снизят', cue: 'сделал', source: 'президент Иван Петров', speaker: 'Иван Петров' },
    ],
  },
  {
    name: '`С таким заявлением выступил X`',
    body: 'Порт откроют в мае. С таким заявлением выступил губернатор Олег Рябов.',
    want: [{ content: 'Порт откроют в мае', cue: 'выступил', source: 'губернатор Олег Рябов' }],
  },
  {
    name: '`Такое заявление сделал на брифинге X`: a prepositional adjunct before the speaker',
    body: 'Завод закроют. Такое заявление сделал на брифинге официальный представитель МИД Мария Захарова.',
    want: [{ content: 'Завод закроют', source: 'официальный представитель МИД Мария Захарова' }],
  },
  {
    name: '`Так,` opening a sentence with a comma is no anaphoric statement',
    body: 'Так, мэр вспомнил прошлое.',
    want: [],
  },
  {
    name: '`Такое мнение` without a verb of statement is none',
    body: 'Рынок упадёт. Такое мнение распространено среди банкиров.',
    want: [],
  },
  {
    name: '`Об этом сообщил X` opening a paragraph points back to the paragraph before',
    body: 'Порт закроют на ремонт.\n\nОб этом сообщил капитан Юрий Белов.',
    want: [{ content: 'Порт закроют на ремонт', source: 'капитан Юрий Белов', rule: 'about-this' }],
  },
  {
    name: 'the paragraph before is no content when it is an attribution itself (a cue of its own)',
    body: 'Порт закроют. Об этом сообщил капитан Юрий Белов.\n\nОб этом рассказал лоцман Пётр Орлов.',
    want: [
      { content: 'Порт закроют', speaker: 'Юрий Белов' },
      { content: 'Об этом', speaker: 'Пётр Орлов', rule: 'about-this' },
    ],
  },
  {
    name: '`Об этом рассказала X` right after the headline: the headline is the content',
    head: 'Семья уехала из Лиссабона\n\n',
    body: 'Об этом рассказала мать семейства Анна Котова.',
    want: [{ content: 'Семья уехала из Лиссабона', source: 'мать семейства Анна Котова' }],
  },
  // `назвать`: speech only with a predicate.
  {
    name: '`назвала количество заболевших корью`: an instrumental governed by a participle is no predicate',
    body: 'Врач Анна Котова назвала количество заболевших корью за данный период.',
    want: [],
  },
  {
    name: 'the participle `назвав` takes its object and predicate, the speaker of the clause before',
    body: 'Мэр Иван Петров осудил это решение, назвав его «печальным днем» для города.',
    want: [
      {
        content: 'его «печальным днем» для города',
        cue: 'назвав',
        speaker: 'Иван Петров',
        rule: 'participle',
      },
    ],
  },
  {
    name: '`назвал Y Z` ends at the comma that opens another clause',
    body: 'Генерал Пётр Орлов назвал мост «законной целью» для армии, власти не раз критиковали такие слова.',
    want: [{ content: 'мост «законной целью» для армии', cue: 'назвал' }],
  },
  {
    name: '`назвал варварством то, что …`: the `что` clause of the object stays',
    body: 'Папа Франциск назвал варварством то, что случилось с городом.',
    want: [{ content: 'варварством то, что случилось с городом' }],
  },
  {
    name: 'a headline `X назвал Y` without a predicate reports nothing',
    head: 'Генерал Орлов назвал фатальную ошибку Киева\n\n',
    body: 'Одна ошибка стала роковой.',
    want: [],
  },
  {
    name: '`которого называют …`: the object of an agentless naming is no source',
    body: 'Президент заступился за Андрея Ермака, которого называют серым кардиналом Украины.',
    want: [],
  },
  {
    name: '`прокомментировал` and `выразил` with a bare object report no proposition',
    body: 'Министр Олег Рябов прокомментировал решение суда. Мэр Иван Петров выразил сожаление из-за аварии.',
    want: [],
  },
  {
    name: '`выразил надежду, что …` and `прокомментировал: «…»` do',
    body: 'Мэр Иван Петров выразил надежду, что мост откроют. Министр Олег Рябов прокомментировал: «Это ошибка».',
    want: [
      { content: 'надежду, что мост откроют' },
      { content: '«Это ошибка»', source: 'Министр Олег Рябов' },
    ],
  },
  {
    name: '`рассказал о переговорах` is a topic; `рассказал о том, что …` a proposition',
    body: 'Министр Олег Рябов рассказал о переговорах с соседями. Мэр Иван Петров рассказал о том, что мост откроют.',
    want: [{ content: 'о том, что мост откроют' }],
  },
  // Role words capitalised at the sentence start.
  {
    name: '`Президент Украины заявил` refers back to the president named before',
    body: 'Президент Украины Иван Петров заявил, что армия готова. Президент Украины заявил, что мир близок.',
    want: [
      { content: 'армия готова', speaker: 'Иван Петров' },
      { content: 'мир близок', source: 'Президент Украины', speaker: 'Иван Петров', type: 'person' },
    ],
  },
  {
    name: '`Глава Росатома` is the head named with the institution in marks, no person `Росатома`',
    body: 'Глава «Росатома» Алексей Лихачев заявил, что станция работает. Глава Росатома отметил, что сроки сдвинутся.',
    want: [
      { content: 'станция работает', source: 'Глава «Росатома» Алексей Лихачев' },
      { content: 'сроки сдвинутся', source: 'Глава Росатома', speaker: 'Алексей Лихачев' },
    ],
  },
  {
    name: '`Глава МИД` is a person of the ministry, not the ministry',
    body: 'Глава МИД заявил, что визит состоится.',
    want: [{ content: 'визит состоится', source: 'Глава МИД', type: 'unknown' }],
  },
  // Interviews.
  {
    name: 'dash answers after a question and after the interviewee’s paragraph are the interviewee’s',
    body:
      '— Позиция Киева ужесточилась, — отмечает председатель Союза политэмигрантов и политзаключенных Украины Лариса Шеслер.\n\n' +
      '— Условия неприемлемы для России.\n\n' +
      '«СП»: — То есть они согласны на потерю Крыма?\n\n' +
      '— Возврат к прежним границам они обозначали как условие.',
    want: [
      {
        content: '— Позиция Киева ужесточилась',
        source: 'председатель Союза политэмигрантов и политзаключенных Украины Лариса Шеслер',
        rule: 'inverted',
      },
      { content: '— Условия неприемлемы для России.', speaker: 'Лариса Шеслер', rule: 'interview-answer' },
      {
        content: '— Возврат к прежним границам они обозначали как условие.',
        speaker: 'Лариса Шеслер',
        rule: 'interview-answer',
      },
    ],
  },
  {
    name: 'dash speech after someone else’s attribution is no answer of the interviewee',
    body: '— Мост откроют, — сказал мэр Иван Петров.\n\nКапитан Юрий Белов заявил, что паром не выйдет.\n\n— Это провокация.',
    want: [
      { content: '— Мост откроют', speaker: 'Иван Петров' },
      { content: 'паром не выйдет', speaker: 'Юрий Белов' },
      { content: '— Это провокация.', speaker: undefined, rule: 'quote-unattributed' },
    ],
  },
  {
    name: 'author’s words glued to the dash (`, —считает`) and a quoted name inside the description',
    body: '— Цены вырастут, —считает политический обозреватель газеты «2000» Дмитрий Галкин.',
    want: [
      {
        content: '— Цены вырастут',
        cue: 'считает',
        source: 'политический обозреватель газеты «2000» Дмитрий Галкин',
        speaker: 'Дмитрий Галкин',
      },
    ],
  },
];

describe('quotes: Russian rules (session 8)', () => {
  it.each(cases)('$name', ({ head, body, want }) => {
    const text = (head ?? HEAD) + body;
    expectAttributions(text, run(text), want);
  });
});
