import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import type { NewsDocument } from '../../schema.js';
import { FRAMES, GENRES } from '../frames/labels.js';
import { TECHNIQUES } from './labels.js';

// A short opinion piece written for this test: a loaded, name-calling paragraph among plain ones.
const ARTICLE = [
  'Corrupt globalist elites are destroying our great nation',
  '',
  'The city council met on Tuesday to discuss the budget for next year.',
  '',
  'These lying traitors and their puppet media want to destroy everything we love! They are criminals, thugs and liars, and every patriot knows it.',
  '',
  'Will anyone stop this disgusting, shameful betrayal before it is too late?',
  '',
  'The meeting ended at 6 p.m., a spokesman said.',
].join('\n');

const RU_ARTICLE = [
  'Продажные элиты уничтожают нашу великую страну',
  '',
  'Городской совет собрался во вторник, чтобы обсудить бюджет.',
  '',
  'Эти лживые предатели и их марионеточные СМИ хотят уничтожить всё, что мы любим! Они преступники, бандиты и лжецы, и каждый патриот это знает.',
  '',
  'Совещание закончилось в шесть часов вечера, сообщил представитель.',
].join('\n');

const WAR =
  'Troops advance as missiles strike the border\n\nThe army said its troops and tanks pushed forward after missile strikes on military bases. Soldiers were killed in the attack, and NATO warned of further escalation of the war. The defence ministry deployed more weapons to the front.';
const ECON =
  'Inflation hits households as prices soar\n\nThe central bank raised interest rates again on Thursday as inflation reached 9 percent. Economists warned that unemployment, taxes and the budget deficit would rise, and markets fell sharply. Wages lag behind prices, and the cost of food and energy has doubled, the finance ministry said.';

// A wire report written for this test, in the register of the project's sample articles.
const NEAR = [
  'Allies should accept the loss of the river town, analyst says',
  '',
  'GENEVA, May 3 - The government and its allies should accept the loss of the river town and prepare for the coming offensive, a Swiss defence analyst told reporters on Wednesday.',
  '',
  '"The loss is hard to accept for the supporters of the government, but they had been warned for weeks," the analyst said.',
  '',
  'He added that the president is now in a difficult position, as he is in dire need of more shells and keeps begging his partners for more.',
  '',
  'The army does not seem ready for the offensive, he said, and the country also has huge money problems, while the enemy will have the money to continue this war.',
].join('\n');

// The fixtures are shorter than genre's and frames' minimum length: decided anyway.
const pipeline = await createPipeline({
  layers: ['techniques', 'frames', 'genre'],
  options: { frames: { minWords: 0 }, genre: { minWords: 0 } },
});

