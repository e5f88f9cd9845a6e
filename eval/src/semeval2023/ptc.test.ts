import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SemevalArticle } from './dataset.js';
import { loadPtc, PTC_LABELS, type PtcArticle, ptcTwins, selectPtc, twinAgreement } from './ptc.js';

const BODY_A =
  'The mayor called the plan a total disaster for the town. ' +
  'Critics say the budget was cut in secret by a small group of officials. ' +
  'Nobody on the council has answered their questions so far this week.';
const BODY_B =
  'Farmers near the river lost most of the harvest to the floods this year. ' +
  'The ministry promised help but the money has not arrived in the valley yet. ' +
  'Some families have already left their land for work in the cities. ' +
  'Officials in the capital said a new fund for the region would open next month.';
const BODY_C =
  'The school will reopen on Monday after the heating was repaired over the long weekend by two local firms.';

describe('loadPtc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'np-ptc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const part of ['train', 'dev']) {
    mkdirSync(join(dir, `${part}-articles`));
    mkdirSync(join(dir, `${part}-labels-task-flc-tc`));
  }
  // One sentence a line, as PTC lays its articles out; an astral character before the spans
  // (offsets count code points).
  const text = 'Plan 🙂 row\n\nA total disaster, said the mayor.\nWhat about their own budget?\n';
  writeFileSync(join(dir, 'train-articles', 'article11.txt'), text);
  const cp = (s: string) => [...text.slice(0, text.indexOf(s))].length;
  writeFileSync(
    join(dir, 'train-labels-task-flc-tc', 'article11.task-flc-tc.labels'),
    [
      `11\tLoaded_Language\t${cp('total')}\t${cp('total') + 'total disaster'.length}`,
      `11\tBlack-and-White_Fallacy\t${cp('A total')}\t${cp('A total') + 1}`,
      `11\tWhataboutism,Straw_Men,Red_Herring\t${cp('What')}\t${cp('What') + 'What about'.length}`,
    ].join('\n'),
  );
  writeFileSync(join(dir, 'dev-articles', 'article12.txt'), 'Quiet day\n\nNothing happened.\n');

  it('maps the techniques to SemEval-2023 names, masks the merged classes, labels lines from spans', () => {
    const [a, b] = loadPtc(dir);
    expect(a).toMatchObject({ id: '11', dir: 'ptc', lang: 'en', part: 'train' });
    expect(a!.spans!.map((s) => [s.technique, text.slice(s.start, s.end)])).toEqual([
      ['Loaded_Language', 'total disaster'],
      ['False_Dilemma-No_Choice', 'A'],
    ]);
    expect(a!.masked.map((s) => [s.technique, text.slice(s.start, s.end)])).toEqual([
      ['Whataboutism,Straw_Men,Red_Herring', 'What about'],
    ]);
    expect([...a!.lines!]).toEqual([
      [1, []],
      [3, ['False_Dilemma-No_Choice', 'Loaded_Language']],
      [4, []],
    ]);
    expect(b).toMatchObject({ id: '12', part: 'dev', spans: [], masked: [] });
  });

  it('refuses a technique outside the mapping', () => {
    writeFileSync(join(dir, 'dev-labels-task-flc-tc', 'article12.task-flc-tc.labels'), '12\tSmears\t0\t5\n');
    expect(() => loadPtc(dir)).toThrow(/unknown PTC technique Smears/);
    rmSync(join(dir, 'dev-labels-task-flc-tc', 'article12.task-flc-tc.labels'));
  });

  it('maps every PTC technique, the merged ones to none', () => {
    expect(Object.keys(PTC_LABELS)).toHaveLength(14);
    expect(
      Object.entries(PTC_LABELS)
        .filter(([, v]) => v === null)
        .map(([k]) => k),
    ).toEqual(['Whataboutism,Straw_Men,Red_Herring', 'Bandwagon,Reductio_ad_hitlerum']);
  });
});

