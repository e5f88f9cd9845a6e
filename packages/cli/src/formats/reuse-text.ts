import {
  outletLinks,
  pairOutletCounts,
  type ReuseChanges,
  type ReusePair,
  reuseTrees,
} from '@newsprism/core';
import { countEach, NO_OUTLET } from '@newsprism/core/schema';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function changeLines(c: ReuseChanges): string[] {
  const out: string[] = [];
  if (c.paragraphsAdded.length || c.paragraphsDropped.length)
    out.push(`paragraphs: ${c.paragraphsAdded.length} added, ${c.paragraphsDropped.length} dropped`);
  for (const n of c.names) out.push(`name: ${n.from} → ${n.to} (${n.fromProvenance} → ${n.toProvenance})`);
  for (const a of c.attributions)
    out.push(
      a.change === 're-attributed'
        ? `attribution re-attributed: ${a.from ?? '?'} → ${a.to ?? '?'}`
        : `attribution ${a.change}: ${a.from ?? a.to ?? 'unnamed source'}`,
    );
  for (const h of c.hedges) out.push(`hedge ${h.change}: ${h.cue}`);
  for (const n of c.numbers) out.push(`number: ${n.from} → ${n.to}`);
  if (c.techniquesAdded.length) out.push(`techniques added: ${c.techniquesAdded.join(', ')}`);
  if (c.techniquesRemoved.length) out.push(`techniques removed: ${c.techniquesRemoved.join(', ')}`);
  // Each line once, with `×N` when it came N times (two unnamed attributions added: one line).
  return countEach(out);
}

/**
 * The human-readable reuse report: who republishes whom by outlet (when `outletOf` knows any
 * outlet), the republication trees, then each pair with its reason and changes.
 */
export function renderReuseText(
  pairs: ReusePair[],
  documents: number,
  outletOf: (id: string) => string | undefined = () => undefined,
): string {
  const trees = reuseTrees(pairs);
  const lines = [
    `${count(pairs.length, 'reuse pair')} among ${count(documents, 'document')}, ${count(trees.length, 'republication tree')}`,
  ];
  const links = outletLinks(pairOutletCounts(pairs, outletOf));
  if (links.some((l) => l.source !== null || l.reuser !== null)) {
    lines.push('', 'who republishes whom (outlets; ↔ direction not known)');
    for (const l of links)
      lines.push(
        `  ${l.source ?? NO_OUTLET} ${l.directed ? '→' : '↔'} ${l.reuser ?? NO_OUTLET}  ${l.kind} ×${l.pairs} (mean score ${l.score.toFixed(2)})`,
      );
  }
  for (const t of trees) {
    lines.push(
      '',
      `tree ${t.id} (${count(t.members.length, 'document')}; original${t.roots.length === 1 ? '' : 's'}: ${t.roots.join(', ')})`,
    );
    for (const e of t.edges) lines.push(`  ${e.from} ${e.directed ? '→' : '—'} ${e.to}  ${e.kind}`);
  }
  for (const p of pairs) {
    const arrow = p.direction === 'unknown' ? '~' : p.direction;
    lines.push('', `${p.a} ${arrow} ${p.b}  ${p.kind} ${p.score.toFixed(2)}`, `  ${p.reason}`);
    lines.push(`  ${count(p.passages.length, 'aligned passage')}`);
    for (const c of changeLines(p.changes)) lines.push(`  ${c}`);
  }
  return `${lines.join('\n')}\n`;
}