describe('techniques, frames and genre analyzers', () => {
  // Analysed in each test (a few milliseconds), not once for all: a mutation run counts a
  // mutant covered only by the tests that ran its code themselves, not in the describe body
  // (run before the mutant is switched on) nor in a hook (docs/testing.md).
  const analysed = (): NewsDocument => pipeline.run({ id: 't1', text: ARTICLE, meta: { lang: 'en' } });

  it('finds techniques in the loaded paragraph and none in the plain one', () => {
    const doc = analysed();
    const t = doc.techniques!;
    const byPara = new Map(t.paragraphs.map((p) => [p.paragraph, p.techniques.map((x) => x.technique)]));
    expect(byPara.get(2)?.length ?? 0).toBeGreaterThan(0);
    expect(byPara.get(2)).toEqual(expect.arrayContaining(['Loaded_Language']));
    expect(byPara.has(1)).toBe(false);
  });

  it('places every span on a sentence of its paragraph, with a known technique and reasons', () => {
    const doc = analysed();
    const t = doc.techniques!;
    expect(t.spans.length).toBeGreaterThan(0);
    for (const s of t.spans) {
      const para = doc.paragraphs![s.paragraph]!;
      expect(s.start).toBeGreaterThanOrEqual(para.start);
      expect(s.end).toBeLessThanOrEqual(para.end);
      expect(doc.text.slice(s.start, s.end).length).toBe(s.end - s.start);
      expect(TECHNIQUES).toContain(s.technique);
      expect(s.score).toBeGreaterThan(0);
      expect(s.why.length).toBeGreaterThan(0);
    }
    const loaded = t.spans.find((s) => s.paragraph === 2 && s.technique === 'Loaded_Language')!;
    expect(doc.text.slice(loaded.start, loaded.end)).toMatch(/traitors|criminals/);
  });

  // Spans are sentences, not whole paragraphs: the labelled text is exactly the loaded sentence.
  it('labels the loaded sentences themselves, not their paragraphs', () => {
    const doc = analysed();
    const labelled = doc.techniques!.spans.map((s) => [
      s.technique,
      s.paragraph,
      doc.text.slice(s.start, s.end),
    ]);
    expect(labelled).toEqual(
      expect.arrayContaining([
        [
          'Loaded_Language',
          2,
          'These lying traitors and their puppet media want to destroy everything we love!',
        ],
      ]),
    );
    // The plain paragraphs (council meeting, closing time) carry no span.
    expect(doc.techniques!.spans.filter((s) => s.paragraph === 1 || s.paragraph === 4)).toEqual([]);
  });

  it('labels name-calling in a Russian paragraph on its sentence', () => {
    const ru = pipeline.run({ id: 'ru', text: RU_ARTICLE, meta: { lang: 'ru' } });
    // The Russian model decides paragraphs (`meta.lineStage`): each finding sits on the
    // paragraph's sentence that scores highest for it — here either sentence of the third.
    const sentences = [
      'Эти лживые предатели и их марионеточные СМИ хотят уничтожить всё, что мы любим!',
      'Они преступники, бандиты и лжецы, и каждый патриот это знает.',
    ];
    for (const technique of ['Name_Calling-Labeling', 'Loaded_Language'])
      expect(
        ru.techniques!.spans.some(
          (s) => s.technique === technique && sentences.includes(ru.text.slice(s.start, s.end)),
        ),
      ).toBe(true);
    // Russian thresholds are low (two thirds of the data's lines carry a technique); the
    // calibrated scores tell the plain sentences from the loaded ones.
    const named = ru.techniques!.spans.filter((s) => s.technique === 'Name_Calling-Labeling');
    expect(named.every((s) => s.paragraph === 2)).toBe(true);
    // The stage decided them, and their `why` says so first, then names the sentence's words.
    for (const s of named) {
      expect(s.why[0]).toMatch(/^paragraph stage 0\.\d\d ≥ 0\.\d\d: best sentence /);
      expect(s.why.length).toBeGreaterThan(1);
    }
    const loadedScore = Math.min(
      ...ru
        .techniques!.spans.filter((s) => s.paragraph === 2 && s.technique === 'Loaded_Language')
        .map((s) => s.score),
    );
    for (const s of ru.techniques!.spans.filter((x) => x.paragraph !== 2))
      expect(s.score).toBeLessThan(loadedScore / 2);
    const para = ru.techniques!.paragraphs.find((p) => p.paragraph === 2)!;
    expect(para.techniques.map((x) => x.technique)).toEqual(
      expect.arrayContaining(['Loaded_Language', 'Name_Calling-Labeling']),
    );
  });

  it('scores all 14 frames, highest first', () => {
    const doc = analysed();
    const f = doc.frames!;
    expect(f.map((x) => x.frame).sort()).toEqual([...FRAMES].sort());
    for (let i = 1; i < f.length; i++) expect(f[i]!.score).toBeLessThanOrEqual(f[i - 1]!.score);
  });

  it('sets the political frame on the loaded piece, ranked first', () => {
    const doc = analysed();
    const f = doc.frames!;
    expect(f[0]).toMatchObject({ frame: 'Political', selected: true });
    expect(f[0]!.score).toBeGreaterThan(0.5);
    expect(f[0]!.why!.length).toBeGreaterThan(0);
    expect(f.find((x) => x.frame === 'Economic')!.selected).toBe(false);
  });

  it('sets security and defence on a war report, and economic on an inflation report', () => {
    const war = pipeline.run({ id: 'war', text: WAR, meta: { lang: 'en' } }).frames!;
    const econ = pipeline.run({ id: 'econ', text: ECON, meta: { lang: 'en' } }).frames!;
    expect(war[0]).toMatchObject({ frame: 'Security_and_defense', selected: true });
    // Calibrated: the share of such frames that are right.
    expect(war[0]!.score).toBeGreaterThan(0.75);
    const score = (fs: typeof war, name: string) => fs.find((x) => x.frame === name)!;
    expect(score(war, 'Economic').selected).toBe(false);
    expect(score(econ, 'Economic').selected).toBe(true);
    expect(score(econ, 'Economic').score).toBeGreaterThan(3 * score(war, 'Economic').score);
    // Only selected frames explain themselves.
    for (const x of [...war, ...econ]) expect(x.why !== undefined).toBe(x.selected);
  });

  // Only the chosen genre's score is calibrated (genre@11), so it is the only one shown.
  it('decides a genre with the calibrated score of the chosen genre only', () => {
    const doc = analysed();
    const { genre, scores } = doc.genre!;
    expect(GENRES).toContain(genre);
    const chosen = genre!;
    expect(Object.keys(scores)).toEqual([chosen]);
    expect(scores[chosen]).toBeGreaterThan(0);
    expect(scores[chosen]).toBeLessThan(1);
  });

  // Decisions are taken per sentence, so the paragraphing of the text does not change them.
  it('finds the same techniques on the same sentences however the text is cut into lines', async () => {
    const techniquesOnly = await createPipeline({ layers: ['techniques'] });
    const findings = (text: string) => {
      const d = techniquesOnly.run({ id: 'layout', text, meta: { lang: 'en' } });
      return d
        .techniques!.spans.map((s) => `${s.technique} ${s.score} ${d.text.slice(s.start, s.end)}`)
        .sort();
    };
    const [title, ...body] = ARTICLE.split('\n\n');
    const sentences = body.flatMap((p) => p.split(/(?<=[.!?]) (?=[A-Z])/));
    const original = findings(ARTICLE);
    expect(original.length).toBeGreaterThan(0);
    expect(findings([title, ...sentences].join('\n\n'))).toEqual(original);
    expect(findings([title, body.join(' ')].join('\n\n'))).toEqual(original);
  });

  it('keeps the techniques it nearly found, below their thresholds, apart from the findings', () => {
    const doc = analysed();
    // A plain wire report with mildly loaded words ("begging", "dire need"): no finding.
    const plain = pipeline.run({ id: 'near', text: NEAR, meta: { lang: 'en' } }).techniques!;
    expect(plain.spans).toEqual([]);
    expect(plain.nearest!.map((n) => n.technique)).toEqual(['Loaded_Language']);
    const [n] = plain.nearest!;
    expect(NEAR.slice(n!.start, n!.end)).toMatch(/^The army does not seem ready for the offensive, he said/);
    expect(n!.score).toBeLessThan(n!.cut);
    expect(n!.score).toBeGreaterThan(0);
    expect(n!.why.length).toBeGreaterThan(0);
    // Where the technique was found, it is a finding, not a near miss.
    const loaded = doc.techniques!;
    const found = new Set(loaded.spans.map((s) => s.technique));
    expect(found.has('Loaded_Language')).toBe(true);
    expect(loaded.nearest!.length).toBeLessThanOrEqual(3);
    for (const x of loaded.nearest!) {
      expect(found.has(x.technique)).toBe(false);
      expect(x.score).toBeLessThan(x.cut);
      const para = doc.paragraphs![x.paragraph]!;
      expect(x.start).toBeGreaterThanOrEqual(para.start);
      expect(x.end).toBeLessThanOrEqual(para.end);
    }
    expect(new Set(loaded.nearest!.map((x) => x.technique)).size).toBe(loaded.nearest!.length);
  });

  it('reports an unsupported language instead of guessing', () => {
    const sv = pipeline.run({
      id: 't2',
      text: 'Rubrik\n\nDet här är en kort text på svenska.',
      meta: { lang: 'sv' },
    });
    expect(sv.techniques).toEqual({ spans: [], paragraphs: [] });
    expect(sv.frames).toEqual([]);
    expect(sv.genre!.genre).toBeNull();
    expect(sv.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['I_TECHNIQUES_LANGUAGE', 'I_FRAMES_LANGUAGE', 'I_GENRE_LANGUAGE']),
    );
  });
});

