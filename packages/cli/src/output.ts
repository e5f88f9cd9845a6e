import { createWriteStream, type WriteStream } from 'node:fs';
import { NewsprismError } from '@newsprism/core/node';

/** A sink for command output that respects back-pressure and reports write errors cleanly. */
export interface Sink {
  /** Writes `s` (pieces one after the other), a long string in slices: see {@link PIECE}. */
  write(s: string | readonly string[]): Promise<void>;
  close(): Promise<void>;
  /** The reader went away (EPIPE: `| head` has what it wanted); writes are dropped. */
  readonly closed: boolean;
}

let quietStdout = false;

/**
 * Characters written at a time: a document's JSON of hundreds of MB (a 20 MB text) is encoded
 * a slice at a time instead of into one buffer as large as the file.
 */
const PIECE = 1 << 20;

/**
 * Opens `path` for writing, or `stream` (stdout) when `path` is undefined or `-`. A closed
 * pipe does not crash the run: the sink marks itself closed and the command stops quietly.
 */
export async function openSink(path?: string, stream: NodeJS.WritableStream = process.stdout): Promise<Sink> {
  const file = path !== undefined && path !== '-';
  const out = (file ? createWriteStream(path) : stream) as NodeJS.WritableStream;
  let failed: NodeJS.ErrnoException | undefined;
  let drained: (() => void) | undefined;
  const onError = (err: NodeJS.ErrnoException) => {
    failed = err;
    drained?.();
  };
  out.on('error', onError);
  if (file) {
    await new Promise<void>((resolve, reject) => {
      (out as WriteStream).once('open', () => resolve());
      (out as WriteStream).once('error', (err: Error) =>
        reject(new NewsprismError('E_OUTPUT_UNWRITABLE', `cannot write ${path}: ${err.message}`)),
      );
    });
  }
  const writeOne = async (s: string) => {
    if (failed) {
      if (closed()) return;
      throw new NewsprismError('E_OUTPUT_UNWRITABLE', `cannot write the output: ${failed.message}`);
    }
    if (s === '') return;
    if (!out.write(s))
      await new Promise<void>((r) => {
        drained = r;
        out.once('drain', () => r());
      });
  };
  const closed = () =>
    failed !== undefined && (failed.code === 'EPIPE' || failed.code === 'ERR_STREAM_DESTROYED');
  return {
    get closed() {
      return closed();
    },
    async write(pieces: string | readonly string[]) {
      for (const s of typeof pieces === 'string' ? [pieces] : pieces)
        for (let i = 0; i < s.length; ) {
          let j = Math.min(s.length, i + PIECE);
          // Never between the halves of a surrogate pair: each slice is encoded on its own.
          if (j < s.length && (s.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--;
          await writeOne(i === 0 && j === s.length ? s : s.slice(i, j));
          i = j;
        }
    },
    async close() {
      if (out !== stream && !failed) await new Promise<void>((r) => out.end(() => r()));
      out.off('error', onError);
      // A late EPIPE from output still buffered must not crash the exit.
      if (out === process.stdout && !quietStdout) {
        quietStdout = true;
        out.on('error', () => {});
      }
    },
  };
}
