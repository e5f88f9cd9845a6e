import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type ReportRow, type TermPoles } from '../api.js';
import { href } from '../route.js';
import { monthEnd } from './month-histogram.js';
import { PlotFrame } from './plot-frame.js';

/** The per-month measures drawn as small multiples, one panel each, one line per outlet. */
export const MEASURES: {
  key: string;
  label: string;
  percent: boolean;
  value(r: ReportRow): number | null;
}[] = [
  {
    key: 'techniques',
    label: 'Persuasion techniques per 1,000 words',
    percent: false,
    value: (r) => Object.values(r.techniqueRates).reduce((a, b) => a + b, 0),
  },
  {
    key: 'anonymous',
    label: 'Share of attributed words from anonymous sources',
    percent: true,
    // The report's shares add up to 1: own voice, attributed to named sources (`attributed`),
    // attributed to anonymous ones; this is anonymous among all attributed words.
    value: (r) => {
      const attributed = r.voice.attributed + r.voice.anonymous;
      return attributed > 0 ? r.voice.anonymous / attributed : null;
    },
  },
  { key: 'own', label: "Share of words in the outlet's own voice", percent: true, value: (r) => r.voice.own },
  {
    key: 'naming',
    // Every mention, quotations too: an article's page counts its own words only (and terms).
    label: 'Russian-standard names among contested ones (Kiev vs Kyiv …), quotations included',
    percent: true,
    value: (r) => r.naming.ruShare,
  },
  {
    key: 'terms',
    // The outlet's own words only: quoted terms and those kept at a distance are counted apart.
    label: "Russian-standard terms of the war in the outlet's own voice (СВО vs invasion …)",
    percent: true,
    value: (r) => r.terms?.ruShare ?? null,
  },
];

/** A report's month group that is a month (`2023-02`), not the group without a date (`NO_DATE`). */
const MONTH = /^\d{4}-\d{2}$/;

/**
 * A month's tick on a panel's x axis: the month, or the group without a date in two lines (its
 * name, `(date not known)`, is twice a month's width and ran into the next tick).
 */
export const monthTick = (month: string): string => (MONTH.test(month) ? month : month.replace(' ', '\n'));

/** The most month labels a panel's x axis holds side by side (`2016-01` is about 45 px of 370). */
const MAX_MONTH_TICKS = 6;

/**
 * The months of a panel's x axis that get a label: all of them when they fit, else every k-th
 * one, always with the first and the last (13 months of a 420 px panel ran into one another,
 * `undated2015-12015-12…`). The points of every month are drawn whatever is labelled.
 */
export function monthTicks(months: readonly string[], max = MAX_MONTH_TICKS): string[] {
  if (months.length <= max) return [...months];
  const step = Math.ceil((months.length - 1) / (max - 1));
  const ticks = months.filter((_, i) => i % step === 0);
  const last = months[months.length - 1]!;
  // The last month takes the place of the labelled one before it, which is nearer than a step.
  if (ticks[ticks.length - 1] !== last) ticks[ticks.length - 1] = last;
  return ticks;
}

/** The search behind one point: the outlet's articles of that month (undated ones: all dates). */
export function articlesLink(outlet: string, month: string, base: URLSearchParams): string {
  const dated = MONTH.test(month);
  return href('search', {
    q: base.get('q') ?? undefined,
    outlet,
    from: dated ? `${month}-01` : undefined,
    to: dated ? monthEnd(month) : undefined,
  });
}

/**
 * Twenty distinguishable colours (Tableau 20, dark then light): more than Plot's default ten,
 * which gave two outlets of a 12-outlet corpus the same colour.
 */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#a0cbe8',
  '#ffbe7d',
  '#ff9d9a',
  '#86bcb6',
  '#8cd17d',
  '#f1ce63',
  '#d4a6c8',
  '#fabfd2',
  '#d7b5a6',
  '#79706e',
];

/**
 * One colour per outlet for every panel of the page: the outlets in the report's order, each
 * with its colour, so an outlet keeps its colour in a panel where others have no data.
 */
export function outletColors(rows: readonly ReportRow[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(rows.flatMap((r) => (r.outlet ? [r.outlet] : [])))];
  return { domain, range: domain.map((_, i) => PALETTE[i % PALETTE.length]!) };
}

