import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '@newsprism/core';

/** The parts of the labelled set. */
export type DatelineSplit = 'dev' | 'val' | 'final';

const SPLITS: readonly string[] = ['dev', 'val', 'final'];

/** One labelled article opening and closing: what the text says about its outlet, date and author. */
export interface DatelineLabel {
  /** Data set folder under `../shared/data` (`semeval2023-task3/ru`, `polnear/train`, …). */
  dataset: string;
  file: string;
  /**
   * `dev` (built on), `val` (validation: checked while changing the rules) or `final` (held out,
   * scored once at the end of a round of work).
   */
  split: DatelineSplit;
  /** Canonical outlet (gazetteer name, else as written); empty when the text names none. */
  outlet?: string;
  /** The other outlet in the chain (relayed agency, distributor, agency credited for input). */
  agency?: string;
  /** `YYYY-MM-DD`, or `--MM-DD` when the dateline has no year and the document no date. */
  date?: string;
  place?: Span;
  /** Author name spans (a byline named by the dateline or a credit). */
  authors: Span[];
  /** Dateline and credit spans. */
  spans: (Span & { kind: 'dateline' | 'credit' })[];
}

const LABELS = new URL('../../data/datelines/labels.tsv', import.meta.url);

const span = (s: string): Span => {
  const [a, b] = s.split('-').map(Number);
  return { start: a!, end: b! };
};

/** Reads `eval/data/datelines/labels.tsv` (offsets only; the texts stay in `../shared/data`). */
export function loadDatelineLabels(): DatelineLabel[] {
  const out: DatelineLabel[] = [];
  for (const line of readFileSync(LABELS, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [dataset, file, split, outlet, agency, date, place, author, spans] = line.split('\t');
    out.push({
      dataset: dataset!,
      file: file!,
      split: SPLITS.includes(split!) ? (split as DatelineSplit) : 'dev',
      outlet: outlet || undefined,
      agency: agency || undefined,
      date: date || undefined,
      place: place ? span(place) : undefined,
      authors: author ? author.split(';').map(span) : [],
      spans: spans
        ? spans.split(',').map((s) => {
            const [kind, at] = s.split(':');
            return { kind: kind === 'credit' ? 'credit' : 'dateline', ...span(at!) };
          })
        : [],
    });
  }
  return out;
}

/** The language of a labelled article's data set (`semeval2023-task3/ru`, `semeval2025-task10/RU` → `ru`). */
export const labelLanguage = (l: DatelineLabel): 'ru' | 'en' => (/\/ru$/i.test(l.dataset) ? 'ru' : 'en');

/** The article text of a label, or undefined when the data set is not there. */
export function labelText(data: string, l: DatelineLabel): string | undefined {
  const sub = l.dataset.startsWith('polnear/')
    ? 'text'
    : l.dataset.startsWith('semeval2023')
      ? 'train-articles'
      : 'documents';
  const path = join(data, l.dataset, sub, l.file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** PolNeAR publication dates by file name (the document's own date, as an input would give it). */
export function polnearDates(data: string): Map<string, string> {
  const out = new Map<string, string>();
  const file = join(data, 'polnear', 'metadata.tsv');
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const c = line.split('\t');
    if (c[1] && /^\d{4}-\d{2}-\d{2}$/.test(c[5] ?? '')) out.set(`${c[1]}.txt`, c[5]!);
  }
  return out;
}
