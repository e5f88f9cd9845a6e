import { NO_OUTLET } from '@newsprism/core/schema';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type Facet, type SearchHit, type SearchResult } from '../api.js';
import { docHref, href } from '../route.js';
import { MonthHistogram } from './month-histogram.js';

/** Filters the search page understands: URL parameter, facet name in the API's answer, label. */
export const FILTERS = [
  ['outlet', 'outlet', 'Outlet'],
  ['lang', 'lang', 'Language'],
  ['genre', 'genre', 'Genre'],
  ['frame', 'frame', 'Frame'],
  ['technique', 'technique', 'Technique'],
  ['entity', 'entity', 'Entity'],
  ['source_type', 'sourceType', 'Source type'],
] as const;

/**
 * The filters whose values are the analyzers' labels (`Loaded_Language`, `Economic`), shown
 * with spaces for `_`; outlets and entities are names, shown as they are (`RIA_Novosti`).
 */
const LABEL_FILTERS: ReadonlySet<string> = new Set(['genre', 'frame', 'technique', 'source_type']);

/** A filter's value as shown: a label's `_` as spaces, any other value as it is. */
export const shownValue = (name: string, value: string): string =>
  LABEL_FILTERS.has(name) ? value.replaceAll('_', ' ') : value;

/** Filters besides the facets: dates (set by the month histogram) and the claim score. */
const OTHER_FILTERS = [
  ['from', 'From'],
  ['to', 'To'],
  ['min_claim_score', 'Claim score at least'],
] as const;

/**
 * The filters in force, each with the search without it: shown above the hits, so a filter
 * no facet lists (a month chosen in the histogram) can be seen and removed.
 */
export function activeFilters(params: URLSearchParams): { label: string; value: string; without: string }[] {
  const out: { label: string; value: string; without: string }[] = [];
  for (const [name, label] of [...FILTERS.map(([n, , l]) => [n, l] as const), ...OTHER_FILTERS])
    for (const value of params.getAll(name)) {
      const p = new URLSearchParams();
      let dropped = false;
      for (const [k, v] of params) {
        if (k === 'cursor') continue;
        if (!dropped && k === name && v === value) dropped = true;
        else p.append(k, v);
      }
      out.push({ label, value: shownValue(name, value), without: href('search', p) });
    }
  return out;
}

/**
 * The search a submitted form asks for: its query, and `all_names` when the box is ticked (a
 * literal search otherwise); the filters kept, the page cursor dropped.
 */
export function submitted(params: URLSearchParams, q: string, allNames: boolean): string {
  const p = new URLSearchParams(params);
  p.set('q', q);
  if (allNames) p.set('all_names', 'true');
  else p.delete('all_names');
  p.delete('cursor');
  return href('search', p);
}

/** The next page of a search: every parameter kept, repeated ones too (`outlet=A&outlet=B`). */
export function nextPage(params: URLSearchParams, cursor: string): string {
  const p = new URLSearchParams(params);
  p.set('cursor', cursor);
  return href('search', p);
}

/** A text with its highlights in `<mark>`. */
function marked(
  text: string,
  highlights: readonly { start: number; end: number }[],
): (string | JSX.Element)[] {
  const parts: (string | JSX.Element)[] = [];
  let at = 0;
  for (const h of highlights) {
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(<mark key={h.start}>{text.slice(h.start, h.end)}</mark>);
    at = h.end;
  }
  parts.push(text.slice(at));
  return parts;
}

function Snippet(props: { s: SearchHit['snippets'][number] }): JSX.Element {
  return <p class="snippet">{marked(props.s.text, props.s.highlights)}</p>;
}

