import { describe, expect, it } from 'vitest';
import { BucketBitmap } from '../../models/hashed-table.js';
import { prng } from '../../models/train.js';
import { DependencyParser, type DepsModelFile } from './parser.js';

const TAGS = ['NOUN', 'VERB', 'DET', 'ADJ', 'PUNCT'];
const LABELS = ['nsubj', 'obj', 'det', 'amod', 'punct'];

/** A shipped-format model of random int8 weights (many zero, some rows all zero) and the same weights as a dense table. */
function randomModel(seed: number) {
  const bits = 9;
  const C = 3 + 2 * LABELS.length;
  const rnd = prng(seed);
  const ids: number[] = [];
  const rows: number[] = [];
  const dense = new Int8Array(C << bits);
  for (let b = 0; b < 1 << bits; b++) {
    if (rnd() < 0.3) continue;
    ids.push(b);
    // Small weights make ties frequent: the tie rule must match too.
    const zeroMoves = rnd() < 0.2;
    for (let c = 0; c < C; c++) {
      const v = (c < 3 && zeroMoves) || rnd() < 0.4 ? 0 : Math.round((rnd() - 0.5) * (rnd() < 0.1 ? 254 : 6));
      rows.push(v);
      dense[b * C + c] = v;
    }
  }
  const file: DepsModelFile = {
    format: 'newsprism-deps/1',
    lang: 'xx',
    tags: TAGS,
    labels: LABELS,
    bits,
    scale: 1,
    buckets: Buffer.from(Uint32Array.from(ids).buffer).toString('base64'),
    weights: Buffer.from(Int8Array.from(rows).buffer).toString('base64'),
    meta: {},
  };
  return { file, dense: new DependencyParser(TAGS, LABELS, bits, dense) };
}

describe('shipped parser rows (ParseRows)', () => {
  it('makes the moves and labels of the dense table on random models and sentences', () => {
    const rnd = prng(7);
    for (let m = 0; m < 5; m++) {
      const { file, dense } = randomModel(100 + m);
      const shipped = DependencyParser.fromFile(file);
      for (let s = 0; s < 40; s++) {
        const n = 1 + Math.floor(rnd() * 25);
        const forms = Array.from(
          { length: n },
          () => ['the', 'cat', 'said', 'big', '.', 'talks'][Math.floor(rnd() * 6)]!,
        );
        const upos = Array.from({ length: n }, () => TAGS[Math.floor(rnd() * TAGS.length)]!);
        expect(shipped.parseWords(forms, upos)).toEqual(dense.parseWords(forms, upos));
      }
    }
  });

  it('refuses to train a shipped parser', () => {
    const { file } = randomModel(1);
    const p = DependencyParser.fromFile(file);
    const teacher = { heads: [-1], labels: [0], update: () => {} };
    expect(() => p.parse(p.input(['Yes'], ['NOUN']), teacher)).toThrow(/cannot be trained/);
  });
});

describe('BucketBitmap', () => {
  it('finds the rank of each kept bucket and −1 for the others', () => {
    const kept = [0, 3, 31, 32, 33, 100, 1023];
    const map = new BucketBitmap(10, kept);
    for (let b = 0; b < 1024; b++) expect(map.rowOf(b)).toBe(kept.indexOf(b));
    expect(() => new BucketBitmap(10, [5, 5])).toThrow(/ascend/);
  });
});
