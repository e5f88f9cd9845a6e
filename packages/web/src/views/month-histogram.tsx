import { NO_DATE, undatedHits } from '@newsprism/core/schema';
import type { JSX } from 'preact';
import type { Facet } from '../api.js';
import { href } from '../route.js';
import { PlotFrame } from './plot-frame.js';

/** The last day of a `YYYY-MM` month, as `YYYY-MM-DD`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * How many of a search's `total` documents have no date: they are in no month of the facet
 * (none when the facet's months are cut at 50: the months left out are not undated).
 */
export function undatedCount(facet: Facet, total: number): number {
  return undatedHits(facet, total);
}

/**
 * Documents per month of a search; each bar links to the search narrowed to its month. With
 * the search's `total`, a line below says how many documents have no date, as the group
 * `(date not known)` the CLI and the report name (no bar has them).
 */
export function MonthHistogram(props: {
  facet: Facet;
  params: URLSearchParams;
  total?: number;
}): JSX.Element {
  const data = [...props.facet].sort((a, b) => (a.value < b.value ? -1 : 1));
  const undated = props.total === undefined ? 0 : undatedCount(props.facet, props.total);
  const note =
    undated > 0 ? (
      <p class="undated">
        {NO_DATE}: {undated} document{undated === 1 ? '' : 's'}, not in the chart.
      </p>
    ) : null;
  if (data.length === 0) return <>{note}</>;
  const link = (month: string) => {
    const p = new URLSearchParams(props.params);
    p.set('from', `${month}-01`);
    p.set('to', monthEnd(month));
    p.delete('cursor');
    return href('search', p);
  };
  return (
    <>
      <PlotFrame
        label="Documents per month"
        deps={[JSON.stringify(data), props.params.toString()]}
        draw={(Plot) =>
          Plot.plot({
            height: 120,
            marginLeft: 40,
            x: { type: 'band', label: null, tickRotate: data.length > 12 ? -45 : 0 },
            // Counts: never more ticks than the largest count, so no tick falls between two
            // whole numbers (0.5 documents).
            y: {
              label: 'documents',
              grid: true,
              ticks: Math.max(1, Math.min(5, ...data.map((d) => d.count))),
            },
            marks: [
              Plot.barY(data, {
                x: 'value',
                y: 'count',
                fill: 'var(--accent)',
                href: (d: { value: string }) => link(d.value),
                title: (d: { value: string; count: number }) => `${d.value}: ${d.count} documents`,
              }),
            ],
          })
        }
      />
      {note}
    </>
  );
}