function FacetList(props: {
  name: string;
  label: string;
  facet: Facet;
  params: URLSearchParams;
}): JSX.Element {
  const chosen = props.params.getAll(props.name);
  return (
    <section class="facet" aria-label={props.label}>
      <h3>{props.label}</h3>
      <ul>
        {props.facet.slice(0, 12).map((v) => {
          const p = new URLSearchParams(props.params);
          p.delete('cursor');
          const on = chosen.includes(v.value);
          if (on) {
            p.delete(props.name);
            for (const c of chosen) if (c !== v.value) p.append(props.name, c);
          } else p.append(props.name, v.value);
          return (
            <li key={v.value}>
              <a href={href('search', p)} aria-current={on ? 'true' : undefined} class={on ? 'on' : ''}>
                {shownValue(props.name, v.value)} <span class="count">{v.count}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The filters in force, each a link to the same search without it. */
function ActiveFilters(props: { params: URLSearchParams }): JSX.Element | null {
  const active = activeFilters(props.params);
  if (active.length === 0) return null;
  return (
    <p class="active-filters">
      Filters:{' '}
      {active.map((f) => (
        <a
          key={`${f.label}=${f.value}`}
          class="chip"
          href={f.without}
          aria-label={`Remove the filter ${f.label}: ${f.value}`}
        >
          {f.label}: {f.value} ×
        </a>
      ))}
    </p>
  );
}

/** The search page: query, facets as filters, hits with snippets, a date histogram, export. */
export function SearchPage(props: { params: URLSearchParams }): JSX.Element {
  const params = props.params;
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = params.toString();
  useEffect(() => {
    // A new query: the old hits go at once, so they are never read as the new answer.
    setResult(null);
    setError(null);
    const p = new URLSearchParams(params);
    p.set('facets', 'true');
    api
      .search(p)
      .then(setResult)
      .catch((err) => setError(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
  }, [key]);
  const q = params.get('q') ?? '';
  const allNames = params.get('all_names') === 'true' || params.get('all_names') === '1';
  const go = (form: HTMLFormElement) => {
    const el = form.elements;
    location.hash = submitted(
      params,
      (el.namedItem('q') as HTMLInputElement).value,
      (el.namedItem('all_names') as HTMLInputElement).checked,
    );
  };
  return (
    <div class="search-page">
      <form
        class="search-form"
        action="#"
        onSubmit={(e) => {
          e.preventDefault();
          go(e.currentTarget);
        }}
      >
        <label for="search-q" class="visually-hidden">
          Search the corpus
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={'e.g. "White House" AND украин*'}
        />
        <label class="all-names" title="Bakhmut also finds Artyomovsk, Бахмут, Артёмовск">
          <input
            type="checkbox"
            name="all_names"
            checked={allNames}
            onChange={(e) => go(e.currentTarget.form!)}
          />{' '}
          All names
        </label>
        <button type="submit">Search</button>
        <a class="button" href={api.exportUrl(params, 'jsonl')} download>
          Export JSONL
        </a>
        <a class="button" href={api.exportUrl(params, 'csv')} download>
          Export CSV
        </a>
      </form>
      {error && (
        <>
          <p class="error" role="alert">
            {error}
          </p>
          {/* A filter the server refused (a mistyped label in the address) can be taken off here. */}
          <ActiveFilters params={params} />
        </>
      )}
      {result && (
        <div class="search-grid">
          <nav class="facets" aria-label="Filters">
            {FILTERS.map(([name, facet, label]) =>
              result.facets?.[facet]?.length ? (
                <FacetList
                  key={name}
                  name={name}
                  label={label}
                  facet={result.facets[facet]!}
                  params={params}
                />
              ) : null,
            )}
          </nav>
          <div class="hits">
            <p class="muted">
              {result.total} document{result.total === 1 ? '' : 's'}
            </p>
            {result.expansions && (
              <p class="muted expansions">
                {result.expansions.length === 0
                  ? 'All names: no word of the query is a gazetteer name (a word of one or two letters, or a function word, only in the name’s capitals: US, not us).'
                  : `All names: ${result.expansions.map((x) => `${x.matched} → ${x.names.join(', ')}`).join('; ')}`}
              </p>
            )}
            <ActiveFilters params={params} />
            {result.facets?.month && (
              <MonthHistogram facet={result.facets.month} params={params} total={result.total} />
            )}
            <ol class="hit-list">
              {result.hits.map((h) => (
                <li key={h.id} class="hit">
                  <a href={docHref(h.id)} class="hit-title">
                    {h.title ? marked(h.title, h.titleHighlights ?? []) : h.id}
                  </a>
                  <div class="muted">
                    {[h.outlet ?? NO_OUTLET, h.published?.slice(0, 10), h.lang].filter(Boolean).join(' · ')}
                  </div>
                  {h.snippets.map((s, i) => (
                    <Snippet key={i} s={s} />
                  ))}
                </li>
              ))}
            </ol>
            {result.next && (
              <a class="button" href={nextPage(params, result.next)}>
                Next page
              </a>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
