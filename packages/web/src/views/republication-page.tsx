import type { OutletLink } from '@newsprism/core';
import { NO_OUTLET } from '@newsprism/core/schema';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { href } from '../route.js';

const KINDS = ['copy', 'partial', 'rewrite', 'translation'] as const;
const UNKNOWN = NO_OUTLET;

/** The search for an outlet's articles; the outlet not known is a filter value too (`(outlet not known)`). */
export const outletHref = (outlet: string | null): string => href('search', { outlet: outlet ?? UNKNOWN });

/** What a link says in words: "RT → UrduPoint", or "A ↔ B" when the direction is not known. */
export function linkLabel(l: OutletLink): { from: string; to: string; arrow: string } {
  return { from: l.source ?? UNKNOWN, to: l.reuser ?? UNKNOWN, arrow: l.directed ? '→' : '↔' };
}

/** Per outlet: pairs it is the source of, pairs it reuses (directed links only), most active first. */
export function outletTotals(
  links: readonly OutletLink[],
): { outlet: string; reused: number; reuses: number }[] {
  const t = new Map<string, { outlet: string; reused: number; reuses: number }>();
  const at = (o: string | null) => {
    const k = o ?? UNKNOWN;
    const v = t.get(k) ?? { outlet: k, reused: 0, reuses: 0 };
    t.set(k, v);
    return v;
  };
  for (const l of links) {
    if (!l.directed) continue;
    at(l.source).reused += l.pairs;
    at(l.reuser).reuses += l.pairs;
  }
  return [...t.values()].sort(
    (a, b) => b.reused + b.reuses - (a.reused + a.reuses) || a.outlet.localeCompare(b.outlet),
  );
}

/**
 * Who republishes whom: the reuse pairs saved by `newsprism reuse --db … --save`, counted by
 * the outlet of the reused article and of the article reusing it, by kind (`?kind=` filters),
 * each outlet (source and reusing one alike, the outlet not known too) a link to its articles.
 */
export function RepublicationPage(props: { params: URLSearchParams }): JSX.Element {
  const [links, setLinks] = useState<OutletLink[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = props.params.toString();
  const kind = props.params.get('kind') ?? '';
  useEffect(() => {
    setLinks(null);
    setError(null);
    api
      .reuseOutlets(new URLSearchParams(kind ? { kind } : {}))
      .then((r) => setLinks(r.links))
      .catch((err) => setError(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
  }, [key]);
  const most = Math.max(1, ...(links ?? []).map((l) => l.pairs));
  return (
    <div class="republication-page">
      <h1>Who republishes whom</h1>
      <form
        class="filters"
        onChange={(e) => {
          const v = (e.currentTarget.elements.namedItem('kind') as HTMLSelectElement).value;
          location.hash = href('republication', { kind: v });
        }}
      >
        <label for="rep-kind">Kind of reuse</label>{' '}
        <select id="rep-kind" name="kind" value={kind}>
          <option value="">all</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!error && !links && <p class="muted">Loading…</p>}
      {links && links.length === 0 && (
        <p class="empty">
          No saved reuse pairs{kind ? ` of kind ${kind}` : ''}; <code>newsprism reuse --db … --save</code>{' '}
          finds them.
        </p>
      )}
      {links && links.length > 0 && (
        <>
          <table class="republication">
            <caption class="visually-hidden">Reuse pairs by source outlet and reusing outlet</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col" aria-label="direction" />
                <th scope="col">Reused by</th>
                <th scope="col">Kind</th>
                <th scope="col">Pairs</th>
                <th scope="col">Mean score</th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => {
                const { from, to, arrow } = linkLabel(l);
                return (
                  <tr
                    key={`${from}|${to}|${l.kind}|${l.directed}`}
                    data-source={from}
                    data-reuser={to}
                    data-kind={l.kind}
                  >
                    <td>
                      <a href={outletHref(l.source)}>{from}</a>
                    </td>
                    <td title={l.directed ? 'the right-hand outlet reuses the left' : 'direction not known'}>
                      {arrow}
                    </td>
                    <td>
                      <a href={outletHref(l.reuser)}>{to}</a>
                    </td>
                    <td>
                      <span class={`reuse-kind kind-${l.kind}`}>{l.kind}</span>
                    </td>
                    <td class="num">
                      <span class="bar" style={{ width: `${(l.pairs / most) * 6}em` }} /> {l.pairs}
                    </td>
                    <td class="num">{l.score.toFixed(2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h2>By outlet</h2>
          <table class="republication-totals">
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Its articles reused (pairs)</th>
                <th scope="col">Reuses others (pairs)</th>
              </tr>
            </thead>
            <tbody>
              {outletTotals(links).map((o) => (
                <tr key={o.outlet} data-outlet={o.outlet}>
                  <th scope="row">
                    <a href={outletHref(o.outlet)}>{o.outlet}</a>
                  </th>
                  <td class="num">{o.reused}</td>
                  <td class="num">{o.reuses}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">Pairs whose direction is not known (↔) are left out of the totals.</p>
        </>
      )}
    </div>
  );
}
