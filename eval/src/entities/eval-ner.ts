import { createPipeline } from '@newsprism/core';
import type { Task, TaskOptions } from '../task.js';
import { loadPolnearNer } from './polnear-ner.js';
import { addSpanCounts, type Prf, prf, spanTable } from './span-f1.js';

/**
 * `newsprism eval ner`: exact-span typed F1 (CoNLL style) of the `entities` layer — tagger,
 * gazetteer and linking together, as users get it — against PolNeAR's CoreNLP silver spans.
 */
export const evalNer: Task = {
  name: 'ner',
  description:
    'English NER span F1 vs PolNeAR CoreNLP silver (--data ../shared/data/polnear, --split dev|train)',
  async run(o: TaskOptions) {
    const split = o.split === 'train' ? 'train' : 'dev';
    const docs = loadPolnearNer(o.data, split);
    const pipeline = await createPipeline({
      layers: ['entities'],
      options: o.model ? { entities: { model: o.model } } : undefined,
    });
    const by = new Map<string, Prf>();
    for (const d of docs) {
      const doc = pipeline.run({ id: d.id, text: d.text, meta: { lang: 'en' } });
      const pred = doc.entities!.flatMap((e) =>
        e.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type ?? e.type })),
      );
      addSpanCounts(by, d.gold, pred);
    }
    const all = prf(by.get('ALL')!);
    return {
      title: `English NER — PolNeAR ${split} (${docs.length} articles), exact span + type vs CoreNLP silver`,
      metrics: { f1: all.f1, precision: all.precision, recall: all.recall },
      table: spanTable(by),
      notes: [
        'Silver, not gold: CoreNLP output; numeric classes are dropped, PERSON/ORGANIZATION/LOCATION/MISC map to CoNLL.',
      ],
    };
  },
};
