import type { NewsDocument, Pipeline } from '@newsprism/core';
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
    let plan = plans.get(setKey);
    let other = seen.get(key);
    if (!other) {
      plan ??= Promise.all([import('@newsprism/core'), import('@newsprism/core/node')]).then(
        async ([{ createPipeline }, { layOptions }]) => {
          const options = layOptions(base, over);
          return (await createPipeline({ layers, options })).producers as Record<string, Producer>;
        },
      );
      other = plan.then((p) => otherOptionLayers(producers, p).some((l) => layers.includes(l)));
    }
    // A long-running worker meets option sets without end: the eight last used are kept.
    if (plan) lru(plans, setKey, plan, 8);
    lru(seen, key, other, 1000);
    return other;
  };
}

/** Puts `key` last in `map` (the most recently used), dropping the least recently used over `max`. */
export function lru<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as string);
}

/**
 * `ingest --queue --set`'s comparison: whether the stored document of an id left unchanged holds
 * one of the run's layers made with another value of an option `--set` names than the one given
 * (its producer's recorded options; no checksums, no defaults). A queued document is analysed
 * by a worker with its own options under the job's: only the options the jobs carry are the
 * run's to compare, so a worker's `--set` does not make every document it made "other" here.
 */
export function keptQueueOptions(
  store: Store,
  layers: readonly string[],
  options: Options,
): (id: string) => Promise<boolean> {
  const given = Object.entries(options).flatMap(([analyzer, o]) =>
    // Builtin analyzers make the layer of their name; `default` sets an option back: not compared.
    layers.includes(analyzer)
      ? Object.entries(o)
          .filter(([, v]) => v !== undefined && v !== 'default')
          .map(([k, v]) => ({ layer: analyzer, key: k, value: canonical(v) }))
      : [],
  );
  return async (id) => {
    const producers = (await store.producersOf([id])).get(id) as Record<string, unknown> | undefined;
    if (!producers) return false;
    return given.some(({ layer, key, value }) => {
      const p = producers[layer] as Producer | undefined;
      return typeof p === 'object' && p !== null && canonical(p.options?.[key]) !== value;
    });
  };
}

/**
 * Analyses stored documents again for a run's `layers` with its options (`base`, a job's `over`
 * laid over them), as `reanalyze -l` does: the stored document extended by a pipeline of its
 * own layers and the run's, so the run's layers are made again with the run's options and every
 * stored layer that reads one of them is made again too; the stored layers the run does not
 * make are kept (a run with narrower `--layers` does not delete them). In this thread; one
 * pipeline a set of layers and options (the eight last used kept).
 */
export function keptRefresher(
  layers: readonly string[],
  base: Options | undefined,
): (stored: NewsDocument, over?: Options) => Promise<NewsDocument> {
  const pipelines = new Map<string, Promise<Pipeline>>();
  return async (stored, over) => {
    const [{ createPipeline, parseDocument, keepLayers }, { builtinCatalog, layOptions }] = await Promise.all(
      [import('@newsprism/core'), import('@newsprism/core/node')],
    );
    const known = builtinCatalog.map((a) => a.produces as string);
    // A `newsprism/1` document is upgraded, as `reanalyze` reads it.
    const doc = parseDocument(stored);
    const held = Object.keys(doc.producers).filter((l) => known.includes(l));
    const union = [...new Set([...held, ...layers])].sort();
    const options = layOptions(base, over);
    const key = `${union.join(',')}\n${canonical(options ?? {})}`;
    const pipeline = pipelines.get(key) ?? createPipeline({ layers: union, options });
    pipeline.catch(() => pipelines.delete(key));
    lru(pipelines, key, pipeline, 8);
    const fresh = (await pipeline).extend(doc, layers);
    // The stored layers and the run's, not the requirements computed for them (`tokens`).
    return keepLayers(fresh, new Set(union));
  };
}

/** The characters `shellWord` escapes: C0 and C1 controls, DEL, the bidirectional overrides. */
const SHELL_CONTROLS = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * An argument as a shell reads it back: plain, or in single quotes; one with a control character
 * (a newline in a file name, ESC) in bash's `$'…'` with the character escaped as the `skipped`
 * line prints it below U+0080 (`\x1b`) and by its UTF-8 bytes above (`\xc2\x85`: bash's `\u0085`
 * is decoded only in a UTF-8 locale, its `\x85` would be a raw byte), so the note cannot move the
 * cursor or end a line and the command reads back the same in any locale.
 */
export function shellWord(s: string): string {
  if (/^[\w.=,:/@+-]+$/.test(s)) return s;
  if (!s.match(SHELL_CONTROLS)) return `'${s.replaceAll("'", "'\\''")}'`;
  const quoted = s.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
  return `$'${quoted.replace(SHELL_CONTROLS, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''),
  )}'`;
}

/**
 * The note of `n` unchanged documents kept with other options than `whose` (this run's, this
 * worker's), and what brings only them to those options (`remedy`).
 */
export function otherOptionsNote(n: number, whose: string, remedy: string): string {
  const one = n === 1;
  return `${n} unchanged ${one ? 'document was' : 'documents were'} analysed with other options than ${whose} and ${one ? 'keeps them' : 'keep them'}, not analysed again: ${remedy}`;
}

/**
 * Core's refusal of an option naming a file (`E_OPTION_NOT_ALLOWED`, worded for a server
 * request) reworded for the queue: `why` it may not go there, and `worker --set` as the remedy.
 */
export function queueFileOption(message: string, why: string): string {
  return message.replace(
    /cannot be given with a request; give it to the server \(serve (--set [^)]*)\)/,
    `${why} (a worker may run on another machine); give it to the workers (worker $1)`,
  );
}
