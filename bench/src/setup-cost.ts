import * as core from '@newsprism/core';

/** Set-up cost of one analyzer alone: wall time and the memory its models keep. */
export interface SetupRow {
  analyzer: string;
  ms: number;
  /** Heap and array buffers kept by its set-up, after garbage collection. */
  keptMiB: number;
}

// Array buffers are released some time after the collection that frees them: collect, wait,
// collect again.
const heap = async (): Promise<number> => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((r) => setTimeout(r, 50));
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
};

/**
 * What setting up each analyzer costs: the full pipeline's set-up time, then each analyzer set
 * up alone (the others stripped of their set-up, in a fresh model store), its time and the
 * memory it keeps after garbage collection (needs `node --expose-gc`; rough without it).
 * Undefined for a core without a model registry (before 2026-12).
 */
export async function setupCosts(): Promise<{ totalMs: number; rows: SetupRow[] } | undefined> {
  const { createModelStore, builtinAnalyzers } = core as Partial<typeof core>;
  if (!createModelStore || !builtinAnalyzers) return undefined;
  const t0 = performance.now();
  const full = await core.createPipeline({ models: createModelStore() });
  const totalMs = Math.round(performance.now() - t0);
  let rows: SetupRow[] = [];
  // Twice: the first pass also fills what is made once per process (compiled code, the
  // shipped gazetteer merged), which the second does not count.
  for (let pass = 0; pass < 2; pass++) rows = await alone(full.order, builtinAnalyzers, createModelStore);
  return { totalMs, rows };
}

async function alone(
  order: readonly string[],
  builtinAnalyzers: NonNullable<typeof core.builtinAnalyzers>,
  createModelStore: typeof core.createModelStore,
): Promise<SetupRow[]> {
  const rows: SetupRow[] = [];
  for (const name of order) {
    const analyzers = builtinAnalyzers.map((a) => (a.name === name ? a : { ...a, setup: undefined }));
    const target = analyzers.find((a) => a.name === name)!;
    const before = await heap();
    let pipeline: core.Pipeline | undefined = await core.createPipeline({
      analyzers,
      layers: [target.produces],
      models: createModelStore(),
    });
    const kept = (await heap()) - before;
    rows.push({
      analyzer: name,
      ms: pipeline.setup.find((s) => s.analyzer === name)!.ms,
      keptMiB: Math.round(kept * 10) / 10,
    });
    pipeline = undefined;
  }
  return rows;
}
