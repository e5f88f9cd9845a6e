import { findReuse, type ReuseDocument } from '@newsprism/core/corpus';
import { prng } from '@newsprism/core/train';
import type { BenchArticle } from './corpus.js';
import { peakRssMiB } from './stats.js';

/** Figures of the reuse scale benchmark. */
export interface ReuseBench {
  documents: number;
  planted: number;
  plantedFound: number;
  otherPairs: number;
  seconds: number;
  /** CPU seconds of this process (user + system): on a shared machine wall time overstates. */
  cpuSeconds: number;
  peakRssMiB: number;
}

/**
 * Word-bigram generators per script, trained on the corpus: each generated document is a new
 * word sequence with the corpus's vocabulary and paragraph lengths, unrelated to every other
 * (a real article repeated 40 times would make 40 copies, not 40 documents).
 */
function generator(articles: readonly BenchArticle[], rnd: () => number) {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const a of articles) {
    for (const line of a.text.split(/\r?\n/)) {
      const words = line.split(/\s+/).filter(Boolean);
      if (words.length < 5) continue;
      starts.push(words[0]!);
      for (let k = 0; k + 1 < words.length; k++) {
        const list = next.get(words[k]!);
        if (list) list.push(words[k + 1]!);
        else next.set(words[k]!, [words[k + 1]!]);
      }
    }
  }
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return (paragraphs: number, words: number): string => {
    const out: string[] = [];
    for (let p = 0; p < paragraphs; p++) {
      const line = [pick(starts)];
      while (line.length < words) {
        const options = next.get(line[line.length - 1]!);
        line.push(options ? pick(options) : pick(starts));
      }
      out.push(line.join(' '));
    }
    return out.join('\n');
  };
}

/** A republication of `text`: a dateline credit, every third paragraph dropped, the end cut. */
function plant(text: string, k: number): string {
  const paras = text.split('\n');
  const kept = paras.filter((_, i) => i % 3 !== 2 || k % 2 === 0);
  const body = `MOSCOW (Bench News / Wire - ${(k % 28) + 1} May, 2023) ${kept.join('\n')}`;
  return k % 3 === 0 ? body.slice(0, Math.floor(body.length * 0.7)) : body;
}

/** The generated corpus of the reuse benchmark: documents, and each planted copy's original. */
export function reuseCorpus(
  articles: readonly BenchArticle[],
  total: number,
  planted: number,
): { docs: ReuseDocument[]; sources: Map<string, string> } {
  const rnd = prng(17);
  const latin = articles.filter((a) => !/[\u0400-\u04ff]/.test(a.text.slice(0, 400)));
  const cyrillic = articles.filter((a) => /[\u0400-\u04ff]/.test(a.text.slice(0, 400)));
  const gen = [generator(latin, rnd), generator(cyrillic, rnd)];
  const docs: ReuseDocument[] = [];
  for (let k = 0; k < total - planted; k++) {
    const g = gen[k % 5 === 4 && cyrillic.length ? 1 : 0]!;
    docs.push({
      id: `g${k}`,
      text: g(3 + Math.floor(rnd() * 8), 25 + Math.floor(rnd() * 40)),
      meta: { lang: k % 5 === 4 ? 'ru' : 'en' },
    });
  }
  const sources = new Map<string, string>();
  for (let k = 0; k < planted; k++) {
    const original = docs[Math.floor(rnd() * (total - planted))]!;
    const id = `p${k}`;
    sources.set(id, original.id);
    docs.push({ id, text: plant(original.text, k), meta: original.meta });
  }
  return { docs, sources };
}

/**
 * Reuse detection over `total` documents generated from the bench corpus, `planted` of them
 * copies of others (dateline credit, dropped paragraphs, some truncated), on this one thread:
 * time, peak memory, planted copies found, and other pairs reported.
 */
export function benchReuse(articles: readonly BenchArticle[], total = 100_000, planted = 1000): ReuseBench {
  const { docs, sources } = reuseCorpus(articles, total, planted);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const pairs = findReuse(docs);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  let found = 0;
  let other = 0;
  for (const p of pairs) {
    if (sources.get(p.b) === p.a || sources.get(p.a) === p.b) found++;
    else other++;
  }
  return {
    documents: docs.length,
    planted,
    plantedFound: found,
    otherPairs: other,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: peakRssMiB(),
  };
}
