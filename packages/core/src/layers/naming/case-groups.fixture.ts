import { canonical } from './pattern.js';

/**
 * The code units the `i` flag (without `u`) treats as one letter, in groups of two or more:
 * what the case-blind patterns and the word-key folding must both equate.
 */
export function caseGroups(): number[][] {
  const groups = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    const k = canonical(c);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
