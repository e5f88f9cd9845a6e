import type { NewsDocument } from '@newsprism/core';
import type { Mark } from './nest.js';

/** A highlightable finding with what a reader needs to judge it. */
export interface Finding extends Mark {
  /** What it is, in words (`Quotation`, `Reporting verb`, `Persuasion technique`). */
  what: string;
  /**
   * 0..1 when the analyzer gives a probability (a calibrated score, shown as a percentage):
   * techniques' spans, subjectivity.
   */
  score?: number;
  /**
   * A 0..1 score for ranking that is not a probability (claims' check-worthiness: the model's
   * probability combined with a prior for the kind of claim; the cue fallback's subjectivity in
   * languages without a model), shown as a number, never as a percentage.
   */
  rank?: number;
  /** The analyzer's reasons (top features, rule id, cue). */
  why: string[];
  /** Extra facts shown with it (speaker, relay, naming choice). */
  notes: string[];
  /** Source key (speaker name) for quote findings: the side panel highlights by it. */
  source?: string;
}

/** The highlight layers the article view can toggle, outermost lane first. */
export const HIGHLIGHT_LAYERS = [
  'quotes',
  'techniques',
  'entities',
  'claims',
  'subjectivity',
  'signals',
] as const;
/** A toggleable highlight layer. */
export type HighlightLayer = (typeof HIGHLIGHT_LAYERS)[number];

const lane = (l: HighlightLayer): number => HIGHLIGHT_LAYERS.indexOf(l);
const pct = (x: number): string => `${Math.round(x * 100)}%`;

function quoteFindings(doc: NewsDocument, out: Finding[]): void {
  for (const [i, q] of (doc.quotes ?? []).entries()) {
    const type = q.speaker?.type ?? (q.kind === 'scare' ? 'scare' : 'unknown');
    const speaker = q.speaker?.name;
    const notes: string[] = [`${q.kind} attribution`];
    if (speaker) notes.push(`speaker: ${speaker}${q.speaker?.role ? ` (${q.speaker.role})` : ''}, ${type}`);
    if (q.via) notes.push(`relayed via ${q.via.name}`);
    if (q.cueLemma) notes.push(`cue: ${q.cueLemma}`);
    const base = { layer: 'quotes', lane: lane('quotes'), source: speaker, why: [`rule ${q.rule}`] };
    const pieces = q.parts?.length ? q.parts : [q];
    // Offsets only: spreading the quote itself (a quote without parts is its own piece) would
    // put its `source` span where the finding's speaker key belongs.
    for (const [k, p] of pieces.entries())
      out.push({
        ...base,
        start: p.start,
        end: p.end,
        id: `q${i}c${k}`,
        label: type,
        what: 'Quoted or reported content',
        notes,
      });
    if (q.cue)
      out.push({
        ...base,
        start: q.cue.start,
        end: q.cue.end,
        id: `q${i}v`,
        label: 'cue',
        what: 'Reporting verb',
        notes,
      });
    if (q.source)
      out.push({
        ...base,
        start: q.source.start,
        end: q.source.end,
        id: `q${i}s`,
        label: 'source',
        what: 'Source as named',
        notes,
      });
    for (const [k, s] of q.signals.entries())
      out.push({
        layer: 'signals',
        lane: lane('signals'),
        start: s.start,
        end: s.end,
        id: `q${i}g${k}`,
        label: s.type,
        what: s.type === 'hedge' ? 'Hedge' : s.type === 'evaluative' ? 'Evaluative verb' : 'Distancing',
        why: [s.label],
        notes: speaker ? [`about ${speaker}`] : [],
      });
  }
}

function techniqueFindings(doc: NewsDocument, out: Finding[]): void {
  for (const [i, t] of (doc.techniques?.spans ?? []).entries())
    out.push({
      start: t.start,
      end: t.end,
      layer: 'techniques',
      lane: lane('techniques'),
      id: `t${i}`,
      label: t.technique,
      what: 'Persuasion technique',
      score: t.score,
      why: t.why,
      notes: [],
    });
}

function entityFindings(doc: NewsDocument, out: Finding[]): void {
  const choice = new Map<string, string>();
  for (const e of doc.naming?.entities ?? [])
    for (const v of e.variants)
      for (const m of v.mentions)
        choice.set(
          `${m.start}:${m.end}`,
          // A name talked about (`which Kiev calls Bakhmut`) is not the outlet's usage.
          m.rule === 'mention'
            ? `${v.form} → ${e.name}: ${v.provenance} form, named as a name (not the outlet's usage)`
            : `${v.form} → ${e.name}: ${v.provenance} form (${v.pole} usage)`,
        );
  for (const e of doc.entities ?? [])
    for (const [k, m] of e.mentions.entries()) {
      const named = choice.get(`${m.start}:${m.end}`);
      out.push({
        start: m.start,
        end: m.end,
        layer: 'entities',
        lane: lane('entities'),
        id: `e:${e.id}:${k}`,
        label: named ? 'contested-name' : (m.type ?? e.type),
        what: named ? 'Contested name' : 'Named entity',
        why: [],
        notes: [`${e.name} (${m.type ?? e.type})`, ...(named ? [named] : [])],
      });
    }
}

function claimFindings(doc: NewsDocument, out: Finding[]): void {
  for (const [i, c] of (doc.claims ?? []).entries()) {
    if (!c.attrs.checkworthy) continue;
    out.push({
      start: c.start,
      end: c.end,
      layer: 'claims',
      lane: lane('claims'),
      id: `c${i}`,
      label: c.label,
      what: 'Check-worthy claim',
      rank: c.score,
      why: c.attrs.cue ? [`cue "${c.attrs.cue}"`] : [],
      notes: [`voice: ${c.attrs.voice}`, ...(c.attrs.speaker ? [`speaker: ${c.attrs.speaker}`] : [])],
    });
  }
}

function subjectivityFindings(doc: NewsDocument, out: Finding[]): void {
  // The English model's score is calibrated; the cue fallback's of other languages is not.
  const probability = doc.subjectivity?.method !== 'cues';
  for (const [i, s] of (doc.subjectivity?.sentences ?? []).entries()) {
    if (!s.subjective) continue;
    out.push({
      start: s.start,
      end: s.end,
      layer: 'subjectivity',
      lane: lane('subjectivity'),
      id: `s${i}`,
      label: 'subjective',
      what: 'Subjective sentence',
      ...(probability ? { score: s.score } : { rank: s.score }),
      why: [],
      notes: [`voice: ${s.voice}`],
    });
  }
}

/**
 * Every highlightable finding of a document, by layer. Findings whose range is empty or
 * outside the text are dropped (a stored document from another version must not break the view).
 */
export function findings(doc: NewsDocument): Finding[] {
  const out: Finding[] = [];
  quoteFindings(doc, out);
  techniqueFindings(doc, out);
  entityFindings(doc, out);
  claimFindings(doc, out);
  subjectivityFindings(doc, out);
  return out.filter((f) => f.start >= 0 && f.end > f.start && f.end <= doc.text.length);
}

/** One line describing a finding for a tooltip or screen reader. */
export function describe(f: Finding): string {
  const score = f.score === undefined ? '' : ` · ${pct(f.score)}`;
  const rank = f.rank === undefined ? '' : ` · ${rankScore(f.rank)}`;
  return `${f.what}: ${f.label.replaceAll('_', ' ')}${score}${rank}`;
}

/**
 * A ranking score that is not a probability, as text: `rank score 0.72` (two decimals, no
 * percent sign, so that it does not read as a chance).
 */
export function rankScore(x: number): string {
  return `rank score ${x.toFixed(2)}`;
}
