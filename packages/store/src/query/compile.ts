import type { QueryNode } from './parse.js';

// Stems hold letters and digits only (see stem.ts), so quoting them needs no escaping.

/** The query as an SQLite FTS5 MATCH expression over the stemmed columns. */
export function toFts5(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return `"${node.stem}"`;
    case 'prefix':
      return `"${node.stem}" *`;
    case 'phrase':
      return `"${node.stems.join(' ')}"`;
    case 'or':
      return `(${node.children.map(toFts5).join(' OR ')})`;
    case 'not':
      return toFts5(node.child);
    case 'and': {
      const pos = node.children.filter((c) => c.kind !== 'not').map(toFts5);
      const neg = node.children.filter((c) => c.kind === 'not').map(toFts5);
      // FTS5's NOT is binary: "a AND b NOT c NOT d".
      return `(${pos.join(' AND ')}${neg.map((n) => ` NOT ${n}`).join('')})`;
    }
  }
}

/** A phrase as consecutive positions: `('white' <-> 'hous')`. */
const positional = (stems: readonly string[]) => `(${stems.map((s) => `'${s}'`).join(' <-> ')})`;

/**
 * The same query as a PostgreSQL tsquery (for `to_tsquery('simple', …)`); `phrase` writes a
 * phrase's stems (positions by default; `pg-pairs.ts` matches them through word pairs).
 */
export function toTsquery(
  node: QueryNode,
  phrase: (stems: readonly string[]) => string = positional,
): string {
  const sub = (n: QueryNode) => toTsquery(n, phrase);
  switch (node.kind) {
    case 'term':
      return `'${node.stem}'`;
    case 'prefix':
      return `'${node.stem}':*`;
    case 'phrase':
      return phrase(node.stems);
    case 'or':
      return `(${node.children.map(sub).join(' | ')})`;
    case 'not':
      return `!${sub(node.child)}`;
    case 'and':
      return `(${node.children.map(sub).join(' & ')})`;
  }
}
