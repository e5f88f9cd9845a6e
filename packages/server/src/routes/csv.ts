import type { NewsDocument } from '@newsprism/core';

const COLUMNS = [
  'id',
  'title',
  'outlet',
  'published',
  'lang',
  'url',
  'genre',
  'frames',
  'techniques',
  'sources',
  'own_voice_share',
  'anonymous_share',
  'naming_ru_share',
] as const;

/** RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is neutralised so spreadsheets run no formula. */
function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The header line of the CSV export. */
export const csvHeader = (): string => `${COLUMNS.join(',')}\r\n`;

/** One document as a CSV line: metadata and what the analysis found, one cell each. */
export function csvLine(d: NewsDocument): string {
  const m = d.meta;
  const row = [
    d.id,
    m.title,
    m.outlet,
    m.published,
    d.language?.code ?? m.lang,
    m.url,
    d.genre?.genre,
    d.frames
      ?.filter((f) => f.selected)
      .map((f) => f.frame)
      .join(';'),
    [...new Set(d.techniques?.spans.map((t) => t.technique))].join(';'),
    d.sources?.sources.map((s) => s.name).join(';'),
    d.sources?.ownVoiceShare,
    d.sources?.anonymousShare,
    d.naming?.profile.ruShare,
  ];
  return `${row.map(cell).join(',')}\r\n`;
}
