import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
