import { NewsprismError } from '../errors.js';

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

  /** The word's cluster at each level (coarsest first), or undefined for an unknown word. */
  path(word: string): number[] | undefined {
    const id = this.leaf.get(word);
    return id === undefined ? undefined : this.divisors.map((d) => Math.floor(id / d));
  }
}
