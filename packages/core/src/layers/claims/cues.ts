import cuesEn from './cues.en.json' with { type: 'json' };
import cuesRu from './cues.ru.json' with { type: 'json' };

/** A cue list: whole words and multi-word phrases, lower case. */
export interface CueList {
  words: string[];
  phrases: string[];
}

/** The claim-kind cues of one language (`cues.<lang>.json`). */
export interface ClaimCues {
  /** What each kind adds to the model's score when ranking (noisy-or), by kind. */
  priors: Record<string, number>;
  order: string[];
  prediction: CueList;
  causal: CueList;
  statistic: CueList;
  event: CueList;
  report: CueList;
  clauseBreaks: string[];
}

/** A cue list compiled for matching. */
export interface CompiledCues {
  words: Set<string>;
  /** Phrases as one regex on word boundaries, or undefined when there are none. */
  phrases?: RegExp;
}

const cache = new Map<string, Record<string, CompiledCues>>();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The raw cue file for `lang` (English for languages without one). */
export function claimCues(lang: string): ClaimCues {
  return (lang === 'ru' ? cuesRu : cuesEn) as ClaimCues;
}

/** The compiled cue lists of `lang`, by list name (`prediction`, `causal`, …). */
export function compiledCues(lang: string): Record<string, CompiledCues> {
  const key = lang === 'ru' ? 'ru' : 'en';
  let c = cache.get(key);
  if (!c) {
    c = {};
    const raw = claimCues(key) as unknown as Record<string, CueList>;
    for (const name of ['prediction', 'causal', 'statistic', 'event', 'report']) {
      const list = raw[name]!;
      c[name] = {
        words: new Set(list.words),
        phrases: list.phrases.length
          ? new RegExp(
              `(?<![\\p{L}\\p{N}])(?:${list.phrases.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`,
              'u',
            )
          : undefined,
      };
    }
    cache.set(key, c);
  }
  return c;
}

/**
 * The first cue of `list` found in a clause: a phrase in `lower` (the lower-cased clause) or
 * one of its `words`. Returns the cue text, or undefined.
 */
export function findCue(list: CompiledCues, lower: string, words: readonly string[]): string | undefined {
  const m = list.phrases?.exec(lower);
  if (m) return m[0];
  for (const w of words) if (list.words.has(w)) return w;
  return undefined;
}
