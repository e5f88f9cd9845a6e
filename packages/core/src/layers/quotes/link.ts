import type { Span } from '../../schema.js';
import type { Entity } from '../entities/entities.js';
import type { Quote, Speaker } from './types.js';

/**
 * Links speakers to the `entities` layer by mention overlap: a speaker whose name span (or, for
 * unnamed ones, source span) overlaps an entity mention maps to that entity's id. Used only when
 * the entities layer is already in the document; neither quotes nor sources require it.
 */
export function linkSpeakers(quotes: readonly Quote[], entities: readonly Entity[]): Map<Speaker, string> {
  const links = new Map<Speaker, string>();
  const mentions: { start: number; end: number; id: string }[] = [];
  for (const e of entities)
    for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, id: e.id });
  if (mentions.length === 0) return links;
  mentions.sort((a, b) => a.start - b.start);
  const find = (s: Span): string | undefined => {
    // Binary search for the first mention ending after s.start, then scan while they start before s.end.
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid]!.start < s.start - 200) lo = mid + 1;
      else hi = mid;
    }
    // The mention sharing most characters: the head of `Germany’s Federal Intelligence Agency`.
    let best: string | undefined;
    let most = 0;
    for (let i = lo; i < mentions.length && mentions[i]!.start < s.end; i++) {
      const m = mentions[i]!;
      const shared = Math.min(m.end, s.end) - Math.max(m.start, s.start);
      if (shared > most) {
        most = shared;
        best = m.id;
      }
    }
    return best;
  };
  const link = (sp: Speaker | undefined, fallback?: Span) => {
    // Anonymous and unknown speakers are descriptions; a name inside them is someone else.
    if (!sp || links.has(sp) || sp.type === 'anonymous' || sp.type === 'unknown' || sp.type === 'document')
      return;
    const span = sp.mention ?? fallback;
    const id = sp.entity ?? (span ? find(span) : undefined);
    if (id) links.set(sp, id);
  };
  for (const q of quotes) {
    link(q.speaker, q.source);
    link(q.via, q.via?.source);
  }
  return links;
}
