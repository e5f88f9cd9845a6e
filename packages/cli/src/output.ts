import { createWriteStream, type WriteStream } from 'node:fs';
import { NewsprismError } from '@newsprism/core/node';

/** A sink for command output that respects back-pressure and reports write errors cleanly. */
export interface Sink {
  write(s: string): Promise<void>;
  close(): Promise<void>;
  /** The reader went away (EPIPE: `| head` has what it wanted); writes are dropped. */
  readonly closed: boolean;
}

let quietStdout = false;

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
  const closed = () =>
    failed !== undefined && (failed.code === 'EPIPE' || failed.code === 'ERR_STREAM_DESTROYED');
  return {
    get closed() {
      return closed();
    },
    async write(s: string) {
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
