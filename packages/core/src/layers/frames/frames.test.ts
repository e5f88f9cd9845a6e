import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { countWords } from '../../text/words.js';
import { documentFeatures } from './document-features.js';
import { FRAMES_MIN_WORDS } from './frames.js';

/** The named features of a vector with their values (4 decimals), in order. */
const named = (v: { names?: string[]; val: number[] }) =>
  v.names!.map((n, i) => [n, Math.round(v.val[i]! * 1e4) / 1e4] as const);
/** Dense and style features only (no n-grams), names kept. */
const dense = (text: string, title?: { start: number; end: number }, paragraphs = 2, style = 0.3) =>
  named(documentFeatures(text, 'en', 18, title, paragraphs, { ngram: 0, style }, true));
const titleOf = (text: string) => ({ start: 0, end: text.indexOf('\n') });

// The 26 rates of the English technique cue categories after the five rates of the marks.
const CUES = [
  'loaded',
  'intensifier',
  'fear',
  'doubt',
  'hedge',
  'namecall',
  'flag',
  'authority',
  'causal',
  'dilemma',
  'popularity',
  'values',
  'hypocrisy',
  'time',
  'killer',
  'whatabout',
  'we',
  'you',
  'i',
  'weekday',
  'said',
];

describe('documentFeatures', () => {
  it('gives the context, the style rates per 100 words by bucket, the dateline and the title marks', () => {
    const text =
      'Is this the end? Talks: "final" round\n\nANKARA, May 3 — The minister said "we will meet" on 12 May. Why? Because 3 of 4 agreed! We said so, you know.';
    const rates: Record<string, string> = {
      intensifier: '2',
      doubt: '2',
      hedge: '4',
      authority: '8',
      causal: '2',
      we: '4',
      you: '2',
      said: '4',
    };
    expect(dense(text, titleOf(text))).toEqual(
      [
        'lang:en',
        'bias',
        'apars:2-3',
        'aexcl:1',
        'aquest:2-3',
        'aquote:4-7',
        'acaps:1',
        'adigits',
        'alen:16-31',
        'acue:hedge',
        'acue:hedge:4-7',
        'acue:authority',
        'acue:authority:8-15',
        'acue:said',
        'acue:said:4-7',
        'acue:we',
        'acue:we:4-7',
        'acue:doubt',
        'acue:doubt:2-3',
        'acue:causal',
        'acue:causal:2-3',
        'acue:intensifier',
        'acue:intensifier:2-3',
        'acue:you',
        'acue:you:2-3',
        'r:quote:8',
        'r:digit:8',
        'r:quest:4',
        'r:excl:2',
        'r:para:4',
        ...CUES.map((c) => `r:${c}:${rates[c] ?? '0'}`),
        'dateline',
        'title:quest',
        'title:colon',
        'title:quote',
      ].map((n) => [n, 0.3]),
    );
  });

  it('puts a rate under one per 200 words in the 0.5 bucket, and none in 0', () => {
    const text = `Plain Report\n\n${'The council met and the members talked about roads and schools for the town. '.repeat(20)}He said "yes" in 2024.`;
    const got = new Map(dense(text, titleOf(text)));
    expect(
      ['r:quote:0.5', 'r:digit:0.5', 'r:quest:0', 'r:excl:0', 'r:para:0.5', 'r:said:0.5'].map((n) =>
        got.get(n),
      ),
    ).toEqual([0.3, 0.3, 0.3, 0.3, 0.3, 0.3]);
    expect([...got.keys()].filter((n) => n.startsWith('title:') || n === 'dateline')).toEqual([]);
  });

  it('weighs the style rates by their weight, the dense context by 0.3', () => {
    const text = 'Port reopens\n\nThe port reopened.';
    const got = dense(text, titleOf(text), 2, 0.5);
    expect(got.slice(0, 4)).toEqual([
      ['lang:en', 0.3],
      ['bias', 0.3],
      ['apars:2-3', 0.3],
      ['alen:4-7', 0.3],
    ]);
    expect(got.slice(4)).toEqual(
      ['r:quote:0', 'r:digit:0', 'r:quest:0', 'r:excl:0', 'r:para:16', ...CUES.map((c) => `r:${c}:0`)].map(
        (n) => [n, 0.5],
      ),
    );
  });

  it.each([
    ['ANKARA, May 3 — The port reopened.', true],
    ['ANKARA — The port reopened.', true],
    ['ANKARA—The port reopened.', true],
    ['ANKARA - The port reopened.', true],
    ['ANKARA -- The port reopened.', true],
    ['NEW YORK, Tuesday – The port reopened.', true],
    ['(Reuters) The port reopened.', true],
    ['(AFP) The port reopened.', true],
    ['AN—The port reopened.', false],
    ['Ankara, May 3 — The port reopened.', false],
    ['ANKARA, on the third day of the talks in May of this year — the port reopened.', false],
    ['The mayor of ANKARA — who spoke first — said the port reopened.', false],
    ['(Xinhua) The port reopened.', false],
  ])('finds a dateline at the start of the body: %s → %s', (body, want) => {
    // The title has none of the marks, so only a dateline in the body can match.
    const text = `a quiet day at the port\n\n${body}`;
    const names = (t?: { start: number; end: number }) => dense(text, t).map(([n]) => n);
    expect(names(titleOf(text)).includes('dateline')).toBe(want);
    // Without a title the body is read from the start: the lower-case title is no dateline.
    expect(names().includes('dateline')).toBe(false);
    expect(dense(body).some(([n]) => n === 'dateline')).toBe(want);
  });

  it.each([
    ['Will the port reopen?', ['title:quest']],
    ['Port talks: a deal', ['title:colon']],
    ['Port talks | Ankara', ['title:colon']],
    ['"A deal", the mayor says', ['title:quote']],
    ['«Сделка» в порту', ['title:quote']],
    ['Will the “deal” hold: a view', ['title:colon', 'title:quote']],
    ['Port talks resume', []],
  ])('marks the title %s with %j', (title, want) => {
    const text = `${title}\n\nthe port reopened on Monday.`;
    expect(
      dense(text, titleOf(text))
        .map(([n]) => n)
        .filter((n) => n.startsWith('title:')),
    ).toEqual(want);
    // No title span: no title marks, whatever the first line holds.
    expect(dense(text).filter(([n]) => n.startsWith('title:'))).toEqual([]);
  });

  it('adds the body and title n-grams as groups of length `ngram` and `ngram / 2`', () => {
    const text = 'Port reopens\n\n(Reuters) The port reopened.';
    const v = named(documentFeatures(text, 'en', 18, titleOf(text), 2, { ngram: 2, style: 0.5 }, true));
    const body = v.filter(([n]) => /^en[:~]/.test(n));
    const title = v.filter(([n]) => n.startsWith('ent:'));
    expect(title.map(([n]) => n)).toEqual(['ent:port', 'ent:reopens', 'ent:port_reopens']);
    expect(body.map(([n]) => n)).toEqual([
      'en:port',
      'en:reopens',
      'en:port_reopens',
      'en~reope',
      'en:reuters',
      'en:reopens_reuters',
      'en~reute',
      'en:the',
      'en:reuters_the',
      'en:port',
      'en:the_port',
      'en:reopened',
      'en:port_reopened',
      'en~reope',
    ]);
    const norm = (xs: (readonly [string, number])[]) => Math.sqrt(xs.reduce((s, [, x]) => s + x * x, 0));
    expect(norm(body)).toBeCloseTo(2, 3);
    expect(norm(title)).toBeCloseTo(1, 3);
    // Then the dense features, the style rates and the dateline, nothing else.
    expect(v.length).toBe(body.length + title.length + 4 + 5 + CUES.length + 1);
    expect(v.at(-1)).toEqual(['dateline', 0.5]);
  });

  it('leaves the n-grams out with weight 0 and keeps no names unless asked', () => {
    const text = 'Port reopens\n\nThe port reopened.';
    const v = documentFeatures(text, 'en', 18, titleOf(text), 2, { ngram: 0, style: 0.3 }, true);
    expect(v.names!.filter((n) => /^en/.test(n))).toEqual([]);
    expect(v.val.every((x) => x !== 0)).toBe(true);
    expect(v.idx.length).toBe(4 + 5 + CUES.length);
    const plain = documentFeatures(text, 'en', 18, titleOf(text));
    expect(plain.names).toBeUndefined();
    expect(plain.nameAt!(0)).toBe('en:port');
  });
});

