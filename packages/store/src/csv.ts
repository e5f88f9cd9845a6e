import type { NewsDocument } from '@newsprism/core';
import { deriveSummary } from './derive.js';

/** The columns of the CSV export: metadata and what the analysis found, one row a document. */
export const CSV_HEADER = [
  'id',
  'title',
  'outlet',
  'published',
  'lang',
  'words',
  'genre',
  'frames',
  'techniques',
  'claims',
  'checkworthy',
  'claim_max',
  'own_voice',
  'attributed',
  'anonymous',
  'ru_naming_share',
  'subjectivity',
] as const;

/** RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is neutralised so spreadsheets run no formula. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The header line of the CSV export (`newsprism export -f csv`, `GET /api/export?format=csv`). */
export const csvHeader = (): string => `${CSV_HEADER.join(',')}\n`;

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * One document as a line of the CSV export, from the same rows the query tables hold (no stemming).
 * The voice columns are shares of the body words that add up to 1, as in `newsprism report`'s CSV
 * and the web UI: own voice, attributed to named sources, attributed to anonymous ones (the
 * stored `anonymous` is a share of the attributed words; before session 14 the export wrote it
 * as such, with `attributed` counting anonymous words too, under the report's column names).
 */
export function csvLine(doc: NewsDocument): string {
  const { doc: r, frames, techniques } = deriveSummary(doc);
  const noVoice = r.attributed === null || r.anonymous === null;
  const row = [
    r.id,
    r.title,
    r.outlet,
    r.published,
    r.lang,
    r.words,
    r.genre,
    frames
      .filter((f) => f.selected)
      .map((f) => f.frame)
      .join(' '),
    techniques.map((t) => `${t.technique}:${t.count}`).join(' '),
    r.claims,
    (doc.claims ?? []).filter((c) => c.attrs.checkworthy).length,
    r.claimMax,
    r.ownVoice,
    noVoice ? null : r3(r.attributed! * (1 - r.anonymous!)),
    noVoice ? null : r3(r.attributed! * r.anonymous!),
    r.ruShare,
    r.subjectivity,
  ];
  return `${row.map(cell).join(',')}\n`;
}
