import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global set-up: every temporary file of a test run goes under one directory of its
 * own, removed when the run ends. Tests and the CLI processes they start take `os.tmpdir()`,
 * which reads TMPDIR; without this, each `npm test` left about a hundred directories in /tmp.
 * Screenshots of the browser tests, meant to be looked at after the run, go to the directory
 * the run started with (`NEWSPRISM_SCREENSHOTS`).
 *
 * One exception: tsx's compile cache (`<tmpdir>/tsx-<uid>`, what analysis workers and child
 * processes started from TypeScript source read) stays where tsx keeps it outside tests, linked
 * into the run's directory, so a run does not compile every source file again (tsx keys its
 * entries by content and expires them itself).
 */
export default function setup(): () => void {
  const outer = tmpdir();
  const dir = mkdtempSync(join(outer, 'newsprism-vitest-'));
  // As open as /tmp itself: tests that drop to another user (`nobody`) read and write in it too.
  chmodSync(dir, 0o1777);
  const uid = process.getuid?.();
  if (uid !== undefined) {
    const cache = join(outer, `tsx-${uid}`);
    try {
      mkdirSync(cache, { recursive: true });
      symlinkSync(cache, join(dir, `tsx-${uid}`));
    } catch {
      // Not ours to write (another user's directory): tsx then keeps a cache for this run alone.
    }
  }
  process.env.NEWSPRISM_SCREENSHOTS ??= outer;
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
