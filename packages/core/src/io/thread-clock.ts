import { readFileSync, readlinkSync } from 'node:fs';

/**
 * The id of the calling thread as Linux names it (`/proc/thread-self` → `…/task/<tid>`), or
 * undefined elsewhere. A worker sends it to the main thread so its CPU time can be read.
 */
export function threadId(): string | undefined {
  try {
    return readlinkSync('/proc/thread-self').split('/').pop();
  } catch {
    return undefined;
  }
}

/**
 * A clock for one thread's time budget: the CPU milliseconds the thread has used (user +
 * system, from `/proc/self/task/<tid>/stat`) when Linux tells it, else the wall clock. CPU time
 * does not grow while a busy machine runs other work, so a document is not cut off for the
 * neighbours' load; a runaway loop still burns CPU and is caught.
 */
export function threadClock(tid: string | undefined): () => number {
  if (tid === undefined) return Date.now;
  const path = `/proc/self/task/${tid}/stat`;
  return () => {
    try {
      const stat = readFileSync(path, 'latin1');
      // Fields after the command name (which may hold spaces) in parentheses; utime and
      // stime are fields 14 and 15 of the line, in clock ticks of 10 ms.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      return Date.now();
    }
  };
}
