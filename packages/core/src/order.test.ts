import { describe, expect, it } from 'vitest';
import { createModelStore } from './models/registry.js';
import { createPipeline } from './pipeline.js';
import { ENGLISH_ARTICLE, RUSSIAN_ARTICLE } from './testing/articles.js';

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

const LAYERS = ['quotes', 'entities', 'sources', 'claims', 'naming'];
// One store: the 120 pipelines load each model once.
const models = createModelStore();

describe('declared inputs decide the order', () => {
  it.each([
    ['English', ENGLISH_ARTICLE],
    ['Russian', RUSSIAN_ARTICLE],
  ])(
    'every order of %s layers gives byte-identical JSON',
    async (_lang, text) => {
      const outputs = new Set<string>();
      for (const layers of permutations(LAYERS)) {
        const p = await createPipeline({ layers, models });
        outputs.add(JSON.stringify(p.run({ id: 'a', text })));
      }
      expect(outputs.size).toBe(1);
      const doc = JSON.parse([...outputs][0]!);
      // The same layers whichever way round: speakers are linked to entities.
      expect(doc.quotes.length).toBeGreaterThan(0);
      expect(doc.quotes.some((q: { speaker?: { entity?: string } }) => q.speaker?.entity)).toBe(true);
    },
    120_000,
  );

  it('links speakers to entities whenever entities run, also when asked after quotes', async () => {
    const a = await createPipeline({ layers: ['quotes', 'entities'], models });
    const b = await createPipeline({ layers: ['entities', 'quotes'], models });
    const da = a.run({ id: 'a', text: ENGLISH_ARTICLE });
    expect(JSON.stringify(da)).toBe(JSON.stringify(b.run({ id: 'a', text: ENGLISH_ARTICLE })));
    const shmyhal = da.quotes!.find((q) => q.speaker?.name.includes('Shmyhal'));
    expect(shmyhal?.speaker?.entity).toBeTruthy();
  });
});
