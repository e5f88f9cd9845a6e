import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliRun } from './run-cli.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** The uid and gid of `nobody`, the user a root test run drops to. */
export const NOBODY = 65534;

/**
 * Runs the CLI from source in a child process (tests only), as `uid` when given: a test that
 * depends on file permissions runs unprivileged even when the suite runs as root, as in CI.
 */
export function runCliChild(argv: readonly string[], uid?: number): Promise<CliRun> {
  const script = `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(${JSON.stringify(argv)});`;
  const args = ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script];
  const ids = uid === undefined ? {} : { uid, gid: uid };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { ...ids, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : Number.NaN) : 0;
      if (Number.isNaN(code)) reject(err);
      else resolve({ code, stdout, stderr });
    });
  });
}
