import { defineAnalyzer } from '../../analyzer.js';
import { tokenize } from './tokenize.js';

/** The `tokens` analyzer: word, number, punctuation, URL, e-mail, hashtag and mention tokens. */
export const tokens = defineAnalyzer({
  name: 'tokens',
  version: 2,
  requires: ['paragraphs', 'language'],
  produces: 'tokens',
  defaults: {},
  run(doc) {
    return tokenize(doc.text, doc.language!.code, doc.paragraphs!);
  },
});
