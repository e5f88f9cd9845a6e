import { afterEach, describe, expect, it } from 'vitest';
import { siblingModule } from './module-url.js';
import { DocumentFailed, WorkerPool } from './pool.js';

const render = { module: siblingModule(import.meta.url, './runner.fixture'), name: 'fixtureRenderer' };
const input = (id: string) => ({
  id,
  text: `Talks on ${id} resumed.\n\nBoth sides attended.`,
  meta: { lang: 'en' },
});

let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

// Workers start from TypeScript source through tsx: slow on a loaded machine. The timeouts
// are not speed checks. Workers run the paragraphs layer only: it needs no model (sentences
// would load the language identifier's tables, about 0.45 s of CPU per worker); the options
// test alone runs genre, whose producer entry shows the options a task was analysed with.
describe('WorkerPool', { timeout: 120_000 }, () => {
  it('starts a second worker only when documents wait for one', async () => {
    pool = new WorkerPool({ spec: { layers: ['paragraphs'] }, render, size: 2, prefetch: 2 });
    expect(await pool.analyze(input('a'))).toBe('a:2');
    expect(pool.workers).toBe(1);
    const many = await Promise.all(['b', 'c', 'd', 'e', 'f', 'g'].map((id) => pool!.analyze(input(id))));
    expect(many).toEqual(['b:2', 'c:2', 'd:2', 'e:2', 'f:2', 'g:2']);
    expect(pool.workers).toBe(2);
  });

  it('answers one request at a time for a server and rejects a failed one with its code', async () => {
    pool = new WorkerPool({ spec: { layers: ['paragraphs'] }, render, size: 1, prefetch: 2 });
    await pool.started;
    await expect(pool.analyze(input('throws'))).rejects.toMatchObject({ code: 'E_ANALYZER_FAILED' });
    await expect(pool.analyze(input('throws'))).rejects.toBeInstanceOf(DocumentFailed);
    expect(await pool.analyze(input('h'))).toBe('h:2');
  });

  it("runs a task with options laid over the pool's, checks options alone, and a bad set fails only its task", async () => {
    // The genre layer (its model loads in the worker: a second or two) and a renderer that
    // prints the options the genre layer was made with: they show what reached the pipeline.
    pool = new WorkerPool({
      spec: { layers: ['genre'], options: { genre: { minWords: 0 } } },
      render: { ...render, settings: 'genre-options' },
      size: 1,
      prefetch: 2,
    });
    await pool.started;
    const [a, bad, b, c] = await Promise.allSettled([
      pool.analyze(input('a'), { genre: { why: 2 } }),
      pool.analyze(input('x'), { genre: { prior: 'wire' } }),
      pool.analyze(input('b')),
      pool.analyze(input('c'), { genre: { prior: 'news-wire', minWords: 3 } }),
    ]);
    const out = [a, b, c].map((r) => {
      const [id, json] = String((r as PromiseFulfilledResult<unknown>).value).split(/:(.*)/s);
      return [id, JSON.parse(json!)];
    });
    // Each task's options over the pool's (minWords: 0), key by key; the defaults (why: 4) on the
    // task without.
    expect(out).toEqual([
      ['a', { why: 2, minWords: 0 }],
      ['b', { why: 4, minWords: 0 }],
      ['c', { why: 4, minWords: 3, prior: 'news-wire' }],
    ]);
    expect((bad as PromiseRejectedResult).reason).toMatchObject({ code: 'E_OPTION_VALUE' });
    await expect(pool.check({ genre: { prio: 'news-wire' } })).rejects.toMatchObject({
      code: 'E_UNKNOWN_OPTION',
      message: 'analyzer "genre" has no option "prio"; its options: model, why, minWords, prior',
    });
    await expect(pool.check({ genre: 'news-wire' } as never)).rejects.toMatchObject({
      code: 'E_OPTION_TYPE',
    });
    // A check answers with the producers the options make; none given, the pool's own.
    expect((await pool.check({ genre: { prior: 'newspaper' } })).genre?.options).toMatchObject({
      prior: 'newspaper',
      minWords: 0,
    });
    expect((await pool.check()).genre?.options).toEqual({ why: 4, minWords: 0 });
    // A task's options may not name files (a request must not make the process read them).
    await expect(pool.check({ genre: { model: '/etc/passwd' } })).rejects.toMatchObject({
      code: 'E_OPTION_NOT_ALLOWED',
    });
  });
});
