import { NewsprismError } from '@newsprism/core/schema';

/**
 * `NEWSPRISM_WORKER_MAX_OLD_MB`: the heap limit of each analysis worker in MB (unset or empty:
 * Node's default), so one huge document cannot take the machine's memory; it costs only that
 * document (`E_WORKER_CRASHED`).
 */
export function workerHeapLimit(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 16)
    throw new NewsprismError(
      'E_USAGE',
      `NEWSPRISM_WORKER_MAX_OLD_MB takes a whole number of MB, at least 16 (got "${value}")`,
    );
  return n;
}
