import type { Token } from '../../schema.js';
import type { Gazetteer } from './gazetteer.js';
import { isLowerCode, tokenKey } from './keys.js';
import { lowerStartsOf } from './match.js';

/** Token surfaces and matching keys; `''` for tokens nobody will look at. */
export interface TokenTexts {
  words: string[];
  keys: string[];
}

/**
 * The surfaces and keys of a document's tokens. With `all`, every token; otherwise only tokens
 * within two of a word that may start a name (not punctuation, not starting with a lower-case
 * letter, or starting like one of the gazetteer's lower-case names) — the rest of an English text is never read by
 * the tagger or the matcher, and not slicing it saves most of the allocation.
 */
export function tokenTexts(text: string, tokens: readonly Token[], gaz: Gazetteer, all: boolean): TokenTexts {
  const n = tokens.length;
  const words = new Array<string>(n);
  const keys = new Array<string>(n);
  if (all) {
    for (let i = 0; i < n; i++) {
      words[i] = text.slice(tokens[i]!.start, tokens[i]!.end);
      keys[i] = tokenKey(words[i]!);
    }
    return { words, keys };
  }
  const lowerStarts = lowerStartsOf(gaz);
  let reach = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(tokens[i]!.start);
    // Punctuation and numbers start no name outside Russian rules (`«Вагнер»` is matched with `all`).
    const kind = tokens[i]!.kind;
    if ((!isLowerCode(c) && kind !== 'punct' && kind !== 'number') || lowerStarts[c] === 1) {
      for (let k = Math.max(reach + 1, i - 2); k < i; k++) {
        words[k] = text.slice(tokens[k]!.start, tokens[k]!.end);
        keys[k] = tokenKey(words[k]!);
      }
      reach = Math.max(reach, i + 2);
    }
    if (i <= reach) {
      words[i] = text.slice(tokens[i]!.start, tokens[i]!.end);
      keys[i] = tokenKey(words[i]!);
    } else {
      words[i] = '';
      keys[i] = '';
    }
  }
  return { words, keys };
}
