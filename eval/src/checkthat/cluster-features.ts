import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WordClusters } from '@newsprism/core/train';

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
 * What a model trained on the clusters records of them (`meta.clusters`, `meta.clustersChecksum`):
 * the file the features read — the one set by {@link useClusterFile} (its path, as given), else
 * the shipped one of `lang` (by its name under `models/`) — and that file's checksum.
 */
export function clusterFileRecord(lang = 'en'): { clusters: string; clustersChecksum: string } {
  return override
    ? { clusters: override, clustersChecksum: clusterFileChecksum(override) }
    : { clusters: `clusters/clusters.${lang}.json`, clustersChecksum: clusterFileChecksum(undefined, lang) };
}

/** Word-cluster features of one sentence: core's, the ones the `claims` layer's `deps` model reads. */
export { clusterFeatures } from '@newsprism/core/train';
