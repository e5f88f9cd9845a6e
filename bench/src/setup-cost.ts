import * as core from '@newsprism/core';

/** Set-up cost of one analyzer: wall time in a full pipeline's set-up, and the memory it keeps. */
export interface SetupRow {
  analyzer: string;
  ms: number;
  /** Heap and array buffers kept once its models are loaded, after garbage collection. */
  keptMiB: number;
}

const heap = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
};

/**
 * What setting up each analyzer of the full pipeline costs. Time: from a full pipeline's own
 * set-up report. Memory: layer by layer in pipeline order, each added to a model store that
 * keeps the earlier ones, measured after a garbage collection (needs `node --expose-gc`; the
 * figures are 0 without it). Undefined for a core without a model registry (before 2026-12).
 */
export async function setupCosts(): Promise<{ totalMs: number; rows: SetupRow[] } | undefined> {
  const { createModelStore } = core as Partial<typeof core>;
  if (!createModelStore) return undefined;
  const t0 = performance.now();
  const full = await core.createPipeline({ models: createModelStore() });
  const totalMs = Math.round(performance.now() - t0);
  const store = createModelStore();
  const keep: unknown[] = [];
  const rows: SetupRow[] = [];
  let before = heap();
  for (const s of full.setup) {
    keep.push(await core.createPipeline({ layers: [full.layers[rows.length]!], models: store }));
    const now = heap();
    rows.push({ analyzer: s.analyzer, ms: s.ms, keptMiB: Math.round((now - before) * 10) / 10 });
    before = now;
  }
  return { totalMs, rows };
}
