import {
  encodeClassTable,
  type FormClassFile,
  hashString,
  headwordFilter,
  suffixHash,
} from '@newsprism/core/train';
import { readOpenCorpora } from './opencorpora.js';

/** How the form → class table is built (`--set lexicon=DIR lexsuffix=K lexnames=…`). */
export interface LexiconSettings {
  /** Longest suffix of the decision tree. */
  maxSuffix: number;
  /**
   * Proper-name readings (first name, surname, patronymic, place, initial): counted with the
   * common ones (`merge`), marked apart (`mark`: `NOUN*`), or left out (`drop`).
   */
  names: 'merge' | 'mark' | 'drop';
  /**
   * Bits per form of the filter of headword-like forms (`FormClassFile.headwords`); 0 ships
   * none.
   */
  headwordBits: number;
}

/**
 * Tags of the forms a one-word hashtag is made of: nominatives, and words without case
 * (adverbs, infinitives, short adjectives, predicatives, function words, interjections).
 */
const HEADWORD = /(^|[ ,])nomn([ ,]|$)|^(ADVB|INFN|ADJS|PRED|CONJ|PRCL|PREP|INTJ|COMP)([ ,]|$)/;

/** OpenCorpora grammemes of readings that a dictionary gives only to capitalised words. */
const NAME = /(^|[ ,])(Name|Surn|Patr|Geox|Init)([ ,]|$)/;

/**
 * Builds the syntax model's compact lexicon from the OpenCorpora dictionary in `dir` (az's
 * `dicts` folder): each lower-cased form (`ё` as `е`) gets the set of its parts of speech; a
 * suffix decision tree (the majority class of the dictionary's forms per suffix, kept where it
 * differs from the suffix one letter shorter) covers most forms, and the forms it gets wrong
 * are listed.
 */
export function buildFormClasses(
  dir: string,
  o: LexiconSettings,
  log: (line: string) => void,
): FormClassFile {
  const byForm = new Map<string, Set<string>>();
  const headwords = new Set<string>();
  readOpenCorpora(dir, (form, tag) => {
    const f = form.replace(/ё/g, 'е');
    if (o.headwordBits > 0 && HEADWORD.test(tag)) headwords.add(f);
    let s = byForm.get(f);
    if (!s) {
      s = new Set();
      byForm.set(f, s);
    }
    const name = NAME.test(tag);
    if (name && o.names === 'drop') return;
    s.add(tag.split(/[ ,]/)[0]! + (name && o.names === 'mark' ? '*' : ''));
  });
  const ids = new Map<string, number>();
  const forms = new Map<string, number>();
  for (const [f, s] of byForm) {
    if (s.size === 0) continue; // only proper-name readings, dropped
    const c = [...s].sort().join('|');
    if (!ids.has(c)) ids.set(c, ids.size);
    forms.set(f, ids.get(c)!);
  }
  byForm.clear();
  if (ids.size > 256) throw new Error(`${ids.size} lexicon classes: more than a byte holds`);
  // Votes per suffix (0 to maxSuffix letters), one per form.
  const votes = new Map<string, Map<number, number>>();
  for (const [f, c] of forms)
    for (let k = 0; k <= Math.min(o.maxSuffix, f.length); k++) {
      const s = f.slice(f.length - k);
      let m = votes.get(s);
      if (!m) {
        m = new Map();
        votes.set(s, m);
      }
      m.set(c, (m.get(c) ?? 0) + 1);
    }
  const majority = new Map<string, number>();
  for (const [s, m] of votes) {
    let best = -1;
    let n = -1;
    for (const [c, x] of m) if (x > n || (x === n && c < best)) [best, n] = [c, x];
    majority.set(s, best);
  }
  votes.clear();
  const suffixes: [number, number][] = [];
  for (const [s, c] of majority)
    if (s === '' || majority.get(s.slice(1)) !== c) suffixes.push([suffixHash(s), c]);
  const exceptions: [number, number][] = [];
  for (const [f, c] of forms)
    if (majority.get(f.slice(Math.max(0, f.length - o.maxSuffix))) !== c) exceptions.push([hashString(f), c]);
  log(
    `lexicon: ${forms.size} forms, ${ids.size} classes, ${suffixes.length} suffix rules, ${exceptions.length} listed forms, ${headwords.size} headword-like forms`,
  );
  const sx = encodeClassTable(suffixes);
  const fx = encodeClassTable(exceptions);
  return {
    source:
      'OpenCorpora dictionary 0.92 (rev. 394551) as compiled in the az 0.2.3 npm package (code MIT, dictionary CC BY-SA 3.0)',
    classes: [...ids.keys()],
    maxSuffix: o.maxSuffix,
    suffixes: sx.keys,
    suffixClasses: sx.values,
    forms: fx.keys,
    formClasses: fx.values,
    ...(o.headwordBits > 0 ? { headwords: headwordFilter(headwords, headwords.size, o.headwordBits) } : {}),
  };
}
