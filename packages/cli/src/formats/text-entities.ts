import { type NewsDocument, termWritten, variantVoices } from '@newsprism/core';
import type { FormatContext } from './format.js';

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/**
 * The entities section: one line per type, entities by mention count, the gazetteer id in
 * brackets when linked and other surfaces in parentheses.
 */
export function renderEntities(doc: NewsDocument, _ctx: FormatContext): string[] {
  const ents = doc.entities ?? [];
  if (ents.length === 0) return ['  (none)'];
  const lines: string[] = [];
  for (const type of TYPES) {
    const of = ents.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length);
    if (of.length === 0) continue;
    const items = of.map((e) => {
      const id = e.gazetteer ? ` [${e.gazetteer}]` : '';
      const n = e.mentions.length > 1 ? ` ×${e.mentions.length}` : '';
      const also = e.aliases.length ? ` (${e.aliases.slice(0, 4).join(', ')})` : '';
      return `${e.name}${id}${n}${also}`;
    });
    lines.push(`  ${type.padEnd(4)} ${items.join('; ')}`);
  }
  return lines;
}

const VOICES = [
  ['outlet', "outlet's own words"],
  ['quoted', 'in quotations'],
  ['distanced', 'kept at a distance'],
] as const;

/**
 * The naming section: variants used per contested name, contested terms by voice (the outlet's
 * own words, quotations, terms kept at a distance), then the article's profile.
 */
export function renderNaming(doc: NewsDocument, _ctx: FormatContext): string[] {
  const layer = doc.naming;
  const terms = layer?.terms ?? [];
  if (!layer || (layer.entities.length === 0 && terms.length === 0)) return [];
  const lines = layer.entities.map(
    (e) =>
      `  ${e.name}: ${e.variants.map((v) => `${v.form} ×${v.count} (${v.provenance}${variantVoices(v, terms)})`).join(', ')}`,
  );
  for (const [voice, label] of VOICES) {
    const of = terms.filter((t) => t.voice === voice);
    if (of.length)
      lines.push(
        `  terms, ${label}: ${of.map((t) => `${t.form} ×${t.count} (${t.concept}, ${t.pole}${termWritten(t, doc.text)})`).join('; ')}`,
      );
  }
  const p = layer.profile;
  const share = p.ruShare === null ? 'n/a' : `${Math.round(p.ruShare * 100)}%`;
  lines.push(
    `  profile, the outlet's own words: ${p.lean} — Russian-standard ${p.poles.ru}, Ukrainian-standard ${p.poles.ua}, neutral ${p.poles.neutral} (ru share ${share})`,
  );
  const q = p.quoted;
  if (q && q.ru + q.ua + q.neutral)
    lines.push(
      `  quoted sources: Russian-standard ${q.ru}, Ukrainian-standard ${q.ua}, neutral ${q.neutral}`,
    );
  const repeats = repeatedParagraphs(doc);
  if (repeats) lines.push(`  ${repeats}`);
  return lines;
}

/**
 * Why the naming counts can be lower than the entities' mention counts: naming skips the
 * paragraphs that repeat an earlier one (a title printed twice, a lead repeating the standfirst).
 * `undefined` when none does.
 */
export function repeatedParagraphs(doc: NewsDocument): string | undefined {
  const rep = (doc.paragraphs ?? []).flatMap((p, i) => (p.duplicateOf === undefined ? [] : [`¶${i + 1}`]));
  if (rep.length === 0) return undefined;
  return `not counted: ${rep.join(', ')}, which ${rep.length === 1 ? 'repeats an earlier paragraph' : 'repeat earlier paragraphs'} (the entities' counts include ${rep.length === 1 ? 'it' : 'them'})`;
}
