import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';

/** A child process running one of the `testing/*-child.ts` scripts from source. */
export interface Child {
  proc: ChildProcess;
  /** Everything it printed on stdout so far. */
  out(): string;
  /** Resolves when a stdout line matches, or rejects when the child exits first. */
  waitFor(re: RegExp): Promise<void>;
  exited: Promise<number | null>;
}

// Packages other than the workspace's stay imports (native better-sqlite3, pg, eld, …); the
// workspace's are bundled from their TypeScript source (the `source` condition).
const thirdParty: Plugin = {
  name: 'third-party-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) =>
      a.path.startsWith('@newsprism/') ? undefined : { path: a.path, external: true },
    );
  },
};

// The bundles sit four directories below the repository root, as the sources do
// (`packages/<pkg>/src/<dir>/`), so that paths a module takes from its own `import.meta.url`
// (`core/src/models/dir.ts`: the shipped models at `../../../../models/`) still lead there; and
// in a `.cache/` directory (git-ignored) from which Node finds the root's `node_modules`.
const CACHE = new URL('../../../../.cache/newsprism/children/', import.meta.url);
const bundles = new Map<string, Promise<string>>();

/**
 * `testing/<script>` bundled with esbuild into one ES module, once per content: a child then
 * starts in a fifth of the CPU time of `node --import tsx` compiling the sources (0.19 s against
 * 0.8 s for `ingest-child.ts`), and the tests kill and restart children many times.
 */
function bundle(script: string): Promise<string> {
  let path = bundles.get(script);
  if (!path) {
    path = write(script);
    bundles.set(script, path);
  }
  return path;
}

async function write(script: string): Promise<string> {
  const out = await build({
    entryPoints: [new URL(`./${script}`, import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    plugins: [thirdParty],
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.contents;
  const dir = new URL(`${createHash('sha256').update(code).digest('hex').slice(0, 16)}/`, CACHE);
  const path = new URL(script.replace(/\.ts$/, '.mjs'), dir).pathname;
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed: another test thread may be writing the same bundle.
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, code);
    renameSync(tmp, path);
    // The bundles of this script's earlier contents are of no more use.
    const name = script.replace(/\.ts$/, '.mjs');
    for (const d of readdirSync(CACHE))
      if (!path.includes(`/${d}/`)) rmSync(new URL(`${d}/${name}`, CACHE), { force: true });
  }
  return path;
}

/** Starts `testing/<script>`, bundled from source (see {@link bundle}), in a Node child process. */
export async function startChild(script: string, args: string[]): Promise<Child> {
  const proc = spawn(process.execPath, [await bundle(script), ...args], {
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
