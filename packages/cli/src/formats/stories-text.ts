import type { Story } from '@newsprism/core';
import { NO_DATE, NO_OUTLET, speakerList, storySize } from '@newsprism/core/schema';

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '—');

/**
 * The human-readable stories report: each story's label and size, first publisher, speakers
 * (each with the number of members quoting it), members (id, outlet, time, language and title,
 * from `titles` by id) and comparison. A story of one article has no
 * comparison to show: its member line alone (most stories of a mixed corpus are such).
 */
export function renderStoriesText(stories: readonly Story[], titles?: ReadonlyMap<string, string>): string {
  const lines = [`${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`];
  for (const s of stories) {
    lines.push('', `${s.id}: ${s.label.text || '(no label)'} — ${storySize(s)}`);
    if (s.first && s.members.length > 1) lines.push(`  first: ${s.first.id} (${s.first.published})`);
    // Who speaks in the story, and in how many of its articles (×N).
    if (s.members.length > 1 && s.comparison.speakers?.length) lines.push(`  speakers: ${speakerList(s)}`);
    for (const m of s.members) {
      const c = s.comparison;
      const title = titles?.get(m.id);
      lines.push(
        `  ${m.id}  ${m.outlet ?? NO_OUTLET}  ${m.published ?? NO_DATE}  ${m.lang}${title ? `  — ${title}` : ''}`,
      );
      if (s.members.length === 1) continue;
      lines.push(
        `    sources: ${list(c.sources[m.id] ?? [])}`,
        `    names: ${list((c.names[m.id] ?? []).map((n) => `${n.form} (${n.provenance})`))}`,
        `    techniques: ${list(c.techniques[m.id] ?? [])}`,
        `    frames: ${list(c.frames[m.id] ?? [])}`,
      );
    }
    const omitted = s.comparison.claims.filter((c) => c.omittedBy.length > 0 && c.includedBy.length > 0);
    if (s.members.length > 1 && omitted.length) {
      lines.push('  claims some members omit:');
      for (const c of omitted.slice(0, 8))
        lines.push(`    "${c.text}" — in ${c.includedBy.join(', ')}; not in ${c.omittedBy.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
