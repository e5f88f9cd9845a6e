import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as core from '@newsprism/core';
import type { BenchArticle } from './corpus.js';

type AnyPipeline = { run(input: { id: string; text: string }): unknown };
type Timing = { onTiming: (analyzer: string, ms: number) => void };

/** Per-analyzer and total ms per article of this core and another one, run interleaved. */
export interface Comparison {
  articles: number;
  ours: number;
  theirs: number;
  analyzers: { name: string; ours: number; theirs: number }[];
}

/**
 * `npm run bench -- --only compare --against <checkout>`: the full pipeline of this core and of
 * the built core of another checkout (e.g. `git archive <commit>` unpacked and built), in one
 * process, article by article in alternating order — on a shared machine the fairest
 * before/after figure, as both see the same load. `every` takes every n-th article.
 */
export async function compareWith(
  dir: string,
  articles: readonly BenchArticle[],
  every = 2,
): Promise<Comparison> {
  const other = await import(pathToFileURL(join(dir, 'packages/core/dist/index.js')).href);
  const sums = { ours: new Map<string, number>(), theirs: new Map<string, number>() };
  let on = false;
  const timing = (m: Map<string, number>): Timing => ({
    onTiming: (a, ms) => {
      if (on) m.set(a, (m.get(a) ?? 0) + ms);
    },
  });
  // `await` takes the older synchronous createPipeline too.
  const ours: AnyPipeline = await core.createPipeline(timing(sums.ours));
  const theirs: AnyPipeline = await other.createPipeline(timing(sums.theirs));
  const picked = articles.filter((_, i) => i % every === 0);
  for (const a of picked.slice(0, 100)) for (const p of [ours, theirs]) p.run({ id: a.id, text: a.text });
  on = true;
  const total = { ours: 0, theirs: 0 };
  picked.forEach((a, i) => {
    const order: ['ours' | 'theirs', AnyPipeline][] = [
      ['ours', ours],
      ['theirs', theirs],
    ];
    if (i % 2) order.reverse();
    for (const [who, p] of order) {
      const t = performance.now();
      p.run({ id: a.id, text: a.text });
      total[who] += performance.now() - t;
    }
  });
  const per = (ms: number) => Math.round((ms / picked.length) * 1000) / 1000;
  return {
    articles: picked.length,
    ours: per(total.ours),
    theirs: per(total.theirs),
    analyzers: [...sums.ours].map(([name, ms]) => ({
      name,
      ours: per(ms),
      theirs: per(sums.theirs.get(name) ?? Number.NaN),
    })),
  };
}
