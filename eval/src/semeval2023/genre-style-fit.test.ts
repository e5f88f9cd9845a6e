import { GENRES } from '@newsprism/core';
import { STYLE_MEASURES, type StyleMeasure } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import {
  articleFold,
  decideStyle,
  fitStyle,
  hindsightMacroF1,
  kfoldStyle,
  type LaidOutRow,
  NEVER,
  parsePriors,
  priorShift,
  rankAuc,
  type StyleFitOptions,
  withPooledNorms,
} from './genre-style-fit.js';

const options: StyleFitOptions = {
  train: { kind: 'multiclass', labels: GENRES, bits: 12, epochs: 20, rate: 0.05, l2: 0.1, balance: 1 },
  measures: ['iOut', 'saidSent'],
  repeats: 1,
  folds: 3,
  seeds: 1,
  minSupport: 3,
};

/** Style measures: all 0 but the two the genres differ in. */
function style(iOut: number, saidSent: number): Record<StyleMeasure, number> {
  const s = Object.fromEntries(STYLE_MEASURES.map((m) => [m, 0])) as Record<StyleMeasure, number>;
  return { ...s, iOut, saidSent };
}

/**
 * Two languages; opinion speaks in the first person, reporting attributes; English has one
 * satire article (below the support of 3), Russian five (much first person, no attribution).
 */
function rows(): LaidOutRow[] {
  const out: LaidOutRow[] = [];
  const add = (lang: string, genre: string, n: number, i: number, said: number) => {
    for (let k = 0; k < n; k++) {
      const s = style(i + (k % 5) * 0.05, said + (k % 3) * 0.05);
      out.push({
        lang,
        genre,
        group: `${lang}/${genre}${k}`,
        style: s,
        layouts: { original: s, sentences: s },
      });
    }
  };
  for (const lang of ['en', 'ru']) {
    add(lang, 'opinion', 20, 2, 0.1);
    add(lang, 'reporting', 10, 0.2, 0.9);
  }
  add('en', 'satire', 1, 4, 0);
  add('ru', 'satire', 5, 4, 0);
  return out;
}

describe('fitStyle', () => {
  it('never predicts a genre a language has fewer than minSupport articles of', () => {
    const fit = fitStyle(rows(), options);
    const satire = GENRES.indexOf('satire');
    expect(fit.perLang.en![satire]).toBe(NEVER);
    expect(fit.perLang.ru![satire]).toBeGreaterThan(NEVER);
    expect(decideStyle(fit, 'en', style(4, 0))).not.toBe('satire');
    expect(fit.oof).toHaveLength(rows().length);
  });

  it('tells the genres apart by the measures it was given', () => {
    const fit = fitStyle(rows(), options);
    expect(decideStyle(fit, 'en', style(2.1, 0.1))).toBe('opinion');
    expect(decideStyle(fit, 'en', style(0.2, 0.95))).toBe('reporting');
    expect(fit.settings.measures).toEqual(['iOut', 'saidSent']);
  });
});

describe('prior correction', () => {
  it('reads a language and three shares, normalised, and refuses anything else with a way out', () => {
    expect(parsePriors('')).toEqual({});
    const p = parsePriors('en:1/2/1,ru:0.3/0.6/0.1');
    expect(p.en).toEqual([0.25, 0.5, 0.25]);
    expect(p.ru![0]).toBeCloseTo(0.3, 12);
    for (const bad of ['en', 'en:0.5/0.5', 'en:0.5/0/0.5', ':1/1/1', 'en:a/b/c'])
      expect(() => parsePriors(bad)).toThrow(/E_OPTION_VALUE|should be a language and 3 positive shares/);
  });

  it('shifts each genre by ln(deployment share / smoothed training share)', () => {
    // 7 opinion, 1 reporting, no satire: smoothed shares 2/11, 8/11, 1/11.
    const gold = [1, 1, 1, 1, 1, 1, 1, 0];
    const s = priorShift([0.5, 0.4, 0.1], gold);
    expect(s[0]).toBeCloseTo(Math.log(0.5 / (2 / 11)), 12);
    expect(s[1]).toBeCloseTo(Math.log(0.4 / (8 / 11)), 12);
    expect(s[2]).toBeCloseTo(Math.log(0.1 / (1 / 11)), 12);
  });

  it('moves the language’s offsets toward the rarer genre, leaves the others and NEVER alone', () => {
    const plain = fitStyle(rows(), options);
    const prior = { en: [0.6, 0.35, 0.05] };
    const fit = fitStyle(rows(), { ...options, prior });
    const enGold = rows()
      .filter((r) => r.lang === 'en')
      .map((r) => GENRES.indexOf(r.genre as (typeof GENRES)[number]));
    const shift = priorShift(prior.en, enGold);
    for (const l of [0, 1]) expect(fit.perLang.en![l]).toBeCloseTo(plain.perLang.en![l]! + shift[l]!, 3);
    expect(fit.perLang.en![2]).toBe(NEVER);
    expect(fit.perLang.ru).toEqual(plain.perLang.ru);
    // Reporting gains on opinion (its deployment share is above its training share of 10/31).
    expect(fit.perLang.en![0]! - fit.perLang.en![1]!).toBeGreaterThan(
      plain.perLang.en![0]! - plain.perLang.en![1]!,
    );
  });
});

