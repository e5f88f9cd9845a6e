import type { NewsDocument } from '@newsprism/core';
import { reasonWords } from '@newsprism/core/schema';
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  describe,
  type Finding,
  findings,
  HIGHLIGHT_LAYERS,
  type HighlightLayer,
} from '../highlight/marks.js';
import { ClaimsPanel, FramesPanel, NamingPanel, TechniquesPanel } from '../panels/doc-panels.js';
import { SourcesPanel } from '../panels/sources-panel.js';
import { ArticleText } from './article-text.js';

const LAYER_NAMES: Record<HighlightLayer, string> = {
  quotes: 'Quotes and sources',
  techniques: 'Persuasion techniques',
  entities: 'Entities and naming',
  claims: 'Check-worthy claims',
  subjectivity: 'Subjective sentences',
  signals: 'Hedges and evaluative verbs',
};

const clip = (s: string): string => (s.length > 280 ? `${s.slice(0, 277)}…` : s);

function Inspector(props: { finding: Finding | null; text: string }): JSX.Element {
  const f = props.finding;
  return (
    <aside class="inspector" aria-live="polite" aria-label="Selected finding">
      {f ? (
        <>
          <div class="inspector-what">{describe(f)}</div>
          <blockquote class="inspector-span">{clip(props.text.slice(f.start, f.end))}</blockquote>
          {f.notes.map((n) => (
            <div key={n}>{n}</div>
          ))}
          {f.why.length > 0 && (
            <div class="muted">why: {reasonWords(f.why, props.text.slice(f.start, f.end)).join('; ')}</div>
          )}
        </>
      ) : (
        <span class="muted">Point at or focus a highlighted span to see what it is and why.</span>
      )}
    </aside>
  );
}

/** Scrolls to and focuses the first highlighted element at or after `start`. */
function jumpTo(start: number): void {
  const els = [...document.querySelectorAll<HTMLElement>('.article-text [data-start]')];
  const el = els.find((e) => Number(e.dataset.start) >= start) ?? els[0];
  el?.scrollIntoView({ block: 'center' });
  if (el?.tabIndex === 0) el.focus();
}

/** The id the server gives a pasted or posted article (`POST /api/analyze`). */
const PASTED_ID = 'request';

/**
 * The heading of an article without a title (its first line read as a standfirst, or an HTML
 * page without a headline): say so, with the stored id to find it by, not the server's
 * internal id of a pasted text (`request`).
 */
export function untitledHeading(id: string): string {
  return id === PASTED_ID ? 'Untitled article' : `Untitled article (${id})`;
}

/**
 * The article view: the text with toggleable stacked highlights, an inspector for the focused
 * finding, and the side panels (who speaks, naming, frames and genre, techniques, claims).
 */
export function ArticleView(props: { doc: NewsDocument }): JSX.Element {
  const { doc } = props;
  const all = useMemo(() => findings(doc), [doc]);
  const present = useMemo(() => new Set(all.map((f) => f.layer)), [all]);
  const [on, setOn] = useState<Set<string>>(() => new Set(HIGHLIGHT_LAYERS));
  const [focused, setFocused] = useState<Finding | null>(null);
  const [source, setSource] = useState<string | undefined>();
  const shown = useMemo(() => all.filter((f) => on.has(f.layer)), [all, on]);
  // Marks for the render benchmark (bench/src/web.ts): data in → view on screen.
  useEffect(() => {
    performance.mark('np:rendered');
  }, [doc]);
  const toggle = (l: string) => {
    const next = new Set(on);
    if (next.has(l)) next.delete(l);
    else next.add(l);
    setOn(next);
  };
  const m = doc.meta;
  return (
    <article class="article-view">
      <header class="article-head">
        <h1 class={m.title ? undefined : 'untitled'}>{m.title ?? untitledHeading(doc.id)}</h1>
        <p class="muted">
          {[m.outlet, m.published, m.byline, doc.language?.code ?? m.lang, m.url].filter(Boolean).join(' · ')}
        </p>
      </header>
      <fieldset class="toggles">
        <legend>Highlight layers</legend>
        {HIGHLIGHT_LAYERS.map((l) => (
          <label key={l} class={`toggle toggle-${l}`}>
            <input
              type="checkbox"
              checked={on.has(l)}
              disabled={!present.has(l)}
              onChange={() => toggle(l)}
            />
            <span class={`swatch hl-${l}`} aria-hidden="true" /> {LAYER_NAMES[l]}
          </label>
        ))}
      </fieldset>
      <div class="article-grid">
        <div class="article-main">
          <Inspector finding={focused} text={doc.text} />
          <ArticleText doc={doc} findings={shown} activeSource={source} onFocusFinding={setFocused} />
        </div>
        <div class="article-side">
          <SourcesPanel doc={doc} active={source} onSelect={setSource} />
          <NamingPanel doc={doc} />
          <FramesPanel doc={doc} />
          <TechniquesPanel doc={doc} onJump={jumpTo} />
          <ClaimsPanel doc={doc} onJump={jumpTo} />
        </div>
      </div>
    </article>
  );
}
