import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Analyzer,
  builtinAnalyzers,
  createModelStore,
  createPipeline,
  type NewsDocument,
} from '@newsprism/core';
import { sharedTexts } from './all-texts.js';
import { loadArticles, sharedData } from './corpus.js';
import { r3 } from './stats.js';

/**
 * `node --import tsx bench/src/layer-check.ts --layers sources,entities,genre --against <checkout>
 * [--check [every]] [--bench [rounds]] [--producers]`: layers of this core against the built core of
 * another checkout (a worktree with `node_modules` and `npx tsc -b packages/core` run), the sibling
 * of `naming-check.ts` for any analyzer.
 *
 * `--check` makes the input layers once with this core (every layer the named ones require or may
 * read) for every text of the shared data ({@link sharedTexts}; every n-th with `every`) and runs
 * each named analyzer of both cores on them twice: as made, and without the layers it reads when
 * present (`optional`). Compares the layer and the diagnostics it reports as JSON; prints the
 * first differences, counts them; exit code 1 if any.
 *
 * `--bench` times each named analyzer alone over the bench corpus (the articles of `--only
 * layers`), both cores in alternating order, `rounds` times (default 6): process CPU ms per
 * article, and the ratio by round. `--producers` compares the `producers` of both cores' pipelines
 * (one per named layer, and the full one): models and data checksums included.
 */

interface Side {
  name: string;
  run(doc: NewsDocument): string;
}

// biome-ignore lint/suspicious/noExplicitAny: the other core's types are its own.
type AnyAnalyzer = Analyzer & { defaults: object; setup?: (...a: any[]) => unknown };

async function sideOf(name: string, a: AnyAnalyzer, store: { scope(): unknown }): Promise<Side> {
  const options = { ...a.defaults };
  const res = await a.setup?.(options, store.scope());
  return {
    name,
    run(doc) {
      const reports: unknown[] = [];
      const meta: unknown[] = [];
      const ctx = { report: (d: unknown) => reports.push(d), suggestMeta: (m: unknown) => meta.push(m) };
      try {
        // biome-ignore lint/suspicious/noExplicitAny: as above.
        const layer = (a.run as any)(doc, ctx, options, res);
        return JSON.stringify({ layer, reports, meta });
      } catch (err) {
        // The pipeline reports an analyzer that throws and goes on: compare the error, too.
        return JSON.stringify({ error: String(err), reports });
      }
    },
  };
}

function byName(list: readonly Analyzer[], name: string): AnyAnalyzer {
  const a = list.find((x) => x.name === name);
  if (!a) throw new Error(`layer-check: no analyzer ${name}`);
  return a as AnyAnalyzer;
}

async function check(
  data: string,
  names: string[],
  sides: Map<string, [Side, Side]>,
  every: number,
): Promise<boolean> {
  const own = names.map((n) => byName(builtinAnalyzers, n));
  const input = await createPipeline({
    layers: [...new Set(own.flatMap((a) => [...a.requires, ...(a.optional ?? [])]))],
  });
  const differ = new Map(names.map((n) => [n, 0]));
  const runs = new Map(names.map((n) => [n, 0]));
  let docs = 0;
  let seen = 0;
  const failed: string[] = [];
  for (const [id, text] of sharedTexts(data)) {
    if (!text.trim() || seen++ % every !== 0) continue;
    const doc = input.run({ id, text });
    docs++;
    if (doc.diagnostics.some((d) => d.code.startsWith('E_')))
      failed.push(`${id}: ${JSON.stringify(doc.diagnostics)}`);
    for (const a of own) {
      // As the pipeline does: an analyzer whose required layer is missing is skipped.
      if (a.requires.some((l) => (doc as unknown as Record<string, unknown>)[l] === undefined)) continue;
      const bare = { ...doc } as Record<string, unknown>;
      for (const l of a.optional ?? []) delete bare[l];
      const variants = a.optional?.length ? [doc, bare as unknown as NewsDocument] : [doc];
      const [ours, theirs] = sides.get(a.name)!;
      for (const [k, v] of variants.entries()) {
        runs.set(a.name, runs.get(a.name)! + 1);
        const x = ours.run(v);
        const y = theirs.run(v);
        if (x === y) continue;
        const n = differ.get(a.name)! + 1;
        differ.set(a.name, n);
        if (n <= 5)
          console.log(
            `${a.name} differs: ${id} (variant ${k})\n  ours   ${x.slice(0, 400)}\n  theirs ${y.slice(0, 400)}`,
          );
      }
    }
    if (docs % 5000 === 0) console.error(`… ${docs} documents`);
  }
  if (failed.length)
    console.log(
      `${failed.length} documents with an analyzer error in the input layers, e.g. ${failed[0]!.slice(0, 300)}`,
    );
  let ok = true;
  for (const n of names) {
    const d = differ.get(n)!;
    if (d) ok = false;
    console.log(
      `${n}: ${docs} documents, ${runs.get(n)} runs a side: ${d ? `${d} runs differ` : 'identical'}`,
    );
  }
  return ok;
}

