import { toJson } from '@newsprism/core/schema';
import type { OutputFormat } from './format.js';

/**
 * Pretty-printed JSON: the document object for one document, an array for several. The first
 * document is held back until the second shows whether an array is needed.
 */
export function jsonFormat(): OutputFormat {
  let n = 0;
  let pending = '';
  return {
    name: 'json',
    description: 'pretty-printed JSON: one object, or an array for several documents',
    render: (doc, ctx) => JSON.stringify(toJson(doc, ctx.layers), null, 2),
    write(body) {
      n++;
      if (n === 1) {
        pending = body;
        return '';
      }
      if (n === 2) return `[\n${pending},\n${body}`;
      return `,\n${body}`;
    },
    end: () => (n === 0 ? '' : n === 1 ? [pending, '\n'] : '\n]\n'),
  };
}

/** One document per line as compact JSON. */
export function jsonlFormat(): OutputFormat {
  return {
    name: 'jsonl',
    description: 'one compact JSON document per line',
    render: (doc, ctx) => `${JSON.stringify(toJson(doc, ctx.layers))}\n`,
  };
}