const WAR =
  'Troops advance as missiles strike the border\n\nThe army said its troops and tanks pushed forward after missile strikes on military bases. Soldiers were killed in the attack, and NATO warned of further escalation of the war. The defence ministry deployed more weapons to the front.';
const RU_WAR =
  'Войска наступают, ракеты бьют по границе\n\nАрмия заявила, что её войска и танки продвинулись после ракетных ударов по военным базам. В результате атаки погибли солдаты, НАТО предупредило о дальнейшей эскалации войны.';

// A port report written for this test, in English and, shorter, in French.
const PORT = [
  'Dockers strike shuts the port of Velmora for a second day',
  '',
  'VELMORA - Dockers at the port of Velmora stayed off work for a second day on Tuesday, leaving container ships waiting at anchor and lorries queuing for kilometres on the coast road, the port authority said.',
  '',
  'The union is demanding a pay rise of eight percent after inflation reached its highest level in a decade. Employers have offered four percent and say the port cannot afford more while trade is falling.',
  '',
  '"Our members cannot pay their rent on these wages," said Mira Osk, the union leader, at a rally outside the main gate. The transport minister urged both sides to return to talks and warned that the strike was costing the economy millions every day.',
  '',
  'Supermarkets said fresh fruit could run short by the weekend if the ships were not unloaded. Talks are due to resume on Thursday in the capital.',
].join('\n');
const PORT_FR = [
  'La grève des dockers paralyse le port de Velmora pour le deuxième jour',
  '',
  'VELMORA - Les dockers du port de Velmora ne sont pas retournés au travail mardi, laissant des porte-conteneurs au mouillage et des camions en file sur la route côtière, a indiqué l’autorité portuaire.',
  '',
  'Le syndicat réclame une hausse des salaires de huit pour cent, alors que l’inflation atteint son plus haut niveau depuis dix ans. Les employeurs proposent quatre pour cent et affirment que le port ne peut pas payer davantage.',
  '',
  '« Nos adhérents ne peuvent plus payer leur loyer », a déclaré Mira Osk, la dirigeante du syndicat, devant l’entrée principale. Le ministre des transports a appelé les deux camps à reprendre les négociations.',
].join('\n');

