import { describe, expect, it } from 'vitest';
import { creditOf, reuseDirection } from './direction.js';
import type { ReuseDocument } from './reuse-types.js';

const body = 'Cargo ships left the port on Tuesday after repairs, the port authority said.';
const doc = (id: string, text: string, meta: ReuseDocument['meta'] = {}): ReuseDocument => ({
  id,
  text,
  meta,
});
const copy = { kind: 'copy' as const, coverageA: 1, coverageB: 0.9 };

describe('reuseDirection', () => {
  it.each([
    [
      'credit in the dateline',
      doc('a', body, { outlet: 'Sputnik' }),
      doc('b', `MOSCOW (UrduPoint News / Sputnik - 22nd May, 2023) ${body}`, {
        outlet: 'UrduPoint News',
        dateline: { start: 0, end: 50, agencies: ['UrduPoint News', 'Sputnik'] },
      }),
      copy,
      'a→b',
      /b credits a's outlet: its dateline credits Sputnik/,
    ],
    [
      'credit in an attribution',
      doc('a', `${body} The mayor was not available, according to Reuters.`, { outlet: 'Daily Post' }),
      doc('b', body, { outlet: 'Reuters' }),
      copy,
      'b→a',
      /a credits b's outlet: it credits Reuters \("according to Reuters"\)/,
    ],
    [
      'credits both ways',
      doc('a', `${body} (Reuters)`, { outlet: 'AFP' }),
      doc('b', `${body} (AFP)`, { outlet: 'Reuters' }),
      copy,
      'unknown',
      /each credits the other/,
    ],
    [
      'publication times',
      doc('a', body, { published: '2023-05-22T10:00:00Z' }),
      doc('b', body, { published: '2023-05-22T08:30:00Z' }),
      copy,
      'b→a',
      /b was published first \(2023-05-22T08:30:00Z vs/,
    ],
    [
      'a dateline crediting an agency marks the republication',
      doc('a', body),
      doc('b', `KYIV (Danube Daily / Wirepress) ${body}`, {
        dateline: { start: 0, end: 30, agencies: ['Danube Daily', 'Wirepress'] },
      }),
      copy,
      'a→b',
      /b's dateline credits Wirepress: b is the republication/,
    ],
    [
      'a copy cut off mid-sentence',
      doc('a', `${body} Traders said prices would recover.`),
      doc('b', 'Cargo ships left the port on Tuesday after repairs, the port'),
      { kind: 'partial' as const, coverageA: 0.6, coverageB: 1 },
      'a→b',
      /b is a truncated copy of a/,
    ],
    [
      'no evidence',
      doc('a', body),
      doc('b', body),
      copy,
      'unknown',
      /no credit, publication times or textual evidence/,
    ],
  ])('%s', (_, a, b, evidence, direction, reason) => {
    const r = reuseDirection(a, b, evidence);
    expect(r.direction).toBe(direction);
    expect(r.reason).toMatch(reason);
  });
});

describe('creditOf', () => {
  it.each([
    ['Kiev is losing ground, military expert Pierre Henrot told Sputnik.', 'Sputnik', 'told Sputnik'],
    ['Об этом сообщает РИА Новости со ссылкой на источник.', 'РИА Новости', 'сообщает РИА Новости'],
    ['Об этом говорится в материале, как сообщает ТАСС.', 'ТАСС', 'как сообщает ТАСС'],
    ['The plan was approved on Monday.', 'Reuters', undefined],
  ])('%s', (text, outlet, found) => {
    const credit = creditOf({ id: 'x', text }, outlet);
    expect(credit).toEqual(found === undefined ? undefined : expect.stringContaining(found));
  });
});
