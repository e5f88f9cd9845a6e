import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { at, expectAttributions, runQuotes, type Want } from './run.fixture.js';

// Issue 18 (session 17, follow-up): faults a reader saw in the merged quotes branch. Each case
// fails with its fix taken out.

const pipe = await createPipeline({ layers: ['sources', 'entities'] });
const sourcesOnly = await createPipeline({ layers: ['sources'] });

const ru = (body: string) => `Новости порта\n\n${body}`;
const en = (body: string) => `Harbour\n\n${body}`;

describe('a Russian citing lead before the outlet and its verb is one relayed attribution', () => {
  it.each([
    {
      body: 'Со ссылкой на Лаврова агентство сообщило, что порт закроют весной.',
      source: 'Лаврова',
      speaker: 'Лавров',
      via: 'агентство',
      cue: 'сообщило',
    },
    {
      body: 'Со ссылкой на Марию Захарову ТАСС сообщает, что порт закроют весной.',
      source: 'Марию Захарову',
      speaker: 'Мария Захарова',
      via: 'ТАСС',
      cue: 'сообщает',
    },
    {
      body: 'Ссылаясь на источники в порту агентство Reuters сообщило, что порт закроют весной.',
      source: 'источники в порту',
      speaker: 'источники в порту',
      via: 'агентство Reuters',
      cue: 'сообщило',
    },
    // The review of session 17: a cited outlet (a media noun and its name) is one unit.
    {
      body: 'Со ссылкой на агентство Reuters газета пишет, что порт закроют весной.',
      source: 'агентство Reuters',
      speaker: 'Reuters',
      via: 'газета',
      cue: 'пишет',
    },
  ])('$body', ({ body, source, speaker, via, cue }) => {
    const text = ru(body);
    const got = runQuotes(text, 'ru').filter((q) => q.kind !== 'scare');
    expect(
      got.map((q) => ({
        content: at(text, q),
        cue: at(text, q.cue),
        source: at(text, q.source),
        speaker: q.speaker?.name,
        via: at(text, q.via?.source),
      })),
    ).toEqual([{ content: 'порт закроют весной', cue, source, speaker, via }]);
  });

  it('with a comma after the cited name, the outlet before `, что` relays it', () => {
    const text = ru('Со ссылкой на Лаврова, агентство сообщило, что порт закроют весной.');
    const got = runQuotes(text, 'ru').filter((q) => q.kind !== 'scare');
    expect(
      got.map((q) => [at(text, q), at(text, q.source), q.speaker?.name, at(text, q.via?.source)]),
    ).toEqual([['порт закроют весной', 'Лаврова', 'Лавров', 'агентство']]);
  });

  it('without an outlet the verb’s own subject speaks, once', () => {
    const text = ru('Ссылаясь на Лаврова министр заявил, что порт закроют весной.');
    const want: Want[] = [
      { content: 'порт закроют весной', cue: 'заявил', source: 'министр', speaker: 'министр' },
    ];
    expectAttributions(text, runQuotes(text, 'ru'), want);
  });
});

describe('a semicolon after a cue that follows its content closes the attribution', () => {
  it.each<{ name: string; text: string; want: Want[] }>([
    {
      name: '`…, officials in Kyiv said; the siege …`: the clause after the semicolon is no content',
      text: en('The town fell after weeks of shelling, officials in Kyiv said; the siege went on for days.'),
      want: [
        {
          content: 'The town fell after weeks of shelling',
          cue: 'said',
          source: 'officials in Kyiv',
          rule: 'content-source-cue',
        },
      ],
    },
    {
      name: 'a second attribution after the semicolon starts past it',
      text: en(
        'The talks stalled after a week, officials said; the ferry will resume on Monday, they added.',
      ),
      want: [
        { content: 'The talks stalled after a week', cue: 'said', source: 'officials' },
        { content: 'the ferry will resume on Monday', cue: 'added', source: 'they' },
      ],
    },
    {
      // The review of session 17: the short lead was dropped as an adverbial, leaving nothing.
      name: 'a short lead before a cue closed by a semicolon is its content (`Prices rose, Smith said;`)',
      text: en('Prices rose, Smith said; Jones disagreed.'),
      want: [{ content: 'Prices rose', cue: 'said', source: 'Smith' }],
    },
    {
      name: 'a later quotation does not swallow a cue closed by a semicolon',
      text: en('The talks failed, the minister said; “We will try again,” he added.'),
      want: [
        { content: 'The talks failed', cue: 'said', source: 'the minister' },
        { content: '“We will try again,”', cue: 'added', source: 'he' },
      ],
    },
  ])('$name', ({ text, want }) => {
    expectAttributions(
      text,
      runQuotes(text, 'en').filter((q) => q.kind !== 'scare'),
      want,
    );
  });
});

describe('Russian sources are shown in the nominative where the gazetteer or entities know it', () => {
  const text = ru(
    'По данным Всемирного Банка, рост составил четыре процента. В Еврокомиссии заявили, что бюджет будет принят. Представители Еврокомиссии добавили, что споров нет.',
  );

  it.each([
    ['with entities', pipe],
    ['without entities', sourcesOnly],
  ])('%s: the sources list names them in the nominative', (_, p) => {
    const doc = p.run({ id: 't', text, meta: { lang: 'ru' } });
    const names = doc.sources!.sources.map((s) => s.name);
    expect(names).toContain('Всемирный банк');
    expect(names).toContain('Еврокомиссия');
    expect(names).not.toContain('Еврокомиссии');
    expect(names).not.toContain('Всемирной Банк');
  });

  it('the quotes keep the source span as written; a guessed nominative yields to the gazetteer’s', () => {
    const doc = pipe.run({ id: 't', text, meta: { lang: 'ru' } });
    const q = doc.quotes!.filter((x) => x.kind !== 'scare');
    expect(q.map((x) => [at(text, x.source), x.speaker?.name])).toEqual([
      ['Всемирного Банка', 'Всемирный банк'],
      ['Еврокомиссии', 'Еврокомиссии'],
      ['Представители Еврокомиссии', 'Представители Еврокомиссии'],
    ]);
  });

  it('a name the gazetteer does not know keeps its form', () => {
    const t = ru('По данным Зареченского фонда, рост составил четыре процента.');
    const doc = sourcesOnly.run({ id: 't', text: t, meta: { lang: 'ru' } });
    expect(doc.sources!.sources.map((s) => s.name)).not.toContain('Зареченский фонд');
  });
});
