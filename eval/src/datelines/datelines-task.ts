import { existsSync } from 'node:fs';
import { createPipeline, NewsprismError } from '@newsprism/core';
import type { Report, Task, TaskOptions } from '../task.js';
import { labelLanguage, labelText, loadDatelineLabels, polnearDates } from './labels.js';
import { type DatelineCounts, emptyDatelineCounts, scoreDateline } from './score.js';

const ratio = (a: number, b: number): number => (b ? a / b : 0);

/** The printed report of one run: headline figures and a row per data set. */
function datelinesReport(total: DatelineCounts, bySet: Map<string, DatelineCounts>, split: string): Report {
  const row = (name: string, c: DatelineCounts) => [
    name,
    c.items,
    ratio(c.outletRight, c.items),
    c.dates ? ratio(c.datesRight, c.dates) : '-',
    ratio(c.spansRight, c.goldSpans),
    ratio(c.spansRight, c.predSpans),
    c.speakersInSpans,
  ];
  const byLang = [...bySet].filter(([k]) => k.startsWith('lang '));
  const sets = [...bySet].filter(([k]) => !k.startsWith('lang '));
  return {
    title: `datelines and credits (${split}): ${total.items} labelled articles, ${total.goldSpans} dateline/credit spans`,
    metrics: {
      outlet_accuracy: ratio(total.outletRight, total.items),
      outlet_accuracy_named: ratio(total.namedRight, total.named),
      agency_accuracy: ratio(total.agencyRight, total.items),
      date_accuracy: ratio(total.datesRight, total.dates),
      place_accuracy: ratio(total.placesRight, total.places),
      place_as_location: ratio(total.placesLoc, total.places),
      author_accuracy: ratio(total.authorsRight, total.authors),
      span_recall: ratio(total.spansRight, total.goldSpans),
      span_precision: ratio(total.spansRight, total.predSpans),
      speakers_in_spans: total.speakersInSpans,
    },
    table: [
      ['data set', 'items', 'outlet', 'date', 'span R', 'span P', 'speakers in spans'],
      ...byLang.map(([k, c]) => row(k, c)),
      ...sets.map(([k, c]) => row(k, c)),
    ],
    notes: [
      `named outlets ${total.named}, dates ${total.dates}, places ${total.places}, authors ${total.authors}`,
      ...byLang.map(
        ([k, c]) =>
          `${k}: outlet ${c.outletRight}/${c.items}, named ${c.namedRight}/${c.named}, date ${c.datesRight}/${c.dates}, place ${c.placesRight}/${c.places}, author ${c.authorsRight}/${c.authors}, spans R ${c.spansRight}/${c.goldSpans} P ${c.spansRight}/${c.predSpans}`,
      ),
      ...(total.wrong.length ? [`wrong:\n${total.wrong.map((w) => `  ${w}`).join('\n')}`] : []),
    ],
  };
}

/**
 * `newsprism eval datelines --data ../shared/data`: the project's own labels of article openings
 * and closings (`eval/data/datelines/labels.tsv`, offsets only) against the `paragraphs` layer's
 * datelines and credits, with entities and quotes run to check that the place is a location and
 * that no dateline or credit becomes a speaker. `--split dev` (default), `val`, `final` (held out),
 * a comma-separated list of them (`dev,val`) or `all`; rows per language and per data set.
 * PolNeAR articles get their publication date from `metadata.tsv`, as an input would give it.
 */
export const datelinesEval: Task = {
  name: 'datelines',
  description:
    'Outlet, date, place, author and spans of agency datelines and credits (--data ../shared/data)',
  async run(o: TaskOptions) {
    if (!existsSync(o.data))
      throw new NewsprismError('E_DATA', `${o.data} not found; --data should be ../shared/data`);
    const split = o.split ?? 'dev';
    const parts = split.split(',');
    const bad = parts.find((s) => !['dev', 'val', 'final', 'all'].includes(s));
    if (bad)
      throw new NewsprismError(
        'E_USAGE',
        `unknown split "${bad}"; use dev, val, final, all or a list (dev,val)`,
      );
    const labels = loadDatelineLabels().filter((l) => parts.includes('all') || parts.includes(l.split));
    const dates = polnearDates(o.data);
    const p = await createPipeline({ layers: ['paragraphs', 'entities', 'quotes'] });
    const total = emptyDatelineCounts();
    const bySet = new Map<string, DatelineCounts>();
    let missing = 0;
    for (const l of labels) {
      const text = labelText(o.data, l);
      if (text === undefined) {
        missing++;
        continue;
      }
      const published = l.dataset.startsWith('polnear/') ? dates.get(l.file) : undefined;
      const doc = p.run({ id: l.file, text, meta: { format: 'text', ...(published ? { published } : {}) } });
      scoreDateline(doc, l, total);
      for (const key of [`lang ${labelLanguage(l)}`, l.dataset.split('/')[0]!]) {
        if (!bySet.has(key)) bySet.set(key, emptyDatelineCounts());
        scoreDateline(doc, l, bySet.get(key)!);
      }
    }
    if (labels.length > 0 && missing === labels.length)
      throw new NewsprismError(
        'E_DATA',
        `none of the ${missing} labelled articles found under ${o.data}; --data should be ../shared/data`,
      );
    if (missing) o.log(`datelines: ${missing} labelled articles not found under ${o.data}, skipped`);
    return datelinesReport(total, bySet, split);
  },
};
