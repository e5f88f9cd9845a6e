import { describe, expect, it } from 'vitest';
import { clusterWords, WordClusters } from '../../models/word-clusters.js';
import { createPipeline } from '../../pipeline.js';
import { addNerClusters } from './ner-clusters.js';
import { englishNerInput } from './recognize-en.js';

// Leaf ids: senator 0, anna 1, zürich 2, o'neill 3, 0 (digits) 4, met 5.
const clusters = new WordClusters({
  format: 'newsprism-clusters/1',
  lang: 'en',
  branching: [2, 4],
  clusters: ['senator', 'anna', 'zürich', "o'neill", '0', 'met'],
});
const text = "Senator Anna O'Neill met Berg in Zürich on 7 May, and then the senator met them.";

describe('addNerClusters', () => {
  it('gives candidates and their neighbours the leaf id + 1 of their clusterWords word', async () => {
    const base = await createPipeline({ layers: ['tokens', 'sentences'] });
    const d = base.run({ id: 'x', text, meta: { lang: 'en' } });
    const tokens = d.tokens!;
    const p = englishNerInput(text, tokens, d.sentences!);
    addNerClusters(p, text, tokens, clusters);
    const at = (w: string) => tokens.findIndex((t) => text.slice(t.start, t.end) === w);
    // The ASCII fast path (`Anna`), the scan (`Zürich`, `O'Neill`), an unknown word (`Berg`).
    expect(p.cluster![at('Senator')]).toBe(1);
    expect(p.cluster![at('Anna')]).toBe(2);
    expect(p.cluster![at('Zürich')]).toBe(3);
    expect(p.cluster![at("O'Neill")]).toBe(4);
    expect(p.cluster![at('met')]).toBe(6); // the neighbour of a candidate
    expect(p.cluster![at('Berg')]).toBe(0);
    // Every filled token agrees with a plain clusterWords lookup; tokens away from candidates stay 0.
    tokens.forEach((t, i) => {
      const near = p.candidate[i] || p.candidate[i - 1] || p.candidate[i + 1];
      const [w] = clusterWords(text.slice(t.start, t.end));
      const id = w === undefined ? undefined : clusters.leafOf(w);
      expect(p.cluster![i]).toBe(near && id !== undefined ? id + 1 : 0);
    });
    expect(p.cluster![at('7')]).toBe(5); // digits read as 0, next to the candidate `May`
    expect(p.cluster![tokens.findIndex((t) => text.slice(t.start, t.end) === 'senator')]).toBe(0); // far from names
  });
});