describe('ptcTwins', () => {
  const en = (id: string, text: string) => ({ dir: 'en', id, text });
  const ptc = (id: string, text: string) => ({ dir: 'ptc', id, text });
  const semeval = [
    en('1', `Plan row\n\n${BODY_A}\n`),
    en('2', `Floods\n\n${BODY_B}\n`),
    en('3', `Same page\n\n${BODY_C}\n`),
    en('4', `Same page\n\n${BODY_C}\n`),
  ];

  it('finds twins by text across layouts, by opening, by shared 5-grams, and not otherwise', () => {
    const twins = ptcTwins(
      [
        // One sentence a line: the same text once whitespace is collapsed.
        ptc('a', `Plan row\n\n${BODY_A.replace(/\. /g, '.\n')}\n`),
        // The same title and opening, a sentence added at the end.
        ptc('b', `Floods\n\n${BODY_B} And then nothing else was written here.\n`),
        // A word of the title dropped and one word of the body changed: 5-grams.
        ptc('c', `Floods row\n\n${BODY_B.replace('harvest', 'crop')}\n`),
        // Another article.
        ptc('d', 'Elsewhere\n\nA different story about a football match in the north.\n'),
        // Its text is two SemEval articles': ambiguous.
        ptc('e', `Same page\n${BODY_C}`),
        // Equally close to two SemEval articles by 5-grams: ambiguous.
        ptc('f', `Page\n\n${BODY_C} Pupils were glad.\n`),
      ],
      semeval,
    );
    expect(Object.fromEntries(twins)).toEqual({
      'ptc/a': { twin: 'en/1', by: 'text' },
      'ptc/b': { twin: 'en/2', by: 'opening' },
      'ptc/c': { twin: 'en/2', by: 'shingles' },
      'ptc/e': { twin: '', by: 'ambiguous' },
      'ptc/f': { twin: '', by: 'ambiguous' },
    });
  });

  it('needs the 5-gram similarity it is given', () => {
    const edited = ptc('c', `Floods row\n\n${BODY_B.replace('harvest', 'crop')}\n`);
    expect(ptcTwins([edited], semeval, 0.99).size).toBe(0);
  });
});

describe('selectPtc', () => {
  const a = (id: string) =>
    ({ id, dir: 'ptc', lang: 'en', text: '', spans: [], masked: [], part: 'train' }) as PtcArticle;
  it('keeps articles whose twin is trained on and those without one, dropping the others', () => {
    const twins = new Map([
      ['ptc/1', { twin: 'en/1', by: 'text' as const }],
      ['ptc/2', { twin: 'en/2', by: 'opening' as const }],
      ['ptc/4', { twin: '', by: 'ambiguous' as const }],
    ]);
    const chosen = selectPtc([a('1'), a('2'), a('3'), a('4')], twins, new Set(['en/1', 'en/9']));
    expect(chosen.articles.map((x) => x.id)).toEqual(['1', '3']);
    expect([...chosen.twins]).toEqual([['ptc/1', 'en/1']]);
    expect(chosen.count).toEqual({ text: 1, opening: 1, shingles: 0, ambiguous: 1, none: 1, dropped: 2 });
  });
});

describe('twinAgreement', () => {
  it('carries PTC offsets over to the twin across layouts and counts same-technique overlaps', () => {
    const twinText = 'Row\n\nA total disaster. What about them? Calm words.\n';
    const ptcText = 'Row\n\nA total disaster.\nWhat about them?\nCalm words.\n';
    const span = (text: string, technique: string, words: string) => ({
      technique,
      start: text.indexOf(words),
      end: text.indexOf(words) + words.length,
    });
    const ptc = {
      id: '1',
      dir: 'ptc',
      lang: 'en',
      text: ptcText,
      part: 'train',
      spans: [span(ptcText, 'Loaded_Language', 'total disaster'), span(ptcText, 'Doubt', 'Calm words')],
      masked: [span(ptcText, 'Whataboutism,Straw_Men,Red_Herring', 'What about them')],
    } as PtcArticle;
    const twin = {
      id: '1',
      dir: 'en',
      lang: 'en',
      text: twinText,
      spans: [
        span(twinText, 'Loaded_Language', 'disaster'),
        span(twinText, 'Appeal_to_Hypocrisy', 'What about'),
        span(twinText, 'Slogans', 'Calm words'),
      ],
    } as SemevalArticle;
    const agree = twinAgreement([ptc], [twin], new Map([['ptc/1', 'en/1']]));
    expect(Object.fromEntries(agree)).toEqual({
      Loaded_Language: { ptc: 1, ptcMatched: 1, twin: 1, twinMatched: 1 },
      Doubt: { ptc: 1, ptcMatched: 0, twin: 0, twinMatched: 0 },
      'Whataboutism|Straw_Man|Red_Herring|Appeal_to_Hypocrisy': {
        ptc: 1,
        ptcMatched: 1,
        twin: 0,
        twinMatched: 0,
      },
      Appeal_to_Hypocrisy: { ptc: 0, ptcMatched: 0, twin: 1, twinMatched: 1 },
      Slogans: { ptc: 0, ptcMatched: 0, twin: 1, twinMatched: 0 },
    });
  });
});
