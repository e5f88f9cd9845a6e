import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readInputs, runDocuments } from '@newsprism/core/node';
import type { BenchArticle } from './corpus.js';
import { quantile, r3 } from './stats.js';

const BIN = resolve(import.meta.dirname, '../../packages/cli/bin/newsprism.js');

/** One timed run of the CLI. */
interface CliRun {
  secs: number;
  /** User + system CPU seconds of all its threads (when /usr/bin/time exists). */
  cpu?: number;
  /** Peak RSS of the whole process (main thread and workers), MiB, when /usr/bin/time exists. */
  rssMiB?: number;
}

/** Figures of the parallel-runner benchmark. */
export interface JobsBench {
  documents: number;
  rounds: number;
  /** Median seconds and peak MiB per `--jobs` value. */
  runs: Record<string, { medianSecs: number; all: number[]; cpuSecs?: number; rssMiB?: number }>;
  /** The machine's 1-minute load average around the runs (min, max): a shared machine. */
  load: [number, number];
  /** Median over rounds of the paired ratio `-j 1` time / `-j N` time. */
  speedup: Record<string, number>;
}

function runCli(dir: string, jobs: string): CliRun {
  const args = [BIN, 'analyze', dir, '--jobs', jobs, '--format', 'jsonl', '-o', '/dev/null'];
  const timed = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss %M cpu %U %S', process.execPath, ...args], {
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`newsprism analyze -j ${jobs} failed: ${r.stderr}`);
  const m = /maxrss (\d+) cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) return { secs };
  return { secs, rssMiB: Math.round(Number(m[1]) / 1024), cpu: Number(m[2]) + Number(m[3]) };
}

/**
 * `analyze <dir> -j N` on `count` corpus articles written to a temporary folder, the whole CLI
 * process timed (start-up, model loading in each worker, reading, writing JSONL). Runs of each
 * `--jobs` value alternate within a round, so a neighbour's load on this shared machine hits
 * both sides of a pair; the speed-up is the median of the paired ratios.
 */
