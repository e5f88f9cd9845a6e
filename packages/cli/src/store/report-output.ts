import type { ReportGroup } from '@newsprism/store';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const label = (g: ReportGroup) =>
  [g.outlet, g.month].filter((x) => x !== undefined).join(' ') || 'all documents';
const top = (rec: Record<string, number>, n: number, fmt: (x: number) => string) =>
  Object.entries(rec)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ') || '—';

/** A report as text: one block per group. */
export function reportTable(groups: readonly ReportGroup[]): string {
  const out: string[] = [];
  for (const g of groups) {
    const naming = Object.entries(g.naming.entities)
      // Names written in more than one form first: that is where outlets differ.
      .sort((a, b) => Object.keys(b[1]).length - Object.keys(a[1]).length)
      .slice(0, 6)
      .map(([name, forms]) => `${name}: ${top(forms, 3, pct)}`)
      .join('; ');
    out.push(
      `== ${label(g)}: ${g.documents.toLocaleString('en')} documents, ${g.words.toLocaleString('en')} words`,
      `voice       own ${pct(g.voice.own)}, attributed ${pct(g.voice.attributed)}, anonymous ${pct(g.voice.anonymous)}`,
      `techniques  ${top(g.techniqueRates, 6, (x) => `${x.toFixed(2)}/1k`)}`,
      `frames      ${top(g.frames, 5, pct)}`,
      `genres      ${top(g.genres, 3, pct)}`,
      `naming      Russian-standard forms ${g.naming.ruShare === null ? '—' : pct(g.naming.ruShare)}${naming ? `; ${naming}` : ''}`,
      `entities    ${g.topEntities.map((e) => `${e.name} ${e.mentions}`).join(', ') || '—'}`,
      `sources     ${g.topSources.map((s) => `${s.name} (${s.type}) ${s.attributions}`).join(', ') || '—'}`,
      '',
    );
  }
  return out.join('\n');
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** A report as CSV: one row per group; techniques, frames and genres one column each. */
export function reportCsv(groups: readonly ReportGroup[]): string {
  const keys = (pick: (g: ReportGroup) => Record<string, number>) =>
    [...new Set(groups.flatMap((g) => Object.keys(pick(g))))].sort();
  const techniques = keys((g) => g.techniqueRates);
  const frames = keys((g) => g.frames);
  const genres = keys((g) => g.genres);
  const header = [
    'outlet',
    'month',
    'documents',
    'words',
    'own_voice',
    'attributed',
    'anonymous',
    'ru_naming_share',
    ...techniques.map((t) => `technique_per_1k:${t}`),
    ...frames.map((f) => `frame:${f}`),
    ...genres.map((g) => `genre:${g}`),
    'top_entities',
    'top_sources',
  ];
  const rows = groups.map((g) => [
    g.outlet ?? '',
    g.month ?? '',
    g.documents,
    g.words,
    g.voice.own,
    g.voice.attributed,
    g.voice.anonymous,
    g.naming.ruShare ?? '',
    ...techniques.map((t) => g.techniqueRates[t] ?? 0),
    ...frames.map((f) => g.frames[f] ?? 0),
    ...genres.map((x) => g.genres[x] ?? 0),
    g.topEntities.map((e) => `${e.name}:${e.mentions}`).join('; '),
    g.topSources.map((s) => `${s.name}:${s.attributions}`).join('; '),
  ]);
  return [header, ...rows].map((r) => `${r.map(csvCell).join(',')}\n`).join('');
}
