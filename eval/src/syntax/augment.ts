import { prng } from '@newsprism/core/train';
import type { UdSentence } from './ud.js';

const WORD = /^[а-яё]{3,}$/i;
/** Parts of speech a one-word hashtag is read as (UD Taiga's GramEval-2020 documents). */
const TAGGABLE = new Set(['NOUN', 'PROPN', 'ADJ']);
const lowerKey = (w: string) => w.toLowerCase().replace(/ё/g, 'е');

/**
 * Extra training sentences in UD Taiga's latest hashtag convention (`harmoniseSocial`): the
 * training files hold about fifty hashtags annotated that way, too few to learn it — e.g. a
 * lower-case place name in a trailing list (`#сургут` PROPN) has five examples. For a share
 * `rate` of the sentences (drawn with `seed`), a copy with a trailing list of one to three
 * hashtags made of its own words: a noun, proper noun or adjective whose lower-cased form is a
 * headword-like dictionary form (`headword`: nominatives and uninflected words, as one-word tags
 * are) becomes `#word` with the word's UPOS, FEATS and lemma (mostly lower-cased, as tags are
 * written); now and then two neighbouring words run together (`#прогулкавпарке`), not a
 * headword, tagged X. The copies are new sentences; the input is not changed.
 */
export function augmentHashtags(
  sentences: readonly UdSentence[],
  rate: number,
  seed: number,
  headword: (lower: string) => boolean,
): UdSentence[] {
  const rnd = prng(seed ^ 0x5eed);
  const out: UdSentence[] = [];
  for (const s of sentences) {
    if (rnd() >= rate) continue;
    const words: number[] = [];
    s.forms.forEach((f, i) => {
      if (WORD.test(f) && TAGGABLE.has(s.upos[i]!) && headword(lowerKey(f))) words.push(i);
    });
    const tags: { form: string; upos: string; lemma: string; feats: string }[] = [];
    const want = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < want && words.length > 0; k++) {
      const i = words.splice(Math.floor(rnd() * words.length), 1)[0]!;
      const keep = rnd() < 0.25;
      const f = s.forms[i]!;
      const lemma = s.lemmas[i]!;
      tags.push({
        form: `#${keep ? f : f.toLowerCase()}`,
        upos: s.upos[i]!,
        lemma: `#${keep ? lemma : lemma.toLowerCase()}`,
        feats: s.feats[i]!,
      });
    }
    if (rnd() < 0.3) {
      const pairs = s.forms.flatMap((f, i) =>
        i + 1 < s.forms.length && WORD.test(f) && WORD.test(s.forms[i + 1]!) ? [i] : [],
      );
      if (pairs.length > 0) {
        const i = pairs[Math.floor(rnd() * pairs.length)]!;
        const body = (s.forms[i]! + s.forms[i + 1]!).toLowerCase();
        if (!headword(lowerKey(body)))
          tags.splice(Math.floor(rnd() * (tags.length + 1)), 0, {
            form: `#${body}`,
            upos: 'X',
            lemma: `#${body}`,
            feats: '_',
          });
      }
    }
    if (tags.length === 0) continue;
    out.push({
      doc: `${s.doc}+tags`,
      forms: [...s.forms, ...tags.map((t) => t.form)],
      upos: [...s.upos, ...tags.map((t) => t.upos)],
      lemmas: [...s.lemmas, ...tags.map((t) => t.lemma)],
      feats: [...s.feats, ...tags.map((t) => t.feats)],
    });
  }
  return out;
}
