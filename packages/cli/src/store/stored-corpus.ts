import type { NewsDocument, ReuseDocument } from '@newsprism/core';
import { NewsprismError } from '@newsprism/core/schema';
import type { Store } from '@newsprism/store';
import type { CorpusRead } from '../corpus-inputs.js';
import { withCorpus } from './db-option.js';

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
 * re-analysis). Each document is read in turn and kept only as `view` cuts it down (the text,
 * metadata and the parts of the layers the command reads: a corpus is held whole, its layers
 * are not). `fn` gets the documents and the open store (to save results).
 */
export async function withStoredCorpus<T>(
  db: string,
  view: (doc: NewsDocument) => ReuseDocument,
  fn: (read: CorpusRead, store: Store) => Promise<T>,
): Promise<T> {
  return withCorpus(db, async (store) => {
    const docs: ReuseDocument[] = [];
    for await (const d of store.documents()) docs.push(view(d));
    return fn({ docs, skipped: [] }, store);
  });
}
