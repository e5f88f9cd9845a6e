import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelStore, createPipeline } from '@newsprism/core';
import { type NerInput, NerTagger, nerFeatures } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { prepareDocs } from './polnear-ner.js';
import { addClusters, SHIPPED_NER } from './train-ner.js';

const TEXT =
  'Senator Anna Berg met officials of Acme Corp in Paris on Monday.\nThe talks in Paris went well, Berg said.';

/** The features of every candidate token (no previous tags, no document memory). */
function candidateFeatures(p: NerInput): number[][] {
  const out = new Int32Array(64);
  const rows: number[][] = [];
  for (let i = 0; i < p.n; i++)
    if (p.candidate[i]) rows.push(Array.from(out.subarray(0, nerFeatures(p, i, 0, 0, out))));
  return rows;
}

describe('English NER word clusters', () => {
  it('gives the analyzer exactly the features the trainer learnt from', async () => {
    // Trainer side: the input `train ner --set wc=1` builds for a document.
    const { tagged } = await prepareDocs([{ id: 'x', text: TEXT, gold: [] }]);
    addClusters(tagged[0]!);
    const trained = candidateFeatures(tagged[0]!.input);
    // Analyzer side: the shipped tagger, wrapped to record what the `entities` layer gives it.
    const real = NerTagger.load(SHIPPED_NER);
    expect(typeof real.meta.clusters).toBe('string');
    let served: number[][] = [];
    let cluster: Uint32Array | undefined;
    const recording = Object.assign(Object.create(real) as NerTagger, {
      tag(p: NerInput) {
        served = candidateFeatures(p);
        cluster = p.cluster?.slice();
        return real.tag(p);
      },
    });
    // The store hands the pipeline the recording tagger for the shipped file's id and bytes.
    const models = createModelStore();
    models.scope().load('ner-en/ner-en.json', SHIPPED_NER, () => recording);
    const pipe = await createPipeline({ layers: ['entities'], models });
    const doc = pipe.run({ id: 'x', text: TEXT, meta: { lang: 'en' } });
    expect(served.length).toBeGreaterThan(0);
    expect(served).toEqual(trained);
    // Not vacuous: cluster ids reached the tagger (`senator` and `paris` are in the file).
    expect(cluster?.some((c) => c > 0)).toBe(true);
    // The cluster file is checksummed into the layer's producer.
    expect(Object.keys(doc.producers.entities?.models ?? {})).toContain('clusters/clusters.en.json');
  });

  it('stops the set-up when the cluster file is not the one the tagger was trained with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nerwc-'));
    try {
      const file = JSON.parse(readFileSync(SHIPPED_NER, 'utf8'));
      file.meta.clustersChecksum = '000000000000';
      const model = join(dir, 'ner.json');
      writeFileSync(model, JSON.stringify(file));
      await expect(
        createPipeline({ layers: ['entities'], options: { entities: { model } } }),
      ).rejects.toMatchObject({
        code: 'E_MODEL_INVALID',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
