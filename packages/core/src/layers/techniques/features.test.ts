import { describe, expect, it } from 'vitest';
import { shippedModel } from '../../models/shipped.js';
import { WordClusters } from '../../models/word-clusters.js';
import {
  articleContext,
  articleStats,
  ngramFeatures,
  sharedFeatures,
  spanFeatures,
  spanNgramFeatures,
  unitFeatures,
} from './features.js';
import { fileLines } from './lines.js';
import { capsCount } from './marks.js';

const TEXT =
  'Title of the piece\n\nA calm first paragraph about the budget.\n\nThese corrupt traitors lie and lie!\n';

describe('capsCount', () => {
  const CAPS = /\b\p{Lu}{3,}\b/gu;
  const byRegex = (text: string) => text.match(CAPS)?.length ?? 0;

  it.each([
    'NATO and the USA, not Nato',
    'ÉCOLE, НАТО, x НАТО, xНАТО, NATOs, ABCÉ, ÉABC, _ABC_, 1ABC2',
    'ABCDEFGHIJ abcDEF DEFabc',
    'U.S.A. OK WHO? ΑΘΗΝΑ',
    'An emoji 🚨 then NATO',
  ])('agrees with the regex on %j', (text) => {
    expect(capsCount(text)).toBe(byRegex(text));
  });

  it('agrees with the regex on random text', () => {
    const alphabet = ['A', 'B', 'Z', 'a', 'z', '0', '_', ' ', '.', 'É', 'é', 'Н', 'н', 'Σ', '-', "'"];
    let seed = 11;
    for (let t = 0; t < 3000; t++) {
      let text = '';
      const length = t % 40;
      for (let i = 0; i < length; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        text += alphabet[(seed >>> 16) % alphabet.length];
      }
      expect(capsCount(text)).toBe(byRegex(text));
      expect(capsCount(`AB${text}CD`, 2, 2 + text.length)).toBe(byRegex(text));
    }
  });
});

describe('unitFeatures', () => {
  it('scores the same with the shared features taken out and scored once', () => {
    const model = shippedModel('techniques');
    const lines = fileLines(TEXT);
    const article = articleContext(TEXT, 'en', lines.length);
    const counts = articleStats(TEXT, 'en').counts;
    const base = model.logits(
      sharedFeatures({ lang: 'en', index: 0, count: lines.length, article }, model.bits),
    );
    lines.forEach((l, index) => {
      const ctx = { lang: 'en', index, count: lines.length, article, counts };
      const text = TEXT.slice(l.start, l.end);
      const full = model.probabilities(unitFeatures(text, ctx, model.bits));
      const split = model.probabilities(unitFeatures(text, { ...ctx, omitShared: true }, model.bits), base);
      for (let k = 0; k < full.length; k++) expect(split[k]).toBeCloseTo(full[k]!, 12);
    });
  });

  it.each([
    ['en', TEXT],
    [
      'en',
      'Their so-called experts lie\n\nAccording to insiders, the corrupt, corrupt elites lie again and again!\nElites… 42',
    ],
    ['ru', 'Так называемые эксперты\n\nКиевский режим угрожает нашей Родине, якобы заявили эксперты.'],
    ['en', 'An emoji 🚨 makes the article scan each span\non its own, with the same features'],
  ])('spanFeatures gives what unitFeatures gives for the span (%s)', (lang, text) => {
    const lines = fileLines(text);
    const article = articleContext(text, lang, lines.length);
    const stats = articleStats(text, lang);
    lines.forEach((l, index) => {
      const ctx = { lang, index, count: lines.length, article, counts: stats.counts, prefix: 4 };
      // Names kept: the lists are equal.
      const want = unitFeatures(text.slice(l.start, l.end), ctx, 12, true);
      const got = spanFeatures(stats, l.start, l.end, ctx, 12, true);
      expect([got.idx, got.val, got.names]).toEqual([want.idx, want.val, want.names]);
      // Names on demand: every index names the same feature.
      const lazyWant = unitFeatures(text.slice(l.start, l.end), ctx, 12, false);
      const lazy = spanFeatures(stats, l.start, l.end, ctx, 12, false);
      expect([lazy.idx, lazy.val]).toEqual([lazyWant.idx, lazyWant.val]);
      expect(lazyWant.idx.map((_, i) => lazy.nameAt!(i))).toEqual(
        lazyWant.idx.map((_, i) => lazyWant.nameAt!(i)),
      );
      const s = spanNgramFeatures(stats, l.start, l.end, 12, 4);
      const n = ngramFeatures(text.slice(l.start, l.end), lang, 12, 4);
      expect(s.idx).toEqual(n.idx);
      expect(s.val).toEqual(n.val);
    });
  });

  it('names repetition through the article', () => {
    const counts = articleStats(TEXT, 'en').counts;
    expect(counts.get('lie')).toBe(2);
    const v = unitFeatures(
      'These corrupt traitors lie and lie!',
      { lang: 'en', index: 2, count: 3, article: [], counts },
      12,
      true,
    );
    expect(v.names).toContain('scue:namecall');
    expect(v.names).toContain('sexcl:1');
    expect(v.names).toContain('pos:last');
  });
});

