import {
  createPipeline,
  type DocumentInput,
  type NewsDocument,
  NewsprismError,
  type ReuseDocument,
} from '@newsprism/core';
import { escapeControl, readInputs, type Skip } from '@newsprism/core/node';
import { warn, warnNotice } from './commands/command.js';
import { openSink } from './output.js';

/** Documents read for a corpus command, and the inputs that were skipped. */
export interface CorpusRead {
  /** Whole documents, or the views of them a corpus command keeps (`reuseView`, …). */
  docs: ReuseDocument[];
  skipped: Skip[];
}

/**
 * Reads every input into a document with the given layers (light ones: a corpus command
 * analyses further only what it reports on). Bad inputs and analyzer failures are reported on
 * stderr and skipped; a repeated document id is skipped with `E_DUPLICATE_ID`.
 */
export async function readCorpus(
  paths: string[],
  options: { maxBytes: number; lang?: string; layers: string[] },
): Promise<CorpusRead> {
  if (paths.length === 0)
    throw new NewsprismError('E_USAGE', 'no inputs; give files, directories or - for stdin (see --help)');
  const pipeline = await createPipeline({ layers: options.layers });
  const docs: NewsDocument[] = [];
  const skipped: CorpusRead['skipped'] = [];
  const seen = new Set<string>();
  const skip = (e: Skip) => {
    skipped.push(e);
    warn(`skipped ${escapeControl(e.source)}: ${e.code} ${escapeControl(e.message)}`);
  };
  for await (const item of readInputs(paths, {
    maxBytes: options.maxBytes,
    lang: options.lang,
    onNotice: warnNotice(),
  })) {
    if (!item.ok) {
      skip(item);
      continue;
    }
    const source = item.input.meta?.source ?? item.input.id;
    if (seen.has(item.input.id)) {
      skip({
        ok: false,
        source,
        code: 'E_DUPLICATE_ID',
        message: `a document with id "${item.input.id}" was read already; give each an id`,
      });
      continue;
    }
    seen.add(item.input.id);
    try {
      docs.push(pipeline.run(item.input));
    } catch (err) {
      skip({ ok: false, source, code: 'E_ANALYZER_FAILED', message: (err as Error).message });
    }
  }
  return { docs, skipped };
}

/** A function that analyses a document further (more layers), for the documents a command reports on. */
export async function deepen(
  layers: string[],
): Promise<(doc: { id: string; text: string; meta?: NewsDocument['meta'] }) => NewsDocument> {
  const pipeline = await createPipeline({ layers });
  return (doc) => {
    const input: DocumentInput = { id: doc.id, text: doc.text, meta: doc.meta };
    return pipeline.run(input);
  };
}

/**
 * Exit code of a corpus command: 1 when inputs were skipped, 2 when nothing could be read.
 * `E_NO_DOCUMENTS` only when the inputs held no document at all (as `analyze` and `ingest`):
 * skipped inputs have said why in their own lines, a lone one all there is to say.
 */
function corpusExit(read: CorpusRead, what: string): number {
  if (read.docs.length === 0 && read.skipped.length === 0) {
    warn(
      `E_NO_DOCUMENTS no documents could be read; ${what} needs at least one (.txt, .html, .htm, .html.gz or .jsonl files, or a --db store that holds some)`,
    );
    return 2;
  }
  if (read.skipped.length) {
    const codes = [...new Set(read.skipped.map((s) => s.code))].join(', ');
    if (read.docs.length > 0 || read.skipped.length > 1)
      warn(`read ${read.docs.length} documents, skipped ${read.skipped.length} (${codes})`);
    return read.docs.length === 0 ? 2 : 1;
  }
  return 0;
}

/** Writes a corpus command's output chunks to `output` (stdout when undefined) and returns the exit code. */
export async function finishCorpus(
  output: string | undefined,
  chunks: readonly string[],
  read: CorpusRead,
  what: string,
): Promise<number> {
  const sink = await openSink(output);
  for (const c of chunks) await sink.write(c);
  await sink.close();
  return corpusExit(read, what);
}
