import type { ReuseChanges, ReuseKind, ReusePair } from '@newsprism/core';
import { countEach } from '@newsprism/core/schema';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type ReusePage } from '../api.js';
import { docHref } from '../route.js';

/** How the other document of a pair relates to this one. */
export type ReuseRole = 'source' | 'copy' | 'related';

const AS_SOURCE: Record<ReuseKind, string> = {
  copy: 'copy of',
  partial: 'reuses part of',
  rewrite: 'rewrite of',
  translation: 'translation of',
};
const AS_COPY: Record<ReuseKind, string> = {
  copy: 'copied by',
  partial: 'partly reused by',
  rewrite: 'rewritten by',
  translation: 'translated by',
};
const UNKNOWN: Record<ReuseKind, string> = {
  copy: 'same text as',
  partial: 'shares passages with',
  rewrite: 'same content, reworded, as',
  translation: 'same content, translated, as',
};

/**
 * The other document of `pair` seen from `self`, and the relation in words: `a→b` means b
 * reuses a, so from b the other is its source ("copy of …"), from a its copy ("copied by …").
 */
export function relation(pair: ReusePair, self: string): { other: string; role: ReuseRole; label: string } {
  const other = pair.a === self ? pair.b : pair.a;
  if (pair.direction === 'unknown') return { other, role: 'related', label: UNKNOWN[pair.kind] };
  const selfIsCopy = (pair.direction === 'a→b') === (pair.b === self);
  return selfIsCopy
    ? { other, role: 'source', label: AS_SOURCE[pair.kind] }
    : { other, role: 'copy', label: AS_COPY[pair.kind] };
}

/** A passage cut to `n` characters, the last of them an ellipsis when cut. */
export const clip = (s: string, n = 240): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What changed, in one line per kind of change (empty kinds left out). */
export function changeLines(c: ReuseChanges): string[] {
  const out: string[] = [];
  if (c.paragraphsAdded.length) out.push(`${c.paragraphsAdded.length} paragraph(s) added`);
  if (c.paragraphsDropped.length) out.push(`${c.paragraphsDropped.length} paragraph(s) dropped`);
  if (c.names.length) out.push(`names: ${c.names.map((n) => `${n.from} → ${n.to}`).join(', ')}`);
  if (c.numbers.length) out.push(`numbers: ${c.numbers.map((n) => `${n.from} → ${n.to}`).join(', ')}`);
  if (c.hedges.length) out.push(`hedges: ${c.hedges.map((h) => `${h.change} “${h.cue}”`).join(', ')}`);
  if (c.attributions.length) {
    // The same change twice (two unnamed sources added) is one item, counted.
    const items = c.attributions.map(
      (a) => `${a.change} ${[a.from, a.to].filter(Boolean).join(' → ') || 'unnamed source'}`,
    );
    out.push(`attributions: ${countEach(items).join(', ')}`);
  }
  if (c.techniquesAdded.length) out.push(`techniques added: ${c.techniquesAdded.join(', ')}`);
  if (c.techniquesRemoved.length) out.push(`techniques removed: ${c.techniquesRemoved.join(', ')}`);
  return out;
}

/** One pair: the relation, a link to the other document, and on opening the passages side by side. */
function PairItem(props: { pair: ReusePair; self: string; text: string; page: ReusePage }): JSX.Element {
  const { pair, self } = props;
  const { other, role, label } = relation(pair, self);
  const info = props.page.documents[other] ?? {};
  const [otherText, setOtherText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = (p: ReusePair['passages'][number]) => (pair.a === self ? p.a : p.b);
  const theirs = (p: ReusePair['passages'][number]) => (pair.a === self ? p.b : p.a);
  const open = () => {
    if (otherText !== null) return;
    api
      .document(other)
      .then((d) => setOtherText(d.text))
      .catch((err) => setError(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
  };
  const changes = changeLines(pair.changes);
  return (
    <li class="reuse-pair" data-kind={pair.kind} data-role={role} data-other={other}>
      <span class={`reuse-kind kind-${pair.kind}`}>{pair.kind}</span> {label}{' '}
      <a href={docHref(other)}>{info.title ?? other}</a>
      <span class="muted">
        {' '}
        {[info.outlet, info.published?.slice(0, 10), `score ${pair.score}`].filter(Boolean).join(' · ')}
      </span>
      <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && open()}>
        <summary>
          {pair.passages.length} aligned passage{pair.passages.length === 1 ? '' : 's'}
          {changes.length > 0 && `, ${changes.length} kind${changes.length === 1 ? '' : 's'} of change`}
        </summary>
        <p class="muted reuse-reason">{pair.reason}</p>
        {changes.length > 0 && (
          <ul class="reuse-changes">
            {changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <table class="passages">
          <thead>
            <tr>
              <th scope="col">This article</th>
              <th scope="col">{info.title ?? other}</th>
            </tr>
          </thead>
          <tbody>
            {pair.passages.map((p) => (
              <tr key={`${p.a.start}-${p.b.start}`}>
                <td data-start={mine(p).start} data-end={mine(p).end}>
                  {clip(props.text.slice(mine(p).start, mine(p).end))}
                </td>
                <td data-start={theirs(p).start} data-end={theirs(p).end}>
                  {otherText === null ? '…' : clip(otherText.slice(theirs(p).start, theirs(p).end))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}

/**
 * A stored article's copies and sources: the reuse pairs saved by `newsprism reuse --db …
 * --save`, each with its kind, which way it went, a link to the other article, and (opened) the
 * aligned passages side by side and what changed.
 */
export function ReusePanel(props: { id: string; text: string }): JSX.Element {
  const [page, setPage] = useState<ReusePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPage(null);
    setError(null);
    api
      .documentReuse(props.id)
      .then(setPage)
      .catch((err) => setError(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
  }, [props.id]);
  return (
    <section class="panel reuse-panel" aria-labelledby="reuse-h" data-layer="reuse">
      <h2 id="reuse-h">Copies and sources</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!error && !page && <p class="muted">Loading…</p>}
      {page && page.total === 0 && (
        <p class="empty">
          No saved reuse pairs for this article (<code>newsprism reuse --db … --save</code> finds them).
        </p>
      )}
      {page && page.total > 0 && (
        <ul class="reuse-list">
          {page.pairs.map((p) => (
            <PairItem key={`${p.a}~${p.b}`} pair={p} self={props.id} text={props.text} page={page} />
          ))}
        </ul>
      )}
    </section>
  );
}
