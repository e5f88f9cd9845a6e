import { describe, expect, it } from 'vitest';
import { shippedModel } from '../../models/shipped.js';
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
