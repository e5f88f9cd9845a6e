import { TECHNIQUES } from '@newsprism/core';
import {
  type Calibration,
  calibrated,
  fitPlatt,
  type Outcome,
  type PlattByLanguage,
  plattIn,
  reliability,
} from '@newsprism/core/train';
import { eceNoise, meanSd } from '../checkthat/kfold-calibration.js';

/** A held-out paragraph finding: its noisy-or score, whether its line has the technique, where it comes from. */
export interface ParagraphOutcome extends Outcome {
  lang: string;
  /** The calibration fold of its article (the sentence calibration applied was fitted without it). */
  fold: number;
}

/** One line of an article: its gold techniques and the indices of its sentences. */
export interface LineGroup {
  gold: readonly string[];
  members: readonly number[];
}

/**
 * The paragraph findings the analyzer would present, from out-of-fold sentence probabilities:
 * a line lists a technique when one of its sentences reaches the technique's threshold, with
 * the score 1 − Π(1 − calibrated sentence score) over all its sentences (as
 * `layers/techniques/techniques.ts` computes it), the sentence calibration of each article
 * fitted without the article's fold (`calibrationOf(fold)`). `oof` holds the articles'
 * sentences in order, `sentences[ai]` of them for article `ai`.
 */
export function paragraphOutcomes(
  articles: readonly { lang: string }[],
  sentences: readonly number[],
  lines: (ai: number) => readonly LineGroup[],
  oof: readonly ArrayLike<number>[],
  thresholdsOf: (lang: string, article: number) => ArrayLike<number>,
  foldOfArticle: (ai: number) => number,
  calibrationOf: (fold: number) => Calibration,
): ParagraphOutcome[] {
  const out: ParagraphOutcome[] = [];
  let from = 0;
  articles.forEach((a, ai) => {
    const fold = foldOfArticle(ai);
    const c = calibrationOf(fold);
    const t = thresholdsOf(a.lang, ai);
    for (const line of lines(ai))
      for (let l = 0; l < TECHNIQUES.length; l++) {
        if (!line.members.some((j) => oof[from + j]![l]! >= t[l]!)) continue;
        let miss = 1;
        for (const j of line.members) miss *= 1 - calibrated(c, l, oof[from + j]![l]!);
        out.push({ p: 1 - miss, y: line.gold.includes(TECHNIQUES[l]!), lang: a.lang, fold });
      }
    from += sentences[ai]!;
  });
  return out;
}

/** How a language's paragraph scores are mapped: left as the noisy-or, the pooled Platt map, or its own. */
export type ParagraphMapKind = 'none' | 'pooled' | 'own';

/** The cross-fitted calibration of paragraph scores per language, each kind of map. */
export interface ParagraphCalibrationReport {
  /** The map to ship: the pooled fit, each language's choice in `langs`. */
  map: PlattByLanguage;
  /** Per language and map: the ECE of the held-out outcomes (each fold mapped by a fit on the others). */
  ece: Record<string, Record<ParagraphMapKind, number>>;
  /** Per language: the chosen kind. */
  chosen: Record<string, ParagraphMapKind>;
  /** Per language (and `all`): the cross-fitted outcomes of the chosen map, for a noise test. */
  mapped: Record<string, FoldOutcome[]>;
  /** Per language (and `all`): the held-out noisy-or left alone. */
  raw: Record<string, FoldOutcome[]>;
}

/** A held-out outcome and the fold it was held out in. */
export type FoldOutcome = Outcome & { fold: number };

const IDENTITY = { a: 1, b: 0 };

/** A Platt fit rounded for the model file; the identity when there is nothing to fit. */
function platt(outcomes: readonly Outcome[]): { a: number; b: number } {
  if (outcomes.length === 0) return IDENTITY;
  const f = fitPlatt(outcomes);
  return { a: Math.round(f.a * 1e4) / 1e4, b: Math.round(f.b * 1e4) / 1e4 };
}

/**
 * Fits the map of paragraph scores ({@link PlattByLanguage}) and says how well it holds: for
 * each fold, a Platt map over every language's paragraphs (`pooled`) and one per language
 * (`own`, languages with at least `minOwn` outcomes) fitted on the other folds and applied to
 * the fold; per language, the kind with the lowest ECE over all its cross-fitted outcomes is
 * kept when lower than the noisy-or left alone. The shipped parameters are fitted on all
 * outcomes. (The choice is made on the outcomes it is scored on: with three kinds, slightly
 * optimistic.)
 */
