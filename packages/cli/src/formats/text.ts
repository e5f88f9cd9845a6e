import type { NewsDocument } from '@newsprism/core';
import { pictureControls } from '@newsprism/core/schema';
import type { FormatContext, OutputFormat } from './format.js';
import { clip } from './text-clip.js';
import { textSections } from './text-sections.js';

const bold = (s: string, c: boolean) => (c ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s: string, c: boolean) => (c ? `\x1b[2m${s}\x1b[22m` : s);

/** Whether standfirst `sf` is title `title`, give or take a clock time before or after it. */
function standsInForTitle(sf: string, title: string | undefined): boolean {
  if (!title) return false;
  const s = sf.trim();
  if (s === title) return true;
  const rest = s.startsWith(title)
    ? s.slice(title.length)
    : s.endsWith(title)
      ? s.slice(0, -title.length)
      : undefined;
  return rest !== undefined && /^\s*\d{1,2}:\d{2}\s*$/.test(rest);
}

function header(doc: NewsDocument, ctx: FormatContext): string[] {
  const m = doc.meta;
  const lines = [bold(`■ ${doc.id}${m.title ? ` — ${clip(m.title, 90)}` : ''}`, ctx.color)];
  const facts: string[] = [];
  if (m.outlet) facts.push(`outlet: ${m.outlet}`);
  if (m.agency) facts.push(`agency: ${m.agency}`);
  if (m.published) facts.push(`published: ${m.published}`);
  if (m.byline) facts.push(`by: ${m.byline}`);
  if (doc.language)
    facts.push(`language: ${doc.language.code} (${doc.language.method}, ${doc.language.confidence})`);
  if (m.url) facts.push(`url: ${m.url}`);
  if (facts.length) lines.push(`  ${facts.join(' · ')}`);
  if (ctx.options?.length) lines.push(`  analysed with: ${ctx.options.map((o) => `--set ${o}`).join(' ')}`);
  if (m.dateline) {
    const d = m.dateline;
    lines.push(
      `  dateline: ${doc.text.slice(d.start, d.end)}${d.agencies.length ? ` [agencies: ${d.agencies.join(', ')}]` : ''}`,
    );
  }
  for (const c of m.credits ?? [])
    lines.push(`  credit (${c.kind}): ${clip(doc.text.slice(c.start, c.end), 80)}`);
  // A standfirst standing in for a missing title (RT's first line) is in the header already,
  // also when the title is the standfirst without a news feed's clock time (`… 11:59`).
  if (m.standfirst && !standsInForTitle(m.standfirst, m.title))
    lines.push(`  standfirst: ${clip(m.standfirst)}`);
  return lines;
}

function structure(doc: NewsDocument, ctx: FormatContext): string[] {
  const paras = doc.paragraphs ?? [];
  const counts = [`${paras.length} paragraphs`];
  if (doc.sentences) counts.push(`${doc.sentences.length} sentences`);
  if (doc.tokens) counts.push(`${doc.tokens.length} tokens`);
  const lines = [bold('Structure', ctx.color), `  ${counts.join(', ')}`];
  paras.forEach((p, i) => {
    if (p.role === 'body' && p.duplicateOf === undefined) return;
    const dup = p.duplicateOf !== undefined ? ` (repeats ¶${p.duplicateOf + 1})` : '';
    lines.push(`  ¶${i + 1} ${p.role}${dup}: ${dim(clip(doc.text.slice(p.start, p.end), 80), ctx.color)}`);
  });
  return lines;
}

function diagnostics(doc: NewsDocument, ctx: FormatContext): string[] {
  if (doc.diagnostics.length === 0) return [];
  return [
    bold('Diagnostics', ctx.color),
    ...doc.diagnostics.map(
      (d) => `  ${d.severity} ${d.code}: ${d.message}${d.span ? ` [${d.span.start}–${d.span.end}]` : ''}`,
    ),
  ];
}

/**
 * The document with every string's control characters shown as pictures of the same length:
 * an id, title or sentence holding `\x1b[2J` or an OSC hyperlink must not drive the reader's
 * terminal, and spans must still slice the same text.
 */
function printable(doc: NewsDocument): NewsDocument {
  return JSON.parse(JSON.stringify(doc), (_k, v: unknown) =>
    typeof v === 'string' ? pictureControls(v) : v,
  );
}

/** A readable terminal report: metadata, structure, then one section per analysis layer. */
export function textFormat(): OutputFormat {
  return {
    name: 'text',
    description: 'a readable report for the terminal',
    render(input, ctx) {
      const doc = printable(input);
      const blocks = [header(doc, ctx), structure(doc, ctx)];
      for (const section of textSections) {
        if (!ctx.layers.has(section.layer) || !(section.layer in doc)) continue;
        const body = section.render(doc, ctx);
        if (body.length) blocks.push([bold(section.title, ctx.color), ...body]);
      }
      blocks.push(diagnostics(doc, ctx));
      return `${blocks
        .filter((b) => b.length)
        .map((b) => b.join('\n'))
        .join('\n\n')}\n\n`;
    },
  };
}
