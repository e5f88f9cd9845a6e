import { createPipeline, type NewsDocument, NewsprismError } from '@newsprism/core';
import { type Store, staleLayers } from '@newsprism/store';
import { parse } from '../args.js';
import { Progress } from '../progress.js';
import { dbHelp, dbOption, withStore } from '../store/db-option.js';
import { filterHelp, filterOptions, readFilters } from '../store/filter-options.js';
import { type Command, warn } from './command.js';

const usage = `Usage: newsprism reanalyze [QUERY] [options]

Brings stored documents up to date with this newsprism: a document is re-analysed when the
producer of one of its layers (analyzer, version, and — where recorded — options and model
checksums) differs from what the current pipeline would record. Up-to-date documents are
left alone; the text and metadata are kept.

Options:
${dbHelp}
  -l, --layers <list>       only these layers (comma-separated; default every stored layer)
      --dry-run             count stale documents without changing them
  -h, --help                show this help
${filterHelp}`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('reanalyze', argv, {
    ...dbOption,
    ...filterOptions,
    layers: { type: 'string', short: 'l' },
    'dry-run': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const only = (values.layers as string | undefined)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const all = await createPipeline();
  for (const l of only ?? []) {
    if (!all.layers.includes(l as never))
      throw new NewsprismError(
        'E_UNKNOWN_LAYER',
        `unknown layer "${l}" in --layers; known: ${all.layers.join(', ')}`,
      );
  }
  const req = { ...readFilters(values), query: positionals.join(' ') || undefined };
  return withStore(values.db, async (store) => {
    const counts = { checked: 0, stale: 0, failed: 0 };
    const progress = new Progress(process.stderr);
    // The producer entries this newsprism records, per set of layers (cached: few distinct sets).
    const current = new Map<
      string,
      Promise<{ run(d: NewsDocument): NewsDocument; producers: Record<string, unknown> }>
    >();
    const pipelineFor = (layers: string[]) => {
      const key = layers.sort().join(',');
      let p = current.get(key);
      if (!p) {
        p = (async () => {
          const pipeline = await createPipeline({ layers });
          // The producers entry of a tiny probe document is what every document would get.
          const probe = pipeline.run({ id: 'probe', text: 'Probe.', meta: { lang: 'en' } });
          return {
            run: (d: NewsDocument) => pipeline.run(d),
            producers: probe.producers as Record<string, unknown>,
          };
        })();
        current.set(key, p);
      }
      return p;
    };
    const stale: string[] = [];
    for await (const { id, producers } of store.producers(req)) {
      counts.checked++;
      const layers = (only ?? Object.keys(producers)).filter((l) => all.layers.includes(l as never));
      if (layers.length === 0) continue;
      const p = await pipelineFor(
        [...new Set([...layers, ...Object.keys(producers)])].filter((l) => all.layers.includes(l as never)),
      );
      if (staleLayers(producers, p.producers, only).length > 0) stale.push(id);
    }
    counts.stale = stale.length;
    if (!values['dry-run']) {
      for (const id of stale) {
        try {
          await refresh(store, id, pipelineFor, all.layers as readonly string[]);
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

async function refresh(
  store: Store,
  id: string,
  pipelineFor: (layers: string[]) => Promise<{ run(d: NewsDocument): NewsDocument }>,
  known: readonly string[],
): Promise<void> {
  const doc = await store.get(id);
  if (!doc) return;
  const layers = Object.keys(doc.producers).filter((l) => known.includes(l));
  const p = await pipelineFor(layers);
  // Input diagnostics (decoding, extraction) are kept; the analyzers' own are made afresh.
  const input = doc.diagnostics.filter((d) => !d.source || !known.includes(d.source));
  const fresh = p.run({ ...doc, diagnostics: input } as NewsDocument);
  await store.ingest([fresh], { replace: true });
}

/** `newsprism reanalyze`: re-run stale layers of stored documents. */
export const reanalyzeCommand: Command = {
  name: 'reanalyze',
  summary: 'bring stored documents up to date with the current analyzers',
  usage,
  run,
};
