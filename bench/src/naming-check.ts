import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Analyzer, createModelStore, createPipeline, type NewsDocument, naming } from '@newsprism/core';
import { sharedTexts } from './all-texts.js';
import { loadArticles, sharedData } from './corpus.js';
import { quantile, r3 } from './stats.js';

/**
 * `node --import tsx bench/src/naming-check.ts --against <checkout> [--check [every] [--diff FILE]] [--bench
 * [rounds]] [--pipeline [every]]` (after `npx tsc -b packages/cli`; or with `--conditions=source`):
 * the `naming` layer of this core against the built core of another checkout (`git archive
 * <commit>` unpacked, `node_modules` linked, built with `npx tsc -b packages/core`).
 *
 * `--check` runs both on the same input layers (made once by this core: entities, paragraphs,
 * tokens, language, quotes) over every text of the shared data (every n-th with `every`): the
 * article files of every language, the samples, the translations, the story-similarity pairs, the
 * extraction benchmark's pages and true bodies, the check-worthiness and subjectivity sentences,
 * the UD sentences grouped by document. Each document runs twice: as made, and without the
 * `quotes` layer and published in 2020 (the quotations the layer finds alone; the rules with
 * `publishedBefore`). Counts the runs whose `naming` layer differs (JSON), printing the first
 * few; exit code 1 if any. `--diff FILE` writes every term mention that only one side finds in a
 * document as made (`+` ours, `-` theirs) with its context: the new hits a terms change makes,
 * to read one by one (CoNLL-2003's Reuters documents are among the texts for that).
 *
 * `--bench` times the layer alone over the bench corpus (the articles of `--only layers`), both
 * sides in alternating order, `rounds` times (default 5): process CPU ms per article and the
 * median wall ms. `--pipeline` runs the full pipelines of both cores article by article in
 * alternating order (as `--only layers` runs one) and prints the median, p95 and mean ms of
 * `naming` in each: with the other analyzers run between, the caches are cold, as in use.
 */

type AnyNaming = Pick<Analyzer<'naming'>, 'run' | 'setup'> & { defaults: object };
interface Side {
  name: string;
  run(doc: NewsDocument): unknown;
}

const INPUT = ['entities', 'paragraphs', 'tokens', 'language', 'quotes'];

async function sideOf(name: string, a: AnyNaming, store: { scope(): unknown }): Promise<Side> {
  const options = { ...a.defaults };
  // biome-ignore lint/suspicious/noExplicitAny: the other core's types are its own.
  const res = await (a.setup as any)?.(options, store.scope());
  const ctx = { report() {}, suggestMeta() {} };
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  return { name, run: (doc) => (a.run as any)(doc, ctx, options, res) };
}

/** Mentions in a naming layer: entity variants' and terms'. */
function mentions(layer: unknown): number {
  const l = layer as {
    entities: { variants: { mentions: unknown[] }[] }[];
    terms: { mentions: unknown[] }[];
  };
  let n = 0;
  for (const e of l.entities) for (const v of e.variants) n += v.mentions.length;
  for (const t of l.terms) n += t.mentions.length;
  return n;
}

/** Term mentions of a naming layer as `start-end concept/pole/voice` keys. */
function termKeys(layer: unknown): Set<string> {
  const l = layer as {
    terms: { concept: string; pole: string; voice: string; mentions: { start: number; end: number }[] }[];
  };
  const keys = new Set<string>();
  for (const t of l.terms)
    for (const m of t.mentions) keys.add(`${m.start}-${m.end} ${t.concept}/${t.pole}/${t.voice}`);
  return keys;
}

/** The term mentions only one side has (the document as made), one line each with its context. */
function termDiff(id: string, text: string, a: unknown, b: unknown): string[] {
  const [ka, kb] = [termKeys(a), termKeys(b)];
  const line = (sign: string, k: string) => {
    const [s, e] = k.split(' ')[0]!.split('-').map(Number) as [number, number];
    const ctx = `${text.slice(Math.max(0, s - 80), s)}[[${text.slice(s, e)}]]${text.slice(e, e + 60)}`;
    return `${sign}\t${id}\t${k.split(' ')[1]}\t${ctx.replace(/\s+/g, ' ')}`;
  };
  return [
    ...[...ka].filter((k) => !kb.has(k)).map((k) => line('+', k)),
    ...[...kb].filter((k) => !ka.has(k)).map((k) => line('-', k)),
  ];
}

