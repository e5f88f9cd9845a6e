import { defineAnalyzer } from '../../analyzer.js';
import { recordData } from '../../models/registry.js';
import type { Span } from '../../schema.js';
import firstNames from '../entities/first-names.en.json' with { type: 'json' };
import curatedGazetteer from '../entities/gazetteer.json' with { type: 'json' };
import { datelineData } from './cues.js';
import { creditsOf, datelineOf, metaFromDateline } from './dateline-meta.js';
import { detectLayout, layoutData } from './layout.js';
import { knownNamesFor } from './outlets.js';

const isSpace = (c: number): boolean =>
  c === 32 ||
  c === 9 ||
  c === 13 ||
  c === 10 ||
  c === 0xa0 ||
  c === 0x3000 ||
  c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200b);

/**
 * Splits `text` into line spans trimmed of surrounding white space, skipping blank lines.
 * `\r\n` and lone `\r` count as line breaks; offsets stay those of the verbatim text.
 */
export function splitLines(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let j = i;
    while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    let s = i;
    let e = j;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    i = j + (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1);
  }
  return out;
}

/**
 * Groups lines into paragraphs. Text in the one-paragraph-per-line convention keeps its lines;
 * hard-wrapped text (blocks of several lines separated by blank lines, lines not ending a
 * sentence) joins each block into one paragraph.
 */
export function splitParagraphs(text: string): Span[] {
  const lines = splitLines(text);
  if (lines.length < 4) return lines;
  let wrapped = 0;
  let inBlock = 0;
  let blank = 0;
  for (let k = 0; k + 1 < lines.length; k++) {
    const gap = text.slice(lines[k]!.end, lines[k + 1]!.start);
    if (/\n[ \t\r]*\n|\r[ \t]*\r/.test(gap)) blank++;
    else {
      inBlock++;
      if (!/[.!?:"”»)]$/.test(text.slice(lines[k]!.end - 1, lines[k]!.end))) wrapped++;
    }
  }
  if (blank < 2 || inBlock < lines.length / 2 || wrapped < inBlock * 0.6) return lines;
  const out: Span[] = [];
  let cur = { ...lines[0]! };
  for (let k = 1; k < lines.length; k++) {
    const gap = text.slice(cur.end, lines[k]!.start);
    if (/\n[ \t\r]*\n|\r[ \t]*\r/.test(gap)) {
      out.push(cur);
      cur = { ...lines[k]! };
    } else cur.end = lines[k]!.end;
  }
  out.push(cur);
  return out;
}

/**
 * The `paragraphs` analyzer: paragraph spans with layout roles (title, standfirst, byline,
 * caption, credit, dateline, body) and repeats. It also suggests `meta.title`, `standfirst`,
 * `byline`, `dateline`, `credits`, `outlet`, `agency` and `published` when the input did not
 * give them: agency datelines and closing credits name the outlet, the date and the author.
 */
export const paragraphs = defineAnalyzer({
  name: 'paragraphs',
  // 4: a dateline's month is a month name or its abbreviation (`Junior 5` is no date).
  version: 5,
  requires: [],
  produces: 'paragraphs',
  defaults: {},
  setup(_options, registry) {
    registry.data('paragraphs/layout.json', layoutData);
    recordData(registry, 'paragraphs/datelines', datelineData);
    // Outlets are named canonically from the shipped gazetteer; credits tell authors by first name.
    registry.data('entities/gazetteer.json', curatedGazetteer);
    registry.data('entities/first-names.en.json', firstNames);
    return knownNamesFor(registry);
  },
  run(doc, ctx, _options, known) {
    const spans = splitParagraphs(doc.text);
    if (spans.length === 0) {
      ctx.report({ code: 'W_EMPTY_TEXT', severity: 'warning', message: 'the document has no text' });
      return [];
    }
    const titleFirst = doc.meta.format === undefined || doc.meta.format === 'text';
    const layout = detectLayout(doc.text, spans, titleFirst, known, doc.meta.title);
    ctx.suggestMeta('title', layout.title);
    ctx.suggestMeta('standfirst', layout.standfirst);
    ctx.suggestMeta('byline', layout.byline);
    const dateline = datelineOf(layout, known, doc.meta.published);
    const credits = creditsOf(layout, known);
    ctx.suggestMeta('dateline', dateline);
    if (credits.length) ctx.suggestMeta('credits', credits);
    const found = metaFromDateline(dateline, credits);
    ctx.suggestMeta('outlet', found.outlet);
    ctx.suggestMeta('agency', found.agency);
    ctx.suggestMeta('published', found.published);
    // A byline line above the text wins over the author a dateline or credit names.
    ctx.suggestMeta('byline', found.byline);
    return layout.paragraphs;
  },
});
