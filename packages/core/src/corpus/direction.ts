import creditsEn from './credits.en.json' with { type: 'json' };
import creditsRu from './credits.ru.json' with { type: 'json' };
import type { ReuseDirection, ReuseDocument, ReuseKind } from './reuse-types.js';

const PATTERNS: Record<string, string[]> = { en: creditsEn.patterns, ru: creditsRu.patterns };
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The credit by which `doc` names `outlet` (`dateline`, `according to Sputnik`), if it does. */
export function creditOf(doc: ReuseDocument, outlet: string | undefined): string | undefined {
  if (!outlet || outlet.trim().length < 2) return undefined;
  const o = outlet.trim().toLowerCase();
  const agencies = doc.meta?.dateline?.agencies ?? [];
  // The first agency of a dateline is usually the publisher itself; a credit is any agency named
  // in the dateline that is not the document's own outlet.
  const own = doc.meta?.outlet?.trim().toLowerCase();
  if (agencies.some((a) => a.toLowerCase() === o && o !== own)) return `its dateline credits ${outlet}`;
  for (const list of Object.values(PATTERNS))
    for (const p of list) {
      const re = new RegExp(p.replace('{O}', escapeRe(outlet.trim())), 'iu');
      const m = re.exec(doc.text);
      if (m) return `it credits ${outlet} ("${m[0].trim()}")`;
    }
  return undefined;
}

const time = (doc: ReuseDocument): number | undefined => {
  const t = doc.meta?.published ? Date.parse(doc.meta.published) : Number.NaN;
  return Number.isNaN(t) ? undefined : t;
};

/** Agencies a document's dateline credits besides its own name (`UrduPoint News / Sputnik` → Sputnik). */
function datelineCredits(doc: ReuseDocument): string[] {
  const agencies = doc.meta?.dateline?.agencies ?? [];
  const own = doc.meta?.outlet?.toLowerCase();
  const rest = own ? agencies.filter((a) => a.toLowerCase() !== own) : agencies.slice(1);
  return agencies.length >= 2 || own ? rest : [];
}

const TRUNCATED = /[\p{L}\p{N},;:]\s*$/u;

/** Evidence about a pair used to decide direction. */
export interface DirectionEvidence {
  kind: ReuseKind;
  /** Share of each document's words inside shared passages (copies and partials). */
  coverageA: number;
  coverageB: number;
}

/**
 * Which document reuses which, and why, from (in this order of trust): explicit credit (one
 * names the other's outlet in a dateline or an attribution like `according to Sputnik`),
 * publication times, and textual evidence (a dateline crediting an agency, a copy cut off
 * mid-sentence). Conflicting credits give `unknown` with both reasons.
 */
export function reuseDirection(
  a: ReuseDocument,
  b: ReuseDocument,
  e: DirectionEvidence,
): { direction: ReuseDirection; reason: string } {
  const bCredits = creditOf(b, a.meta?.outlet);
  const aCredits = creditOf(a, b.meta?.outlet);
  if (bCredits && !aCredits) return { direction: 'a→b', reason: `b credits a's outlet: ${bCredits}` };
  if (aCredits && !bCredits) return { direction: 'b→a', reason: `a credits b's outlet: ${aCredits}` };
  if (aCredits && bCredits)
    return { direction: 'unknown', reason: `each credits the other: a ${aCredits}; b ${bCredits}` };
  const ta = time(a);
  const tb = time(b);
  if (ta !== undefined && tb !== undefined && ta !== tb) {
    const [first, then] = ta < tb ? [a, b] : [b, a];
    return {
      direction: ta < tb ? 'a→b' : 'b→a',
      reason: `${ta < tb ? 'a' : 'b'} was published first (${first.meta!.published} vs ${then.meta!.published})`,
    };
  }
  // A full copy that adds a dateline crediting an agency is the republication; in a partial
  // reuse the credit may be for other material.
  const da = e.kind === 'copy' ? datelineCredits(a) : [];
  const db = e.kind === 'copy' ? datelineCredits(b) : [];
  if (db.length && !da.length)
    return { direction: 'a→b', reason: `b's dateline credits ${db.join(', ')}: b is the republication` };
  if (da.length && !db.length)
    return { direction: 'b→a', reason: `a's dateline credits ${da.join(', ')}: a is the republication` };
  if (e.kind === 'copy' || e.kind === 'partial') {
    const tail = (d: ReuseDocument) => TRUNCATED.test(d.text.trimEnd().slice(-3));
    if (e.coverageB >= 0.95 && e.coverageA < 0.9 && tail(b) && !tail(a))
      return { direction: 'a→b', reason: 'b is a truncated copy of a (it stops mid-sentence)' };
    if (e.coverageA >= 0.95 && e.coverageB < 0.9 && tail(a) && !tail(b))
      return { direction: 'b→a', reason: 'a is a truncated copy of b (it stops mid-sentence)' };
  }
  return { direction: 'unknown', reason: 'no credit, publication times or textual evidence of direction' };
}
