import { parentPort, workerData } from 'node:worker_threads';
import { OptionError } from '@newsprism/core/schema';
import { search } from '../search.js';
import { openSqlite } from './open-sqlite.js';

// One search reader (see readers.ts): a read-only connection of its own, answering one search at
// a time; errors go back with their code.
const db = openSqlite((workerData as { path: string }).path, { readonly: true });
parentPort!.postMessage({ ready: true });
parentPort!.on('message', async (m: { id: number; req: Parameters<typeof search>[1] }) => {
  try {
    // As JSON text: one string to copy across, and what the server sends as is.
    parentPort!.postMessage({ id: m.id, json: JSON.stringify(await search(db, m.req)) });
  } catch (err) {
    const e = err as { code?: string; message?: string; option?: string; says?: string };
    // An OptionError's option and wording cross too, so that the API names its query parameter
    // (`"from" takes a date …`), not the CLI's flag (`--from`), as it does without readers.
    const option = err instanceof OptionError ? { option: err.option, says: err.says } : {};
    parentPort!.postMessage({
      id: m.id,
      error: { code: e.code, message: e.message ?? String(err), ...option },
    });
  }
});
