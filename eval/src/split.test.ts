import { describe, expect, it } from 'vitest';
import { inSplit, isFinal, isValidation } from './split.js';

describe('splits by article', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => String(100000 + i));
  const count = (split: string) => ids.filter((id) => inSplit('set', id, split)).length;

  it('refuses a split it does not know instead of keeping every article', () => {
    expect(() => inSplit('set', '100000', 'finl')).toThrow(
      expect.objectContaining({ code: 'E_OPTION_VALUE', message: expect.stringMatching(/--split finl/) }),
    );
    expect(inSplit('set', '100000', undefined)).toBe(true);
    expect(inSplit('set', '100000', 'all')).toBe(true);
  });

  it('cuts train into tune and final, apart from val', () => {
    for (const id of ids) {
      const parts = ['val', 'tune', 'final'].filter((s) => inSplit('set', id, s));
      expect(parts).toHaveLength(1);
      expect(inSplit('set', id, 'train')).toBe(!isValidation('set', id));
      // A final id is a train id, never a validation one.
      expect(!isFinal('set', id) || inSplit('set', id, 'train')).toBe(true);
      // nonfinal = tune + val.
      expect(inSplit('set', id, 'nonfinal')).toBe(parts[0] !== 'final');
    }
  });

  it('gives the final split about 15 % of the ids outside validation', () => {
    const share = count('final') / count('train');
    expect(share).toBeGreaterThan(0.11);
    expect(share).toBeLessThan(0.19);
    expect(count('val') / ids.length).toBeGreaterThan(0.16);
  });
});