describe('the features by name', () => {
  const PARA = 'These corrupt traitors lie and lie!';

  it('gives n-grams and stems (normalised), shape, cues, position, length, repetition and the article', () => {
    const counts = articleStats(TEXT, 'en').counts;
    const v = unitFeatures(
      PARA,
      { lang: 'en', index: 2, count: 3, article: ['apars:2-3'], counts },
      12,
      true,
    );
    const ngrams = [
      'en:these',
      'en:corrupt',
      'en:these_corrupt',
      'en~corru',
      'en:traitors',
      'en:corrupt_traitors',
      'en~trait',
      'en:lie',
      'en:traitors_lie',
      'en:and',
      'en:lie_and',
      'en:lie',
      'en:and_lie',
    ];
    const dense = [
      'lang:en',
      'bias',
      'sexcl:1',
      'slen:4-7',
      'scue:loaded',
      'scue:loaded:1',
      'scue:namecall',
      'scue:namecall:1',
      'scue:doubt',
      'scue:doubt:2-3',
      'pos:2-3',
      'pos:last',
      'en|len:4-7',
      'rep:0',
      'repmax:1',
      'apars:2-3',
    ];
    expect(v.names).toEqual([...ngrams, ...dense]);
    const x = 1 / Math.sqrt(ngrams.length);
    expect(v.val.map((y) => Math.round(y * 1e6) / 1e6)).toEqual([
      ...ngrams.map(() => Math.round(x * 1e6) / 1e6),
      ...dense.map(() => 0.3),
    ]);
    // Shared features left out: no language, bias or article.
    const own = unitFeatures(
      PARA,
      { lang: 'en', index: 2, count: 3, article: ['apars:2-3'], omitShared: true },
      12,
      true,
    );
    expect(own.names).toEqual([
      ...ngrams,
      ...dense.filter((n) => !['lang:en', 'bias', 'apars:2-3', 'rep:0', 'repmax:1'].includes(n)),
    ]);
    expect(sharedFeatures({ lang: 'en', index: 5, count: 9, article: ['apars:2-3'] }, 12).idx).toEqual(
      unitFeatures('', { lang: 'en', index: 0, count: 1, article: ['apars:2-3'] }, 12, true)
        .names!.map((n, i) => [n, i] as const)
        .filter(([n]) => ['lang:en', 'bias', 'apars:2-3'].includes(n))
        .map(
          ([, i]) => unitFeatures('', { lang: 'en', index: 0, count: 1, article: ['apars:2-3'] }, 12).idx[i],
        ),
    );
  });

  it.each([
    [
      'a title',
      { index: 0, count: 1, prefix: 0 },
      'Title',
      ['en:title', 'slen:1', 'pos:title', 'pos:last', 'en|len:1'],
    ],
    [
      'a middle paragraph with quotes, caps, an ellipsis and figures',
      { index: 5, count: 9, prefix: 0 },
      '“NATO” said 42… “no”? Really?',
      [
        'en:nato',
        'en:said',
        'en:nato_said',
        'en:42',
        'en:said_42',
        'en:no',
        'en:42_no',
        'en:really',
        'en:no_really',
        'squest:2-3',
        'squote:4-7',
        'scaps:1',
        'sellipsis',
        'sdigits',
        'slen:4-7',
        // Cue categories in the order first met (`said`, `really`, `no`), each once.
        'scue:authority',
        'scue:authority:1',
        'scue:said',
        'scue:said:1',
        'scue:intensifier',
        'scue:intensifier:1',
        'scue:doubt',
        'scue:doubt:1',
        'pos:4-7',
        'en|len:4-7',
      ],
    ],
    [
      'stems of words longer than the prefix plus one',
      { index: 1, count: 3, prefix: 3 },
      'abcd abcde',
      ['en:abcd', 'en:abcde', 'en:abcd_abcde', 'en~abc', 'slen:2-3', 'pos:1', 'en|len:2-3'],
    ],
  ])('%s', (_name, ctx, text, names) => {
    const v = unitFeatures(text, { lang: 'en', article: [], omitShared: true, ...ctx }, 12, true);
    expect(v.names).toEqual(names);
  });

  it.each([
    // AFINN-165: hate −3, liar −3, fraud −4, war −2, good 3, calm 2, accept 1; budget and
    // they are not listed.
    ['no rated word', 'A budget paragraph', []],
    ['one mild word (|valence| 1 counts only to the maximum)', 'They accept the budget', ['sval:max:1']],
    [
      'negative words counted, the strongest rating kept',
      'They hate the liar and war',
      ['sval:neg:2-3', 'sval:max:3'],
    ],
    ['positive and negative', 'A good, calm budget; a fraud', ['sval:neg:1', 'sval:pos:2-3', 'sval:max:4']],
  ])('word valences: %s', (_name, text, want) => {
    const ctx = { lang: 'en', index: 1, count: 3, article: [], omitShared: true, valence: true };
    const names = unitFeatures(text, ctx, 12, true).names!.filter((n) => n.startsWith('sval:'));
    expect(names).toEqual(want);
    // Off unless asked for, and none for a language without a list.
    expect(
      unitFeatures(text, { ...ctx, valence: false }, 12, true).names!.some((n) => n.includes('val:')),
    ).toBe(false);
    expect(unitFeatures(text, { ...ctx, lang: 'ru' }, 12, true).names!.some((n) => n.includes('val:'))).toBe(
      false,
    );
  });

  it('gives word endings (meta.suffix) the same over the article’s words as over the span alone', () => {
    const text = 'Заголовок\n\nКиевский режим угрожает нашей Родине.';
    const lines = fileLines(text);
    const stats = articleStats(text, 'ru');
    const article = articleContext(text, 'ru', lines.length);
    const suffix = { length: 2, weight: 0.5 };
    const l = lines[1]!;
    const ctx = { lang: 'ru', index: 1, count: lines.length, article, counts: stats.counts, suffix };
    const got = spanFeatures(stats, l.start, l.end, ctx, 12, true);
    const want = unitFeatures(text.slice(l.start, l.end), ctx, 12, true);
    expect([got.idx, got.val, got.names]).toEqual([want.idx, want.val, want.names]);
    // Words longer than 4 characters: киевский, режим, угрожает, нашей, родине (5 endings).
    const at = got.names!.flatMap((n, i) => (n.startsWith('ru$') ? [[n, got.val[i]]] : []));
    expect(at.map(([n]) => n)).toEqual(['ru$ий', 'ru$им', 'ru$ет', 'ru$ей', 'ru$не']);
    expect(at[0]![1]).toBeCloseTo(0.5 / Math.sqrt(5), 9);
    const plain = spanFeatures(stats, l.start, l.end, { ...ctx, suffix: undefined }, 12, true);
    expect(plain.names!.some((n) => n.startsWith('ru$'))).toBe(false);
  });

  it('gives the same valences over the article’s words as over the span alone', () => {
    const text = 'Calm title\n\nThey hate the liar and war.\n\nA good budget.';
    const lines = fileLines(text);
    const stats = articleStats(text, 'en');
    const article = articleContext(text, 'en', lines.length);
    const found = lines.map((l, index) => {
      const ctx = { lang: 'en', index, count: lines.length, article, counts: stats.counts, valence: true };
      const got = spanFeatures(stats, l.start, l.end, ctx, 12, true);
      expect(got.names).toEqual(unitFeatures(text.slice(l.start, l.end), ctx, 12, true).names);
      return got.names!.filter((n) => n.startsWith('sval:'));
    });
    expect(found).toEqual([
      ['sval:pos:1', 'sval:max:2'],
      ['sval:neg:2-3', 'sval:max:3'],
      ['sval:pos:1', 'sval:max:3'],
    ]);
  });

  it('gives word classes counted and scaled, and pairs of coarse classes, over the article’s words as alone', () => {
    // Branching [2, 2]: leaves 0–3; leaf 3 lies in coarse class 1.
    const clusters = new WordClusters({
      format: 'newsprism-clusters/1',
      lang: 'en',
      branching: [2, 2],
      clusters: ['the a', 'liar', 'traitor', '0 000'],
    });
    const text = 'Title\n\nThe liar, the 421 traitors and 7 liar!\n';
    const use = { clusters, weight: 0.5, levels: 3, bigrams: true };
    const ctx = { lang: 'en', index: 1, count: 2, article: [], omitShared: true, clusters: use };
    const stats = articleStats(text, 'en');
    const span = spanFeatures(stats, 7, text.length - 1, ctx, 16, true);
    const alone = unitFeatures(text.slice(7, text.length - 1), ctx, 16, true);
    const of = (v: { names?: string[]; val: number[] }) =>
      Object.fromEntries(v.names!.map((n, i) => [n, v.val[i]!] as const).filter(([n]) => /^k(b|\d)/.test(n)));
    // the ×2 (k2:0, k4:0), liar ×2 (k2:0, k4:1), 000 and 0 (k2:1, k4:3); "traitors" and "and"
    // have no class and break the pairs: the→liar, liar→the (0_0), the→000 (0_1), 0→liar (1_0).
    const counts = {
      'k2:0': 4,
      'k4:0': 2,
      'k4:1': 2,
      'k2:1': 2,
      'k4:3': 2,
      'kb:0_0': 2,
      'kb:0_1': 1,
      'kb:1_0': 1,
    };
    const norm = Math.sqrt(Object.values(counts).reduce((a, n) => a + n * n, 0));
    const want = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, (0.5 * n) / norm]));
    for (const got of [of(span), of(alone)]) {
      expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
      for (const k of Object.keys(want)) expect(got[k]).toBeCloseTo(want[k]!, 9);
    }
    // Units of another language get none.
    const ru = unitFeatures('the liar', { ...ctx, lang: 'ru' }, 16, true);
    expect(ru.names!.filter((n) => /^k(b|\d)/.test(n))).toEqual([]);
  });

  it.each([
    // Priors 0.1 and 0.05: "brutal" 0.9 = 9 × the first prior (bucket 8), "regime" 0.15 = 3 × the
    // second (bucket 2); "calm" 0.05 is half the first prior (bucket 0); unlisted words score 0.
    ['no listed word', 'Talks went on', ['lex:LL:0', 'lex:NC:0']],
    ['the highest rate of its words per technique', 'The brutal regime', ['lex:LL:8', 'lex:NC:2']],
    ['a word below the prior', 'Calm talks', ['lex:LL:0', 'lex:NC:0']],
    ['a word at twice the prior', 'Calm regime', ['lex:LL:2', 'lex:NC:2']],
  ])('word rates: %s', (_name, text, want) => {
    const rates = {
      labels: ['LL', 'NC'],
      prior: [0.1, 0.05],
      words: { brutal: [0.9, 0.01], regime: [0.2, 0.15], calm: [0.05, 0.01] },
    };
    const ctx = { lang: 'en', index: 1, count: 3, article: [], omitShared: true, rates };
    expect(unitFeatures(text, ctx, 12, true).names!.filter((n) => n.startsWith('lex:'))).toEqual(want);
    // Over the article's words: the same features.
    const stats = articleStats(`Title\n\n${text}`, 'en');
    const span = spanFeatures(stats, 7, 7 + text.length, ctx, 12, true);
    expect(span.names!.filter((n) => n.startsWith('lex:'))).toEqual(want);
  });

  it.each([
    // Stems of 4: "brutally" and "brutal" are both "brut" (0.9 = 9 × 0.1 → bucket 8 of up to
    // 32); "reg" is shorter than the stem and listed whole; "regimes" → "regi" (unlisted).
    // Hot at 4 × the prior: LL counts "brut…" words (0.9 ≥ 0.4), NC "reg" (0.25 ≥ 0.2).
    [
      'stems, counted hot words',
      'Brutally brutal reg regimes',
      ['lex:LL:8', 'lexn:LL:2-3', 'lex:NC:4', 'lexn:NC:1'],
    ],
    ['no hot word: no count', 'Talks went on', ['lex:LL:0', 'lex:NC:0']],
    // "vile": 1 = 20 × the NC prior, bucket 16 (capped at 8 without `top`).
    ['the higher buckets', 'Vile talks', ['lex:LL:0', 'lex:NC:16', 'lexn:NC:1']],
  ])('word rates by stem, hot counts, higher buckets: %s', (_name, text, want) => {
    const rates = {
      labels: ['LL', 'NC'],
      prior: [0.1, 0.05],
      words: { brut: [0.9, 0.01], reg: [0.1, 0.25], vile: [0, 1] },
      stem: 4,
      hot: 4,
      top: 32,
    };
    const ctx = { lang: 'en', index: 1, count: 3, article: [], omitShared: true, rates };
    const lex = (names: string[] | undefined) => names!.filter((n) => n.startsWith('lex'));
    expect(lex(unitFeatures(text, ctx, 12, true).names)).toEqual(want);
    const stats = articleStats(`Title\n\n${text}`, 'en');
    expect(lex(spanFeatures(stats, 7, 7 + text.length, ctx, 12, true).names)).toEqual(want);
  });

  it.each([
    // Prior 0.1: "grim" 0.298 has an excess of 0.22 (0.198 / 0.9), so one grim word gives 0.22
    // (2.2 × the prior), two 1 − 0.78² = 0.39 (bucket 2), three 0.525 (bucket 4) while their
    // highest rate stays at bucket 2; "calm" (below the prior) adds nothing.
    ['one word', 'A grim day', ['lex:LL:2', 'lexo:LL:2']],
    ['three words', 'Grim, grim and grim calm', ['lex:LL:2', 'lexo:LL:4']],
    ['none listed', 'A day', ['lex:LL:0', 'lexo:LL:0']],
  ])('the noisy-or of word rates: %s', (_name, text, want) => {
    const rates = { labels: ['LL'], prior: [0.1], words: { grim: [0.298], calm: [0.05] }, noisyOr: true };
    const ctx = { lang: 'en', index: 1, count: 3, article: [], omitShared: true, rates };
    const lex = (names: string[] | undefined) => names!.filter((n) => n.startsWith('lex'));
    expect(lex(unitFeatures(text, ctx, 12, true).names)).toEqual(want);
    const stats = articleStats(`Title\n\n${text}`, 'en');
    expect(lex(spanFeatures(stats, 7, 7 + text.length, ctx, 12, true).names)).toEqual(want);
  });

  it('counts repeated longer words through the article', () => {
    const counts = new Map([
      ['traitors', 3],
      ['corrupt', 5],
      ['lie', 9],
    ]);
    const v = unitFeatures(
      PARA,
      { lang: 'en', index: 1, count: 3, article: [], counts, omitShared: true },
      12,
      true,
    );
    // `lie` is too short to count; `traitors` and `corrupt` recur 3 and 5 times.
    expect(v.names!.slice(-2)).toEqual(['rep:2-3', 'repmax:4-7']);
    const once = new Map([['traitors', 2]]);
    const w = unitFeatures(
      'traitors traitors',
      { lang: 'en', index: 1, count: 3, article: [], counts: once, omitShared: true },
      12,
      true,
    );
    expect(w.names!.slice(-2)).toEqual(['rep:0', 'repmax:2-3']);
    const thrice = new Map([['traitors', 3]]);
    const t = unitFeatures(
      'traitors traitors',
      { lang: 'en', index: 1, count: 3, article: [], counts: thrice, omitShared: true },
      12,
      true,
    );
    expect(t.names!.slice(-2)).toEqual(['rep:1', 'repmax:2-3']);
  });

  it('counts repetition the same way over the article’s words', () => {
    const text = 'Intro line\nThe traitors, the traitors, always the traitors and liars.\nLiars everywhere.';
    const stats = articleStats(text, 'en');
    const start = text.indexOf('The traitors');
    const end = text.indexOf('liars.') + 6;
    const v = spanFeatures(
      stats,
      start,
      end,
      { lang: 'en', index: 1, count: 3, article: [], omitShared: true },
      12,
      true,
    );
    expect(v.names!.slice(-2)).toEqual(['rep:1', 'repmax:2-3']);
  });

  it('reads US in capitals as the country in the cues, alone and from the article', () => {
    const text = 'Title\n\nThe US and the US allies.\n\nThey are against us and with us.\n';
    const weCue = (names: readonly string[]) => names.filter((n) => n.startsWith('scue:we'));
    const ctx = { lang: 'en', index: 1, count: 3, article: [], omitShared: true } as const;
    const stats = articleStats(text, 'en');
    expect(stats.cues.get('we')).toBe(2);
    const para = (start: number, end: number) => ({
      alone: unitFeatures(text.slice(start, end), { ...ctx, counts: stats.counts }, 12, true).names!,
      span: spanFeatures(stats, start, end, ctx, 12, true).names!,
    });
    const first = para(7, 32);
    expect(weCue(first.alone)).toEqual([]);
    expect(first.span).toEqual(first.alone);
    const second = para(34, text.length - 1);
    expect(weCue(second.alone)).not.toEqual([]);
    expect(second.span).toEqual(second.alone);
    // The word n-grams keep `us` for both.
    expect(first.alone).toContain('en:us');
  });

  it('describes the article: paragraph count, shape and cue densities per 100 words, kept per count', () => {
    const a = articleContext(TEXT, 'en', 3);
    expect(a).toEqual([
      'apars:2-3',
      'aexcl:1',
      'alen:16-31',
      'acue:loaded',
      'acue:loaded:4-7',
      'acue:namecall',
      'acue:namecall:4-7',
      'acue:doubt',
      'acue:doubt:8-15',
    ]);
    // A copy each time: changing one does not change the next.
    a.push('x');
    expect(articleContext(TEXT, 'en', 3)).not.toContain('x');
    expect(articleContext(TEXT, 'en', 1)[0]).toBe('apars:1');
    expect(articleContext('Они лгут! «Так называемые» эксперты... 2024', 'ru', 1)).toEqual([
      'apars:1',
      'aexcl:1',
      'aquote:2-3',
      'aellipsis',
      'adigits',
      'alen:4-7',
      // One each in 6 words: 16.7 per 100.
      'acue:doubt',
      'acue:doubt:16-31',
      'acue:authority',
      'acue:authority:16-31',
    ]);
  });

  it('has no cue features for a language without cues', () => {
    const v = unitFeatures(
      'Korrupte Verräter lügen',
      { lang: 'de', index: 1, count: 3, article: [], omitShared: true },
      12,
      true,
    );
    expect(v.names!.filter((n) => n.includes('cue'))).toEqual([]);
  });

  it('keeps the last article’s stats and makes new ones for another text or language', () => {
    const a = articleStats(TEXT, 'en');
    expect(articleStats(TEXT, 'en')).toBe(a);
    const b = articleStats(TEXT, 'ru');
    expect(b).not.toBe(a);
    expect(b.lang).toBe('ru');
    expect(articleStats(`${TEXT} `, 'ru')).not.toBe(b);
    expect(a.words).toEqual([
      'title',
      'of',
      'the',
      'piece',
      'a',
      'calm',
      'first',
      'paragraph',
      'about',
      'the',
      'budget',
      'these',
      'corrupt',
      'traitors',
      'lie',
      'and',
      'lie',
    ]);
    expect([...a.counts].filter(([, n]) => n > 1)).toEqual([
      ['the', 2],
      ['lie', 2],
    ]);
    expect(a.cues).toEqual(
      new Map([
        ['loaded', 1],
        ['namecall', 1],
        ['doubt', 2],
      ]),
    );
  });
});
