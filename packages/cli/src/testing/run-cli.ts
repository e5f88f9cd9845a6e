import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../main.js';

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with `argv`, capturing stdout and stderr (tests only). */
export async function runCli(argv: string[], stdin?: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  const stdinMock =
    stdin === undefined
      ? undefined
      : vi.spyOn(process.stdin, Symbol.asyncIterator).mockImplementation(async function* () {
          yield Buffer.from(stdin);
        } as never);
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    stdinMock?.mockRestore();
  }
}

/** A fresh temporary directory for a test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsprism-test-'));
}

/** A fresh temporary directory holding `names`' files (name → text). */
export function files(names: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(names)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A short wire article set in `place` (a title, two paragraphs, one quote). */
export const ARTICLE = (place: string) => `Port Talks Resume In ${place}

Negotiators resumed talks on the grain corridor in ${place} on Tuesday. Both delegations attended.

"We are close," one negotiator said.`;

/** The error code of each `newsprism: E_CODE …` line on stderr (skips and fatal errors alike). */
export const codes = (stderr: string) =>
  [...stderr.matchAll(/^newsprism: (?:skipped \S+: )?(E_[A-Z_]+)/gm)].map((m) => m[1]);

/**
 * The words bash makes of a command line (what a user pasting a printed command runs), in the C
 * locale: a printed command must read back the same whatever the user's locale.
 */
export function shellArgs(command: string): string[] {
  const out = execFileSync('bash', ['-c', `set -- ${command}; printf '%s\\0' "$@"`], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  return out.split('\0').slice(0, -1);
}
