import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clusterWords, hashString, type SparseVector, WordClusters } from '@newsprism/core/train';

const loaded = new Map<string, WordClusters>();
let override: string | undefined;

/** Makes {@link clusterFeatures} read `path` instead of the shipped `models/clusters/clusters.<lang>.json`. */
export function useClusterFile(path: string | undefined): void {
  override = path;
}

/** The path of the shipped cluster file of `lang` (`models/clusters/clusters.<lang>.json`). */
export function shippedClusterFile(lang: string): string {
  return fileURLToPath(new URL(`../../../models/clusters/clusters.${lang}.json`, import.meta.url));
}

/**
 * The word clusters of `lang`: the file at `path`; by default the one set by
 * {@link useClusterFile}, else the shipped one.
 */
export function clustersFor(lang: string, path = override ?? shippedClusterFile(lang)): WordClusters {
  let c = loaded.get(path);
  if (!c) {
    c = new WordClusters(JSON.parse(readFileSync(path, 'utf8')));
    loaded.set(path, c);
  }
  return c;
}

/**
 * The checksum the model registry gives a cluster file (sha256, first 12 hex digits): a model
 * trained on the clusters records it, and the analyzer refuses another file under that name.
 */
export function clusterFileChecksum(path?: string, lang = 'en'): string {
  return createHash('sha256')
    .update(readFileSync(path ?? shippedClusterFile(lang)))
    .digest('hex')
    .slice(0, 12);
}

/**
 * Word-cluster features of one sentence (experiment `train claims|subjectivity --set
 * wc=W`): for every word with a cluster, its cluster at each level chosen by the bit mask
 * `levels` (bit 0 the coarsest: 7 = 64, 256 and 1,024 classes), counted (`k256:17`), scaled to
 * unit length and then by `weight`; with `bigrams`, also the pairs of neighbouring words'
 * coarsest clusters (`kb:3_40`). What unlabelled text knows of words the labelled sentences
 * never had: `senator` shares a class with `nominee` and `incumbent`.
 */
export function clusterFeatures(
  text: string,
  clusters: WordClusters,
  bits: number,
  weight: number,
  levels = 7,
  bigrams = false,
): SparseVector {
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  let prev: number | undefined;
  for (const w of clusterWords(text)) {
    const path = clusters.path(w);
    if (bigrams) {
      const top = path?.[0];
      if (prev !== undefined && top !== undefined) bump(`kb:${prev}_${top}`);
      prev = top;
    }
    if (!path) continue;
    path.forEach((id, level) => {
      if (levels & (1 << level)) bump(`k${clusters.sizes[level]}:${id}`);
    });
  }
  let ss = 0;
  for (const n of counts.values()) ss += n * n;
  const scale = ss ? weight / Math.sqrt(ss) : 0;
  const mask = (1 << bits) - 1;
  const idx: number[] = [];
  const val: number[] = [];
  for (const [name, n] of counts) {
    idx.push(hashString(name) & mask);
    val.push(n * scale);
  }
  return { idx, val };
}
