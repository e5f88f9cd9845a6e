import type { NewsDocument } from '@newsprism/core';
import { NewsprismError } from '@newsprism/core/schema';
import type { Store } from '@newsprism/store';
import type { CorpusRead } from '../corpus-inputs.js';
import { withStore } from './db-option.js';

/** The layers reuse detection and stories read (the diff, the comparison); the rest stay in the store. */
const CORPUS_LAYERS = [
  'language',
  'paragraphs',
  'sentences',
  'entities',
  'naming',
  'quotes',
  'sources',
  'claims',
  'techniques',
  'frames',
] as const;

/** A stored document cut down to its text, metadata and the given layers (memory: a corpus is held whole). */
function slim(doc: NewsDocument, layers: readonly string[]): NewsDocument {
  const out: Record<string, unknown> = { schema: doc.schema, id: doc.id, text: doc.text, meta: doc.meta };
  const all = doc as unknown as Record<string, unknown>;
  for (const l of layers) if (all[l] !== undefined) out[l] = all[l];
  return out as unknown as NewsDocument;
}

/** Checks a corpus command's `--db`, `--save` and inputs go together. */
export function checkStoreFlags(
  db: unknown,
  save: unknown,
  positionals: readonly string[],
  command: string,
): void {
  if (db !== undefined && positionals.length)
    throw new NewsprismError(
      'E_USAGE',
      `give either inputs or --db, not both (${command} --db reads the documents stored there)`,
    );
  if (save && db === undefined)
    throw new NewsprismError('E_USAGE', `--save stores the ${command} result in a store; give --db too`);
}

/**
 * Runs a corpus command over the documents of the store `db` names, as analysed at ingest (no
 * re-analysis): each document's text, metadata and the layers the command reads (`language`
 * only with `full` false). `fn` gets the documents and the open store (to save results).
 */
export async function withStoredCorpus<T>(
  db: string,
  full: boolean,
  fn: (read: CorpusRead, store: Store) => Promise<T>,
): Promise<T> {
  return withStore(db, async (store) => {
    const docs: NewsDocument[] = [];
    const layers = full ? CORPUS_LAYERS : (['language'] as const);
    for await (const d of store.documents()) docs.push(slim(d, layers));
    return fn({ docs, skipped: [] }, store);
  });
}