function Measure(props: {
  rows: ReportRow[];
  m: (typeof MEASURES)[number];
  params: URLSearchParams;
  colors: { domain: string[]; range: string[] };
}): JSX.Element {
  const data = props.rows
    .filter((r) => r.outlet && r.month && props.m.value(r) !== null)
    .map((r) => ({
      outlet: r.outlet!,
      month: r.month!,
      v: props.m.value(r)!,
      n: r.documents,
    }));
  const months = [...new Set(data.map((d) => d.month))].sort();
  return (
    <PlotFrame
      label={props.m.label}
      deps={[JSON.stringify(data)]}
      draw={(Plot) =>
        Plot.plot({
          title: props.m.label,
          height: 180,
          width: 420,
          marginLeft: 44,
          // The page's colours; the legend is drawn once above the panels.
          color: props.colors,
          y: {
            grid: true,
            percent: props.m.percent,
            label: props.m.percent ? '%' : null,
            // All zero: a unit domain, not [0, 0] (whose one tick printed as 0.000000).
            ...(props.m.percent
              ? { domain: [0, 100] }
              : data.every((d) => d.v === 0)
                ? { domain: [0, 1] }
                : { zero: true }),
          },
          // Months as points in order: one per month with data, no day ticks.
          x: {
            type: 'point',
            label: null,
            domain: months,
            ticks: monthTicks(months),
            tickFormat: monthTick,
          },
          marks: [
            // z named: with one month per outlet Plot would otherwise warn (⚠ on the chart) that
            // the implicit series channel looks quantitative.
            Plot.lineY(data, { x: 'month', y: 'v', stroke: 'outlet', z: 'outlet' }),
            Plot.dot(data, {
              x: 'month',
              y: 'v',
              fill: 'outlet',
              r: 4,
              href: (d: (typeof data)[number]) => articlesLink(d.outlet, d.month, props.params),
              title: (d: (typeof data)[number]) =>
                `${d.outlet}, ${d.month}: ${props.m.percent ? `${Math.round(d.v * 100)}%` : d.v.toFixed(1)} (${d.n} articles)`,
            }),
          ],
        })
      }
    />
  );
}

/** The top five keys over the months of one outlet: summed, or averaged by documents (`share`). */
export function topOf(
  rows: ReportRow[],
  pick: (r: ReportRow) => Record<string, number>,
  share = false,
): [string, number][] {
  const sum = new Map<string, number>();
  let docs = 0;
  for (const r of rows) {
    docs += r.documents;
    for (const [k, v] of Object.entries(pick(r)))
      sum.set(k, (sum.get(k) ?? 0) + (share ? v * r.documents : v));
  }
  const out = [...sum].map(([k, v]): [string, number] => [k, share ? v / Math.max(1, docs) : v]);
  return out.sort((a, b) => b[1] - a[1]).slice(0, 5);
}

/** An outlet's terms over its months: uses by voice and pole, and its own voice's forms. */
export interface OutletTerms {
  /** Russian-standard among the own voice's polar uses; null when none. */
  ruShare: number | null;
  own: TermPoles;
  quoted: TermPoles;
  distanced: TermPoles;
  /** The own voice's forms, most used first (ties by concept and form): concept, form, pole, uses. */
  forms: { concept: string; form: string; pole: string; count: number }[];
}

/** Sums the terms of an outlet's months (groups from `GET /api/report?by=outlet,month`). */
export function termsOf(rows: readonly ReportRow[]): OutletTerms {
  const poles = (): TermPoles => ({ ua: 0, ru: 0, neutral: 0 });
  const out: OutletTerms = { ruShare: null, own: poles(), quoted: poles(), distanced: poles(), forms: [] };
  const forms = new Map<string, OutletTerms['forms'][number]>();
  for (const r of rows) {
    if (!r.terms) continue;
    for (const v of ['own', 'quoted', 'distanced'] as const)
      for (const p of ['ua', 'ru', 'neutral'] as const) out[v][p] += r.terms[v][p];
    for (const [concept, fs] of Object.entries(r.terms.concepts))
      for (const [form, { count, pole }] of Object.entries(fs)) {
        const k = `${concept}\u0000${form}`;
        const f = forms.get(k) ?? { concept, form, pole, count: 0 };
        f.count += count;
        forms.set(k, f);
      }
  }
  const polar = out.own.ru + out.own.ua;
  out.ruShare = polar ? out.own.ru / polar : null;
  out.forms = [...forms.values()].sort(
    (a, b) => b.count - a.count || a.concept.localeCompare(b.concept) || a.form.localeCompare(b.form),
  );
  return out;
}

const poleText = (p: TermPoles) => `ru ${p.ru}, ua ${p.ua}, neutral ${p.neutral}`;

