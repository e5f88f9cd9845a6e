import { createHash } from 'node:crypto';
import { NewsprismError } from '@newsprism/core';

/**
 * The project's validation split, by article: an id belongs to `val` when the first byte of its
 * SHA-1 (salted with the data set name) falls in the lowest `share` of the range. Stable across
 * machines and runs, independent of file order.
 */
export function isValidation(dataset: string, id: string, share = 0.2): boolean {
  const h = createHash('sha1').update(`${dataset}:${id}`).digest();
  return h[0]! < Math.round(256 * share);
}

/**
 * The final split: about 15 % of the ids outside the validation split (another salt), held out
 * of tuning and evaluated once, after it (issue 18). `tune` is the rest of `train`.
 */
export function isFinal(dataset: string, id: string, share = 0.15): boolean {
  if (isValidation(dataset, id)) return false;
  const h = createHash('sha1').update(`final:${dataset}:${id}`).digest();
  return h[0]! < Math.round(256 * share);
}

/**
 * Keeps the ids of a split: `train` (not validation), `val`, `all`, or `tune` and `final`
 * (`train` cut in two: tune on `tune` and `val`, then score `final` once), or `nonfinal`
 * (`tune` and `val` together: fit on every article but `final`). Any other name is refused
 * (`E_OPTION_VALUE`): a misspelt split must not quietly mean every article.
 */
export function inSplit(dataset: string, id: string, split: string | undefined): boolean {
  if (split === undefined || split === 'all') return true;
  if (split === 'val') return isValidation(dataset, id);
  if (split === 'train') return !isValidation(dataset, id);
  if (split === 'final') return isFinal(dataset, id);
  if (split === 'tune') return !isValidation(dataset, id) && !isFinal(dataset, id);
  if (split === 'nonfinal') return !isFinal(dataset, id);
  throw new NewsprismError(
    'E_OPTION_VALUE',
    `--split ${split} is not a split of ${dataset}; use train, val, tune, final, nonfinal or all`,
  );
}
