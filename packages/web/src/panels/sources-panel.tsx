import type { NewsDocument } from '@newsprism/core';
import type { JSX } from 'preact';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Whole percentages of shares that add up to 1, adding up to 100 (largest remainders get the
 * points rounding lost): rounded apart, 0.535 and 0.465 read 54 % and 47 %.
 */
export function wholePercents(values: readonly number[]): number[] {
  const raw = values.map((v) => Math.max(0, v) * 100);
  const out = raw.map(Math.floor);
  const total = raw.reduce((a, b) => a + b, 0);
  // Only shares of one whole are completed to 100 (a part may be missing: then round each).
  if (Math.abs(total - 100) > 0.5) return raw.map(Math.round);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

/** A share bar with its numbers written out (readable without colour). */
export function ShareBar(props: { parts: { label: string; value: number; cls: string }[] }): JSX.Element {
  const shown = wholePercents(props.parts.map((p) => p.value));
  return (
    <div class="share">
      <div
        class="share-bar"
        role="img"
        aria-label={props.parts.map((p, i) => `${p.label} ${shown[i]}%`).join(', ')}
      >
        {props.parts.map((p) => (
          <span key={p.label} class={`share-part ${p.cls}`} style={{ width: pct(p.value) }} />
        ))}
      </div>
      <ul class="share-legend">
        {props.parts.map((p, i) => (
          <li key={p.label}>
            <span class={`swatch ${p.cls}`} aria-hidden="true" /> {p.label} {shown[i]}%
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Who speaks: each source with its type, role, attributions, share of attributed words and the
 * outlets that relay it; the own-voice / attributed / anonymous split as a bar. Choosing a source
 * emphasises all its attributions in the text.
 */
export function SourcesPanel(props: {
  doc: NewsDocument;
  active?: string;
  onSelect(name: string | undefined): void;
}): JSX.Element | null {
  const s = props.doc.sources;
  if (!s) return null;
  const words = s.sources.reduce((n, x) => n + x.words, 0) || 1;
  const anonymous = s.attributedShare * s.anonymousShare;
  return (
    <section class="panel" aria-labelledby="who-speaks">
      <h2 id="who-speaks">Who speaks</h2>
      <ShareBar
        parts={[
          { label: 'own voice', value: s.ownVoiceShare, cls: 'own' },
          { label: 'attributed, named', value: s.attributedShare - anonymous, cls: 'named' },
          { label: 'attributed, anonymous', value: anonymous, cls: 'anon' },
        ]}
      />
      {s.sources.length === 0 ? (
        <p class="empty">No attributed sources.</p>
      ) : (
        <ul class="sources">
          {s.sources.map((x) => (
            <li key={x.name}>
              <button
                type="button"
                class={`source type-${x.type}`}
                aria-pressed={props.active === x.name}
                onClick={() => props.onSelect(props.active === x.name ? undefined : x.name)}
              >
                <span class="source-name">{x.name}</span>
                <span class="source-type">{x.type}</span>
              </button>
              <div class="source-facts">
                {x.role && x.role !== x.name && <span>{x.role} · </span>}
                {x.attributions} attribution{x.attributions === 1 ? '' : 's'} · {pct(x.words / words)} of
                quoted words
                {x.via.length > 0 && <span> · via {x.via.join(', ')}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {s.scareQuotes > 0 && <p class="note">{s.scareQuotes} scare quote(s).</p>}
    </section>
  );
}
