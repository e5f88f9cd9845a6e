import type { DocumentInput } from '@newsprism/core';
import { NewsprismError } from '@newsprism/core/schema';
import type { Db } from './db.js';
import { wellFormed } from './well-formed.js';

/** A job taken from the queue by a worker. */
export interface Job {
  pk: number;
  id: string;
  input: DocumentInput;
  /** How many times a worker has taken this job, this time included. */
  attempts: number;
  /** Analyzer options it was queued with (`ingest --queue --set`), laid over the worker's own. */
  options?: Record<string, Record<string, unknown>>;
  /**
   * Whether its document replaces a stored one with the same text (`ingest --queue --reanalyze
   * other-options`); otherwise such a document is left unchanged, not analysed.
   */
  replace: boolean;
}

/** What {@link enqueue} records with each job. */
export interface EnqueueOptions {
  /** Analyzer options for the worker to lay over its own (checked by the caller). */
  options?: Record<string, Record<string, unknown>>;
  /** The worker replaces a stored document with the same text (see {@link Job.replace}). */
  replace?: boolean;
}

/**
 * What {@link enqueue} did: `queued` new jobs; `updated` waiting jobs of the same ids given the
 * options and flag of this call (they differed); `already` ids waiting with the same ones, or
 * being worked on (left as they are).
 */
export interface EnqueueResult {
  queued: number;
  updated: number;
  already: number;
}

/**
 * A job with options or the replace flag waits as `queued-options` and is worked on as
 * `running-options` (migration 16): a worker of schema 14, started before the upgrade, takes
 * only `queued` and `running` jobs and would drop both.
 */
const WAITING = "('queued', 'queued-options')";
const TAKEN = "('running', 'running-options')";
const OPEN = "('queued', 'running', 'queued-options', 'running-options')";

/** Queue depth by state, and how many jobs finished in the last minute. */
export interface QueueStats {
  queued: number;
  running: number;
  done: number;
  dead: number;
  donePerMinute: number;
}

function needPostgres(db: Db): void {
  if (db.dialect !== 'postgres')
    throw new NewsprismError(
      'E_QUEUE_NEEDS_POSTGRES',
      'the job queue needs a PostgreSQL store (--db postgres://…); on SQLite ingest directly with -j N',
    );
}

/**
 * Puts documents on the queue for `newsprism worker` processes, in one transaction. An id
 * already waiting or being worked on is not queued twice: a waiting job whose options or replace
 * flag differ from this call's takes this call's input, options and flag (`updated`), its count
 * of attempts started again; one being worked on is left to finish (`already`).
 */
export async function enqueue(
  db: Db,
  inputs: readonly DocumentInput[],
  opts: EnqueueOptions = {},
): Promise<EnqueueResult> {
  needPostgres(db);
  const now = Date.now();
  const options = opts.options && Object.keys(opts.options).length ? JSON.stringify(opts.options) : null;
  const replace = opts.replace ? 1 : 0;
  const state = options !== null || replace ? 'queued-options' : 'queued';
  return db.transaction(async () => {
    const out: EnqueueResult = { queued: 0, updated: 0, already: 0 };
    for (const input of inputs) {
      // xmax is 0 for a row this statement inserted, the updating transaction's id otherwise.
      const [row] = await db.all<{ inserted: boolean }>(
        `INSERT INTO jobs (id, input, state, updated_at, options, replace_doc) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) WHERE state IN ${OPEN} DO UPDATE
           SET input = EXCLUDED.input, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at,
               options = EXCLUDED.options, replace_doc = EXCLUDED.replace_doc, attempts = 0, last_error = NULL
           WHERE jobs.state IN ${WAITING}
             AND (jobs.options IS DISTINCT FROM EXCLUDED.options OR jobs.replace_doc <> EXCLUDED.replace_doc)
         RETURNING (xmax = 0) AS inserted`,
        [input.id, JSON.stringify(wellFormed(input)), state, now, options, replace],
      );
      if (!row) out.already++;
      else if (row.inserted) out.queued++;
      else out.updated++;
    }
    return out;
  });
}

/**
 * Takes up to `n` jobs for `worker`: queued ones, and running ones whose worker's lease ran out
 * (it died). `FOR UPDATE SKIP LOCKED` lets any number of workers take jobs without blocking or
 * taking the same one.
 */
export async function claimJobs(db: Db, worker: string, n: number, leaseMs: number): Promise<Job[]> {
  needPostgres(db);
  const now = Date.now();
  const rows = await db.all<{
    pk: number;
    id: string;
    input: DocumentInput;
    attempts: number;
    options: Job['options'] | null;
    replace_doc: number;
  }>(
    `UPDATE jobs SET state = CASE WHEN state IN ('queued-options', 'running-options') THEN 'running-options' ELSE 'running' END,
       attempts = attempts + 1, worker = ?, lease_until = ?, updated_at = ?
     WHERE pk IN (SELECT pk FROM jobs WHERE state IN ${WAITING} OR (state IN ${TAKEN} AND lease_until < ?)
                  ORDER BY pk LIMIT ? FOR UPDATE SKIP LOCKED)
     RETURNING pk, id, input, attempts, options, replace_doc`,
    [worker, now + leaseMs, now, now, n],
  );
  return rows.map(({ options, replace_doc, ...r }) => ({
    ...r,
    pk: Number(r.pk),
    ...(options ? { options } : {}),
    replace: Number(replace_doc) === 1,
  }));
}

/**
 * Marks a job done inside the caller's transaction (the one that stores its document). Throws
 * `E_LEASE_LOST` when another worker has taken it meanwhile, which rolls the store back: a
 * document is committed by exactly one worker.
 */
export async function finishJob(db: Db, worker: string, pk: number): Promise<void> {
  const n = await db.run(
    `UPDATE jobs SET state = 'done', lease_until = NULL, updated_at = ? WHERE pk = ? AND worker = ? AND state IN ${TAKEN}`,
    [Date.now(), pk, worker],
  );
  if (n !== 1) throw new NewsprismError('E_LEASE_LOST', `job ${pk} was taken over by another worker`);
}

/** Puts a failed job back on the queue, or dead-letters it after `maxAttempts`. */
export async function failJob(
  db: Db,
  job: Job,
  worker: string,
  error: string,
  maxAttempts: number,
): Promise<void> {
  const state =
    job.attempts >= maxAttempts ? 'dead' : job.options || job.replace ? 'queued-options' : 'queued';
  await db.run(
    `UPDATE jobs SET state = ?, last_error = ?, lease_until = NULL, updated_at = ? WHERE pk = ? AND worker = ?`,
    [state, error.slice(0, 2000), Date.now(), job.pk, worker],
  );
}

/** Jobs by state (both backends have the table; only PostgreSQL fills it). */
export async function queueStats(db: Db): Promise<QueueStats> {
  const rows = await db.all<{ state: string; n: number }>(
    'SELECT state, count(*) AS n FROM jobs GROUP BY state',
  );
  const by = new Map(rows.map((r) => [r.state, Number(r.n)]));
  const [{ n: recent }] = await db.all<{ n: number }>(
    "SELECT count(*) AS n FROM jobs WHERE state = 'done' AND updated_at >= ?",
    [Date.now() - 60_000],
  );
  return {
    queued: (by.get('queued') ?? 0) + (by.get('queued-options') ?? 0),
    running: (by.get('running') ?? 0) + (by.get('running-options') ?? 0),
    done: by.get('done') ?? 0,
    dead: by.get('dead') ?? 0,
    donePerMinute: Number(recent),
  };
}
