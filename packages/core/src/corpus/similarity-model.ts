import { NewsprismError } from '../errors.js';
import { modelUrl } from '../models/dir.js';
import { createModelStore, type ModelRegistry } from '../models/registry.js';
import { SIMILARITY_DIMENSIONS, SIMILARITY_FEATURES, type SimilarityModel } from './similarity.js';

/** A similarity model file (`models/similarity/similarity.json`, written by `newsprism train story-similarity`). */
interface SimilarityModelFile {
  format: 'newsprism-similarity/1';
  features: string[];
  dimensions: SimilarityModel;
}

/**
 * Loads a similarity model, the shipped one or the file at `path`, through a model registry:
 * read once per model store and checksummed (`registry.loaded['similarity/similarity.json']`
 * or `['similarity/user']`), so a caller that records provenance passes its own registry.
 * Throws `E_MODEL_MISSING` for a file that is not there, `E_MODEL_INVALID` for one that cannot be
 * parsed or is of another format or feature list.
 */
export function loadSimilarityModel(
  path?: string,
  registry: ModelRegistry = createModelStore().scope(),
): SimilarityModel {
  const where = path ?? modelUrl('similarity/similarity.json');
  const id = path ? 'similarity/user' : 'similarity/similarity.json';
  try {
    return registry.load(id, where, ([b]) => checkSimilarityModel(b!.toString('utf8'), String(where)));
  } catch (err) {
    if ((err as NewsprismError).code !== 'E_MODEL_MISSING') throw err;
    throw new NewsprismError(
      'E_MODEL_MISSING',
      `cannot read similarity model ${String(where)}: no such file`,
    );
  }
}

function checkSimilarityModel(text: string, where: string): SimilarityModel {
  let file: SimilarityModelFile;
  try {
    file = JSON.parse(text) as SimilarityModelFile;
  } catch (err) {
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `cannot read similarity model ${where}: ${(err as Error).message}`,
    );
  }
  const ok =
    file.format === 'newsprism-similarity/1' &&
    file.features.join() === SIMILARITY_FEATURES.join() &&
    SIMILARITY_DIMENSIONS.every((d) => file.dimensions[d]?.weights.length === SIMILARITY_FEATURES.length);
  if (!ok)
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `${where} is not a similarity model for this version; retrain it with \`newsprism train story-similarity\``,
    );
  return file.dimensions;
}
