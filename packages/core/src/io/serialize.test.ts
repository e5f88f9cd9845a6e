import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import { serializeDocument, toJson } from './serialize.js';

describe('serializeDocument', () => {
  it('writes the fixed key order and only the selected layers with their producers', async () => {
    const p = await createPipeline({ layers: ['sentences'] });
    const doc = p.run({ id: 'a1', text: 'Talks resumed. Both sides came.', meta: { lang: 'en' } });
    expect(Object.keys(toJson(doc))).toEqual([
      'schema',
      'id',
      'text',
      'meta',
      // the layers in the pipeline's run order
      'language',
      'paragraphs',
      'sentences',
      'producers',
      'diagnostics',
    ]);
    const only = JSON.parse(serializeDocument(doc, { layers: ['sentences'] }));
    expect(Object.keys(only.producers)).toEqual(['sentences']);
    expect(only.paragraphs).toBeUndefined();
    expect(doc.text.slice(only.sentences[1].start, only.sentences[1].end)).toBe('Both sides came.');
    expect(serializeDocument(doc)).not.toContain('\n');
    expect(serializeDocument(doc, { pretty: true })).toContain('\n  "id": "a1"');
  });
});