describe('a techniques model with a second stage (meta.context)', () => {
  it('decides on the rescored probabilities', async () => {
    // The shipped English model with a second stage that pushes every probability to ~0: the
    // analyzer must find nothing where the plain model finds techniques.
    const file = new URL('../../../../../models/techniques/model.en.json', import.meta.url);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'newsprism-context-'));
    try {
      json.meta.context = TECHNIQUES.map(() => [1, 0, 0, -30]);
      const model = join(dir, 'model.json');
      writeFileSync(model, JSON.stringify(json));
      const silenced = await createPipeline({ layers: ['techniques'], options: { techniques: { model } } });
      const quiet = silenced.run({ id: 'c1', text: ARTICLE, meta: { lang: 'en' } });
      expect(
        pipeline.run({ id: 'c0', text: ARTICLE, meta: { lang: 'en' } }).techniques!.spans.length,
      ).toBeGreaterThan(0);
      expect(quiet.techniques!.spans).toEqual([]);
      expect(quiet.techniques!.paragraphs).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a techniques model file with a malformed line stage or article gate', () => {
  const file = new URL('../../../../../models/techniques/model.ru.json', import.meta.url);
  const withMeta = async (edit: (meta: Record<string, unknown>) => void) => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    edit(json.meta);
    const dir = mkdtempSync(join(tmpdir(), 'newsprism-stage-'));
    try {
      const model = join(dir, 'model.json');
      writeFileSync(model, JSON.stringify(json));
      return await createPipeline({ layers: ['techniques'], options: { techniques: { model } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const invalid = (pattern: RegExp) =>
    expect.objectContaining({ code: 'E_MODEL_INVALID', message: expect.stringMatching(pattern) });

  it('stops the set-up with E_MODEL_INVALID instead of failing every document', async () => {
    await expect(
      withMeta((m) => {
        delete (m.lineStage as Record<string, Record<string, unknown>>).ru!.weights;
      }),
    ).rejects.toEqual(invalid(/meta\.lineStage\.ru/));
    await expect(
      withMeta((m) => {
        (m.lineStage as Record<string, { thresholds: unknown[] }>).ru!.thresholds.pop();
      }),
    ).rejects.toEqual(invalid(/meta\.lineStage\.ru/));
    // What JSON makes of a threshold of Infinity or NaN: null (`p >= null` would hold for any p).
    await expect(
      withMeta((m) => {
        (m.lineStage as Record<string, { thresholds: unknown[] }>).ru!.thresholds[3] = null;
      }),
    ).rejects.toEqual(invalid(/meta\.lineStage\.ru/));
    await expect(
      withMeta((m) => {
        (m.lineStage as Record<string, { weights: unknown[][] }>).ru!.weights[2] = [1, 2, 3];
      }),
    ).rejects.toEqual(invalid(/meta\.lineStage\.ru/));
    await expect(
      withMeta((m) => {
        m.articleGate = { ru: { article: TECHNIQUES.map(() => 0) } };
      }),
    ).rejects.toEqual(invalid(/meta\.articleGate\.ru/));
    for (const suffix of [{ length: 0, weight: 0.5 }, { length: '3', weight: 0.5 }, { length: 3 }, 3])
      await expect(
        withMeta((m) => {
          m.suffix = suffix;
        }),
      ).rejects.toEqual(invalid(/meta\.suffix must be \{length: a whole number ≥ 1, weight: a number\}/));
  });

  it('refuses a model whose labels are not techniques (a frames model, say)', async () => {
    const frames = new URL('../../../../../models/frames/model.json', import.meta.url);
    await expect(
      createPipeline({ layers: ['techniques'], options: { techniques: { model: frames.pathname } } }),
    ).rejects.toEqual(invalid(/not a techniques model \(labels not among the 23 techniques: /));
  });

  it('accepts the shipped files and a well-formed gate', async () => {
    const p = await withMeta((m) => {
      m.articleGate = { bg: { article: TECHNIQUES.map(() => 0.1), sentence: TECHNIQUES.map(() => 0.5) } };
      m.suffix = { length: 3, weight: 0 };
    });
    const doc = p.run({ id: 'ru', text: RU_ARTICLE, meta: { lang: 'ru' } });
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.techniques!.spans.length).toBeGreaterThan(0);
  });
});
