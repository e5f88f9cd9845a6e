import { createWriteStream, type WriteStream } from 'node:fs';
import { NewsprismError } from '@newsprism/core';

/** A sink for command output that respects back-pressure and reports write errors cleanly. */
export interface Sink {
  write(s: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens `path` for writing, or stdout when `path` is undefined or `-`. */
export async function openSink(path?: string): Promise<Sink> {
  const stream = (path && path !== '-' ? createWriteStream(path) : process.stdout) as NodeJS.WritableStream;
  let failed: Error | undefined;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    failed = err;
  });
  if (path && path !== '-') {
    await new Promise<void>((resolve, reject) => {
      (stream as WriteStream).once('open', () => resolve());
      (stream as WriteStream).once('error', (err: Error) =>
        reject(new NewsprismError('E_OUTPUT_UNWRITABLE', `cannot write ${path}: ${err.message}`)),
      );
    });
  }
  return {
    async write(s: string) {
      if (failed) return;
      if (s === '') return;
      if (!stream.write(s)) await new Promise<void>((r) => stream.once('drain', () => r()));
    },
    async close() {
      if (stream !== process.stdout) await new Promise<void>((r) => stream.end(() => r()));
    },
  };
}
