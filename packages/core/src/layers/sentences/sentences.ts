import { defineAnalyzer } from '../../analyzer.js';
import { recordData } from '../../models/registry.js';
import { abbreviationData, segmentSentences } from './segment.js';

/** The `sentences` analyzer: rule-based sentence spans within paragraphs, per language. */
export const sentences = defineAnalyzer({
  name: 'sentences',
  version: 3,
  requires: ['paragraphs', 'language'],
  produces: 'sentences',
  defaults: {},
  setup: (_options, registry) => recordData(registry, 'sentences/abbreviations', abbreviationData),
  run(doc) {
    return segmentSentences(doc.text, doc.paragraphs!, doc.language!.code);
  },
});
