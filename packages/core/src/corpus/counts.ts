import type { Story } from './stories.js';

/** `item ×N` when it came N > 1 times, else the item: how every view writes a count. */
export const timesN = (item: string, n: number): string => (n > 1 ? `${item} ×${n}` : item);

/** Each distinct item once, in the order first seen, with {@link timesN} its count (two unnamed sources added: one item). */
export function countEach(items: readonly string[]): string[] {
  const n = new Map<string, number>();
  for (const item of items) n.set(item, (n.get(item) ?? 0) + 1);
  return [...n].map(([item, k]) => timesN(item, k));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * How big a story is, in words (CLI and web UI alike): `4 articles from 3 outlets in 2 languages`
 * — outlets counted when any member's is known (members without one are not an outlet),
 * languages when there are several.
 */
export function storySize(story: Pick<Story, 'members'>): string {
  const outlets = new Set(story.members.flatMap((m) => (m.outlet ? [m.outlet] : [])));
  const langs = new Set(story.members.map((m) => m.lang));
  return [
    plural(story.members.length, 'article'),
    outlets.size ? ` from ${plural(outlets.size, 'outlet')}` : '',
    langs.size > 1 ? ` in ${plural(langs.size, 'language')}` : '',
  ].join('');
}

/** A story's speakers as one list, each with how many members quote it (`Ford ×3`), at most `top`. */
export function speakerList(story: Pick<Story, 'comparison'>, top = 12): string {
  const speakers = story.comparison.speakers ?? [];
  const shown = speakers.slice(0, top).map((s) => timesN(s.name, s.members.length));
  return `${shown.join(', ')}${speakers.length > top ? `, … (${speakers.length} in all)` : ''}`;
}