describe('frames analyzer', async () => {
  // The war reports are shorter than the default minimum: these pipelines score every text.
  const pipeline = await createPipeline({ layers: ['frames'], options: { frames: { minWords: 0 } } });
  const two = await createPipeline({ layers: ['frames'], options: { frames: { why: 2, minWords: 0 } } });
  const shipped = await createPipeline({ layers: ['frames'] });

  it('is empty on a text shorter than its language’s minWords, with a diagnostic', () => {
    const doc = shipped.run({ id: 'war', text: WAR, meta: { lang: 'en' } });
    expect(doc.frames).toEqual([]);
    const d = doc.diagnostics.find((x) => x.code === 'I_FRAMES_TOO_SHORT');
    expect(d?.severity).toBe('info');
    expect(d?.message).toMatch(
      new RegExp(
        `the text has ${countWords(WAR)} words, fewer than the ${FRAMES_MIN_WORDS.en} the frames model needs in "en"`,
      ),
    );
    expect(pipeline.run({ id: 'war', text: WAR, meta: { lang: 'en' } }).diagnostics).toEqual([]);
  });

  it('has a minimum per language: a short English report gets frames, a French one not', async () => {
    // Long enough for English frames, not for French ones.
    expect(countWords(PORT)).toBeGreaterThanOrEqual(FRAMES_MIN_WORDS.en!);
    expect(countWords(PORT_FR)).toBeLessThan(FRAMES_MIN_WORDS.fr!);
    const en = shipped.run({ id: 'port', text: PORT, meta: { lang: 'en' } });
    expect(en.frames).toHaveLength(14);
    expect(en.diagnostics).toEqual([]);
    const fr = shipped.run({ id: 'port', text: PORT_FR, meta: { lang: 'fr' } });
    expect(fr.frames).toEqual([]);
    expect(fr.diagnostics.map((x) => x.code)).toEqual(['I_FRAMES_TOO_SHORT']);
    // A minimum of the French's own, the English one kept from the table.
    const own = await createPipeline({ layers: ['frames'], options: { frames: { minWords: { fr: 50 } } } });
    expect(own.run({ id: 'port', text: PORT_FR, meta: { lang: 'fr' } }).frames).toHaveLength(14);
    expect(own.run({ id: 'war', text: WAR, meta: { lang: 'en' } }).frames).toEqual([]);
  });

  // The shipped model's output on a war report: a new model (frames/model.json) changes these.
  // The report has fewer than 150 words: its scores are the first length band's (session 14).
  it('scores all 14 frames of a war report, highest first, and explains the selected ones', () => {
    const doc = pipeline.run({ id: 'war', text: WAR, meta: { lang: 'en' } });
    expect(countWords(WAR)).toBeLessThan(150);
    expect(doc.frames!.map((f) => [f.frame, f.score, f.selected, f.why ?? null])).toEqual([
      [
        'Security_and_defense',
        0.876,
        true,
        ['"missi…"', 'loaded cues in the article', '"missiles"', 'loaded rate 2/100 words'],
      ],
      [
        'Capacity_and_resources',
        0.397,
        true,
        // What the article has: not the cues it lacks (`no quotation marks`, frames@4).
        ['"missi…"', '"strike the"', 'fear rate 4/100 words', '"said"'],
      ],
      ['Political', 0.344, false, null],
      [
        'External_regulation_and_reputation',
        0.335,
        true,
        ['"missi…"', '"troops"', '"the border"', '"milit…"'],
      ],
      ['Quality_of_life', 0.292, false, null],
      ['Crime_and_punishment', 0.283, false, null],
      ['Legality_Constitutionality_and_jurisprudence', 0.186, false, null],
      ['Health_and_safety', 0.164, false, null],
      ['Morality', 0.148, false, null],
      ['Cultural_identity', 0.109, false, null],
      ['Public_opinion', 0.107, false, null],
      ['Fairness_and_equality', 0.095, false, null],
      ['Policy_prescription_and_evaluation', 0.064, false, null],
      ['Economic', 0.056, false, null],
    ]);
    expect(doc.producers!.frames).toMatchObject({ name: 'frames', version: 7 });
    expect(Object.keys(doc.producers!.frames!.models!)).toEqual(
      expect.arrayContaining(['layers/techniques/cues.en.json', 'frames/model.json']),
    );
  });

  // Russian scores pass the language's own map after the frame's (frames@2: `calibration.langs.ru`;
  // this short report's are the first length band's, session 14).
  it('scores a Russian war report with its own features, two reasons with `why: 2`', () => {
    const doc = two.run({ id: 'war', text: RU_WAR, meta: { lang: 'ru' } });
    const f = doc.frames!;
    expect(f.slice(0, 3).map((x) => [x.frame, x.score, x.selected, x.why])).toEqual([
      ['Security_and_defense', 0.507, true, ['"военн…"', '"нато"']],
      ['Crime_and_punishment', 0.354, true, ['fear cues in the article', '"наступают ракеты"']],
      // Before frames@4 its reasons were two absent cues (`no intensifier cues`, `no time cues`).
      ['Legality_Constitutionality_and_jurisprudence', 0.277, true, ['"наступают"', '"границе"']],
    ]);
    expect(f.map((x) => x.score)).toEqual(f.map((x) => x.score).sort((a, b) => b - a));
    expect(f.filter((x) => x.selected).every((x) => x.why!.length === 2)).toBe(true);
    expect(f.filter((x) => !x.selected).every((x) => x.why === undefined)).toBe(true);
    // Every reason names something in the text: no zero-rate bucket is cited.
    expect(f.flatMap((x) => x.why ?? []).filter((r) => /0 per 100 words|^no /.test(r))).toEqual([]);
    expect(doc.producers!.frames!.options).toEqual({ why: 2, minWords: 0 });
  });

  it("maps a short text's scores by its length band, a text from upTo by the whole-article maps", async () => {
    // The shipped model with two bands whose flat fits (slope 0) give every frame 0.1 and 0.3.
    const file = new URL('../../../../../models/frames/model.json', import.meta.url);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const flat = (p: number) => ({
      a: json.labels.map(() => 0),
      b: json.labels.map(() => Math.log(p / (1 - p))),
    });
    const dir = mkdtempSync(join(tmpdir(), 'newsprism-frames-'));
    try {
      const { bands: _, upTo: __, ...whole } = json.meta.calibration;
      const plainModel = join(dir, 'plain.json');
      writeFileSync(plainModel, JSON.stringify({ ...json, meta: { ...json.meta, calibration: whole } }));
      json.meta.calibration.bands = [
        { minWords: 50, ...flat(0.1) },
        { minWords: 100, ...flat(0.3) },
      ];
      json.meta.calibration.upTo = 150;
      const model = join(dir, 'model.json');
      writeFileSync(model, JSON.stringify(json));
      const banded = await createPipeline({
        layers: ['frames'],
        options: { frames: { model, minWords: 0 } },
      });
      const plain = await createPipeline({
        layers: ['frames'],
        options: { frames: { model: plainModel, minWords: 0 } },
      });
      const first = (n: number) => PORT.slice(0, [...PORT.matchAll(/\S+/g)][n]!.index);
      for (const [text, score] of [
        [first(40), 0.1], // under the first band's 50 words: the first band
        [first(110), 0.3],
        [PORT, undefined], // from upTo: as the model without bands
      ] as const) {
        const b = banded.run({ id: 'port', text, meta: { lang: 'en' } }).frames!;
        const s = plain.run({ id: 'port', text, meta: { lang: 'en' } }).frames!;
        // Selection does not change; only the scores shown.
        const selected = (fs: typeof b) =>
          fs
            .filter((f) => f.selected)
            .map((f) => f.frame)
            .sort();
        expect(selected(b)).toEqual(selected(s));
        if (score === undefined) expect(b).toEqual(s);
        else expect(b.every((f) => Math.abs(f.score - score) < 1e-3)).toBe(true);
      }
      expect(countWords(PORT)).toBeGreaterThanOrEqual(150);
      expect(countWords(first(40))).toBeLessThan(50);
      expect(countWords(first(110))).toBeGreaterThanOrEqual(100);
      expect(countWords(first(110))).toBeLessThan(150);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks its options by name', async () => {
    await expect(
      createPipeline({ layers: ['frames'], options: { frames: { why: -1 } } }),
    ).rejects.toMatchObject({
      code: 'E_OPTION_VALUE',
    });
    await expect(
      createPipeline({ layers: ['frames'], options: { frames: { colour: 1 } } }),
    ).rejects.toMatchObject({
      code: 'E_UNKNOWN_OPTION',
    });
  });
});
