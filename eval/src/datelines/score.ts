import { type KnownNames, knownNames, type NewsDocument, type Span } from '@newsprism/core';
import type { DatelineLabel } from './labels.js';

/** Running counts of the datelines evaluation. */
export interface DatelineCounts {
  items: number;
  outletRight: number;
  /** Items whose gold outlet is named, and how many of those were right. */
  named: number;
  namedRight: number;
  agencyRight: number;
  dates: number;
  datesRight: number;
  places: number;
  placesRight: number;
  /** Gold places an entity mention of type LOC covers exactly. */
  placesLoc: number;
  authors: number;
  authorsRight: number;
  goldSpans: number;
  predSpans: number;
  spansRight: number;
  /** Quote speakers whose mention lies in a dateline or credit span (gold or predicted): must be 0. */
  speakersInSpans: number;
  /** Items with a wrong outlet or date, or a speaker in a dateline or credit, for inspection. */
  wrong: string[];
}

/** Empty counts. */
export const emptyDatelineCounts = (): DatelineCounts => ({
  items: 0,
  outletRight: 0,
  named: 0,
  namedRight: 0,
  agencyRight: 0,
  dates: 0,
  datesRight: 0,
  places: 0,
  placesRight: 0,
  placesLoc: 0,
  authors: 0,
  authorsRight: 0,
  goldSpans: 0,
  predSpans: 0,
  spansRight: 0,
  speakersInSpans: 0,
  wrong: [],
});

// The shipped gazetteer's outlet names, indexed on the first document scored.
let known: KnownNames | undefined;
function norm(s: string | undefined): string {
  if (!s) return '';
  known ??= knownNames();
  return (known.outlet(s) ?? s).toLowerCase();
}
const same = (a: Span | undefined, b: Span | undefined) =>
  !!a && !!b && a.start === b.start && a.end === b.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const names = (s: string): string[] =>
  s
    .split(/,|\s+and\s+/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean)
    .sort();

/** The dateline and credit spans a document's metadata holds. */
export function predictedSpans(doc: NewsDocument): (Span & { kind: string })[] {
  const out: (Span & { kind: string })[] = [];
  if (doc.meta.dateline)
    out.push({ kind: 'dateline', start: doc.meta.dateline.start, end: doc.meta.dateline.end });
  // A second dateline (`(Adnkronos) – …` then `NEW DELHI, Aug. 7, 2023 /PRNewswire/ —`) is a
  // paragraph's dateline span or a dateline paragraph.
  for (const p of doc.paragraphs ?? []) {
    const at = p.dateline ?? (p.role === 'dateline' ? p : undefined);
    if (at && !out.some((o) => o.start === at.start))
      out.push({ kind: 'dateline', start: at.start, end: at.end });
  }
  for (const c of doc.meta.credits ?? []) out.push({ kind: 'credit', start: c.start, end: c.end });
  return out;
}

/** Scores one analysed document against its label into `acc`. */
export function scoreDateline(doc: NewsDocument, label: DatelineLabel, acc: DatelineCounts): void {
  const m = doc.meta;
  acc.items++;
  const outletOk = norm(m.outlet) === norm(label.outlet);
  if (outletOk) acc.outletRight++;
  else acc.wrong.push(`${label.dataset}/${label.file}: outlet ${m.outlet ?? '-'} ≠ ${label.outlet ?? '-'}`);
  if (label.outlet) {
    acc.named++;
    if (outletOk) acc.namedRight++;
  }
  if (norm(m.agency) === norm(label.agency)) acc.agencyRight++;
  if (label.date) {
    acc.dates++;
    if (m.dateline?.isoDate === label.date) acc.datesRight++;
    else acc.wrong.push(`${label.dataset}/${label.file}: date ${m.dateline?.isoDate ?? '-'} ≠ ${label.date}`);
  }
  if (label.place) {
    acc.places++;
    if (same(m.dateline?.placeSpan, label.place)) acc.placesRight++;
    else
      acc.wrong.push(
        `${label.dataset}/${label.file}: place ${JSON.stringify(m.dateline?.placeSpan && doc.text.slice(m.dateline.placeSpan.start, m.dateline.placeSpan.end))} ≠ ${JSON.stringify(doc.text.slice(label.place.start, label.place.end))}`,
      );
    const loc = (doc.entities ?? []).some(
      (e) => e.type === 'LOC' && e.mentions.some((x) => same(x, label.place)),
    );
    if (loc) acc.placesLoc++;
    else
      acc.wrong.push(
        `${label.dataset}/${label.file}: place ${JSON.stringify(doc.text.slice(label.place.start, label.place.end))} is no LOC mention`,
      );
  }
  if (label.authors.length) {
    acc.authors++;
    const gold = label.authors.map((a) => doc.text.slice(a.start, a.end).toLowerCase()).sort();
    if (m.byline && names(m.byline).join('|') === gold.join('|')) acc.authorsRight++;
    else acc.wrong.push(`${label.dataset}/${label.file}: author ${m.byline ?? '-'} ≠ ${gold.join(', ')}`);
  }
  const pred = predictedSpans(doc);
  acc.goldSpans += label.spans.length;
  acc.predSpans += pred.length;
  for (const g of label.spans) {
    if (pred.some((p) => p.kind === g.kind && same(p, g))) acc.spansRight++;
    else
      acc.wrong.push(
        `${label.dataset}/${label.file}: missed ${g.kind} ${JSON.stringify(doc.text.slice(g.start, g.end))}`,
      );
  }
  for (const p of pred)
    if (!label.spans.some((g) => p.kind === g.kind && same(p, g)))
      acc.wrong.push(
        `${label.dataset}/${label.file}: extra ${p.kind} ${JSON.stringify(doc.text.slice(p.start, p.end))}`,
      );
  const zones: Span[] = [...label.spans, ...pred];
  for (const q of doc.quotes ?? []) {
    const at = q.speaker?.mention;
    if (at && zones.some((z) => overlaps(z, at))) {
      acc.speakersInSpans++;
      acc.wrong.push(`${label.dataset}/${label.file}: speaker "${q.speaker!.name}" in a dateline or credit`);
    }
  }
}
