import { createPipeline } from '@newsprism/core';
import { inLaid, inLaidText, laidSpan, type Relaid, relayDocs } from '../semeval2023/layouts.js';
import { isValidation } from '../split.js';
import type { Task, TaskOptions } from '../task.js';
import { loadConllNer } from './conll-ner.js';
import { loadPolnearNer, type NerDoc } from './polnear-ner.js';
import { addSpanCounts, type Prf, prf, spanTable } from './span-f1.js';

/**
 * Exact-span typed counts (CoNLL style) of the `entities` layer — tagger, gazetteer and linking
 * together, as users get it — on English documents with gold spans.
 */
export async function entitySpanCounts(
  docs: readonly (NerDoc & { laid?: Relaid })[],
  model?: string,
): Promise<Map<string, Prf>> {
  const pipeline = await createPipeline({
    layers: ['entities'],
    options: model ? { entities: { model } } : undefined,
  });
  const by = new Map<string, Prf>();
  for (const d of docs) {
    const doc = pipeline.run({ id: d.id, text: d.text, meta: { lang: 'en' } });
    const pred = doc.entities!.flatMap((e) =>
      e.mentions
        .filter((m) => !d.laid || inLaidText(d.laid, m))
        .map((m) => ({ start: m.start, end: m.end, type: m.type ?? e.type })),
    );
    addSpanCounts(by, d.gold, pred);
  }
  return by;
}

/**
 * The documents laid out as `--set layout=… casing=… lead=N|window=N` asks (English), their gold spans moved
 * along (see `relayoutText`); unchanged without those options.
 */
async function relaid(docs: NerDoc[], o: TaskOptions): Promise<(NerDoc & { laid?: Relaid })[]> {
  const laid = await relayDocs(
    docs.map((d) => ({ ...d, lang: 'en' })),
    o.extra,
  );
  return laid
    ? docs.map((d, i) => ({
        ...d,
        laid: laid[i]!,
        text: laid[i]!.text,
        gold: d.gold.filter((g) => inLaid(laid[i]!, g)).map((g) => laidSpan(laid[i]!, g)),
      }))
    : docs;
}

/**
 * `newsprism eval ner`: span F1 of the `entities` layer against PolNeAR's CoreNLP silver spans.
 */
export const evalNer: Task = {
  name: 'ner',
  description:
    'English NER span F1 vs PolNeAR CoreNLP silver (--data ../shared/data/polnear, --split dev|train)',
  async run(o: TaskOptions) {
    const split = o.split === 'train' ? 'train' : 'dev';
    const docs = await relaid(loadPolnearNer(o.data, split), o);
    const by = await entitySpanCounts(docs, o.model);
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

/** `newsprism eval ner-conll`: span F1 of the `entities` layer on CoNLL-2003 `eng.testa` (dev, gold). */
export const evalNerConll: Task = {
  name: 'ner-conll',
  description:
    'English NER span F1 on CoNLL-2003 eng.testa, gold (--data ../shared/data/conll2003, --split dev|val|train)',
  async run(o: TaskOptions) {
    // `--split val`: the project's validation documents of eng.train (held out by `train ner`).
    const file = o.split === 'train' || o.split === 'val' ? 'eng.train' : 'eng.testa';
    const docs = await relaid(
      loadConllNer(o.data, file).filter((d) => o.split !== 'val' || isValidation('conll2003', d.id)),
      o,
    );
    const by = await entitySpanCounts(docs, o.model);
    const all = prf(by.get('ALL')!);
    return {
      title: `English NER — CoNLL-2003 ${file}${o.split === 'val' ? ' validation part' : ''} (${docs.length} documents), exact span + type (conlleval)`,
      metrics: { f1: all.f1, precision: all.precision, recall: all.recall },
      table: spanTable(by),
      notes: [
        'Text rebuilt from the tokens: one sentence a line, tokens joined by spaces.',
        ...(o.extra.layout || o.extra.casing || o.extra.lead || o.extra.window
          ? [
              `Laid out anew: layout=${o.extra.layout ?? 'original'}, casing=${o.extra.casing ?? 'original'}, lead=${o.extra.lead ?? 'all'}, window=${o.extra.window ?? 'all'}.`,
            ]
          : []),
      ],
    };
  },
};
