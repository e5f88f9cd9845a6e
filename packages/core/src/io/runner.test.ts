import { describe, expect, it } from 'vitest';
import { siblingModule } from './module-url.js';
import { type RunResult, runDocuments } from './runner.js';
import type { SourceItem } from './types.js';

const render = { module: siblingModule(import.meta.url, './runner.fixture'), name: 'fixtureRenderer' };
const item = (id: string): SourceItem => ({
  ok: true,
  id,
  source: `${id}.txt`,
  input: { id, text: `Talks on ${id} resumed.\n\nBoth sides attended.`, meta: { lang: 'en' } },
});
const ids = (...names: string[]) => names.map(item);
async function* feed(items: SourceItem[], seen?: string[]): AsyncGenerator<SourceItem> {
  for (const i of items) {
    seen?.push(i.source);
    yield i;
  }
}
async function collect(it: AsyncIterable<RunResult<string>>): Promise<string[]> {
  const out: string[] = [];
  for await (const r of it) out.push(r.ok ? r.output : `${r.source} ${r.code}`);
  return out;
}
const skip: SourceItem = { ok: false, source: 'bad.bin', code: 'E_BINARY_INPUT', message: 'binary' };

// Workers start from TypeScript source through tsx: slow on a loaded machine. The timeouts
// are not speed checks. Workers run the paragraphs layer only: it needs no model (sentences
// would load the language identifier's tables, about 0.45 s of CPU per worker).
describe('runDocuments', { timeout: 120_000 }, () => {
  it('yields results in input order from two workers, skips passing through in place', async () => {
    const items = [...ids('a', 'b', 'c'), skip, ...ids('d', 'e', 'f', 'g')];
    const out = await collect(runDocuments<string>(feed(items), { jobs: 2, layers: ['paragraphs'], render }));
    expect(out).toEqual(['a:2', 'b:2', 'c:2', 'bad.bin E_BINARY_INPUT', 'd:2', 'e:2', 'f:2', 'g:2']);
  });

  it('runs in the calling thread with jobs 0 and returns documents without a renderer', async () => {
    const out: RunResult[] = [];
    for await (const r of runDocuments(feed(ids('a', 'b')), { jobs: 0, layers: ['sentences'] })) out.push(r);
    expect(out.map((r) => r.ok && r.output.sentences?.length)).toEqual([2, 2]);
    const doc = out[0]!.ok ? out[0]!.output : undefined;
    expect(doc?.text.slice(doc.sentences![1]!.start, doc.sentences![1]!.end)).toBe('Both sides attended.');
  });

  it('turns a runaway document into an E_TIME_BUDGET skip and goes on with the rest', async () => {
    const items = ids('a', 'runaway', 'b', 'c');
    const out = await collect(
      runDocuments<string>(feed(items), { jobs: 1, layers: ['paragraphs'], render, timeBudgetMs: 500 }),
    );
    expect(out).toEqual(['a:2', 'runaway.txt E_TIME_BUDGET', 'b:2', 'c:2']);
  });

  it('loses only the document whose worker died or whose analysis threw', async () => {
    const out = await collect(
      runDocuments<string>(feed(ids('a', 'crash', 'b', 'throws', 'c')), {
        jobs: 1,
        layers: ['paragraphs'],
        render,
      }),
    );
    expect(out).toEqual(['a:2', 'crash.txt E_WORKER_CRASHED', 'b:2', 'throws.txt E_ANALYZER_FAILED', 'c:2']);
  });

  it('stops on abort: the iteration throws the reason and reads no further', async () => {
    const stop = new AbortController();
    const seen: string[] = [];
    const many = ids(...Array.from({ length: 50 }, (_, i) => `d${i}`));
    const run = runDocuments<string>(feed(many, seen), {
      jobs: 1,
      layers: ['paragraphs'],
      render,
      signal: stop.signal,
      window: 4,
    });
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const r of run) {
          got.push(r.ok ? r.output : r.code);
          if (got.length === 2) stop.abort(new Error('enough'));
        }
      })(),
    ).rejects.toThrow('enough');
    expect(got).toEqual(['d0:2', 'd1:2']);
    // Back-pressure: reading stayed within the window of the consumer.
    expect(seen.length).toBeLessThanOrEqual(8);
  });

  it('fails the run with the pipeline error when a worker cannot build its pipeline', async () => {
    await expect(
      collect(runDocuments<string>(feed(ids('a')), { jobs: 1, layers: ['colour'] })),
    ).rejects.toMatchObject({
      code: 'E_UNKNOWN_LAYER',
    });
  });
});