async function check(
  data: string,
  ours: Side,
  theirs: Side,
  every: number,
  diffFile?: string,
): Promise<boolean> {
  const input = await createPipeline({ layers: INPUT });
  const diffs: string[] = [];
  const bySource = new Map<string, { docs: number; mentions: number; terms: number; entities: number }>();
  let differ = 0;
  let docs = 0;
  let seen = 0;
  for (const [id, text] of sharedTexts(data)) {
    if (!text.trim() || seen++ % every !== 0) continue;
    const doc = input.run({ id, text });
    // Also without the quotes layer (the layer finds quotations by their marks alone) and with a
    // publication date before the war (rules with `publishedBefore`).
    const { quotes: _, ...bare } = doc;
    const variants = [doc, { ...bare, meta: { ...doc.meta, published: '2020-06-01' } } as NewsDocument];
    const src = /^(?:samples|translations|story-similarity|extraction)\//.test(id)
      ? id.split('/')[0]!
      : id.split('/').slice(0, 2).join('/');
    const s = bySource.get(src) ?? { docs: 0, mentions: 0, terms: 0, entities: 0 };
    for (const [k, v] of variants.entries()) {
      const a = JSON.stringify(ours.run(v));
      const b = JSON.stringify(theirs.run(v));
      const layer = JSON.parse(b) as { terms: unknown[]; entities: unknown[] };
      s.mentions += mentions(layer);
      if (a !== b) {
        differ++;
        if (diffFile && k === 0) diffs.push(...termDiff(id, text, JSON.parse(a), layer));
        if (differ <= 10)
          console.log(
            `differs: ${id} (variant ${k})\n  ours   ${a.slice(0, 400)}\n  theirs ${b.slice(0, 400)}`,
          );
      }
      if (k > 0) continue;
      s.terms += layer.terms.length;
      s.entities += layer.entities.length;
    }
    docs++;
    s.docs++;
    bySource.set(src, s);
    if (docs % 5000 === 0) console.error(`… ${docs} documents`);
  }
  let total = 0;
  console.log('source (mentions: both variants; terms, entities: the first)');
  console.log('                                documents  mentions  terms  entities');
  for (const [src, s] of bySource) {
    total += s.mentions;
    console.log(
      `${src.padEnd(32)}${String(s.docs).padStart(9)}${String(s.mentions).padStart(10)}${String(s.terms).padStart(7)}${String(s.entities).padStart(10)}`,
    );
  }
  console.log(
    `${docs} documents (${docs * 2} runs a side), ${total} mentions compared: ${differ ? `${differ} runs differ` : 'naming identical'}`,
  );
  if (diffFile) {
    writeFileSync(diffFile, diffs.length ? `${diffs.join('\n')}\n` : '');
    console.log(`${diffs.length} term mentions differ (documents as made) → ${diffFile}`);
  }
  return differ === 0;
}

async function bench(data: string, sides: [Side, Side], rounds: number, full: boolean): Promise<void> {
  const input = await createPipeline(full ? {} : { layers: INPUT });
  const docs = loadArticles(data).map((a) => input.run({ id: a.id, text: a.text }));
  // Warm-up: every document once on each side.
  for (const d of docs) for (const s of sides) s.run(d);
  const cpu: Record<string, number[]> = { [sides[0].name]: [], [sides[1].name]: [] };
  const wall: Record<string, number[]> = { [sides[0].name]: [], [sides[1].name]: [] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? sides : [sides[1], sides[0]];
    for (const s of order) {
      const per: number[] = [];
      (globalThis as { gc?: () => void }).gc?.();
      const c0 = process.cpuUsage();
      for (const d of docs) {
        const t = performance.now();
        s.run(d);
        per.push(performance.now() - t);
      }
      const c = process.cpuUsage(c0);
      cpu[s.name]!.push((c.user + c.system) / 1000 / docs.length);
      wall[s.name]!.push(quantile(per, 0.5));
    }
  }
  console.log(`naming alone over ${docs.length} bench articles, ${rounds} rounds (alternating)`);
  for (const s of sides)
    console.log(
      `${s.name.padEnd(8)} CPU ms/article ${cpu[s.name]!.map(r3).join(' ')}  median wall ms ${wall[s.name]!.map(r3).join(' ')}`,
    );
  const [a, b] = sides;
  const ratios = cpu[a.name]!.map((x, i) => x / cpu[b.name]![i]!);
  console.log(`CPU ${a.name}/${b.name} by round: ${ratios.map((x) => x.toFixed(3)).join(' ')}`);
}

