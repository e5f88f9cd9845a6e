import { type ChildProcess, spawn } from 'node:child_process';

/** A child process running one of the `testing/*-child.ts` scripts from source. */
export interface Child {
  proc: ChildProcess;
  /** Everything it printed on stdout so far. */
  out(): string;
  /** Resolves when a stdout line matches, or rejects when the child exits first. */
  waitFor(re: RegExp): Promise<void>;
  exited: Promise<number | null>;
}

/** Starts `testing/<script>` under tsx with the workspace `source` condition. */
export function startChild(script: string, args: string[]): Child {
  const path = new URL(`./${script}`, import.meta.url).pathname;
  const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve(): void; reject(e: Error): void }[] = [];
  proc.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    for (const w of waiters.splice(0)) {
      if (w.re.test(out)) w.resolve();
      else waiters.push(w);
    }
  });
  proc.stderr!.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  void exited.then(() => {
    for (const w of waiters.splice(0))
      w.reject(new Error(`child exited before ${w.re}; stderr: ${err.slice(-500)}`));
  });
  return {
    proc,
    out: () => out,
    waitFor: (re) =>
      re.test(out)
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            waiters.push({ re, resolve, reject });
          }),
    exited,
  };
}
