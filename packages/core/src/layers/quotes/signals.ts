import type { Lexicon } from './lexicon.js';
import type { Quote, QuoteSignal } from './types.js';

/** Ties hedges, distancing phrases and evaluative cues to the attribution whose sentence holds them. */
export function attachSignals(text: string, out: Quote[], lex: Lexicon): void {
  const real = out.filter((q) => q.kind !== 'scare');
  for (const q of real) {
    if (q.cue && q.cueLemma && lex.evaluative.has(q.cueLemma))
      q.signals.push({ start: q.cue.start, end: q.cue.end, type: 'evaluative', label: q.cueLemma });
  }
  // Shared compiled regex: analyzers run one document at a time.
  const re = lex.signals;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const type: QuoteSignal['type'] = m[1] !== undefined ? 'hedge' : 'distancing';
    // The attribution whose extent (source, cue, content) is closest around the signal.
    let best: Quote | undefined;
    let bestDist = 200;
    for (const q of real) {
      const lo = Math.min(q.start, q.cue?.start ?? q.start, q.source?.start ?? q.start);
      const hi = Math.max(q.end, q.cue?.end ?? q.end, q.source?.end ?? q.end);
      const dist =
        span.start >= lo && span.end <= hi ? 0 : Math.min(Math.abs(span.start - hi), Math.abs(lo - span.end));
      if (dist < bestDist) {
        best = q;
        bestDist = dist;
      }
    }
    if (!best || bestDist > 60) continue;
    best.signals.push({ ...span, type, label: m[0].toLowerCase() });
    if (type === 'distancing' && best.speaker && best.speaker.type !== 'person')
      best.speaker.type = 'anonymous';
  }
  for (const q of real) q.signals.sort((a, b) => a.start - b.start);
}
