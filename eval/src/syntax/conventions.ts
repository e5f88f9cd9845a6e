import type { UdSentence } from './ud.js';

const CYRILLIC = /[а-яё]/i;
const lowerKey = (w: string) => w.toLowerCase().replace(/ё/g, 'е');

/** What {@link harmoniseSocial} changed, for the trainer's log. */
export interface Harmonised {
  /** Mentions tagged X, now PROPN. */
  mentions: number;
  /** Hashtags tagged X whose body is a training word, now tagged as that word. */
  hashtags: number;
}

/**
 * Brings the social-media tokens of the Russian training files to one convention, UD Taiga's
 * latest (`docs/benchmarks.md`, session 8): the training files carry two. UD Taiga tags every
 * `@mention` PROPN (83 of 83 in its train file), and where GramEval's Taiga file holds the
 * same sentences it had X, changed to PROPN in UD (60 pairs): GramEval's remaining X mentions
 * become PROPN. UD Taiga's GramEval-2020 documents read a hashtag whose body is one word as
 * that word (`#медведь` NOUN, `#карелия` PROPN, `#интересное` ADJ: 11 of 11) and tag compounds,
 * abbreviations and Latin-script tags X (`#прогулкавпарке`, `#птз`, `#spring`); its older
 * documents tag them all X (`#психология`). A hashtag tagged X with a Cyrillic body that the
 * training sentences use as a plain word gets that word's commonest UPOS and FEATS there;
 * failing that, the UPOS `dictionary` gives the body (a dictionary headword with one part of
 * speech: `#психология` NOUN), FEATS left empty; other hashtags keep their gold. Sentences are
 * changed in place.
 */
export function harmoniseSocial(
  sentences: readonly UdSentence[],
  dictionary: (body: string) => string | undefined = () => undefined,
): Harmonised {
  // The commonest (UPOS, FEATS) of each lower-cased plain word.
  const votes = new Map<string, Map<string, number>>();
  for (const s of sentences)
    s.forms.forEach((f, i) => {
      if (f.startsWith('#') || f.startsWith('@')) return;
      const k = lowerKey(f);
      let m = votes.get(k);
      if (!m) {
        m = new Map();
        votes.set(k, m);
      }
      const v = `${s.upos[i]}\t${s.feats[i]}`;
      m.set(v, (m.get(v) ?? 0) + 1);
    });
  const reading = (body: string): [string, string] | undefined => {
    const m = votes.get(lowerKey(body));
    if (!m) return undefined;
    let best = '';
    let n = 0;
    for (const [v, c] of m) if (c > n || (c === n && v < best)) [best, n] = [v, c];
    return best.split('\t') as [string, string];
  };
  const out: Harmonised = { mentions: 0, hashtags: 0 };
  for (const s of sentences)
    s.forms.forEach((f, i) => {
      if (s.upos[i] !== 'X' || f.length < 2) return;
      if (f[0] === '@') {
        s.upos[i] = 'PROPN';
        out.mentions++;
      } else if (f[0] === '#' && CYRILLIC.test(f)) {
        const d = dictionary(lowerKey(f.slice(1)));
        const r = reading(f.slice(1)) ?? (d ? [d, '_'] : undefined);
        if (!r || r[0] === 'X' || r[0] === 'PUNCT' || r[0] === 'SYM') return;
        [s.upos[i], s.feats[i]] = r;
        out.hashtags++;
      }
    });
  return out;
}

/** OpenCorpora classes of one part of speech and the UPOS they stand for (`NOUN*`: a name reading). */
const ONE_UPOS: Record<string, string> = {
  NOUN: 'NOUN',
  'NOUN*': 'PROPN',
  ADJF: 'ADJ',
  ADJS: 'ADJ',
  ADVB: 'ADV',
  INFN: 'VERB',
};

/**
 * The UPOS of a lower-cased word by a lexicon (`FormClasses`): for a headword-like form whose
 * class is one part of speech with one UPOS; undefined otherwise.
 */
export const dictionaryUpos =
  (lexicon: { classOf(lower: string): string | undefined; isHeadword(lower: string): boolean }) =>
  (lower: string): string | undefined =>
    lexicon.isHeadword(lower) ? ONE_UPOS[lexicon.classOf(lower) ?? ''] : undefined;
