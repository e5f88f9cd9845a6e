import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as core from '@newsprism/core';
import { type BenchArticle, benchLanguage } from './corpus.js';
import { r3 } from './stats.js';

type AnyPipeline = { run(input: { id: string; text: string }): unknown };
type Timing = { onTiming: (analyzer: string, ms: number) => void };
type Side = 'ours' | 'theirs';

/** Per-analyzer and total ms per article of this core and another one, run interleaved. */
export interface Comparison {
  articles: number;
  /** Articles run before measuring, per language (`en`, `ru`, `other`). */
  warmUp: Record<string, number>;
  /** Wall ms per article. */
  ours: number;
  theirs: number;
  /** Process CPU ms (user + system) per article. */
  cpu: { ours: number; theirs: number };
  /** Wall and CPU ms per article of each language of the corpus. */
  languages: {
    lang: string;
    articles: number;
    ours: number;
    theirs: number;
    cpuOurs: number;
    cpuTheirs: number;
  }[];
  analyzers: { name: string; ours: number; theirs: number }[];
}

/** Warm-up articles taken from each language before measuring. */
const WARM_UP_PER_LANGUAGE = 40;

/**
 * `npm run bench -- --only compare --against <checkout>`: the full pipeline of this core and of
 * the built core of another checkout (e.g. `git archive <commit>` unpacked and built), in one
 * process, article by article in alternating order — on a shared machine the fairest
 * before/after figure, as both see the same load. `every` takes every n-th article. Both cores
 * first run the first articles of every language (each language has its own models and code
 * paths to warm up), in alternating order too; the measured pass alternates within each
 * language, so each side goes first on half of every language's articles.
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
  const pipelines: Record<Side, AnyPipeline> = {
    ours: await core.createPipeline(timing(sums.ours)),
    theirs: await other.createPipeline(timing(sums.theirs)),
  };
  const picked = articles.filter((_, i) => i % every === 0);
  const byLanguage = new Map<string, BenchArticle[]>();
  for (const a of picked) {
    const lang = benchLanguage(a.set);
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), a]);
  }
  const warmUp: Record<string, number> = {};
  for (const [lang, list] of byLanguage) {
    const warm = list.slice(0, WARM_UP_PER_LANGUAGE);
    warmUp[lang] = warm.length;
    warm.forEach((a, i) => {
      for (const side of order(i)) pipelines[side].run({ id: a.id, text: a.text });
    });
  }
  on = true;
  const zero = () => ({ ours: 0, theirs: 0 });
  const wall = new Map<string, Record<Side, number>>();
  const cpu = new Map<string, Record<Side, number>>();
  const seen = new Map<string, number>();
  for (const a of picked) {
    const lang = benchLanguage(a.set);
    const i = seen.get(lang) ?? 0;
    seen.set(lang, i + 1);
    const w = wall.get(lang) ?? zero();
    const c = cpu.get(lang) ?? zero();
    wall.set(lang, w);
    cpu.set(lang, c);
    for (const side of order(i)) {
      const c0 = process.cpuUsage();
      const t = performance.now();
      pipelines[side].run({ id: a.id, text: a.text });
      w[side] += performance.now() - t;
      const u = process.cpuUsage(c0);
      c[side] += (u.user + u.system) / 1000;
    }
  }
  const per = (ms: number, n = picked.length) => r3(ms / n);
  const total = (m: Map<string, Record<Side, number>>, side: Side) =>
    [...m.values()].reduce((s, x) => s + x[side], 0);
  return {
    articles: picked.length,
    warmUp,
    ours: per(total(wall, 'ours')),
    theirs: per(total(wall, 'theirs')),
    cpu: { ours: per(total(cpu, 'ours')), theirs: per(total(cpu, 'theirs')) },
    languages: [...seen].map(([lang, n]) => ({
      lang,
      articles: n,
      ours: per(wall.get(lang)!.ours, n),
      theirs: per(wall.get(lang)!.theirs, n),
      cpuOurs: per(cpu.get(lang)!.ours, n),
      cpuTheirs: per(cpu.get(lang)!.theirs, n),
    })),
    analyzers: [...sums.ours].map(([name, ms]) => ({
      name,
      ours: per(ms),
      theirs: per(sums.theirs.get(name) ?? Number.NaN),
    })),
  };
}

/** Which core runs first on the i-th article of a language: each goes first on every other one. */
function order(i: number): Side[] {
  return i % 2 ? ['theirs', 'ours'] : ['ours', 'theirs'];
}
