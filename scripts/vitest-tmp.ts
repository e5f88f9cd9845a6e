import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global set-up: every temporary file of a test run goes under one directory of its
 * own, removed when the run ends. Tests and the CLI processes they start take `os.tmpdir()`,
 * which reads TMPDIR; without this, each `npm test` left about a hundred directories in /tmp.
 * Screenshots of the browser tests, meant to be looked at after the run, go to the directory
 * the run started with (`NEWSPRISM_SCREENSHOTS`).
 */
export default function setup(): () => void {
  const outer = tmpdir();
  const dir = mkdtempSync(join(outer, 'newsprism-vitest-'));
  // As open as /tmp itself: tests that drop to another user (`nobody`) read and write in it too.
  chmodSync(dir, 0o1777);
  process.env.NEWSPRISM_SCREENSHOTS ??= outer;
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
