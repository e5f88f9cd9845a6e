import type { NewsDocument, Paragraph } from '@newsprism/core';
import type { JSX } from 'preact';
import { describe, type Finding } from '../highlight/marks.js';
import { type MarkNode, nestMarks, runs } from '../highlight/nest.js';

/** Props of {@link ArticleText}. */
export interface ArticleTextProps {
  doc: NewsDocument;
  findings: readonly Finding[];
  /** Speaker whose attributions are emphasised (from the side panel). */
  activeSource?: string;
  onFocusFinding(f: Finding | null): void;
}

const ROLE_NAMES: Record<string, string> = {
  title: 'Title',
  standfirst: 'Standfirst',
  byline: 'Byline',
  caption: 'Caption',
  credit: 'Credit',
  dateline: 'Dateline',
};

function MarkEl(props: {
  node: MarkNode;
  text: string;
  activeSource?: string;
  onFocusFinding(f: Finding | null): void;
}): JSX.Element {
  const { node, text } = props;
  const f = node.mark as Finding;
  const active = props.activeSource !== undefined && f.source === props.activeSource;
  return (
    <mark
      class={`hl hl-${f.layer}${active ? ' active' : ''}`}
      data-layer={f.layer}
      data-label={f.label}
      data-start={node.start}
      data-end={node.end}
      data-finding={f.id}
      title={describe(f)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users step through the findings; focus shows each in the inspector
      tabIndex={0}
      onMouseEnter={() => props.onFocusFinding(f)}
      onFocus={() => props.onFocusFinding(f)}
    >
      {runs(node.children, node.start, node.end, text).map((r) =>
        'node' in r ? (
          <MarkEl
            key={`${r.node.mark.id}@${r.node.start}`}
            node={r.node}
            text={text}
            activeSource={props.activeSource}
            onFocusFinding={props.onFocusFinding}
          />
        ) : (
          r.text
        ),
      )}
    </mark>
  );
}

/** The layout findings that are always shown: the dateline and photo credits. */
function layoutFindings(doc: NewsDocument): Finding[] {
  const out: Finding[] = [];
  const base = { layer: 'layout', lane: -1, why: [], notes: [] as string[] };
  const d = doc.meta.dateline;
  if (d && d.end > d.start)
    out.push({
      ...base,
      start: d.start,
      end: d.end,
      id: 'dateline',
      label: 'dateline',
      what: 'Dateline',
      notes: [d.place, d.agencies.join(' / '), d.date].filter((x): x is string => !!x),
    });
  (doc.paragraphs ?? []).forEach((p, i) => {
    if (p.credit)
      out.push({ ...base, ...p.credit, id: `credit${i}`, label: 'credit', what: 'Photo credit', notes: [] });
  });
  return out;
}

function paragraphsOf(doc: NewsDocument): Paragraph[] {
  if (doc.paragraphs?.length) return doc.paragraphs;
  return doc.text.trim() ? [{ start: 0, end: doc.text.length, role: 'body' }] : [];
}

/**
 * The article's text, one block per paragraph with its layout role, every finding a `<mark>`
 * carrying `data-layer`, `data-label`, `data-start` and `data-end` (UTF-16 offsets of the
 * piece: `text.slice(start, end)` is the element's text). Text is rendered as text nodes, never
 * as HTML.
 */
export function ArticleText(props: ArticleTextProps): JSX.Element {
  const { doc } = props;
  const all = [...layoutFindings(doc), ...props.findings];
  return (
    <div class="article-text" lang={doc.language?.code ?? doc.meta.lang} dir="auto">
      {paragraphsOf(doc).map((p, i) => {
        const nodes = nestMarks(all, p.start, p.end);
        const role = p.duplicateOf !== undefined ? 'repeated' : p.role;
        const label =
          p.duplicateOf !== undefined ? `Repeats paragraph ${p.duplicateOf + 1}` : ROLE_NAMES[p.role];
        return (
          <p key={i} class={`para role-${role}`} data-role={role} data-start={p.start} data-end={p.end}>
            {label && (
              <span class="role-tag" aria-hidden="true">
                {label}
              </span>
            )}
            {runs(nodes, p.start, p.end, doc.text).map((r) =>
              'node' in r ? (
                <MarkEl
                  key={`${r.node.mark.id}@${r.node.start}`}
                  node={r.node}
                  text={doc.text}
                  activeSource={props.activeSource}
                  onFocusFinding={props.onFocusFinding}
                />
              ) : (
                r.text
              ),
            )}
          </p>
        );
      })}
    </div>
  );
}
