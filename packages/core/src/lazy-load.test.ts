import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PIPELINE = fileURLToPath(new URL('./pipeline.ts', import.meta.url));

// A loader hook that prints every module URL the process loads, one line each.
const HOOK = `data:text/javascript,${encodeURIComponent(
  "export async function load(url, ctx, next) { process.stderr.write('LOAD ' + url + '\\n'); return next(url, ctx); }",
)}`;

/** The modules a fresh process loads running `body` (ES module code) after the hook. */
function modulesLoadedBy(body: string): Promise<string[]> {
  const script = `
import { register } from 'node:module';
register(${JSON.stringify(HOOK)});
${body}`;
  const args = ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 << 20 }, (err, _out, stderr) => {
      if (err) return reject(new Error(`${err.message}\n${stderr}`));
      resolve(stderr.split('\n').flatMap((l) => (l.startsWith('LOAD ') ? [l.slice(5)] : [])));
    });
  });
}

/** The modules a fresh process loads to build a pipeline of `layers` and run it once. */
const modulesFor = (layers: string[]): Promise<string[]> =>
  modulesLoadedBy(`
const { createPipeline } = await import(${JSON.stringify(PIPELINE)});
const p = await createPipeline({ layers: ${JSON.stringify(layers)} });
p.run({ id: 'a', text: 'Kyiv, May 3 (Reuters) - The mayor spoke.\\nA second paragraph.' });`);

const entry = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
const ELD = (u: string) => u.includes('/node_modules/eld/');

const layerModules = (urls: string[]): string[] =>
  [...new Set(urls.flatMap((u) => /\/src\/layers\/([a-z]+)\/\1\.ts$/.exec(u)?.[1] ?? []))].sort();

describe('a pipeline loads only what it runs', () => {
  it('paragraphs alone: no language detector, no other analyzer module', async () => {
    const urls = await modulesFor(['paragraphs']);
    expect(urls.some((u) => u.includes('/src/pipeline.ts'))).toBe(true);
    expect(urls.filter((u) => u.includes('/node_modules/eld/'))).toEqual([]);
    expect(layerModules(urls)).toEqual(['paragraphs']);
  }, 60_000);

  it('sentences: its requirements and the detector', async () => {
    const urls = await modulesFor(['sentences']);
    expect(urls.some((u) => u.includes('/node_modules/eld/'))).toBe(true);
    expect(layerModules(urls)).toEqual(['language', 'paragraphs', 'sentences']);
  }, 60_000);

  it('the @newsprism/core barrel does not load the detector (@newsprism/core/corpus does)', async () => {
    const barrel = await modulesLoadedBy(`await import(${JSON.stringify(entry('index'))});`);
    expect(barrel.some((u) => u.endsWith('/src/index.ts'))).toBe(true);
    expect(barrel.filter(ELD)).toEqual([]);
  }, 60_000);
});
