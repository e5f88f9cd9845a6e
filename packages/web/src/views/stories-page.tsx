import type { Story } from '@newsprism/core';
import { speakerList, storySize } from '@newsprism/core/schema';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type StoriesPage as Page } from '../api.js';
import { docHref, href } from '../route.js';

const PAGE = 20;
const words = (s: string): string => s.replaceAll('_', ' ');

/** One story: its label, members (who published first), and the comparison side by side. */
function StoryCard(props: { story: Story; documents: Page['documents'] }): JSX.Element {
  const s = props.story;
  const c = s.comparison;
  // An article by its headline (its id when it has none, or an older server sent no titles).
  const title = (id: string) => props.documents?.[id]?.title || id;
  return (
    <section class="panel story" data-story={s.id} aria-labelledby={`story-${s.id}`}>
      <h2 id={`story-${s.id}`}>{s.label.text || s.id}</h2>
      <p class="muted">
        {storySize(s)}
        {s.first && (
          <>
            {' '}
            · first: <a href={docHref(s.first.id)}>{title(s.first.id)}</a> ({s.first.published})
          </>
        )}
      </p>
      {s.members.length > 1 && (c.speakers?.length ?? 0) > 0 && (
        <p class="story-speakers">
          <strong>Speakers</strong> <span class="muted">(×N: quoted in N of the articles)</span>:{' '}
          {speakerList(s)}
        </p>
      )}
      <table class="story-table">
        <caption class="visually-hidden">How each article tells the story</caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Outlet · time · language</th>
            <th scope="col">Sources quoted</th>
            <th scope="col">Contested names</th>
            <th scope="col">Techniques</th>
            <th scope="col">Frames</th>
          </tr>
        </thead>
        <tbody>
          {s.members.map((m) => (
            <tr key={m.id} data-member={m.id}>
              <th scope="row">
                <a href={docHref(m.id)}>{title(m.id)}</a>
                {s.first?.id === m.id && <span class="badge"> first</span>}
              </th>
              <td>{[m.outlet, m.published?.slice(0, 16), m.lang].filter(Boolean).join(' · ')}</td>
              <td>{(c.sources[m.id] ?? []).join(', ') || '—'}</td>
              <td>{(c.names[m.id] ?? []).map((n) => `${n.form} (${n.provenance})`).join(', ') || '—'}</td>
              <td>{(c.techniques[m.id] ?? []).map(words).join(', ') || '—'}</td>
              <td>{(c.frames[m.id] ?? []).map(words).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.claims.length > 0 && (
        <details>
          <summary>
            {c.claims.length} claim{c.claims.length === 1 ? '' : 's'}: who includes, who omits
          </summary>
          <ul class="story-claims">
            {c.claims.map((cl) => (
              <li key={`${cl.member}:${cl.text}`}>
                “{cl.text}” <span class="muted">included by {cl.includedBy.join(', ')}</span>
                {cl.omittedBy.length > 0 && (
                  <span class="muted"> · omitted by {cl.omittedBy.join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/**
 * The stories saved by `newsprism stories --db … --save`: articles about the same event across
 * outlets and languages, largest first; `?id=` shows the story one article is in.
 */
export function StoriesPage(props: { params: URLSearchParams }): JSX.Element {
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = props.params.toString();
  const offset = Number(props.params.get('offset') ?? 0) || 0;
  useEffect(() => {
    setPage(null);
    setError(null);
    const q = new URLSearchParams(props.params);
    q.set('limit', String(PAGE));
    api
      .stories(q)
      .then(setPage)
      .catch((err) => setError(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
  }, [key]);
  return (
    <div class="stories-page">
      <h1>Stories</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!error && !page && <p class="muted">Loading…</p>}
      {page && (
        <p class="muted" aria-live="polite">
          {page.total} stor{page.total === 1 ? 'y' : 'ies'}
          {page.total === 0 && (
            <>
              {' '}
              saved; <code>newsprism stories --db … --save</code> groups the stored articles.
            </>
          )}
        </p>
      )}
      {page?.stories.map((s) => (
        <StoryCard key={s.id} story={s} documents={page.documents} />
      ))}
      {page && page.total > offset + PAGE && (
        <a href={href('stories', { ...Object.fromEntries(props.params), offset: String(offset + PAGE) })}>
          Next stories
        </a>
      )}
    </div>
  );
}
