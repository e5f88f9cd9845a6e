import type { ReuseKind, ReusePair } from './reuse-types.js';

/** A republication tree: a connected component of the reuse graph, with its roots. */
export interface ReuseTree {
  /** The tree's id: its root with the most known copies (or first member when every edge is undirected). */
  id: string;
  /** Documents not known to copy anyone in the tree (the originals), most copied first. */
  roots: string[];
  members: string[];
  /** Edges from source to copy; `directed: false` when the direction is unknown. */
  edges: { from: string; to: string; kind: ReuseKind; directed: boolean }[];
}

/**
 * Groups pairs into republication trees (connected components, as D3lta clusters its matches)
 * and sets each pair's `tree`. A tree's roots are the members no directed edge points to.
 */
export function reuseTrees(pairs: ReusePair[]): ReuseTree[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) for (const id of [p.a, p.b]) if (!parent.has(id)) parent.set(id, id);
  for (const p of pairs) {
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, ReusePair[]>();
  for (const p of pairs) {
    const r = find(p.a);
    groups.set(r, [...(groups.get(r) ?? []), p]);
  }
  const trees: ReuseTree[] = [];
  for (const group of groups.values()) {
    const members = [...new Set(group.flatMap((p) => [p.a, p.b]))].sort();
    const edges = group.map((p) =>
      p.direction === 'b→a'
        ? { from: p.b, to: p.a, kind: p.kind, directed: true }
        : { from: p.a, to: p.b, kind: p.kind, directed: p.direction === 'a→b' },
    );
    const copied = new Set(edges.filter((e) => e.directed).map((e) => e.to));
    // Roots most copied from come first: the tree is named after its main original.
    const out = (m: string) => edges.filter((e) => e.directed && e.from === m).length;
    const roots = members.filter((m) => !copied.has(m)).sort((x, y) => out(y) - out(x) || x.localeCompare(y));
    const id = roots[0] ?? members[0]!;
    for (const p of group) p.tree = id;
    trees.push({ id, roots, members, edges });
  }
  return trees.sort((x, y) => y.members.length - x.members.length || x.id.localeCompare(y.id));
}

const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** Graphviz DOT of the trees: one cluster per tree, solid arrows from source to copy, dashed lines where the direction is unknown. */
export function treesToDot(trees: readonly ReuseTree[]): string {
  const lines = ['digraph reuse {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  trees.forEach((t, k) => {
    lines.push(`  subgraph cluster_${k} {`, `    label=${quote(t.id)};`);
    for (const m of t.members) lines.push(`    ${quote(m)}${t.roots.includes(m) ? ' [style=bold]' : ''};`);
    for (const e of t.edges)
      lines.push(
        `    ${quote(e.from)} -> ${quote(e.to)} [label=${quote(e.kind)}${e.directed ? '' : ', dir=none, style=dashed'}];`,
      );
    lines.push('  }');
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
