import { tenthPercents } from '@newsprism/core/schema';
import type { ReportGroup, TermPoles } from '@newsprism/store';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const label = (g: ReportGroup) =>
  [g.outlet, g.month].filter((x) => x !== undefined).join(' ') || 'all documents';
const top = (rec: Record<string, number>, n: number, fmt: (x: number) => string) =>
  Object.entries(rec)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ') || '—';

/** Names shown in the naming line besides every name written in more than one form. */
const NAMING_FILL = 6;

/**
 * The naming line's names: every name the group writes in more than one form — that is where
 * outlets differ, Kiev or Kyiv — most forms first, then names of one form up to six names in all.
 * (Before session 14 the line kept six names by their number of forms alone, so a group with six
 * names of three forms never showed its Kiev/Kyiv split.)
 */
export function namingLine(entities: Record<string, Record<string, number>>): string {
  const forms = (x: [string, Record<string, number>]) => Object.keys(x[1]).length;
  const sorted = Object.entries(entities).sort((a, b) => forms(b) - forms(a) || a[0].localeCompare(b[0]));
  const several = sorted.filter((e) => forms(e) > 1);
  const one = sorted.filter((e) => forms(e) === 1).slice(0, Math.max(0, NAMING_FILL - several.length));
  return [...several, ...one].map(([name, f]) => `${name}: ${top(f, 3, pct)}`).join('; ');
}

/**
 * The voice line: the body words' parts in the outlet's own voice, attributed to named sources
 * and to anonymous ones, adding up to 100.0 %. (`attributed` alone read as `analyze`'s
 * attributed share, which counts the anonymous words too.)
 */
function voiceLine(v: ReportGroup['voice']): string {
  const [own, attributed, anonymous] = tenthPercents([v.own, v.attributed, v.anonymous]).map(
    (x) => `${x.toFixed(1)}%`,
  );
  return `voice       own ${own}, named sources ${attributed}, anonymous sources ${anonymous}`;
}

const poleCounts = (p: TermPoles) => `ru ${p.ru}, ua ${p.ua}, neutral ${p.neutral}`;

/**
 * The terms line: the share of Russian-standard forms among the polar terms in the outlet's own
 * voice, and the uses in quotations and kept at a distance apart (by the pole of the form).
 */
export function termsLine(t: ReportGroup['terms']): string {
  const used = (p: TermPoles) => p.ru + p.ua + p.neutral > 0;
  if (!used(t.own) && !used(t.quoted) && !used(t.distanced)) return '—';
  const own =
    t.ruShare === null
      ? `own voice: no Russian- or Ukrainian-standard terms (${poleCounts(t.own)})`
      : `own voice: Russian-standard ${pct(t.ruShare)} (${poleCounts(t.own)})`;
  return `${own}; quoted ${poleCounts(t.quoted)}; distanced ${poleCounts(t.distanced)}`;
}

/**
 * The forms of each concept the outlet uses in its own voice, most used first, with their uses
 * and pole (`war: invasion 3 ua, special military operation 1 ru`): up to `forms` a concept.
 */
export function termForms(
  concepts: ReportGroup['terms']['concepts'],
  forms = Number.POSITIVE_INFINITY,
): string {
  return Object.entries(concepts)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([concept, f]) => {
      const all = Object.entries(f).sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
      const shown = all.slice(0, forms).map(([form, { count, pole }]) => `${form} ${count} ${pole}`);
      // The forms left out are said, so that the forms shown need not add up to the terms line.
      const more = all.length - shown.length;
      return `${concept}: ${shown.join(', ')}${more > 0 ? `, +${more} more` : ''}`;
    })
    .join('; ');
}

/** A report as text: one block per group. */
export function reportTable(groups: readonly ReportGroup[]): string {
  const out: string[] = [];
  for (const g of groups) {
    const naming = namingLine(g.naming.entities);
    out.push(
      `== ${label(g)}: ${g.documents.toLocaleString('en')} ${g.documents === 1 ? 'document' : 'documents'}, ${g.words.toLocaleString('en')} words`,
      voiceLine(g.voice),
      `techniques  ${top(g.techniqueRates, 6, (x) => `${x.toFixed(2)}/1k`)}`,
      `frames      ${top(g.frames, 5, pct)}`,
      `genres      ${top(g.genres, 3, pct)}`,
      // Not an article's `ru share` (its own words, terms too): every mention of a contested name.
      // Without a Russian- or Ukrainian-standard name, a dash read as an unknown share: say so (the
      // report cannot tell a group without such names from one stored without the naming layer).
      `naming      ${g.naming.ruShare === null ? 'no Russian- or Ukrainian-standard names (or the naming layer not stored)' : `Russian-standard ${pct(g.naming.ruShare)} of the contested names' mentions, quotations included`}${naming ? `; ${naming}` : ''}`,
      `terms       ${termsLine(g.terms)}`,
      `term forms  ${termForms(g.terms.concepts, 3) || '—'}`,
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

/**
 * Every contested name of a group with the share of each form it is written in, by name
 * (`Kyiv: Kiev 0.34, Kyiv 0.66; Lviv: Lviv 1`): which outlet writes Kiev, in a spreadsheet.
 */
export function namingForms(entities: Record<string, Record<string, number>>): string {
  return Object.entries(entities)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(
      ([name, forms]) =>
        `${name}: ${Object.entries(forms)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([form, share]) => `${form} ${share}`)
          .join(', ')}`,
    )
    .join('; ');
}

/** The CSV's term-use columns: by voice, then pole (`terms_own_ru`, …). */
const TERM_COUNTS = (['own', 'quoted', 'distanced'] as const).flatMap((voice) =>
  (['ru', 'ua', 'neutral'] as const).map((pole) => [voice, pole] as const),
);

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
    // Named apart from the export's per-article `ru_naming_share` (its own words, terms too).
    'ru_mentions_share',
    // The outlet's own voice only: its quoted and distanced terms have columns of their own.
    'ru_terms_share',
    ...techniques.map((t) => `technique_per_1k:${t}`),
    ...frames.map((f) => `frame:${f}`),
    ...genres.map((g) => `genre:${g}`),
    ...TERM_COUNTS.map(([voice, pole]) => `terms_${voice}_${pole}`),
    'term_forms',
    'top_entities',
    'top_sources',
    'naming_forms',
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
    g.terms.ruShare ?? '',
    ...techniques.map((t) => g.techniqueRates[t] ?? 0),
    ...frames.map((f) => g.frames[f] ?? 0),
    ...genres.map((x) => g.genres[x] ?? 0),
    ...TERM_COUNTS.map(([voice, pole]) => g.terms[voice][pole]),
    termForms(g.terms.concepts),
    g.topEntities.map((e) => `${e.name}:${e.mentions}`).join('; '),
    g.topSources.map((s) => `${s.name}:${s.attributions}`).join('; '),
    namingForms(g.naming.entities),
  ]);
  return [header, ...rows].map((r) => `${r.map(csvCell).join(',')}\n`).join('');
}
