import type { NewsDocument } from '@newsprism/core';
import type { FormatContext } from './format.js';
import { renderClaims, renderSubjectivity } from './text-claims.js';
import { renderEntities, renderNaming } from './text-entities.js';
import { renderQuotes, renderSources } from './text-quotes.js';
import { renderFrames, renderGenre, renderTechniques } from './text-techniques.js';

/** A section of the text report, shown when its layer is in the document and selected. */
export interface TextSection {
  layer: string;
  title: string;
  render(doc: NewsDocument, ctx: FormatContext): string[];
}

/**
 * The report's layer sections, in display order. Each analysis layer adds one entry here (its
 * renderer lives beside this file, `text-<layer>.ts`).
 */
export const textSections: TextSection[] = [
  { layer: 'genre', title: 'Genre', render: renderGenre },
  { layer: 'frames', title: 'Frames', render: renderFrames },
  { layer: 'techniques', title: 'Persuasion techniques', render: renderTechniques },
  { layer: 'entities', title: 'Entities', render: renderEntities },
  { layer: 'naming', title: 'Naming', render: renderNaming },
  { layer: 'sources', title: 'Sources', render: renderSources },
  { layer: 'quotes', title: 'Quotes', render: renderQuotes },
  { layer: 'claims', title: 'Claims', render: renderClaims },
  { layer: 'subjectivity', title: 'Subjectivity', render: renderSubjectivity },
];