/**
 * The layer inside the full pipelines of both cores, article by article in alternating order
 * (other analyzers run between, as in `--only layers`): median, p95 and mean ms of `naming`.
 */
async function pipelines(
  data: string,
  // biome-ignore lint/suspicious/noExplicitAny: the other core's createPipeline.
  makers: [string, (o: any) => Promise<{ run(i: { id: string; text: string }): unknown }>][],
  every: number,
): Promise<void> {
  const times = new Map<string, number[]>();
  let on = false;
  const built = await Promise.all(
    makers.map(async ([name, make]) => {
      times.set(name, []);
      const p = await make({
        onTiming: (a: string, ms: number) => {
          if (on && a === 'naming') times.get(name)!.push(ms);
        },
      });
      return [name, p] as const;
    }),
  );
  const articles = loadArticles(data).filter((_, i) => i % every === 0);
  const cpu = new Map<string, number>();
  for (const [pass, list] of [
    ['warm', articles.slice(0, 200)],
    ['measure', articles],
  ] as const) {
    on = pass === 'measure';
    list.forEach((a, i) => {
      for (const [name, p] of i % 2 === 0 ? built : [...built].reverse()) {
        const c0 = process.cpuUsage();
        p.run({ id: a.id, text: a.text });
        const c = process.cpuUsage(c0);
        if (on) cpu.set(name, (cpu.get(name) ?? 0) + (c.user + c.system) / 1000);
      }
    });
  }
  console.log(`naming in the full pipeline, ${articles.length} articles (every ${every}), alternating`);
  for (const [name, xs] of times) {
    const mean = xs.reduce((x, y) => x + y, 0) / xs.length;
    console.log(
      `${name.padEnd(8)} naming median ${r3(quantile(xs, 0.5))}  p95 ${r3(quantile(xs, 0.95))}  mean ${r3(mean)} ms; pipeline CPU ${r3(cpu.get(name)! / articles.length)} ms/article`,
    );
  }
}

async function main(): Promise<void> {
  const data = sharedData();
  if (!data) {
    console.log('naming-check: ../shared/data not found; set NEWSPRISM_SHARED. Skipped.');
    return;
  }
  const argv = process.argv;
  const at = argv.indexOf('--against');
  const dir = at > 0 ? argv[at + 1] : undefined;
  if (!dir) throw new Error('usage: naming-check.ts --against <checkout> [--check] [--bench [rounds]]');
  const other = await import(pathToFileURL(join(dir, 'packages/core/dist/index.js')).href);
  const ours = await sideOf('ours', naming as unknown as AnyNaming, createModelStore());
  const theirs = await sideOf('theirs', other.naming as AnyNaming, other.createModelStore());
  const c = argv.indexOf('--check');
  if (c > 0) {
    const every = Number(argv[c + 1]);
    const d = argv.indexOf('--diff');
    const diffFile = d > 0 ? argv[d + 1] : undefined;
    if (!(await check(data, ours, theirs, Number.isInteger(every) && every > 0 ? every : 1, diffFile)))
      process.exitCode = 1;
  }
  const b = argv.indexOf('--bench');
  if (b > 0) {
    const n = Number(argv[b + 1]);
    await bench(data, [ours, theirs], Number.isInteger(n) && n > 0 ? n : 5, argv.includes('--full'));
  }
  const p = argv.indexOf('--pipeline');
  if (p > 0) {
    const n = Number(argv[p + 1]);
    await pipelines(
      data,
      [
        ['ours', createPipeline],
        ['theirs', other.createPipeline],
      ],
      Number.isInteger(n) && n > 0 ? n : 1,
    );
  }
}

await main();
