import { afterEach, describe, expect, it } from 'vitest';
import { AnalyzePool, DocumentFailed, PoolFailed } from './pool.js';

const article = (n: number) => ({
  id: `a${n}`,
  text: `Talks Resume In Geneva\n\nNegotiators met for round ${n} on Tuesday, officials said. "We are close," one of them told reporters.`,
  meta: { lang: 'en' },
});

const settings = (layers: string[]) => ({ layers, format: 'jsonl', output: layers, color: false });
const parsed = (r: { out: string }) => JSON.parse(r.out);

let pool: AnalyzePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

// Workers start from source through tsx here: slow on a loaded machine; the generous timeout
// is not a speed check.
describe('AnalyzePool', { timeout: 120_000 }, () => {
  it('analyses and renders documents in worker threads, each answer matching its input', async () => {
    pool = new AnalyzePool(2, settings(['sentences', 'quotes']));
    const rendered = await Promise.all([1, 2, 3, 4, 5].map((n) => pool!.analyze(article(n))));
    expect(rendered.map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    const docs = rendered.map(parsed);
    expect(Object.keys(docs[0].producers)).toEqual(['sentences', 'quotes']);
    for (const [i, d] of docs.entries()) {
      expect(d.text).toBe(article(i + 1).text);
      const q = d.quotes.find((x: { kind: string }) => x.kind === 'direct');
      expect(d.text.slice(q.start, q.end)).toContain('We are close');
    }
  });

  it('stops the run when a worker cannot build its pipeline', async () => {
    pool = new AnalyzePool(1, settings(['no-such-layer']));
    await expect(pool.analyze(article(1))).rejects.toBeInstanceOf(PoolFailed);
    await expect(pool.analyze(article(2))).rejects.toThrow(/failed to start/);
  });

  it('loses only the document a dying worker was on, and goes on with a fresh worker', async () => {
    pool = new AnalyzePool(1, settings(['sentences']));
    await pool.analyze(article(0));
    const pending = [1, 2, 3].map((n) => pool!.analyze(article(n)));
    // Kill the worker with three documents queued on it.
    await (
      pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }
    ).slots[0]!.worker.terminate();
    const settled = await Promise.allSettled(pending);
    const lost = settled.filter((s) => s.status === 'rejected');
    expect(lost.length).toBeLessThanOrEqual(1);
    for (const s of lost) expect((s as PromiseRejectedResult).reason).toBeInstanceOf(DocumentFailed);
    const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [parsed(s.value).id] : []));
    expect(ids.length).toBe(3 - lost.length);
    expect(await pool.analyze(article(9))).toMatchObject({ id: 'a9' });
  });
});
