import { describe, expect, it } from 'vitest';
import { NewsprismError } from './errors.js';
import { numberOption } from './options.js';

describe('numberOption (--set key=value numbers)', () => {
  it.each([
    [{}, 'l2', 1e-6, {}, 1e-6],
    [{}, 'cap', undefined, {}, undefined],
    [{ l2: '1e-2' }, 'l2', 1e-6, {}, 0.01],
    [{ l2: ' 0.5 ' }, 'l2', 1e-6, {}, 0.5],
    [{ n: '-3' }, 'n', 0, {}, -3],
    [{ n: 'Infinity' }, 'n', 5, {}, Number.POSITIVE_INFINITY],
    [{ n: '4' }, 'n', 0, { min: 1, max: 10, int: true }, 4],
  ] as const)('%j %s (default %s, %j) → %s', (extra, key, fallback, bounds, want) => {
    expect(numberOption(extra, key, fallback, bounds)).toBe(want);
  });

  it.each([
    [{ gateSupport: 'abc' }, 'gateSupport', {}, '--set gateSupport=abc must be a number'],
    [{ l2: '1e-2x' }, 'l2', {}, '--set l2=1e-2x must be a number'],
    [{ l2: '' }, 'l2', {}, '--set l2= must be a number'],
    [{ l2: 'NaN' }, 'l2', {}, '--set l2=NaN must be a number'],
    [{ folds: '2.5' }, 'folds', { int: true }, '--set folds=2.5 must be a whole number'],
    [{ folds: '0' }, 'folds', { int: true, min: 2 }, '--set folds=0 must be a whole number ≥ 2'],
    [{ p: '1.5' }, 'p', { min: 0, max: 1 }, '--set p=1.5 must be a number from 0 to 1'],
  ] as const)('%j %s %j → E_OPTION_VALUE', (extra, key, bounds, message) => {
    let err: unknown;
    try {
      numberOption(extra, key, 1, bounds);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NewsprismError);
    expect(err).toMatchObject({ code: 'E_OPTION_VALUE', message });
  });
});
