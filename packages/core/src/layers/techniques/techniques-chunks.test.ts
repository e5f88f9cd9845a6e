import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { unitsKept } from './techniques.js';

// A long text's sentence features are scored as they are made and made again for the sentences
// whose reasons are shown (techniques.ts, `unitsKept`): the layer must be the one it is with
// every vector kept.
describe('techniques over a text longer than the kept features', () => {
  it('finds the same spans, scores, reasons and near misses', async () => {
    const paragraphs = [
      'Corrupt traitors in the capital betrayed the nation again, the shameful regime said.',
      'Is this really what the so-called experts promised us? Nobody believes them anymore!',
      'The ministry said on Tuesday that 40 buses would run on the new line from March.',
      'These criminals will destroy everything we love unless brave patriots stop them now.',
    ];
    const text = `Scandal at the ministry\n\n${Array.from({ length: 12 }, (_, i) => paragraphs[i % 4]).join('\n\n')}\n`;
    const pipeline = await createPipeline({ layers: ['techniques'] });
    const whole = pipeline.run({ id: 'a', text });
    const before = unitsKept.max;
    unitsKept.max = 3;
    try {
      const remade = pipeline.run({ id: 'a', text });
      expect(whole.techniques!.spans.length + whole.techniques!.nearest!.length).toBeGreaterThan(0);
      expect(JSON.stringify(remade.techniques)).toBe(JSON.stringify(whole.techniques));
    } finally {
      unitsKept.max = before;
    }
  }, 60_000);
});