describe('withPooledNorms', () => {
  it('gives every language the norms of all rows for the pooled measures, its own for the rest', () => {
    const rs = [
      { lang: 'en', style: style(1, 0), genre: 'opinion', group: 'a' },
      { lang: 'en', style: style(3, 0), genre: 'opinion', group: 'b' },
      { lang: 'ru', style: style(5, 1), genre: 'reporting', group: 'c' },
      { lang: 'ru', style: style(7, 1), genre: 'reporting', group: 'd' },
    ];
    const own = { en: { iOut: [2, 1] as [number, number] }, ru: { iOut: [6, 1] as [number, number] } };
    expect(withPooledNorms(own, rs, [])).toBe(own);
    const pooled = withPooledNorms(own, rs, ['iOut']);
    // All four: mean 4, population sd √5.
    expect(pooled.en!.iOut![0]).toBe(4);
    expect(pooled.ru!.iOut).toEqual(pooled.en!.iOut);
    expect(pooled.en!.iOut![1]).toBeCloseTo(Math.sqrt(5), 4);
    const fit = fitStyle(rows(), { ...options, pooledNorms: ['saidSent'] });
    expect(fit.settings.norms.en!.saidSent).toEqual(fit.settings.norms.ru!.saidSent);
    expect(fit.settings.norms.en!.iOut).not.toEqual(fit.settings.norms.ru!.iOut);
  });
});

describe('articleFold', () => {
  it('is stable, in range, and changes with the assignment', () => {
    const groups = Array.from({ length: 200 }, (_, i) => `en/${i}`);
    const a = groups.map((g) => articleFold(g, 1, 5));
    expect(groups.map((g) => articleFold(g, 1, 5))).toEqual(a);
    expect(Math.min(...a)).toBe(0);
    expect(Math.max(...a)).toBe(4);
    for (let f = 0; f < 5; f++) expect(a.filter((x) => x === f).length).toBeGreaterThan(20);
    expect(groups.map((g) => articleFold(g, 2, 5))).not.toEqual(a);
  });
});

