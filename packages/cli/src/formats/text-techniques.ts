import type { NewsDocument, TechniqueSpan } from '@newsprism/core';
import type { FormatContext } from './format.js';
import { clip } from './text-clip.js';

const dim = (s: string, c: boolean) => (c ? `\x1b[2m${s}\x1b[22m` : s);

/**
 * Techniques: one line per finding with its paragraph, score, span text and reasons; then the
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
  const span = (s: TechniqueSpan, score: string) =>
    `  ¶${s.paragraph + 1} ${s.technique} (${score}): "${clip(doc.text.slice(s.start, s.end), 90)}"`;
  for (const s of layer.spans) {
    lines.push(span(s, s.score.toFixed(2)));
    if (s.why.length) lines.push(`      ${dim(`why: ${s.why.join(', ')}`, ctx.color)}`);
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
 * Frames: the selected frames with scores and reasons, then the next best. Each frame has its
 * own threshold, so an unset frame may score above a set one; the line says so.
 */
export function renderFrames(doc: NewsDocument, ctx: FormatContext): string[] {
  const frames = doc.frames ?? [];
  if (frames.length === 0) return [];
  const lines = frames
    .filter((f) => f.selected)
    .map(
      (f) =>
        `  ${f.frame} (${f.score.toFixed(2)})${f.why?.length ? dim(`  why: ${f.why.join(', ')}`, ctx.color) : ''}`,
    );
  const rest = frames.filter((f) => !f.selected).slice(0, 3);
  if (rest.length)
    lines.push(
      `  ${dim(`next, below their own thresholds (each frame has one): ${rest.map((f) => `${f.frame} ${f.score.toFixed(2)}`).join(', ')}`, ctx.color)}`,
    );
  return lines;
}

/** A genre scoring above the decided one, if any: the decision is then a close call. */
export function higherGenre(g: NonNullable<NewsDocument['genre']>): string | undefined {
  const chosen = (g.scores as Record<string, number | undefined>)[g.genre ?? ''] ?? 0;
  const best = Object.entries(g.scores).reduce<[string, number] | undefined>(
    (b, [k, v]) => (k !== g.genre && (v ?? 0) > chosen && (!b || (v ?? 0) > b[1]) ? [k, v ?? 0] : b),
    undefined,
  );
  return best?.[0];
}

/** Genre: the decision, the three scores (and a higher one's name) and the reasons. */
export function renderGenre(doc: NewsDocument, ctx: FormatContext): string[] {
  const g = doc.genre;
  if (!g?.genre) return [];
  const scores = Object.entries(g.scores)
    .map(([k, v]) => `${k} ${(v ?? 0).toFixed(2)}`)
    .join(', ');
  // The decision takes per-genre offsets and only the chosen genre's score is calibrated, so
  // another genre can score higher: say so rather than print a choice its numbers contradict.
  const rival = higherGenre(g);
  return [
    `  ${g.genre} (${scores})${rival ? ` — uncertain: ${rival} scores higher` : ''}`,
    ...(g.why.length ? [`  ${dim(`why: ${g.why.join(', ')}`, ctx.color)}`] : []),
  ];
}