export function fitParagraphCalibration(
  outcomes: readonly ParagraphOutcome[],
  minOwn = 100,
): ParagraphCalibrationReport {
  const langs = [...new Set(outcomes.map((o) => o.lang))].sort();
  const folds = [...new Set(outcomes.map((o) => o.fold))].sort((a, b) => a - b);
  const held: Record<string, Record<ParagraphMapKind, FoldOutcome[]>> = {};
  for (const lang of langs) held[lang] = { none: [], pooled: [], own: [] };
  for (const f of folds) {
    const rest = outcomes.filter((o) => o.fold !== f);
    const pooled = platt(rest);
    for (const lang of langs) {
      const restLang = rest.filter((o) => o.lang === lang);
      const own = restLang.length >= minOwn ? platt(restLang) : pooled;
      for (const o of outcomes)
        if (o.fold === f && o.lang === lang) {
          held[lang]!.none.push({ p: o.p, y: o.y, fold: f });
          held[lang]!.pooled.push({ p: plattIn(pooled, lang, o.p), y: o.y, fold: f });
          held[lang]!.own.push({ p: plattIn(own, lang, o.p), y: o.y, fold: f });
        }
    }
  }
  const pooled = platt(outcomes);
  const map: PlattByLanguage = { ...pooled, langs: {} };
  const ece: ParagraphCalibrationReport['ece'] = {};
  const chosen: ParagraphCalibrationReport['chosen'] = {};
  const mapped: ParagraphCalibrationReport['mapped'] = { all: [] };
  const raw: ParagraphCalibrationReport['raw'] = { all: [] };
  for (const lang of langs) {
    const e = {
      none: reliability(held[lang]!.none).ece,
      pooled: reliability(held[lang]!.pooled).ece,
      own: reliability(held[lang]!.own).ece,
    };
    ece[lang] = e;
    const own = outcomes.filter((o) => o.lang === lang);
    const kinds: ParagraphMapKind[] = own.length >= minOwn ? ['pooled', 'own'] : ['pooled'];
    let best: ParagraphMapKind = 'none';
    for (const k of kinds) if (e[k] < e[best]) best = k;
    chosen[lang] = best;
    if (best === 'none') map.langs![lang] = IDENTITY;
    if (best === 'own') map.langs![lang] = platt(own);
    mapped[lang] = held[lang]![best];
    mapped.all!.push(...held[lang]![best]);
    raw[lang] = held[lang]!.none;
    raw.all!.push(...held[lang]!.none);
  }
  return { map, ece, chosen, mapped, raw };
}

/** Report metrics of a {@link ParagraphCalibrationReport}: each language's ECE per map, with the noise test of the chosen one. */
export function paragraphCalibrationMetrics(r: ParagraphCalibrationReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [lang, e] of Object.entries(r.ece))
    for (const [kind, v] of Object.entries(e)) out[`para_${lang}_ece_${kind}`] = v;
  for (const [kind, all] of [
    ['chosen', r.mapped],
    ['none', r.raw],
  ] as const)
    for (const [lang, outcomes] of Object.entries(all)) {
      const n = eceNoise(outcomes);
      out[`para_${lang}_n`] = outcomes.length;
      out[`para_${lang}_ece_${kind}`] = n.ece;
      out[`para_${lang}_ece_${kind}_floor`] = n.floor;
      out[`para_${lang}_ece_${kind}_q95`] = n.q95;
      out[`para_${lang}_ece_${kind}_p`] = n.p;
      out[`para_${lang}_ece_${kind}_perfect_pass`] = n.pass;
      // Per fold (mean ± sd): each fold's outcomes were mapped by a fit on the other folds.
      const folds = [...new Set(outcomes.map((o) => o.fold))];
      const per = meanSd(folds.map((f) => reliability(outcomes.filter((o) => o.fold === f)).ece));
      out[`para_${lang}_ece_${kind}_fold_mean`] = per.mean;
      out[`para_${lang}_ece_${kind}_fold_sd`] = per.sd;
    }
  for (const [lang, kind] of Object.entries(r.chosen))
    out[`para_${lang}_map`] = kind === 'own' ? 2 : kind === 'pooled' ? 1 : 0;
  return out;
}
