import { readFileSync } from 'node:fs';
import { hashString, type SparseVector } from '@newsprism/core/train';

// The words the cluster table was built from: letter runs with inner apostrophes, digit runs.
const WORD = /[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*|\p{N}+/gu;

const tables = new Map<string, Map<string, string>>();

function table(path: string): Map<string, string> {
  let t = tables.get(path);
  if (!t) {
    t = new Map();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const [w, c] = line.split('\t');
      if (w && c) t.set(w, c);
    }
    tables.set(path, t);
  }
  return t;
}

/**
 * Word-cluster n-grams of one sentence (experiment `--set clusters=W --set clusterFile=PATH`):
 * each word's distributional cluster (`word \t cluster` lines), `?` for words outside the
 * table, as unigrams `k1:`, bigrams `k2:` with sentence edges, scaled together to length `weight`.
 */
export function clusterFeatures(text: string, path: string, bits: number, weight: number): SparseVector {
  const t = table(path);
  const words = text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
  const cs = ['<s>', ...words.map((w) => t.get(w.replace(/\d/g, '0')) ?? '?'), '</s>'];
  const names: string[] = [];
  for (let i = 1; i < cs.length - 1; i++) names.push(`k1:${cs[i]}`);
  for (let i = 0; i + 1 < cs.length; i++) names.push(`k2:${cs[i]}_${cs[i + 1]}`);
  const mask = (1 << bits) - 1;
  const k = names.length ? weight / Math.sqrt(names.length) : 0;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => k) };
}
