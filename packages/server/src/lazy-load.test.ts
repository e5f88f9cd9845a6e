import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// A loader hook that prints every module URL the process loads, one line each.
const HOOK = `data:text/javascript,${encodeURIComponent(
  "export async function load(url, ctx, next) { process.stderr.write('LOAD ' + url + '\\n'); return next(url, ctx); }",
)}`;

/** The modules a fresh process loads to import `specifier`. */
function modulesOf(specifier: string): Promise<string[]> {
  const script = `
import { register } from 'node:module';
register(${JSON.stringify(HOOK)});
await import(${JSON.stringify(specifier)});`;
  const args = ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 << 20 }, (err, _out, stderr) => {
      if (err) return reject(new Error(`${err.message}\n${stderr}`));
      resolve(stderr.split('\n').flatMap((l) => (l.startsWith('LOAD ') ? [l.slice(5)] : [])));
    });
  });
}

// The server's main thread and the store answer queries; analysis runs in worker threads. Neither
// may load an analyzer or the language detector's tables (~140 MB) just to name errors or layers.
describe.each(['@newsprism/server', '@newsprism/store'])('importing %s', (specifier) => {
  it('loads no analyzer module and no language detector', async () => {
    const urls = await modulesOf(specifier);
    expect(urls.some((u) => u.includes('/packages/core/src/'))).toBe(true);
    expect(urls.filter((u) => u.includes('/node_modules/eld/'))).toEqual([]);
    // Label lists (layers/*/labels.ts) are data; an analyzer's module is layers/X/X.ts.
    expect(urls.filter((u) => /\/src\/(layers\/([a-z]+)\/\2|analyzers)\.ts$/.test(u))).toEqual([]);
  }, 60_000);
});
