import type { Span } from '../schema.js';
import hedgesEn from './hedges.en.json' with { type: 'json' };
import hedgesRu from './hedges.ru.json' with { type: 'json' };

/** A hedge found in a text: its surface span, the cue as listed and its cross-language concept. */
export interface HedgeHit extends Span {
  cue: string;
  concept: string;
}

const LISTS = [hedgesEn.hedges, hedgesRu.hedges] as Record<string, string>[];
const CUES = LISTS.flatMap((l) => Object.entries(l)).sort((a, b) => b[0].length - a[0].length);
// One alternation, longest cue first; a cue ending in a stem (`неподтвержденн`) takes the rest of its word.
const HEDGE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${CUES.map(([c]) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}]*(?![\\p{L}\\p{N}])`,
  'giu',
);
const BY_CUE = new Map(CUES);

/** Every hedge in `text` within `range`. */
export function findHedges(text: string, range: Span): HedgeHit[] {
  const out: HedgeHit[] = [];
  const slice = text.slice(range.start, range.end);
  for (const m of slice.matchAll(HEDGE)) {
    const cue = m[1]!.toLowerCase();
    const concept = BY_CUE.get(cue) ?? BY_CUE.get(m[1]!);
    if (!concept) continue;
    // Only whole words, except cues listed as stems.
    if (m[0].length !== m[1]!.length && !cue.endsWith('нн')) continue;
    out.push({ start: range.start + m.index!, end: range.start + m.index! + m[0].length, cue, concept });
  }
  return out;
}