async function bench(data: string, names: string[], sides: Map<string, [Side, Side]>, rounds: number) {
  const own = names.map((n) => byName(builtinAnalyzers, n));
  const input = await createPipeline({
    layers: [...new Set(own.flatMap((a) => [...a.requires, ...(a.optional ?? [])]))],
  });
  const docs = loadArticles(data).map((a) => input.run({ id: a.id, text: a.text }));
  for (const n of names) {
    const pair = sides.get(n)!;
    for (const d of docs) for (const s of pair) s.run(d);
    const cpu = new Map(pair.map((s) => [s.name, [] as number[]]));
    for (let r = 0; r < rounds; r++)
      for (const s of r % 2 === 0 ? pair : [pair[1], pair[0]]) {
        (globalThis as { gc?: () => void }).gc?.();
        const c0 = process.cpuUsage();
        for (const d of docs) s.run(d);
        const c = process.cpuUsage(c0);
        cpu.get(s.name)!.push((c.user + c.system) / 1000 / docs.length);
      }
    console.log(
      `${n} alone over ${docs.length} bench articles (JSON of the result included), ${rounds} rounds`,
    );
    for (const s of pair)
      console.log(`  ${s.name.padEnd(8)} CPU ms/article ${cpu.get(s.name)!.map(r3).join(' ')}`);
    const [a, b] = pair.map((s) => cpu.get(s.name)!);
    console.log(`  ours/theirs by round: ${a!.map((x, i) => (x / b![i]!).toFixed(3)).join(' ')}`);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the other core's module.
async function producers(names: string[], other: any) {
  let ok = true;
  for (const layers of [...names.map((n) => [n]), undefined]) {
    const a = JSON.stringify((await createPipeline({ layers, models: createModelStore() })).producers);
    const b = JSON.stringify(
      (await other.createPipeline({ layers, models: other.createModelStore() })).producers,
    );
    const same = a === b;
    if (!same) ok = false;
    console.log(
      `producers of ${layers?.join(',') ?? 'the full pipeline'}: ${same ? 'identical' : `differ\n  ours   ${a}\n  theirs ${b}`}`,
    );
  }
  return ok;
}

async function main(): Promise<void> {
  const data = sharedData();
  if (!data) {
    console.log('layer-check: ../shared/data not found; set NEWSPRISM_SHARED. Skipped.');
    return;
  }
  const argv = process.argv;
  const arg = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const dir = arg('--against');
  const names = arg('--layers')?.split(',');
  if (!dir || !names)
    throw new Error('usage: layer-check.ts --layers a,b --against <checkout> [--check] [--bench [rounds]]');
  const other = await import(pathToFileURL(join(dir, 'packages/core/dist/index.js')).href);
  const ourStore = createModelStore();
  const theirStore = other.createModelStore();
  const sides = new Map<string, [Side, Side]>();
  for (const n of names)
    sides.set(n, [
      await sideOf('ours', byName(builtinAnalyzers, n), ourStore),
      await sideOf('theirs', byName(other.builtinAnalyzers, n), theirStore),
    ]);
  const number = (flag: string, d: number) => {
    const n = Number(arg(flag));
    return Number.isInteger(n) && n > 0 ? n : d;
  };
  if (argv.includes('--producers') && !(await producers(names, other))) process.exitCode = 1;
  if (argv.includes('--check') && !(await check(data, names, sides, number('--check', 1))))
    process.exitCode = 1;
  if (argv.includes('--bench')) await bench(data, names, sides, number('--bench', 6));
}

await main();
