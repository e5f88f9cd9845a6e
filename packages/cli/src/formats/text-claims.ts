import type { Claim, NewsDocument } from '@newsprism/core';
import { voicePercents } from '@newsprism/core/schema';
import type { FormatContext } from './format.js';
import { clip } from './text-clip.js';

const MAX = 10;

function evidence(doc: NewsDocument, c: Claim): string {
  const parts: string[] = [];
  const list = (name: string, spans: readonly { start: number; end: number }[]) => {
    if (spans.length) parts.push(`${name}: ${spans.map((s) => doc.text.slice(s.start, s.end)).join(', ')}`);
  };
  list('numbers', c.attrs.numbers);
  list('dates', c.attrs.dates);
  list('names', c.attrs.entities.slice(0, 4));
  if (c.attrs.cue) parts.push(`cue: ${c.attrs.cue}`);
  if (c.attrs.voice !== 'outlet')
    parts.push(`${c.attrs.voice} from ${c.attrs.speaker ?? 'an unnamed source'}`);
  return parts.join(' · ');
}

/**
 * The claims section of the text report: the article's claims ranked by check-worthiness
 * (top ten), each with its kind, score and the figures, dates and names it rests on.
 */
export function renderClaims(doc: NewsDocument, ctx: FormatContext): string[] {
  const claims = [...(doc.claims ?? [])].sort((a, b) => b.score - a.score);
  const worthy = claims.filter((c) => c.attrs.checkworthy).length;
  if (claims.length === 0) return ['  no checkable statements found'];
  const lines = [`  ${worthy} check-worthy of ${claims.length} scored statements; ranked by score`];
  claims.slice(0, MAX).forEach((c, i) => {
    const mark = c.attrs.checkworthy ? '●' : '○';
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${mark} ${c.score.toFixed(2)} ${c.label.padEnd(10)} ${clip(doc.text.slice(c.start, c.end), 110)}`,
    );
    const ev = evidence(doc, c);
    if (ev) lines.push(`      ${ctx.color ? `\x1b[2m${ev}\x1b[22m` : ev}`);
  });
  if (claims.length > MAX) lines.push(`  … ${claims.length - MAX} more in the JSON output`);
  return lines;
}

/**
 * The subjectivity section: the share of subjective sentences among those wholly in the
 * outlet's own voice. It counts sentences, where Sources counts words: an article can have
 * words of its own (Sources) and yet no sentence free of quoted or reported speech, and the
 * lines say so rather than seem to disagree.
 */
export function renderSubjectivity(doc: NewsDocument): string[] {
  const s = doc.subjectivity;
  if (!s) return [];
  const own = doc.sources
    ? `; the outlet's own words, ${voicePercents(doc.sources).own}% of the body, sit in those sentences`
    : '';
  if (s.outletSentences === 0)
    return [
      `  no sentence is wholly in the outlet's own voice: all ${s.sentences.length} hold quoted or reported speech${own}`,
    ];
  const pct = Math.round(s.share * 100);
  const lines = [
    `  ${pct}% of the sentences wholly in the outlet's own voice are subjective (${s.subjectiveSentences} of ${s.outletSentences}; sentences with quoted or reported speech not counted)`,
  ];
  const top = s.sentences
    .filter((x) => x.subjective && x.voice === 'outlet')
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  for (const x of top) lines.push(`  ${x.score.toFixed(2)} ${clip(doc.text.slice(x.start, x.end), 110)}`);
  return lines;
}
