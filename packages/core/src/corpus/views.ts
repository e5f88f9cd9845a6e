import type { TechniquesLayer } from '../layers/techniques/techniques.js';
import type { ReuseDocument } from './reuse-types.js';

/**
 * A document cut down to its id, text, metadata and language: what grouping and fingerprinting
 * read, and where the views a corpus command keeps of each document start (`reuseView`,
 * `comparisonView`): a corpus is held whole, its layers are not.
 */
export function textView(doc: ReuseDocument): ReuseDocument {
  const view: ReuseDocument = { id: doc.id, text: doc.text };
  if (doc.schema !== undefined) view.schema = doc.schema;
  if (doc.meta) view.meta = doc.meta;
  if (doc.language) view.language = doc.language;
  return view;
}

/** The techniques of each paragraph, without the spans and their reasons. */
export function paragraphTechniques(layer: TechniquesLayer): TechniquesLayer {
  return { spans: [], paragraphs: layer.paragraphs };
}
