import type { NewsDocument, Quote } from '@newsprism/core';
import type { FormatContext } from './format.js';
import { clip } from './text-clip.js';

const dim = (s: string, c: boolean) => (c ? `\x1b[2m${s}\x1b[22m` : s);

function who(q: Quote, text: string): string {
  const sp = q.speaker;
  if (!sp) return q.source ? text.slice(q.source.start, q.source.end) : 'unknown speaker';
  const role = sp.role && sp.role !== sp.name ? `, ${sp.role}` : '';
  return `${sp.name} (${sp.type}${role})`;
}

/** The "Quotes" section: each attribution with speaker, cue, relay and signals, then scare quotes. */
export function renderQuotes(doc: NewsDocument, ctx: FormatContext): string[] {
  const text = doc.text;
  const quotes = doc.quotes ?? [];
  const lines: string[] = [];
  const scare: string[] = [];
  for (const q of quotes) {
    if (q.kind === 'scare') {
      scare.push(text.slice(q.start, q.end).trim());
      continue;
    }
    // A colon that introduces a quotation is its cue, but printing it would double the colon.
    const cueText = q.cue ? text.slice(q.cue.start, q.cue.end) : '';
    const cue = /\p{L}/u.test(cueText) ? ` ${cueText}` : '';
    const via = q.via ? ` via ${q.via.name}` : '';
    lines.push(`  [${q.kind}] ${who(q, text)}${cue}${via}: ${clip(text.slice(q.start, q.end), 110)}`);
    if (q.signals.length)
      lines.push(
        `      ${dim(q.signals.map((s) => `${s.type}: ${text.slice(s.start, s.end)}`).join(' · '), ctx.color)}`,
      );
  }
  if (scare.length) lines.push(`  scare quotes: ${scare.join(', ')}`);
  return lines;
}

/** The "Sources" section: who speaks and how much, and the share of the outlet's own voice. */
export function renderSources(doc: NewsDocument): string[] {
  const s = doc.sources;
  if (!s) return [];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    // The two shares add up to 1: rounded apart, 0.535 and 0.465 read 54 % and 47 %.
    `  of the body words, ${pct(s.attributedShare)} are attributed (quoted or reported) and ${100 - Math.round(s.attributedShare * 100)}% the outlet's own · anonymous sources: ${pct(s.anonymousShare)} of the attributed words`,
  ];
  for (const x of s.sources) {
    const role = x.role && x.role !== x.name ? `, ${x.role}` : '';
    const via = x.via.length ? ` via ${x.via.join(', ')}` : '';
    lines.push(
      `  ${x.name} (${x.type}${role}): ${x.attributions} attribution${x.attributions === 1 ? '' : 's'}, ${x.words} word${x.words === 1 ? '' : 's'}${via}`,
    );
  }
  return lines;
}
