import type { NewsDocument } from '../schema.js';

/**
 * A renderer for the runner's tests: prints `id:paragraphs`, and misbehaves on cue — the
 * document `runaway` never finishes (a stand-in for an analyzer gone quadratic), `crash`
 * ends its worker thread, `throws` throws. With the setting `'genre-options'` it prints
 * `id:` and the options the genre layer was made with (JSON, `none` without the layer), so a
 * test sees which options reached the pipeline.
 */
export function fixtureRenderer(settings?: unknown): (doc: NewsDocument) => string {
  return (doc) => {
    if (doc.id === 'runaway') for (;;);
    if (doc.id === 'crash') process.exit(3);
    if (doc.id === 'throws') throw new Error('renderer failed on purpose');
    if (settings === 'genre-options')
      return `${doc.id}:${JSON.stringify(doc.producers.genre?.options) ?? 'none'}`;
    return `${doc.id}:${doc.paragraphs?.length ?? 0}`;
  };
}
