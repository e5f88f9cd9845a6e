import { describe, expect, it } from 'vitest';
import { NewsprismError } from './errors.js';
import { layOptions } from './io/build-pipeline.js';
import { numberOption } from './options.js';
import { checkAnalyzerOptions, chosenOptions, createPipeline, refuseFileOptions } from './pipeline.js';
import { otherOptionLayers } from './provenance.js';

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

describe('producer options', () => {
  it('records set options and leaves unset ones out (no `prior: undefined` key)', async () => {
    const plain = await createPipeline({ layers: ['genre'] });
    expect(Object.keys(plain.producers.genre!.options ?? {})).not.toContain('prior');
    const wire = await createPipeline({ layers: ['genre'], options: { genre: { prior: 'news-wire' } } });
    expect(wire.producers.genre!.options).toMatchObject({ prior: 'news-wire' });
  });
});

describe('run-time options of the front ends (issue 14)', () => {
  it("layOptions lays a request's options over a run's, analyzer by analyzer, key by key", () => {
    expect(layOptions(undefined, undefined)).toBeUndefined();
    expect(layOptions({ genre: { why: 2 } }, undefined)).toEqual({ genre: { why: 2 } });
    expect(
      layOptions({ genre: { why: 2, prior: 'newspaper' } }, { genre: { prior: 'news-wire' }, claims: {} }),
    ).toEqual({
      genre: { why: 2, prior: 'news-wire' },
      claims: {},
    });
  });

  it.each([['news-wire'], [[{ genre: {} }]], [null], [{ genre: 'news-wire' }], [{ genre: [1] }]])(
    'layOptions refuses %j with E_OPTION_TYPE saying the shape',
    (over) => {
      expect(() => layOptions(undefined, over)).toThrow(
        expect.objectContaining({
          code: 'E_OPTION_TYPE',
          message: expect.stringContaining('{"genre": {"prior": "news-wire"}}'),
        }),
      );
    },
  );

  it("checkAnalyzerOptions gives createPipeline's codes without building a pipeline", async () => {
    await expect(checkAnalyzerOptions(undefined)).resolves.toBeUndefined();
    await expect(checkAnalyzerOptions({ genre: { prior: 'news-wire', why: 2 } })).resolves.toBeUndefined();
    for (const [options, code] of [
      [{ genre: { prior: 'wire' } }, 'E_OPTION_VALUE'],
      [{ genre: { prio: 'news-wire' } }, 'E_UNKNOWN_OPTION'],
      [{ genres: { prior: 'news-wire' } }, 'E_UNKNOWN_ANALYZER'],
      [{ genre: { why: '2' } }, 'E_OPTION_TYPE'],
    ] as const) {
      const got = await checkAnalyzerOptions(options as never).catch((e: NewsprismError) => e);
      const want = await createPipeline({ layers: ['paragraphs'], options: options as never }).catch(
        (e: NewsprismError) => e,
      );
      expect(got).toMatchObject({ code, message: (want as NewsprismError).message });
    }
  });

  it('chosenOptions names the options that are not the defaults, as --set spells them', async () => {
    const producers = {
      genre: { name: 'genre', version: 13, options: { why: 4, minWords: 0, prior: 'news-wire' } },
      claims: { name: 'claims', version: 1, options: {} },
      quotes: 'quotes@7',
    };
    expect(await chosenOptions(producers)).toEqual(['genre.minWords=0', 'genre.prior=news-wire']);
    expect(
      await chosenOptions({ genre: { options: { prior: { reporting: 0.7, opinion: 0.28, satire: 0.02 } } } }),
    ).toEqual(['genre.prior={"reporting":0.7,"opinion":0.28,"satire":0.02}']);
    expect(await chosenOptions({})).toEqual([]);
  });

  it("`default` gives an option back its default: over a run's options, the producers of a run without them", async () => {
    const plain = await createPipeline({ layers: ['genre'] });
    const wire = { genre: { prior: 'news-wire', why: 2 } };
    const reset = layOptions(wire, { genre: { prior: 'default', why: 'default' } });
    expect(reset).toEqual({ genre: { prior: 'default', why: 'default' } });
    const back = await createPipeline({ layers: ['genre'], options: reset });
    expect(back.producers.genre).toEqual(plain.producers.genre);
    // Only the option named: the other keeps the run's.
    const half = await createPipeline({
      layers: ['genre'],
      options: layOptions(wire, { genre: { prior: 'default' } }),
    });
    expect(half.producers.genre!.options).toMatchObject({ why: 2 });
    expect(half.producers.genre!.options).not.toHaveProperty('prior');
    // Checked as any value: the option must exist.
    await expect(checkAnalyzerOptions({ genre: { prior: 'default' } })).resolves.toBeUndefined();
    await expect(checkAnalyzerOptions({ genre: { prio: 'default' } })).rejects.toMatchObject({
      code: 'E_UNKNOWN_OPTION',
    });
    // A request may unset a file option (the shipped file is none of its own), not name one.
    await expect(refuseFileOptions({ genre: { model: 'default' } })).resolves.toBeUndefined();
    await expect(refuseFileOptions({ genre: { model: '/etc/passwd' } })).rejects.toMatchObject({
      code: 'E_OPTION_NOT_ALLOWED',
    });
  });

  it('otherOptionLayers names the stored layers made with other options than a run records, file options too', async () => {
    const run = async (options?: Record<string, Record<string, unknown>>) =>
      (await createPipeline({ layers: ['genre', 'quotes'], options })).producers;
    const stored = await run({ genre: { prior: 'news-wire' } });
    expect(otherOptionLayers(stored, await run({ genre: { prior: 'news-wire' } }))).toEqual([]);
    expect(otherOptionLayers(stored, await run({ genre: { prior: 'news-wire', why: 4 } }))).toEqual([]);
    expect(otherOptionLayers(stored, await run())).toEqual(['genre']);
    expect(otherOptionLayers(stored, await run({ genre: { prior: 'default' } }))).toEqual(['genre']);
    expect(otherOptionLayers(stored, await run({ genre: { prior: 'newspaper' } }))).toEqual(['genre']);
    // A file option is not among the recorded options: the checksums of what it loaded differ.
    const off = await run({ genre: { prior: 'news-wire' }, quotes: { learned: 'off' } });
    expect(off.quotes!.options).toEqual(stored.quotes!.options);
    expect(otherOptionLayers(stored, off)).toEqual(['quotes']);
    expect(otherOptionLayers(off, await run())).toEqual(['genre', 'quotes']);
    // Another version is stale whatever its options; a `newsprism/1` label records none.
    const older = { ...stored, genre: { ...stored.genre!, version: stored.genre!.version - 1 } };
    expect(otherOptionLayers(older, await run())).toEqual([]);
    expect(otherOptionLayers({ genre: 'genre@3' }, await run())).toEqual([]);
  }, 60_000);
});