export function benchJobs(
  articles: readonly BenchArticle[],
  count = 2000,
  rounds = 3,
  jobs = ['1', '2'],
): JobsBench {
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-jobs-'));
  try {
    const docs = articles.slice(0, count);
    for (const [i, a] of docs.entries())
      writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), a.text);
    const times: Record<string, number[]> = Object.fromEntries(jobs.map((j) => [j, []]));
    const rss: Record<string, number> = {};
    const cpu: Record<string, number[]> = Object.fromEntries(jobs.map((j) => [j, []]));
    const loads: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const j of r % 2 === 0 ? jobs : [...jobs].reverse()) {
        loads.push(loadavg()[0]!);
        const run = runCli(dir, j);
        loads.push(loadavg()[0]!);
        times[j]!.push(run.secs);
        if (run.cpu !== undefined) cpu[j]!.push(run.cpu);
        if (run.rssMiB !== undefined) rss[j] = Math.max(rss[j] ?? 0, run.rssMiB);
      }
    }
    const runs: JobsBench['runs'] = {};
    for (const j of jobs)
      runs[j] = {
        medianSecs: r3(quantile(times[j]!, 0.5)),
        all: times[j]!.map(r3),
        cpuSecs: cpu[j]!.length ? r3(quantile(cpu[j]!, 0.5)) : undefined,
        rssMiB: rss[j],
      };
    const speedup: Record<string, number> = {};
    for (const j of jobs.slice(1)) {
      const ratios = times[jobs[0]!]!.map((t, i) => t / times[j]![i]!);
      speedup[j] = r3(quantile(ratios, 0.5));
    }
    const load: [number, number] = [r3(Math.min(...loads)), r3(Math.max(...loads))];
    return { documents: docs.length, rounds, runs, speedup, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds of one phase of an in-process run, by thread. */
export interface ThreadCpu {
  documents: number;
  wallSecs: number;
  /** The calling thread: reading inputs, posting them, writing the rendered strings. */
  main: number;
  /** Each worker thread (analysis and rendering, and the GC work done on that thread). */
  workers: number[];
  /** Every other thread of the process: V8's concurrent compiler and GC helper threads. */
  background: number;
  total: number;
}

/** The steady-state part of the parallel-runner benchmark (Linux only: it reads /proc). */
export interface JobsSteady {
  documents: number;
  /** Per `jobs` value: the first pass (start-up and JIT warm-up) and the second (steady state). */
  runs: Record<string, { warmup: ThreadCpu; steady: ThreadCpu; documentsPerCpuSec: number }>;
  /**
   * Steady-state speed-up of `jobs` N over 1 projected for N idle cores from the per-thread
   * CPU: a run takes at least its busiest thread's CPU and at least its total CPU over the
   * cores. Not a measured wall time.
   */
  projected: Record<string, number>;
  /** Every pass of every `jobs` value rendered the same bytes. */
  identical: boolean;
  load: [number, number];
}

function threadTicks(): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of readdirSync('/proc/self/task')) {
    try {
      const s = readFileSync(`/proc/self/task/${t}/stat`, 'latin1');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      // utime and stime, clock ticks of 10 ms.
      m.set(t, (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return m;
}

/**
 * The runner in this process (`runDocuments`, the CLI's JSONL renderer in the workers, inputs
 * read from a folder as the CLI reads them) over the same `count` articles twice, per-thread
 * CPU read from /proc after each pass. The first pass holds the workers' start-up, model
 * loading and JIT warm-up: V8 optimises ~300 functions in each isolate over the first ~2,000
 * articles, then almost none. The second pass is the steady state a long run (millions of
 * articles) spends nearly all its time in. Worker threads are the threads born after the
 * run starts; the rest, apart from this one, are V8's compiler and GC helpers.
 */
export async function benchJobsSteady(
  articles: readonly BenchArticle[],
  count = 2000,
  jobs = [1, 2],
): Promise<JobsSteady | undefined> {
  if (!existsSync('/proc/thread-self')) return undefined;
  const me = readlinkSync('/proc/thread-self').split('/').pop()!;
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-steady-'));
  const render = {
    module: pathToFileURL(resolve(import.meta.dirname, '../../packages/cli/dist/formats/renderer.js')).href,
    name: 'makeRenderer',
    settings: { format: 'jsonl' },
  };
  const out = openSync('/dev/null', 'w');
  try {
    const docs = articles.slice(0, count);
    for (const [i, a] of docs.entries())
      writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), a.text);
    // libuv starts its thread pool on the first asynchronous read: before the snapshot.
    await readFile(join(dir, '00000.txt'));
    const runs: JobsSteady['runs'] = {};
    const hashes = new Set<string>();
    const loads: number[] = [];
    for (const j of jobs) {
      const before = new Set(threadTicks().keys());
      async function* twice() {
        for (let p = 0; p < 2; p++) yield* readInputs([dir], { maxBytes: 20 << 20 });
      }
      let prev = threadTicks();
      let t = performance.now();
      const phases: ThreadCpu[] = [];
      let k = 0;
      let hash = createHash('sha256');
      loads.push(loadavg()[0]!);
      for await (const r of runDocuments<string>(twice(), { jobs: j, render })) {
        const s = r.ok ? r.output : `skip ${r.code}`;
        writeSync(out, s);
        hash.update(`${s}\n`);
        if (++k % docs.length) continue;
        const now = threadTicks();
        const d = (id: string) => (now.get(id) ?? 0) - (prev.get(id) ?? 0);
        const ids = [...now.keys()];
        const workers = ids.filter((id) => !before.has(id)).map(d);
        const background = ids.filter((id) => id !== me && before.has(id)).reduce((a, id) => a + d(id), 0);
        const main = d(me);
        const total = main + background + workers.reduce((a, b) => a + b, 0);
        const tn = performance.now();
        phases.push({
          documents: docs.length,
          wallSecs: r3((tn - t) / 1000),
          main: r3(main),
          workers: workers.map(r3),
          background: r3(background),
          total: r3(total),
        });
        hashes.add(hash.digest('hex'));
        hash = createHash('sha256');
        prev = now;
        t = tn;
      }
      loads.push(loadavg()[0]!);
      const [warmup, steady] = phases as [ThreadCpu, ThreadCpu];
      runs[String(j)] = { warmup, steady, documentsPerCpuSec: r3(docs.length / steady.total) };
    }
    // Lower bound of a run's time on n idle cores: its busiest thread, and its CPU over n.
    const bound = (p: ThreadCpu, n: number) => Math.max(...p.workers, p.main, p.total / n);
    const base = runs[String(jobs[0])]!.steady;
    const projected: Record<string, number> = {};
    for (const j of jobs.slice(1))
      projected[String(j)] = r3(bound(base, j) / bound(runs[String(j)]!.steady, j));
    return {
      documents: docs.length,
      runs,
      projected,
      identical: hashes.size === 1,
      load: [r3(Math.min(...loads)), r3(Math.max(...loads))],
    };
  } finally {
    closeSync(out);
    rmSync(dir, { recursive: true, force: true });
  }
}
