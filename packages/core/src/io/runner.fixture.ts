import type { NewsDocument } from '../schema.js';

/**
 * A renderer for the runner's tests: prints `id:paragraphs`, and misbehaves on cue — the
 * document `runaway` never finishes (a stand-in for an analyzer gone quadratic), `crash`
 * ends its worker thread, `throws` throws.
 */
export function fixtureRenderer(): (doc: NewsDocument) => string {
  return (doc) => {
    if (doc.id === 'runaway') for (;;);
    if (doc.id === 'crash') process.exit(3);
    if (doc.id === 'throws') throw new Error('renderer failed on purpose');
    return `${doc.id}:${doc.paragraphs?.length ?? 0}`;
  };
}
