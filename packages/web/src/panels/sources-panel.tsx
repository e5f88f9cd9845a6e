import type { NewsDocument } from '@newsprism/core';
import { voicePercents } from '@newsprism/core/schema';
import type { JSX } from 'preact';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** A share bar with its numbers written out (readable without colour). */
export function ShareBar(props: {
  parts: { label: string; value: number; percent: number; cls: string }[];
}): JSX.Element {
  return (
    <div class="share">
      <div
        class="share-bar"
        role="img"
        aria-label={props.parts.map((p) => `${p.label} ${p.percent}%`).join(', ')}
      >
        {props.parts.map((p) => (
          <span key={p.label} class={`share-part ${p.cls}`} style={{ width: pct(p.value) }} />
        ))}
      </div>
      <ul class="share-legend">
        {props.parts.map((p) => (
          <li key={p.label}>
            <span class={`swatch ${p.cls}`} aria-hidden="true" /> {p.label} {p.percent}%
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
  // Whole percentages as the CLI report writes them (own + attributed = 100, named + anonymous = attributed).
  const shown = voicePercents(s);
  return (
    <section class="panel" aria-labelledby="who-speaks">
      <h2 id="who-speaks">Who speaks</h2>
      <ShareBar
        parts={[
          { label: 'own voice', value: s.ownVoiceShare, percent: shown.own, cls: 'own' },
          {
            label: 'attributed, named',
            value: s.attributedShare - anonymous,
            percent: shown.named,
            cls: 'named',
          },
          { label: 'attributed, anonymous', value: anonymous, percent: shown.anonymous, cls: 'anon' },
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