/** An outlet's cell of war terms: its own voice's share and top forms, quoted and distanced uses apart. */
function TermsCell(props: { rows: ReportRow[] }): JSX.Element {
  const t = termsOf(props.rows);
  const used = (p: TermPoles) => p.ru + p.ua + p.neutral;
  if (!used(t.own) && !used(t.quoted) && !used(t.distanced)) return <td>—</td>;
  return (
    <td>
      <div>
        {t.ruShare === null ? 'no ru/ua terms' : `Russian-standard ${Math.round(t.ruShare * 100)}%`} (
        {poleText(t.own)})
      </div>
      <div>
        {t.forms.slice(0, 5).map((f) => (
          <span
            key={`${f.concept}/${f.form}`}
            class={`chip term-${f.pole}`}
            title={`${f.concept}, ${f.pole}`}
          >
            {f.form} {f.count} <small>{f.pole}</small>
          </span>
        ))}
      </div>
      <div class="count">
        quoted: {poleText(t.quoted)}; distanced: {poleText(t.distanced)}
      </div>
    </td>
  );
}

/** The outlets page: choose outlets and a period, compare them month by month. */
export function OutletsPage(props: { params: URLSearchParams }): JSX.Element {
  const params = props.params;
  const [all, setAll] = useState<ReportRow[]>([]);
  const [rows, setRows] = useState<ReportRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = params.toString();
  useEffect(() => {
    api.report(new URLSearchParams({ by: 'outlet' })).then(
      (r) => setAll(r.groups),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    const p = new URLSearchParams(params);
    p.set('by', 'outlet,month');
    api
      .report(p)
      .then((r) => setRows(r.groups))
      .catch((err) => setError(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
  }, [key]);
  const chosen = new Set(params.getAll('outlet'));
  const go = (next: URLSearchParams) => {
    location.hash = href('outlets', next);
  };
  const colors = outletColors(rows ?? []);
  const byOutlet = new Map<string, ReportRow[]>();
  for (const r of rows ?? []) if (r.outlet) byOutlet.set(r.outlet, [...(byOutlet.get(r.outlet) ?? []), r]);
  return (
    <div class="outlets-page">
      <form class="outlet-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Outlets</legend>
          {all.map((r) => (
            <label key={r.outlet ?? ''}>
              <input
                type="checkbox"
                checked={chosen.has(r.outlet ?? '')}
                onChange={() => {
                  const p = new URLSearchParams(params);
                  p.delete('outlet');
                  const next = new Set(chosen);
                  if (next.has(r.outlet!)) next.delete(r.outlet!);
                  else next.add(r.outlet!);
                  for (const o of next) p.append('outlet', o);
                  go(p);
                }}
              />{' '}
              {r.outlet} <span class="count">{r.documents}</span>
            </label>
          ))}
        </fieldset>
        <label>
          From{' '}
          <input
            type="date"
            value={params.get('from') ?? ''}
            onChange={(e) => go(withParam(params, 'from', (e.target as HTMLInputElement).value))}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            value={params.get('to') ?? ''}
            onChange={(e) => go(withParam(params, 'to', (e.target as HTMLInputElement).value))}
          />
        </label>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p class="empty">No articles for this choice.</p>}
      {rows && rows.length > 0 && (
        <>
          <PlotFrame
            class="plot-legend"
            label="Outlets and their colours"
            deps={[JSON.stringify(colors)]}
            draw={(Plot) => Plot.legend({ color: { type: 'categorical', ...colors } })}
          />
          <div class="multiples">
            {MEASURES.map((m) => (
              <Measure key={m.key} rows={rows} m={m} params={params} colors={colors} />
            ))}
          </div>
          <table class="outlet-table">
            <caption>Top frames, entities and war terms by outlet</caption>
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Articles</th>
                <th scope="col">Top frames</th>
                <th scope="col">Top entities</th>
                <th scope="col">War terms (own voice)</th>
              </tr>
            </thead>
            <tbody>
              {[...byOutlet].map(([outlet, rs]) => (
                <tr key={outlet}>
                  <th scope="row">
                    <a
                      href={href('search', {
                        outlet,
                        from: params.get('from') ?? undefined,
                        to: params.get('to') ?? undefined,
                      })}
                    >
                      {outlet}
                    </a>
                  </th>
                  <td>{rs.reduce((n, r) => n + r.documents, 0)}</td>
                  <td>
                    {topOf(rs, (r) => r.frames, true).map(([f, n]) => (
                      <a key={f} class="chip" href={href('search', { outlet, frame: f })}>
                        {f.replaceAll('_', ' ')} {Math.round(n * 100)}%
                      </a>
                    ))}
                  </td>
                  <td>
                    {topOf(rs, (r) => Object.fromEntries(r.topEntities.map((e) => [e.name, e.mentions]))).map(
                      ([e, n]) => (
                        <a key={e} class="chip" href={href('search', { outlet, entity: e })}>
                          {e} {n}
                        </a>
                      ),
                    )}
                  </td>
                  <TermsCell rows={rs} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

function withParam(params: URLSearchParams, k: string, v: string): URLSearchParams {
  const p = new URLSearchParams(params);
  if (v) p.set(k, v);
  else p.delete(k);
  return p;
}
