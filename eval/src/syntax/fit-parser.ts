import { DependencyParser, type DepsModelFile } from '@newsprism/core';
import { ArcState, dependentCounts, oracleApplied, oracleMove, prng } from '@newsprism/core/train';
import { compactRows, Perceptron } from '../perceptron.js';

/** UD's universal parts of speech: the parser's tag features (1-based). */
const PARSER_TAGS = 'ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X'.split(
  ' ',
);

/** A training or test sentence of the parser: word forms, the tags it reads, the gold tree. */
export interface ParseSentence {
  doc: string;
  forms: string[];
  /** The tags the parser reads: predicted by a tagger (jackknifed for training), or gold. */
  tags: string[];
  /** The tagger's FEATS per word (read by a parser with `morph`). */
  feats?: string[];
  /** Gold head per word, 0-based (−1 root). */
  heads: number[];
  /** Gold DEPREL per word (subtypes are cut to the base relation). */
  deprels: string[];
}

/** Parser training settings (`--set key=value`). */
export interface ParseSettings {
  epochs: number;
  bits: number;
  /** Minimum |averaged weight| of a kept bucket. */
  prune: number;
  seed: number;
  /** Whether the parser reads the tagger's Case, Gender and Number (`--set morph=1`). */
  morph: boolean;
}

/** A UD relation without its subtype (`nsubj:pass` → `nsubj`). */
export const baseRelation = (deprel: string): string => deprel.split(':')[0]!;

/**
 * Whether the static oracle rebuilds a sentence's gold tree (its tree is projective and
 * single-rooted): the sentences the parser can learn from.
 */
export function oracleReaches(heads: readonly number[]): boolean {
  const st = new ArcState(heads.length);
  const pending = dependentCounts(heads);
  while (!st.done()) {
    const m = oracleMove(st, heads, pending);
    st.apply(m, 0);
    oracleApplied(st, m, heads, pending);
  }
  return heads.every((h, i) => st.head[i] === h);
}

/**
 * Trains the dependency parser: an averaged perceptron, `epochs` passes in a seeded random
 * order over the sentences whose tree the oracle reaches, each move learned on the oracle's
 * configuration (static oracle). Returns the shipped form (pruned, int8) and its parser.
 */
export function fitParser(
  lang: string,
  sentences: readonly ParseSentence[],
  o: ParseSettings,
  log: (line: string) => void = () => {},
): {
  file: DepsModelFile;
  parser: DependencyParser;
  compact(prune: number): { file: DepsModelFile; parser: DependencyParser };
} {
  const labels = [...new Set(sentences.flatMap((s) => s.deprels.map(baseRelation)))]
    .filter((l) => l !== 'root')
    .sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const usable = sentences.filter((s) => oracleReaches(s.heads));
  log(
    `${lang} parser: ${usable.length} of ${sentences.length} sentences projective, ${labels.length} labels`,
  );
  const columns = 3 + 2 * labels.length;
  const p = new Perceptron(columns, o.bits);
  const live = new DependencyParser(PARSER_TAGS, labels, o.bits, p.w, undefined, o.morph);
  const data = usable.map((s) => ({
    input: live.input(s.forms, s.tags, s.feats),
    heads: Int32Array.from(s.heads),
    labels: Uint8Array.from(s.deprels, (d) => index.get(baseRelation(d)) ?? 0),
  }));
  const update = p.update.bind(p);
  const rnd = prng(o.seed);
  const order = [...data];
  for (let e = 1; e <= o.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const d of order) {
      p.t++;
      live.parse(d.input, { heads: d.heads, labels: d.labels, update });
    }
    log(`${lang} parser epoch ${e}`);
  }
  const avg = p.averaged();
  const compact = (prune: number) => {
    const { kept, ...rows } = compactRows(avg, columns, o.bits, prune);
    const file: DepsModelFile = {
      format: 'newsprism-deps/1',
      lang,
      tags: PARSER_TAGS,
      labels,
      ...(o.morph ? { morph: true } : {}),
      ...rows,
      meta: { epochs: o.epochs, prune, buckets: kept, sentences: usable.length },
    };
    return { file, parser: DependencyParser.fromFile(file) };
  };
  return { ...compact(o.prune), compact };
}
