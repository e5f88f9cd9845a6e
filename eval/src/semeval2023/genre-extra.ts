import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '@newsprism/core';
import { fileLines, genreStyle, titleEndOf } from '@newsprism/core/train';
import type { StyleRow } from './genre-style-fit.js';

/** PolNeAR publishers whose own articles are news reports (2016 election coverage). */
const MAINSTREAM = ['nyt', 'wash-post', 'usa-today', 'politico'];

/**
 * PolNeAR's `train` articles that are news reports by their source — credited to a wire service
 * (AP, AFP, UPI, Reuters in `metadata.tsv`) and, with `which` `news`, also the mainstream
 * publishers' own (NYT, Washington Post, USA Today, Politico) — as English `reporting` rows of
 * the genre style model: weak labels (no one labelled their genre; some mainstream pieces are
 * analysis). The `dev` part is left for the unlabelled-domain check (`bench/src/genre-domain.ts`).
 */
export function polnearReports(polnear: string, which: 'wire' | 'news'): StyleRow[] {
  const meta = join(polnear, 'metadata.tsv');
  if (!existsSync(meta))
    throw new NewsprismError(
      'E_DATA',
      `${meta} not found; addReporting reads polnear/ next to the SemEval data`,
    );
  const rows = readFileSync(meta, 'utf8').split('\n');
  const head = rows[0]!.split('\t');
  const keep = new Set<string>();
  for (const row of rows.slice(1)) {
    const c = row.split('\t');
    const wire = !['', 'None', 'NA', undefined].includes(c[head.indexOf('wire')]);
    if (wire || (which === 'news' && MAINSTREAM.includes(c[head.indexOf('publisher')]!)))
      keep.add(`${c[head.indexOf('filename')]}.txt`);
  }
  const dir = join(polnear, 'train', 'text');
  return readdirSync(dir)
    .filter((f) => keep.has(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return {
        lang: 'en',
        style: genreStyle(text, 'en', titleEndOf(fileLines(text))),
        genre: 'reporting',
        group: `polnear/${f}`,
      };
    });
}

/**
 * Reads `--set addReporting=polnear-wire:W|polnear-news:W` (see {@link polnearReports}) into the
 * style fit's weak examples; empty: none.
 */
export function extraReporting(
  spec: string,
  semevalData: string,
): { rows: StyleRow[]; weight: number } | undefined {
  if (!spec) return undefined;
  const m = /^polnear-(wire|news):([0-9.]+)$/.exec(spec);
  const weight = Number(m?.[2]);
  if (!m || !(weight > 0))
    throw new NewsprismError(
      'E_OPTION_VALUE',
      `addReporting: "${spec}" should be polnear-wire:W or polnear-news:W with a weight W > 0, e.g. polnear-news:0.3`,
    );
  return { rows: polnearReports(join(semevalData, '..', 'polnear'), m[1] as 'wire' | 'news'), weight };
}
