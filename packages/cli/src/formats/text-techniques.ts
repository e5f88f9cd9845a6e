import { type NewsDocument, reasonWords, type TechniqueSpan } from '@newsprism/core';
import type { FormatContext } from './format.js';
import { clip } from './text-clip.js';

const dim = (s: string, c: boolean) => (c ? `\x1b[2m${s}\x1b[22m` : s);

/** The findings grouped by span, in text order; a span's techniques by score, best first. */
function bySpan(spans: readonly TechniqueSpan[]): TechniqueSpan[][] {
  const groups = new Map<string, TechniqueSpan[]>();
  for (const s of spans) {
    const key = `${s.start}:${s.end}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()]
    .sort((a, b) => a[0]!.start - b[0]!.start || a[0]!.end - b[0]!.end)
    .map((g) => g.sort((a, b) => b.score - a.score));
}

/**
 * Techniques: one line per finding with its paragraph, score, span text and reasons (one line a
 * sentence: its techniques together, each with its reasons); then the
 * techniques the model nearly found (below their thresholds, dimmed), or "none found" alone.
 */
export function renderTechniques(doc: NewsDocument, ctx: FormatContext): string[] {
  const layer = doc.techniques;
  if (!layer) return [];
  const counts = new Map<string, number>();
  for (const s of layer.spans) counts.set(s.technique, (counts.get(s.technique) ?? 0) + 1);
  const lines = [
    layer.spans.length === 0
      ? '  none found'
      : `  ${layer.paragraphs.length} of ${doc.paragraphs?.length ?? 0} paragraphs: ${[...counts]
          .sort((a, b) => b[1] - a[1])
          .map(([t, n]) => `${t} ×${n}`)
          .join(', ')}`,
  ];
  const quote = (s: TechniqueSpan) => `"${clip(doc.text.slice(s.start, s.end), 90)}"`;
  // A cut-off prefix (`"weste…"`) as the span's own word for it (`"Western"`).
  const spanWhy = (s: TechniqueSpan) => reasonWords(s.why, doc.text.slice(s.start, s.end)).join(', ');
  const span = (s: TechniqueSpan, score: string) =>
    `  ¶${s.paragraph + 1} ${s.technique} (${score}): ${quote(s)}`;
  // Findings are sentences and a sentence may use several techniques (as the gold's do): the
  // sentence is printed once, with its techniques best first, each with its reasons.
  for (const group of bySpan(layer.spans)) {
    const s = group[0]!;
    if (group.length === 1) {
      lines.push(span(s, s.score.toFixed(2)));
      if (s.why.length) lines.push(`      ${dim(`why: ${spanWhy(s)}`, ctx.color)}`);
      continue;
    }
    const labels = group.map((g) => `${g.technique} (${g.score.toFixed(2)})`).join(', ');
    lines.push(`  ¶${s.paragraph + 1} ${labels}: ${quote(s)}`);
    for (const g of group)
      if (g.why.length) lines.push(`      ${dim(`why ${g.technique}: ${spanWhy(g)}`, ctx.color)}`);
  }
  const near = layer.nearest ?? [];
  if (near.length) {
    lines.push(`  ${dim('closest, below their thresholds (not findings):', ctx.color)}`);
    for (const s of near)
      lines.push(dim(span(s, `${s.score.toFixed(2)}, cut ${s.cut.toFixed(2)}`), ctx.color));
  }
  return lines;
}

/**
 * The line of a document-level layer that abstained on a short text (`I_GENRE_TOO_SHORT`, …:
 * fewer words than the layer's `minWords`), or none.
 */
function tooShort(doc: NewsDocument, layer: string): string[] {
  const code = `I_${layer.toUpperCase()}_TOO_SHORT`;
  return doc.diagnostics?.some((d) => d.code === code)
    ? [`  not given: the text is too short for the ${layer} model (${code} below)`]
    : [];
}

/**
 * Frames: the selected frames with scores and reasons, then the next best. Each frame has its
 * own threshold, so an unset frame may score above a set one; the line says so.
 */
export function renderFrames(doc: NewsDocument, ctx: FormatContext): string[] {
  const frames = doc.frames ?? [];
  if (frames.length === 0) return tooShort(doc, 'frames');
  const lines = frames
    .filter((f) => f.selected)
    .map(
      (f) =>
        `  ${f.frame} (${f.score.toFixed(2)})${f.why?.length ? dim(`  why: ${reasonWords(f.why, doc.text).join(', ')}`, ctx.color) : ''}`,
    );
  const rest = frames.filter((f) => !f.selected).slice(0, 3);
  if (rest.length)
    lines.push(
      `  ${dim(`next, below their own thresholds (each frame has one): ${rest.map((f) => `${f.frame} ${f.score.toFixed(2)}`).join(', ')}`, ctx.color)}`,
    );
  return lines;
}

/**
 * The decided genre's score: the probability that the decision is right (calibrated). Documents
 * of genre@10 and before also scored the other genres (their raw shares, not calibrated): not shown.
 */
function genreScore(g: NonNullable<NewsDocument['genre']>): number | undefined {
  return g.genre ? (g.scores as Record<string, number | undefined>)[g.genre] : undefined;
}

/** Genre: the decision, its score (uncertain below 0.5) and the reasons. */
export function renderGenre(doc: NewsDocument, ctx: FormatContext): string[] {
  const g = doc.genre;
  if (!g?.genre) return tooShort(doc, 'genre');
  const p = genreScore(g);
  // Below 0.5 the decision is more likely wrong than right: the decision favours the rarer genre.
  const score = p === undefined ? '' : ` (${p.toFixed(2)}${p < 0.5 ? ', uncertain' : ''})`;
  return [
    `  ${g.genre}${score}`,
    ...(g.why.length ? [`  ${dim(`why: ${reasonWords(g.why, doc.text).join(', ')}`, ctx.color)}`] : []),
    ...(g.prior ? [`  ${dim(`prior: ${priorWords(doc, g.prior)}`, ctx.color)}`] : []),
  ];
}

/** The prior a genre was decided under: its preset's name (from the producer) and the shares. */
function priorWords(doc: NewsDocument, prior: Readonly<Record<string, number>>): string {
  const given = (doc.producers.genre as { options?: { prior?: unknown } } | undefined)?.options?.prior;
  const shares = Object.entries(prior)
    .map(([g, p]) => `${g} ${p}`)
    .join(' / ');
  return typeof given === 'string' ? `${given} (${shares})` : shares;
}
