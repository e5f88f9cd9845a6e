import type { Lexicon } from './lexicon.js';
import type { Quote, QuoteSignal } from './types.js';

/** Signals further than this from every attribution's extent are tied to none. */
const REACH = 200;

/** Ties hedges, distancing phrases and evaluative cues to the attribution whose sentence holds them. */
export function attachSignals(text: string, out: Quote[], lex: Lexicon): void {
  const real = out.filter((q) => q.kind !== 'scare');
  for (const q of real) {
    if (q.cue && q.cueLemma && lex.evaluative.has(q.cueLemma))
      q.signals.push({ start: q.cue.start, end: q.cue.end, type: 'evaluative', label: q.cueLemma });
  }
  // The extent (source, cue, content) of each attribution, in text order of its start: only those
  // within REACH characters of a signal can be closest to it, and signals come in text order.
  const lo = real.map((q) => Math.min(q.start, q.cue?.start ?? q.start, q.source?.start ?? q.start));
  const hi = real.map((q) => Math.max(q.end, q.cue?.end ?? q.end, q.source?.end ?? q.end));
  const byLo = real.map((_, i) => i).sort((x, y) => lo[x]! - lo[y]! || x - y);
  let next = 0;
  let near: number[] = [];
  // Shared compiled regex: analyzers run one document at a time.
  const re = lex.signals;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const type: QuoteSignal['type'] = m[1] !== undefined ? 'hedge' : 'distancing';
    while (next < byLo.length && lo[byLo[next]!]! < span.end + REACH) near.push(byLo[next++]!);
    near = near.filter((i) => hi[i]! > span.start - REACH).sort((x, y) => x - y);
    // The attribution whose extent (source, cue, content) is closest around the signal.
    let best: Quote | undefined;
    let bestDist = REACH;
    for (const i of near) {
      const q = real[i]!;
      const qlo = lo[i]!;
      const qhi = hi[i]!;
      const dist =
        span.start >= qlo && span.end <= qhi
          ? 0
          : Math.min(Math.abs(span.start - qhi), Math.abs(qlo - span.end));
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
