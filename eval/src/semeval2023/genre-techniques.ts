import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPipeline, GENRES } from '@newsprism/core';
import { documentTechniqueShare, prng } from '@newsprism/core/train';
import type { TaskOptions } from '../task.js';
import type { SemevalArticle } from './dataset.js';
import { trainTechniques } from './train-techniques.js';

/** Fold of an article for the out-of-fold techniques models (stable: a hash of its id and `salt`). */
export function techniqueFold(a: SemevalArticle, folds: number, salt = ''): number {
  return createHash('sha1').update(`genre-techniques${salt}:${a.dir}:${a.id}`).digest()[0]! % folds;
}

/**
 * The share of paragraphs with a persuasion technique of each article (one data set directory),
 * as the `techniques` layer finds them with a model that never saw the article: per fold, the
 * techniques trainer (its defaults, one language) learns from the other folds' articles, reading
 * a temporary copy of the data set's label files in which the fold's lines are left out (the
 * article texts are linked, not copied); the shipped techniques model saw every article, and its
 * shares on them are not what it gives on new ones.
 */
export async function outOfFoldTechniqueShares(
  o: TaskOptions,
  articles: readonly SemevalArticle[],
  folds = 5,
  salt = '',
  version = 2,
): Promise<number[]> {
  const dir = articles[0]!.dir;
  const src = resolve(o.data, dir);
  const root = mkdtempSync(join(tmpdir(), 'newsprism-genre-'));
  const shares = new Array<number>(articles.length).fill(0);
  const fold = articles.map((a) => techniqueFold(a, folds, salt));
  const lines = readFileSync(join(src, 'train-labels-subtask-3.txt'), 'utf8').split('\n');
  try {
    for (let k = 0; k < folds; k++) {
      const keep = new Set(articles.filter((_, i) => fold[i] !== k).map((a) => a.id));
      const base = join(root, String(k));
      mkdirSync(join(base, dir), { recursive: true });
      for (const f of ['train-articles', 'train-labels-subtask-3-spans', 'train-labels-subtask-1.txt'])
        symlinkSync(join(src, f), join(base, dir, f));
      writeFileSync(
        join(base, dir, 'train-labels-subtask-3.txt'),
        lines.filter((l) => keep.has(l.split('\t')[0]!)).join('\n'),
      );
      const model = join(base, 'techniques.json');
      o.log(
        `genre: techniques model ${k + 1}/${folds} for ${dir} (without ${articles.length - keep.size} articles)`,
      );
      await trainTechniques.run({
        data: base,
        split: 'all',
        lang: dir,
        out: model,
        extra: {},
        log: () => {},
      });
      const pipeline = await createPipeline({ layers: ['techniques'], options: { techniques: { model } } });
      articles.forEach((a, i) => {
        if (fold[i] !== k) return;
        const doc = pipeline.run({ id: a.id, text: a.text, meta: { format: 'text', lang: a.lang } });
        shares[i] = documentTechniqueShare(doc, version);
      });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return shares;
}

/**
 * The share of sentences (settings `version` 2) or paragraphs (1) with a technique of each
 * article, by the shipped techniques model.
 */
export async function techniqueShares(articles: readonly SemevalArticle[], version = 2): Promise<number[]> {
  const pipeline = await createPipeline({ layers: ['techniques'] });
  return articles.map((a) =>
    documentTechniqueShare(
      pipeline.run({ id: a.id, text: a.text, meta: { format: 'text', lang: a.lang } }),
      version,
    ),
  );
}

/**
 * Macro-F1 over the three genres (a genre absent from gold and predictions counting 0, as the
 * subtask-1 scorer does) of calling the articles at indices `idx` reporting when their score
 * (`shares`: the share of technique paragraphs, or the combined score of the genre model) is at
 * most `cut`, opinion otherwise.
 */
export function cutMacroF1(
  shares: readonly number[],
  gold: readonly string[],
  cut: number,
  idx?: readonly number[],
) {
  let sum = 0;
  for (const g of GENRES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const i of idx ?? shares.keys()) {
      const p = shares[i]! <= cut ? 'reporting' : 'opinion';
      if (p === g && gold[i] === g) tp++;
      else if (p === g) fp++;
      else if (gold[i] === g) fn++;
    }
    sum += tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / GENRES.length;
}

/** The cut of best macro-F1: the first midpoint between neighbouring distinct scores that reaches it. */
export function bestCut(shares: readonly number[], gold: readonly string[], idx?: readonly number[]): number {
  const xs = [...new Set((idx ?? [...shares.keys()]).map((i) => shares[i]!))].sort((a, b) => a - b);
  let best = -1;
  let cut = 0;
  for (let j = 0; j + 1 < xs.length; j++) {
    const c = (xs[j]! + xs[j + 1]!) / 2;
    const f = cutMacroF1(shares, gold, c, idx);
    if (f > best + 1e-12) {
      best = f;
      cut = c;
    }
  }
  return Math.round(cut * 1e4) / 1e4;
}

/**
 * The slope of P(reporting) = σ(slope · (cut − score)) of least class-balanced log loss over the
 * reporting and opinion articles (a grid from 0.05 to about 50, 10 % apart): how sure the
 * decision is away from the cut.
 */
export function fitSlope(shares: readonly number[], gold: readonly string[], cut: number): number {
  const nRep = gold.filter((g) => g === 'reporting').length;
  const nOp = gold.filter((g) => g === 'opinion').length;
  let best = Number.POSITIVE_INFINITY;
  let slope = 1;
  for (let s = 0.05; s <= 50; s *= 1.1) {
    let loss = 0;
    shares.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-s * (cut - x)));
      if (gold[i] === 'reporting') loss -= Math.log(Math.max(p, 1e-12)) / nRep;
      else if (gold[i] === 'opinion') loss -= Math.log(Math.max(1 - p, 1e-12)) / nOp;
    });
    if (loss < best) {
      best = loss;
      slope = s;
    }
  }
  return Math.round(slope * 1e3) / 1e3;
}

/**
 * Cross-validated macro-F1 of the cut rule with nothing tuned on the scored articles (the scores
 * themselves must be out of fold): per fold, the cut is chosen on the other folds; mean and
 * standard deviation over `repeats` fold splits.
 */
export function nestedCutMacroF1(
  shares: readonly number[],
  gold: readonly string[],
  repeats = 10,
  folds = 5,
): { mean: number; sd: number } {
  const scores: number[] = [];
  const all = [...shares.keys()];
  for (let r = 0; r < repeats; r++) {
    const rand = prng(1000 + r * 17);
    const f = all.map(() => Math.floor(rand() * folds));
    const pred = new Array<number>(shares.length);
    for (let k = 0; k < folds; k++) {
      const cut = bestCut(
        shares,
        gold,
        all.filter((i) => f[i] !== k),
      );
      for (const i of all) if (f[i] === k) pred[i] = shares[i]! <= cut ? 0 : 1;
    }
    // pred 0 → share at or below its fold's cut: score with cut 0.5 on the 0/1 decisions.
    scores.push(cutMacroF1(pred, gold, 0.5));
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
  return { mean, sd };
}
