import { NewsprismError } from '../errors.js';
import { sentenceWords } from '../layers/claims/words.js';
import { modelUrl } from './dir.js';
import { hashString } from './features.js';
import type { ModelRegistry } from './registry.js';

/**
 * The words a cluster file is keyed by: {@link sentenceWords} (lower-cased words and numbers),
 * digits read as `0`, as the sentence models read them.
 *
 * @example
 * clusterWords('Senator 7 won'); // ['senator', '0', 'won']
 */
export function clusterWords(text: string): string[] {
  return sentenceWords(text).map(clusterKey);
}

/** The key of a word in a cluster file: its digits read as `0`. */
export function clusterKey(word: string): string {
  return /\d/.test(word) ? word.replace(/\d/g, '0') : word;
}

/**
 * A word-cluster file (`models/clusters/clusters.<lang>.json`, format `newsprism-clusters/1`):
 * `branching` (e.g. `[64, 4, 4]`: 64 clusters, each cut in 4, each of those in 4) and, for
 * every leaf cluster in id order, its words joined by spaces. Leaf id `i` lies in cluster
 * `⌊i / (product of the later branchings)⌋` of each coarser level.
 */
export interface WordClusterFile {
  format: 'newsprism-clusters/1';
  lang: string;
  branching: number[];
  clusters: string[];
  meta?: Record<string, unknown>;
}

/**
 * Distributional word classes learned from unlabelled text (`newsprism train clusters`): a
 * word's leaf cluster and the coarser clusters above it, as Brown clusters' bit-string
 * prefixes are used (Koo et al. 2008, Turian et al. 2010). Words are looked up as
 * `sentenceWords` gives them (lower-cased, digits as `0`).
 *
 * @example
 * const c = new WordClusters(JSON.parse(text));
 * c.path('senator'); // [12, 49, 197]: its cluster at 64, 256 and 1024 classes
 */
export class WordClusters {
  readonly lang: string;
  /** Number of clusters at each level, coarsest first (`[64, 256, 1024]`). */
  readonly sizes: readonly number[];
  private readonly leaf = new Map<string, number>();
  private readonly divisors: number[];
  private byHash: HashTable | undefined;

  constructor(file: WordClusterFile) {
    if (
      file?.format !== 'newsprism-clusters/1' ||
      !Array.isArray(file.branching) ||
      !Array.isArray(file.clusters)
    )
      throw new NewsprismError('E_MODEL_INVALID', 'word clusters: not a newsprism-clusters/1 file');
    this.lang = file.lang;
    const sizes: number[] = [];
    let n = 1;
    for (const b of file.branching) {
      n *= b;
      sizes.push(n);
    }
    this.sizes = sizes;
    this.divisors = sizes.map((s) => n / s);
    file.clusters.forEach((words, id) => {
      for (const w of words.split(' ')) if (w) this.leaf.set(w, id);
    });
  }

  /** Words with a cluster. */
  get vocabulary(): number {
    return this.leaf.size;
  }

  /** The word's leaf cluster id, or undefined for an unknown word. */
  leafOf(word: string): number | undefined {
    return this.leaf.get(word);
  }

  /**
   * The leaf id of the word of ASCII letters a-z whose `hashString` is `h` (the tagger's hash of
   * a token lower-cased), or undefined. Of two words with one hash, the first in the file keeps
   * it; a word outside the file that shares a word's hash reads as that word (rare, and the same
   * in training and analysis).
   */
  leafOfHash(h: number): number | undefined {
    this.byHash ??= hashTable(this.leaf);
    const t = this.byHash;
    // Open addressing, linear probing; a slot's key is the hash, its value the leaf id + 1.
    for (let i = (h ^ (h >>> 15)) & t.mask; ; i = (i + 1) & t.mask) {
      const v = t.vals[i]!;
      if (v === 0) return undefined;
      if (t.keys[i] === h >>> 0) return v - 1;
    }
  }

  /** The word's cluster at each level (coarsest first), or undefined for an unknown word. */
  path(word: string): number[] | undefined {
    const id = this.leaf.get(word);
    return id === undefined ? undefined : this.divisors.map((d) => Math.floor(id / d));
  }
}

interface HashTable {
  keys: Uint32Array;
  vals: Int32Array;
  mask: number;
}

/** The leaf ids of the words of ASCII letters a-z by `hashString`, for {@link WordClusters.leafOfHash}. */
function hashTable(leaf: ReadonlyMap<string, number>): HashTable {
  let size = 1024;
  while (size < leaf.size * 2) size *= 2;
  const t = { keys: new Uint32Array(size), vals: new Int32Array(size), mask: size - 1 };
  for (const [w, id] of leaf) {
    if (!/^[a-z]+$/.test(w)) continue;
    const h = hashString(w);
    let i = (h ^ (h >>> 15)) & t.mask;
    while (t.vals[i] !== 0 && t.keys[i] !== h) i = (i + 1) & t.mask;
    // Of two words with one hash, the first in the file keeps it.
    if (t.vals[i] === 0) {
      t.keys[i] = h;
      t.vals[i] = id + 1;
    }
  }
  return t;
}

/**
 * The word clusters of a pipeline, loaded once through the registry (checksummed into the
 * producers of the layers that read them): the shipped `models/clusters/clusters.<lang>.json`
 * when `file` is `clusters/clusters.<lang>.json`, else the file at path `file`. With `checksum`
 * (what a model trained on the clusters recorded), a different file stops the set-up with
 * `E_MODEL_INVALID`: its class ids would not be the ones the model learnt.
 */
export function loadWordClusters(registry: ModelRegistry, file: string, checksum?: unknown): WordClusters {
  const shipped = /^clusters\/clusters\.[a-z]{2,3}\.json$/.test(file);
  const id = shipped ? file : 'clusters/user';
  const clusters = registry.load(
    id,
    shipped ? modelUrl(file) : file,
    ([b]) => new WordClusters(JSON.parse(b!.toString('utf8'))),
    shipped
      ? 'train it with npx newsprism train clusters --data ../shared/data'
      : 'give the path of a cluster file',
  );
  if (typeof checksum === 'string' && registry.loaded[id] !== checksum)
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `word clusters ${file}: checksum ${registry.loaded[id]}, but the model was trained with ${checksum}; retrain the model with the current file (its card has the command)`,
    );
  return clusters;
}
