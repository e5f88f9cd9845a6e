import { builtinAnalyzers, createPipeline, keepLayers, type Pipeline, parseDocument } from '@newsprism/core';
import { type Store, staleLayers } from '@newsprism/store';
import { checkedSets, setHelp, setOption } from '../analyzer-sets.js';
import { parse } from '../args.js';
import { parseLayerList } from '../formats/renderer.js';
import { Progress } from '../progress.js';
import { dbHelpAt, dbOption, withCorpus } from '../store/db-option.js';
import { filterHelp, filterOptions, readFilters } from '../store/filter-options.js';
import { type Command, warn } from './command.js';

const usage = `Usage: newsprism reanalyze [QUERY] [options]

Brings stored documents up to date with this newsprism: a document is re-analysed when the
producer of one of its layers (analyzer, version, options and — where recorded — model
checksums) differs from what the current pipeline would record. Up-to-date documents are
left alone; the text and metadata are kept. Options are this run's: a document analysed with
\`--set genre.prior=news-wire\` is stale to a run without it (and is re-analysed with the
defaults) — give the same --set to keep it, or another to change it.

Options:
${dbHelpAt(28)}
  -l, --layers <list>       only these layers (comma-separated; default every stored layer);
                            "+tokens" adds a layer to each document's stored ones
      --dry-run             count stale documents without changing them
${setHelp(28, 'as ingest: what a fresh analysis records (see above)')}
  -h, --help                show this help
${filterHelp}`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('reanalyze', argv, {
    ...dbOption,
    ...filterOptions,
    layers: { type: 'string', short: 'l' },
    'dry-run': { type: 'boolean' },
    ...setOption,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  // The layers there are, without building every model just to list them.
  const known: readonly string[] = builtinAnalyzers.map((a) => a.produces);
  // `--layers` as `analyze` reads it: `+tokens` adds to each document's stored layers.
  const list = values.layers === undefined ? undefined : parseLayerList(values.layers as string, known);
  const layersFor = (producers: Record<string, unknown>): string[] | undefined =>
    list?.add
      ? [...new Set([...Object.keys(producers).filter((l) => known.includes(l)), ...list.names])]
      : list?.names.length
        ? list.names
        : undefined;
  const req = { ...readFilters(values), query: positionals.join(' ') || undefined };
  const options = await checkedSets(values.set as string[] | undefined);
  return withCorpus(values.db, async (store) => {
    const counts = { checked: 0, stale: 0, failed: 0 };
    const progress = new Progress(process.stderr);
    // One pipeline per set of layers (few distinct sets): the stored layers and the wanted ones,
    // so each producer entry (optional inputs included) is what a fresh run would record.
    const pipelines = new Map<string, Promise<Pipeline>>();
    const pipelineFor = (producers: Record<string, unknown>): Promise<Pipeline> => {
      const layers = [...new Set([...Object.keys(producers), ...(layersFor(producers) ?? [])])]
        .filter((l) => known.includes(l))
        .sort();
      const key = layers.join(',');
      let p = pipelines.get(key);
      if (!p) {
        p = createPipeline({ layers, options });
        pipelines.set(key, p);
      }
      return p;
    };
    const stale: string[] = [];
    for await (const { id, producers } of store.producers(req)) {
      counts.checked++;
      const only = layersFor(producers);
      if (!only && !Object.keys(producers).some((l) => known.includes(l))) continue;
      if (staleLayers(producers, await pipelineFor(producers), only).length > 0) stale.push(id);
    }
    counts.stale = stale.length;
    if (!values['dry-run']) {
      for (const id of stale) {
        try {
          await refresh(store, id, pipelineFor, layersFor);
          progress.tick(true);
        } catch (err) {
          counts.failed++;
          progress.tick(false);
          progress.clear();
          warn(`skipped ${id}: E_ANALYZER_FAILED ${(err as Error).message}`);
        }
      }
    }
    progress.clear();
    warn(
      `${values['dry-run'] ? 'would reanalyse' : 'reanalysed'} ${counts.stale - counts.failed} of ${counts.checked} documents${counts.failed ? `, ${counts.failed} failed` : ''}`,
    );
    return counts.failed ? 1 : 0;
  });
}

/**
 * Re-runs the stale layers of one stored document with `pipeline.extend`: fresh layers are kept
 * as stored, stale or missing ones and every layer that reads them are recomputed.
 */
async function refresh(
  store: Store,
  id: string,
  pipelineFor: (producers: Record<string, unknown>) => Promise<Pipeline>,
  layersFor: (producers: Record<string, unknown>) => readonly string[] | undefined,
): Promise<void> {
  const stored = await store.get(id);
  if (!stored) return;
  // A `newsprism/1` document is upgraded (its `name@version` producers become records, all stale).
  const doc = parseDocument(stored);
  const only = layersFor(doc.producers as Record<string, unknown>);
  const pipeline = await pipelineFor(doc.producers as Record<string, unknown>);
  const fresh = pipeline.extend(doc, only ?? pipeline.layers);
  // Stored as `ingest` stores it: the layers the document had and those asked for, not the
  // requirements computed for them (`tokens` unless asked for).
  const keep = new Set([...Object.keys(doc.producers), ...(only ?? [])]);
  await store.ingest([keepLayers(fresh, keep)], { replace: true });
}

/** `newsprism reanalyze`: re-run stale layers of stored documents. */
export const reanalyzeCommand: Command = {
  name: 'reanalyze',
  summary: 'bring stored documents up to date with the current analyzers',
  usage,
  run,
};