describe('kfoldStyle', () => {
  it('gives each assignment’s macro-F1 with `runs`, whose mean is the figure', () => {
    const m = kfoldStyle(rows(), options, [1, 2], 3, true);
    const each = [m.kfold_en_original_macro_f1_1!, m.kfold_en_original_macro_f1_2!];
    expect(each.every((x) => x > 0)).toBe(true);
    expect((each[0]! + each[1]!) / 2).toBeCloseTo(m.kfold_en_original_macro_f1!, 9);
    expect(m.kfold_en_sentences_macro_f1_1).toBeUndefined();
    expect(kfoldStyle(rows(), options, [1], 3).kfold_en_original_macro_f1_1).toBeUndefined();
  });

  it('scores every language and layout, with no gap between identical layouts', () => {
    const m = kfoldStyle(rows(), options, [1, 2], 3);
    expect(m.kfold_assignments).toBe(2);
    expect(m.kfold_en_original_macro_f1).toBeGreaterThan(0.5);
    // English satire is never predicted: at most two genres of three are right.
    expect(m.kfold_en_original_macro_f1).toBeLessThanOrEqual(2 / 3 + 1e-9);
    // A fold may leave Russian fewer than three satire articles to learn from.
    expect(m.kfold_ru_original_macro_f1).toBeGreaterThan(0.7);
    expect(m.kfold_en_sentences_macro_f1).toBe(m.kfold_en_original_macro_f1);
    expect(m.kfold_en_layout_gap).toBe(0);
    expect(m.kfold_en_original_macro_f1_sd).toBeGreaterThanOrEqual(0);
    // Per genre: English satire (never predicted) is where its macro-F1 loses.
    expect(m.kfold_en_satire_f1).toBe(0);
    expect(m.kfold_en_satire_r).toBe(0);
    expect(m.kfold_en_reporting_f1).toBeGreaterThan(0.5);
    expect(m.kfold_ru_satire_f1).toBeGreaterThan(0.3); // 5 articles, 3 or more in training in most folds
    expect(m.kfold_en_opinion_p).toBeGreaterThan(0.5);
    // Opinion is the majority English genre: most opinion articles are found.
    expect(m.kfold_en_opinion_r).toBeGreaterThan(0.5);
    expect(m.kfold_en_opinion_r).toBeLessThanOrEqual(1);
    const genreF1 = ['reporting', 'opinion', 'satire'].map((g) => m[`kfold_en_${g}_f1`]!);
    expect(genreF1.reduce((a, b) => a + b, 0) / 3).toBeCloseTo(m.kfold_en_original_macro_f1!, 9);
    expect(m.kfold_en_satire_f1_sd).toBe(0);
    expect(m.kfold_en_satire_p_sd).toBeUndefined();
    // Reporting attributes and opinion does not: the odds rank them apart, and the cut chosen in
    // hindsight is at least as good as the offsets'.
    expect(m.kfold_en_rep_op_auc).toBeGreaterThan(0.9);
    expect(m.kfold_en_hindsight_macro_f1).toBeGreaterThanOrEqual(m.kfold_en_original_macro_f1! - 1e-9);
    expect(m.kfold_en_hindsight_macro_f1).toBeLessThanOrEqual(2 / 3 + 1e-9);
  });

  it('shows the gap of a layout whose measures are not those the model learned from', () => {
    const laid = rows().map((r) => ({
      ...r,
      // One sentence per line here hides the attribution and the first person.
      layouts: { original: r.style, sentences: style(1, 0.5) },
    }));
    const m = kfoldStyle(laid, options, [1], 3);
    expect(m.kfold_ru_layout_gap).toBeGreaterThan(0.3);
    expect(m.kfold_ru_sentences_macro_f1).toBeLessThan(m.kfold_ru_original_macro_f1! - 0.3);
  });
});

describe('rankAuc', () => {
  it('is the share of positive-negative pairs in order, ties half', () => {
    expect(rankAuc([3, 4], [1, 2])).toBe(1);
    expect(rankAuc([1, 2], [3, 4])).toBe(0);
    expect(rankAuc([2], [2])).toBe(0.5);
    // pairs: 3>1, 3>2, 1=1 (half), 1<2 → 2.5 of 4
    expect(rankAuc([3, 1], [1, 2])).toBe(0.625);
    expect(rankAuc([], [1])).toBeNaN();
  });
});

describe('hindsightMacroF1', () => {
  it('finds the best cut on the odds and keeps satire decisions', () => {
    const gold = ['reporting', 'opinion', 'reporting', 'opinion', 'satire'];
    // The odds put both reporting articles on top: the cut after two gets them all right.
    expect(
      hindsightMacroF1(gold, ['opinion', 'opinion', 'opinion', 'opinion', 'satire'], [3, 1, 2, 0, 9]),
    ).toBe(1);
    // One reporting article ranked last: a cut can get one of two right at best (or all, at a price).
    const h = hindsightMacroF1(
      gold,
      ['opinion', 'opinion', 'opinion', 'opinion', 'satire'],
      [3, 2, -1, 0, 9],
    );
    // Best: only the top article reporting — reporting 2/3, opinion 0.8, satire 1.
    expect(h).toBeCloseTo((2 / 3 + 0.8 + 1) / 3, 9);
    // Satire predicted wrong stays wrong; a genre absent from gold and predictions scores 0.
    expect(hindsightMacroF1(['reporting', 'opinion'], ['satire', 'opinion'], [5, 0])).toBeCloseTo(1 / 3, 9);
  });
});
