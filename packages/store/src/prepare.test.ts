import { brotliDecompressSync } from 'node:zlib';
import { keepLayers } from '@newsprism/core/schema';
import { describe, expect, it } from 'vitest';
import { deriveRows } from './derive.js';
import { makePreparer, type PreparedDocument, prepareDocument, prepareInWorkers } from './prepare.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';

// prepareDocument / makePreparer / prepareInWorkers on hand-made documents, no database: what a
// prepared document holds (the derived rows, the layers JSON packed), ill-formed strings repaired
// wherever they are, and the worker threads' renderer spec.

const unpack = (p: PreparedDocument) => brotliDecompressSync(p.packed).toString('utf8');

/** What prepareDocument must give for `doc`, written out from deriveRows. */
function expected(doc: Parameters<typeof deriveRows>[0]) {
  const { doc: row, ...rest } = deriveRows(doc);
  const { layers, ...kept } = row;
  return { rows: { ...rest, doc: kept }, layers };
}

const withEntity = (name: string, text = 'Talks in Kyiv.') =>
  handDoc(
    'e',
    text,
    { title: 'Talks', outlet: 'Alpha' },
    {
      entities: [{ id: 'k', type: 'location', name, mentions: [{ start: 9, end: 13 }] }],
    },
  );

describe('prepareDocument', () => {
  it('gives the derived rows, and the layers JSON packed, of a well-formed document', () => {
    for (const doc of SMALL_CORPUS) {
      const p = prepareDocument(doc);
      const { rows, layers } = expected(doc);
      const { packed: _, ...restOfP } = p;
      expect(restOfP).toEqual(rows);
      expect('layers' in p.doc).toBe(false);
      expect(unpack(p)).toBe(layers);
    }
  });

  it('repairs a lone surrogate or NUL in a layer, leaving a surrogate pair alone', () => {
    for (const [name, repaired] of [
      ['Ky\ud83div', 'Ky\ufffdiv'],
      ['Ky\udc00iv', 'Ky\ufffdiv'],
      ['Ky\u0000iv', 'Ky\ufffdiv'],
      ['Ky\ud83d\ude00iv', 'Ky\ud83d\ude00iv'],
      ['Ky\u00e9iv', 'Ky\u00e9iv'],
    ] as const) {
      const p = prepareDocument(withEntity(name));
      const layers = JSON.parse(unpack(p)) as { entities: { name: string }[] };
      expect(layers.entities[0]!.name).toBe(repaired);
      expect(p.entities.map((e) => e.name)).toEqual([repaired]);
    }
  });

  it('repairs a lone surrogate or NUL in the text, and only then', () => {
    const cut = prepareDocument(withEntity('Kyiv', 'Talks \ud83d Kyiv.'));
    expect(cut.doc.text).toBe('Talks \ufffd Kyiv.');
    const nul = prepareDocument(withEntity('Kyiv', 'Talks \u0000 Kyiv.'));
    expect(nul.doc.text).toBe('Talks \ufffd Kyiv.');
    const fine = prepareDocument(withEntity('Kyiv', 'Talks \ud83d\ude00 Kyiv.'));
    expect(fine.doc.text).toBe('Talks \ud83d\ude00 Kyiv.');
  });
});

/** A1 with producers for its frames and entities: the layers `keepLayers` selects by. */
const PRODUCED = {
  ...SMALL_CORPUS[0]!,
  producers: { frames: { name: 'frames', version: 1 }, entities: { name: 'entities', version: 1 } },
};

describe('makePreparer', () => {
  it('is prepareDocument itself when no layers are named', () => {
    expect(makePreparer()).toBe(prepareDocument);
    expect(makePreparer({})).toBe(prepareDocument);
  });

  it('keeps only the named layers', () => {
    const doc = PRODUCED;
    expect(prepareDocument(doc).entities).toHaveLength(2);
    const p = makePreparer({ layers: ['frames'] })(doc);
    const want = prepareDocument(keepLayers(doc, new Set(['frames'])));
    expect(unpack(p)).toBe(unpack(want));
    const layers = JSON.parse(unpack(p)) as Record<string, unknown>;
    expect(layers.frames).toEqual(doc.frames);
    expect(layers.entities).toBeUndefined();
    expect(p.entities).toEqual([]);
    expect(p.frames.map((f) => f.frame)).toEqual(['Economic']);
  });
});

describe('prepareInWorkers', () => {
  it('names this module and makePreparer, with the layers as settings, and loads', async () => {
    const spec = prepareInWorkers(['frames']);
    expect(spec).toEqual({
      module: new URL('./prepare.ts', import.meta.url).href,
      name: 'makePreparer',
      settings: { layers: ['frames'] },
    });
    expect(prepareInWorkers().settings).toEqual({ layers: undefined });
    const mod = (await import(spec.module)) as Record<string, typeof makePreparer>;
    const prepared = mod[spec.name]!(spec.settings)(PRODUCED);
    expect(prepared.entities).toEqual([]);
    expect(prepared.frames).toHaveLength(1);
  });
});
