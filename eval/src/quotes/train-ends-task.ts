import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '@newsprism/core';
import { inSplit } from '../split.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadPolnear } from './polnear.js';
import { foldOf } from './quotes-task.js';
import { END_DEFAULTS, type EndExample, type EndSettings, endExamples, fitEnds } from './train-ends.js';

/** Where the shipped English content-end model lives. */
const MODEL_EN = fileURLToPath(new URL('../../../models/quotes/ends.en.json', import.meta.url));

/** Out-of-fold decisions of a content-end model: cuts at the gold end, cuts elsewhere, cuts missed. */
function outOfFold(examples: readonly (EndExample & { id: string })[], s: EndSettings, k: number) {
  const n = { contents: examples.length, goldCuts: 0, cuts: 0, right: 0 };
  for (let f = 0; f < k; f++) {
    const model = fitEnds(
      examples.filter((e) => foldOf(e.id, k) !== f),
      s,
    );
    for (const e of examples.filter((x) => foldOf(x.id, k) === f)) {
      const z = e.cands.map((x) => model.logits(x)[0]!);
      const own = e.cands.length - 1;
      let best = -1;
      for (let j = 0; j < own; j++) if (best < 0 || z[j]! > z[best]!) best = j;
      const cut = best >= 0 && z[best]! > z[own]! + s.margin;
      if (e.gold !== own) n.goldCuts++;
      if (cut) n.cuts++;
      if (cut && best === e.gold) n.right++;
    }
  }
  return n;
}

/**
 * `newsprism train quotes-ends --data ../shared/data/polnear`: learns, from PolNeAR train (the
 * project's `train` part; `val` and PolNeAR dev are never read), where a content the rules
 * produce ends when its gold content ends earlier (`criticized the tax ‖ in an interview`).
 * Reports out-of-fold cut decisions (5 folds by article), refits on all of it and writes
 * `models/quotes/ends.en.json` (`--set margin=`, `epochs=`; `dry=1` writes nothing; `cueTable=`,
 * `learned=` as in `eval quotes`). The margin
 * and epochs were chosen on `tune` by `newsprism eval quotes --split tune --set folds=5 --set
 * refit=1 --set ends=refit --set margins=…`.
 */
export const quotesEndsTrain: Task = {
  name: 'quotes-ends',
  description: 'learn where attribution contents end (PolNeAR train)',
  async run(o: TaskOptions): Promise<Report> {
    const split = o.split ?? 'train';
    const s: EndSettings = { ...END_DEFAULTS };
    for (const [k, v] of Object.entries(o.extra))
      if (k in s) (s as unknown as Record<string, number>)[k] = Number(v);
    const docs = loadPolnear(o.data, 'train').filter(
      (d) => split === 'all' || inSplit('polnear', d.id, split),
    );
    // The rules' contents, uncut, with the shipped cue table and learned-cue model (or the
    // `--set cueTable=FILE learned=FILE` of one's own: learned on `tune` only to score `final`).
    const quotes: Record<string, string> = { ends: 'off' };
    if (o.extra.cueTable) quotes.cueTable = o.extra.cueTable;
    if (o.extra.learned) quotes.learned = o.extra.learned;
    const pipe = await createPipeline({ layers: ['quotes'], options: { quotes } });
    const examples = docs.flatMap((d) =>
      endExamples([{ gold: d, doc: pipe.run({ id: d.id, text: d.text, meta: { lang: 'en' } }) }]).map(
        (e) => ({ ...e, id: d.id }),
      ),
    );
    const oof = outOfFold(examples, s, 5);
    o.log(
      `quotes-ends: ${docs.length} articles, ${examples.length} contents, ${oof.goldCuts} end earlier in gold`,
    );
    const model = fitEnds(examples, s);
    if (o.extra.dry !== '1') {
      const out = o.out ?? MODEL_EN;
      mkdirSync(dirname(out), { recursive: true });
      const meta = {
        task: 'quotes-ends',
        split,
        data: 'PolNeAR train',
        trained: new Date().toISOString(),
        options: s,
        metrics: { articles: docs.length, ...oof },
      };
      writeFileSync(out, JSON.stringify(model.toFile(meta)));
      o.log(`wrote ${out}`);
    }
    return {
      title: `quotes-ends on PolNeAR ${split}: content ends, out of fold (5 folds by article)`,
      metrics: {
        articles: docs.length,
        contents: oof.contents,
        gold_cuts: oof.goldCuts,
        cuts: oof.cuts,
        right_cuts: oof.right,
        cut_precision: oof.cuts ? oof.right / oof.cuts : 0,
        cut_recall: oof.goldCuts ? oof.right / oof.goldCuts : 0,
        margin: s.margin,
      },
    };
  },
};
