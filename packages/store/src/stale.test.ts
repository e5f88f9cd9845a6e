import { describe, expect, it } from 'vitest';
import { staleLayers } from './stale.js';

describe('staleLayers', () => {
  const current = {
    quotes: 'quotes@7',
    frames: { producer: 'frames@1', options: { threshold: 0.5 }, model: 'sha256:ab' },
  };
  it.each([
    [
      'nothing when every entry is the same',
      { quotes: 'quotes@7', frames: { ...current.frames } },
      undefined,
      [],
    ],
    ['a layer of an older version', { quotes: 'quotes@6', frames: current.frames }, undefined, ['quotes']],
    [
      'a layer whose options or model changed, whatever the key order',
      {
        quotes: 'quotes@7',
        frames: { model: 'sha256:cd', options: { threshold: 0.5 }, producer: 'frames@1' },
      },
      undefined,
      ['frames'],
    ],
    ['a layer the document lacks', { quotes: 'quotes@7' }, undefined, ['frames']],
    ['only the layers asked for', { quotes: 'quotes@6' }, ['quotes'], ['quotes']],
    [
      'not a stored layer the pipeline does not produce',
      { quotes: 'quotes@7', frames: current.frames, old: 'old@1' },
      undefined,
      [],
    ],
  ])('finds %s', (_, stored, only, expected) => {
    expect(staleLayers(stored, current, only)).toEqual(expected);
  });

  it('reads key order as the same entry', () => {
    expect(
      staleLayers(
        { frames: { options: { threshold: 0.5 }, model: 'sha256:ab', producer: 'frames@1' } },
        current,
        ['frames'],
      ),
    ).toEqual([]);
  });
});
