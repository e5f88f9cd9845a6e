import { describe, it } from 'vitest';
import { expectAttributions, runQuotes, type Want } from './run.fixture.js';

// Issue 18 (session 16): Russian speaker phrases a reader saw wrong. Each case fails with its fix
// taken out.
const run = (text: string) => runQuotes(text, 'ru').filter((q) => q.kind !== 'scare');

const HEAD = 'Новости порта\n\n';

const cases: { name: string; body: string; want: Want[] }[] = [
  {
    name: '`В своем Telegram-канале X отметил`: the channel is a place, X speaks',
    body: 'В своем Telegram-канале Лавров отметил, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'Лавров', type: 'person' }],
  },
  {
    name: '`В соцсетях X написал`: the platform is a place',
    body: 'В соцсетях Лавров написал, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'Лавров', type: 'person' }],
  },
  {
    name: '`В эфире X заявил`: the broadcast is a place',
    body: 'В эфире телеканала Лавров заявил, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'Лавров', type: 'person' }],
  },
  {
    name: '`по мнению зампреда Совбеза`: the role speaks, the council is no person',
    body: 'По мнению зампреда Совбеза, порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'зампред Совбеза', type: 'unknown' }],
  },
  {
    name: 'one deputy chairman named three ways: the channel, the genitive role and the surname refer back',
    body:
      'Зампред Совбеза РФ Дмитрий Лавров считает, что порт закроют. В своем Telegram-канале Лавров ' +
      'отметил, что суда уйдут. По мнению зампреда Совбеза, склады опустеют.',
    want: [
      { content: 'порт закроют', speaker: 'Дмитрий Лавров', type: 'person' },
      { content: 'суда уйдут', source: 'Лавров', speaker: 'Дмитрий Лавров' },
      { content: 'склады опустеют', source: 'зампреда Совбеза', speaker: 'Дмитрий Лавров' },
    ],
  },
  {
    name: '`Эксперты офиса X утверждают`: the experts speak, not X',
    body: 'Медийные эксперты офиса Лаврова утверждают, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'Медийные эксперты офиса Лаврова', type: 'anonymous' }],
  },
  {
    name: '`сообщает МО России`: the defence ministry is government',
    body: 'Около десяти человек ранены, сообщает МО России.',
    want: [{ content: 'Около десяти человек ранены', speaker: 'МО России', type: 'government' }],
  },
  {
    name: '`По словам представителя МО`: the spokesman speaks, named as listed, not the ministry',
    body: 'По словам представителя МО, порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'представитель МО', type: 'unknown' }],
  },
  {
    name: "`В эфире Первого канала X заявил`: the channel's name is part of the place",
    body: 'В эфире Первого канала Лавров заявил, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', source: 'Лавров', speaker: 'Лавров', type: 'person' }],
  },
  {
    name: '`В интервью Такеру Карлсону X заявил`: the interviewer is no part of the speaker',
    body: 'В интервью Такеру Карлсону Лавров заявил, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', source: 'Лавров', speaker: 'Лавров', type: 'person' }],
  },
  {
    name: '`Минобороны заявило, что`: the ministry speaks',
    body: 'Минобороны заявило, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'Минобороны', type: 'government' }],
  },
  {
    name: '`МО заявило, что`: the ministry speaks',
    body: 'МО заявило, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'МО', type: 'government' }],
  },
  {
    // Session 17: a name the lexicon does not know, with a neuter cue, is no person.
    name: '`Ранее Forbes заявило, что`: a neuter cue makes an unknown name an organisation',
    body: 'Ранее Forbes заявило, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'Forbes', type: 'organization' }],
  },
  {
    name: '`Ранее Forbes заявил, что`: a masculine cue leaves it a person',
    body: 'Ранее Форбс заявил, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'Форбс', type: 'person' }],
  },
  {
    name: '`Правительство заявило`: a neuter cue leaves a typed body its type',
    body: 'Правительство заявило, что порт закроют весной.',
    want: [{ content: 'порт закроют весной', speaker: 'Правительство', type: 'government' }],
  },
];

describe('Russian speaker phrases (issue 18, session 16)', () => {
  for (const c of cases)
    it(c.name, () => {
      const text = HEAD + c.body;
      expectAttributions(text, run(text), c.want);
    });
});
