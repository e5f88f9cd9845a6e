import { readFileSync } from 'node:fs';
import { NewsprismError } from '../errors.js';
import { modelUrl } from '../models/dir.js';
import { SIMILARITY_DIMENSIONS, SIMILARITY_FEATURES, type SimilarityModel } from './similarity.js';

/** A similarity model file (`models/similarity/similarity.json`, written by `newsprism train story-similarity`). */
interface SimilarityModelFile {
  format: 'newsprism-similarity/1';
  features: string[];
  dimensions: SimilarityModel;
}

const cache = new Map<string, SimilarityModel>();

/**
 * Loads a similarity model: the shipped one, or the file at `path`. The one place a similarity
 * model is read, so it can later go through a model registry. Throws `E_BAD_MODEL` for a file of
 * another format or feature list.
 */
export function loadSimilarityModel(path?: string): SimilarityModel {
  const key = path ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const where = path ?? modelUrl('similarity/similarity.json');
  let file: SimilarityModelFile;
  try {
    file = JSON.parse(readFileSync(where, 'utf8')) as SimilarityModelFile;
  } catch (err) {
    throw new NewsprismError(
      'E_BAD_MODEL',
      `cannot read similarity model ${String(where)}: ${(err as Error).message}`,
    );
  }
  const ok =
    file.format === 'newsprism-similarity/1' &&
    file.features.join() === SIMILARITY_FEATURES.join() &&
    SIMILARITY_DIMENSIONS.every((d) => file.dimensions[d]?.weights.length === SIMILARITY_FEATURES.length);
  if (!ok)
    throw new NewsprismError(
      'E_BAD_MODEL',
      `${String(where)} is not a similarity model for this version; retrain it with \`newsprism train story-similarity\``,
    );
  cache.set(key, file.dimensions);
  return file.dimensions;
}
