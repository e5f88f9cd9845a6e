import { defineAnalyzer } from '../../analyzer.js';
import { segmentSentences } from './segment.js';

/** The `sentences` analyzer: rule-based sentence spans within paragraphs, per language. */
export const sentences = defineAnalyzer({
  name: 'sentences',
  version: 1,
  requires: ['paragraphs', 'language'],
  produces: 'sentences',
  defaults: {},
  run(doc) {
    return segmentSentences(doc.text, doc.paragraphs!, doc.language!.code);
  },
});
