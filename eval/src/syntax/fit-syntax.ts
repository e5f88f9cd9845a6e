import { type SyntaxModel, syntaxModelFromFile } from '@newsprism/core';
import {
  FormClasses,
  type FormClassFile,
  type HashtagReading,
  hideWord,
  prepareSyntax,
  prng,
  type SyntaxHead,
  type SyntaxModelFile,
  SyntaxTagger,
} from '@newsprism/core/train';
import { compactRows, Perceptron } from '../perceptron.js';
import { augmentHashtags } from './augment.js';
import { learnLemmas } from './learn-lemmas.js';
import { MORPH_FEATURES } from './score-syntax.js';
import { featValue, type UdSentence } from './ud.js';

const UPOS = 'ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X'.split(' ');

/** Training settings (`--set key=value`). */
export interface FitSettings {
  epochs: number;
  bits: number;
  /** Minimum |averaged weight| of a kept bucket. */
  prune: number;
  /** Predict Russian case, gender and number as well. */
  morph: boolean;
  seed: number;
  /** Runs averaged (their epoch orders from `seed`, `seed + 1`, …); 1 is a single run. */
  bag: number;
  /**
   * Probability, per epoch, that a token whose form occurs at most `rareCount` times in the
   * training data is shown with its identity hidden (`hideWord`); 0 turns it off.
   */
  unk: number;
  rareCount: number;
  /** The lexicon whose classes become features (shipped inside the model). */
  lexicon?: FormClassFile;
  /** How hashtags are read (`'body'`: through the word after `#`; shipped in the model). */
  hashtags?: HashtagReading;
  /**
   * Share of the sentences copied with a trailing list of hashtags made of their words
   * (`augmentHashtags`; needs the lexicon's headword filter); 0 turns it off.
   */
  augment?: number;
  /** Pair templates of lexicon classes (`SyntaxInput.lexPairs`; shipped in the model). */
  lexPairs?: boolean;
}

/** The heads of a model: UPOS, then the morphological features with the values seen in `train`. */
function headsFor(train: readonly UdSentence[], morph: boolean): SyntaxHead[] {
  const heads: SyntaxHead[] = [{ name: 'upos', labels: UPOS }];
  if (!morph) return heads;
  for (const f of MORPH_FEATURES) {
    const values = new Set<string>();
    for (const s of train) for (const x of s.feats) values.add(featValue(x, f));
    values.delete('');
    heads.push({ name: f, labels: ['', ...[...values].sort()] });
  }
  return heads;
}

/**
 * Trains a tagger and lemmatiser on gold sentences and returns the shipped form (pruned, int8)
 * with its loaded model: an averaged perceptron, `epochs` passes in a seeded random order, each
 * decision made greedily on the tags predicted before it (as at run time).
 */
export function fitSyntax(
  lang: string,
  gold: readonly UdSentence[],
  o: FitSettings,
  log: (line: string) => void = () => {},
): {
  file: SyntaxModelFile;
  model: SyntaxModel;
  /** The same weights pruned at another threshold. */
  compact(prune: number): { file: SyntaxModelFile; model: SyntaxModel };
} {
  const heads = headsFor(gold, o.morph);
  const index = heads.map((h) => new Map(h.labels.map((l, i) => [l, i])));
  const classes = o.lexicon && new FormClasses(o.lexicon);
  const lexicon = classes && ((lower: string) => classes.classOf(lower));
  const extra =
    o.augment && classes && o.lexicon?.headwords
      ? augmentHashtags(gold, o.augment, o.seed, (lower) => classes.isHeadword(lower))
      : [];
  if (extra.length > 0) log(`${lang}: ${extra.length} sentences copied with hashtags`);
  const train = extra.length > 0 ? [...gold, ...extra] : gold;
  const data = train.map((s) => ({
    input: prepareSyntax(s.forms, lexicon, o.hashtags, o.lexPairs),
    gold: heads.map((h, k) =>
      Uint8Array.from(s.forms, (_, i) =>
        k === 0
          ? (index[0]!.get(s.upos[i]!) ?? index[0]!.get('X')!)
          : (index[k]!.get(featValue(s.feats[i]!, h.name)) ?? 0),
      ),
    ),
  }));
  const columns = heads.reduce((n, h) => n + h.labels.length, 0);
  // Rare training words, and their copies with the identity hidden (made once).
  const counts = new Map<string, number>();
  for (const s of train) for (const f of s.forms) counts.set(f, (counts.get(f) ?? 0) + 1);
  const shown = data.map((d) => d.input.words);
  const hidden = data.map((d, j) =>
    d.input.words.map((w, i) => ((counts.get(train[j]!.forms[i]!) ?? 0) <= o.rareCount ? hideWord(w) : w)),
  );
  const where = new Map(data.map((d, j) => [d, j]));
  /** One averaged perceptron, its epochs in the order of `seed`. */
  const run = (seed: number): Float32Array => {
    const p = new Perceptron(columns, o.bits);
    const live = new SyntaxTagger(heads, o.bits, p.w);
    const teacher = { gold: [] as Uint8Array[], update: p.update.bind(p) };
    const rnd = prng(seed);
    const order = [...data];
    for (let e = 1; e <= o.epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let wrong = 0;
      let total = 0;
      for (const d of order) {
        p.t++;
        if (o.unk > 0) {
          const j = where.get(d)!;
          const h = hidden[j]!;
          d.input.words = shown[j]!.map((w, i) => (h[i] !== w && rnd() < o.unk ? h[i]! : w));
        }
        teacher.gold = d.gold;
        const got = live.tag(d.input, teacher);
        for (let i = 0; i < d.input.n; i++) if (got[0]![i] !== d.gold[0]![i]) wrong++;
        total += d.input.n;
      }
      log(`${lang} seed ${seed} epoch ${e}: train UPOS errors ${wrong}/${total}`);
    }
    if (o.unk > 0)
      data.forEach((d, j) => {
        d.input.words = shown[j]!;
      });
    return p.averaged();
  };
  // `bag` > 1: the mean of the averaged weights of that many runs in different epoch orders
  // (seeds `seed`, `seed + 1`, …): the order alone moves a single run's accuracy.
  const avg = run(o.seed);
  for (let r = 1; r < o.bag; r++) {
    const more = run(o.seed + r);
    for (let i = 0; i < avg.length; i++) avg[i]! += more[i]!;
  }
  if (o.bag > 1) for (let i = 0; i < avg.length; i++) avg[i]! /= o.bag;
  const lemmas = learnLemmas(gold);
  const compact = (prune: number) => {
    const { kept, ...rows } = compactRows(avg, columns, o.bits, prune);
    const file: SyntaxModelFile = {
      format: 'newsprism-syntax/1',
      lang,
      heads,
      ...rows,
      lemmas,
      ...(o.lexicon ? { lexicon: o.lexicon } : {}),
      ...(o.hashtags ? { hashtags: o.hashtags } : {}),
      ...(o.lexPairs && o.lexicon ? { lexPairs: true as const } : {}),
      meta: {
        epochs: o.epochs,
        ...(o.bag > 1 ? { bag: o.bag } : {}),
        prune,
        buckets: kept,
        sentences: gold.length,
        ...(extra.length > 0 ? { augmented: extra.length } : {}),
      },
    };
    return { file, model: syntaxModelFromFile(file) };
  };
  return { ...compact(o.prune), compact };
}
