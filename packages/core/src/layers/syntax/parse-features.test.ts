import { describe, expect, it } from 'vitest';
import { packMorph } from './parse-features.js';

describe('packMorph', () => {
  it.each([
    ['Animacy=Anim|Case=Loc|Gender=Masc|Number=Sing', 6 | (1 << 4) | (1 << 6)],
    ['Case=Nom|Number=Plur', 1 | (2 << 6)],
    ['Case=Ins|Gender=Fem', 5 | (2 << 4)],
    ['Aspect=Perf|Mood=Ind', 0],
    ['_', 0],
    [undefined, 0],
  ])('packs %s as %i (case, gender and number only)', (feats, packed) => {
    expect(packMorph(feats)).toBe(packed);
  });
});
