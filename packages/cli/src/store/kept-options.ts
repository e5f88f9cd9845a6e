import { canonical, otherOptionLayers, type Producer } from '@newsprism/core/schema';
import type { Store } from '@newsprism/store';

/** Per-analyzer options, keyed by analyzer name (`{genre: {prior: 'news-wire'}}`). */
type Options = Record<string, Record<string, unknown>>;

/** The value of `--reanalyze` (ingest) and `?reanalyze=` (`POST /api/documents`). */
export const REANALYZE_OTHER_OPTIONS = 'other-options';

/**
 * Whether the stored document of an id left unchanged was analysed with other options than a
 * run's (`base`, with `over` laid over it: a queued job's) for one of the layers it stores: its
 * producers compared with those a pipeline of the run's layers and options records (core's
 * `otherOptionLayers`: the options, and the checksums of the model and data files, so a file
 * option such as `quotes.learned=off` counts too). That pipeline is built at the first stored
 * document met, in this thread (its models are loaded once more when the analysis runs in
 * worker threads); documents made by one pipeline share their producers: each distinct set is
 * compared once a set of options.
 */
export function keptOptions(
  store: Store,
  layers: readonly string[],
  base: Options | undefined,
): (id: string, over?: Options) => Promise<boolean> {
  const seen = new Map<string, Promise<boolean>>();
  const plans = new Map<string, Promise<Readonly<Record<string, Producer>>>>();
  return async (id, over) => {
    const producers = (await store.producersOf([id])).get(id);
    if (!producers) return false;
    const setKey = over === undefined ? '' : canonical(over);
    const key = `${setKey}\n${JSON.stringify(producers)}`;
    let other = seen.get(key);
    if (!other) {
      let plan = plans.get(setKey);
      if (!plan) {
        plan = Promise.all([import('@newsprism/core'), import('@newsprism/core/node')]).then(
          async ([{ createPipeline }, { layOptions }]) => {
            const options = layOptions(base, over);
            return (await createPipeline({ layers, options })).producers as Record<string, Producer>;
          },
        );
        plans.set(setKey, plan);
        // A long-running worker meets option sets without end: the eight latest are kept.
        if (plans.size > 8) plans.delete(plans.keys().next().value as string);
      }
      other = plan.then((p) => otherOptionLayers(producers, p).some((l) => layers.includes(l)));
      seen.set(key, other);
      if (seen.size > 1000) seen.delete(seen.keys().next().value as string);
    }
    return other;
  };
}

/** An argument as a POSIX shell reads it back (quoted unless it is plain). */
export const shellWord = (s: string): string =>
  /^[\w.=,:/@+-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;

/**
 * The note of `n` unchanged documents kept with other options than `whose` (this run's, this
 * worker's), and what brings only them to those options (`remedy`).
 */
export function otherOptionsNote(n: number, whose: string, remedy: string): string {
  const one = n === 1;
  return `${n} unchanged ${one ? 'document was' : 'documents were'} analysed with other options than ${whose} and ${one ? 'keeps them' : 'keep them'}, not analysed again: ${remedy}`;
}
