import { describe, expect, it } from 'vitest';
import { trainTechniques } from './train-techniques.js';

describe('train techniques options', () => {
  it('refuses syntax features outside the cross-validation, before reading any data', async () => {
    // The analyzer does not read the syntax layer: a saved model would miss what it was fitted on.
    await expect(
      trainTechniques.run({ data: '/nonexistent', extra: { syn: '0.5' }, log: () => {} }),
    ).rejects.toMatchObject({
      code: 'E_OPTION_VALUE',
      message: expect.stringMatching(/^syn=W and lemma=W need cv=K/),
    });
    await expect(
      trainTechniques.run({ data: '/nonexistent', extra: { lemma: '1' }, log: () => {} }),
    ).rejects.toMatchObject({ code: 'E_OPTION_VALUE', message: expect.stringMatching(/lemma=W need cv=K/) });
    await expect(
      trainTechniques.run({ data: '/nonexistent', extra: { naming: '1' }, log: () => {} }),
    ).rejects.toMatchObject({
      code: 'E_OPTION_VALUE',
      message: expect.stringMatching(/^naming=W needs cv=K/),
    });
    await expect(
      trainTechniques.run({ data: '/nonexistent', extra: { paraFx: '1' }, log: () => {} }),
    ).rejects.toMatchObject({
      code: 'E_OPTION_VALUE',
      message: expect.stringMatching(/^paraFx=W needs cv=K/),
    });
  });

  it('refuses PTC articles for a line model, before reading any data', async () => {
    await expect(
      trainTechniques.run({ data: '/nonexistent', extra: { ptc: '1', unit: 'line' }, log: () => {} }),
    ).rejects.toMatchObject({ code: 'E_OPTION_VALUE', message: 'ptc=1 needs unit=sentence' });
  });
});
