import { editScript, type LemmaRules, Lemmatizer } from '@newsprism/core/train';
import type { UdSentence } from './ud.js';

/**
 * Learns lemma rules from gold sentences. Each distinct (UPOS, lower-cased form) counts once
 * (types, not tokens: an unseen word is more like the vocabulary than like `the`), with its most
 * frequent lemma. Every suffix up to `maxSuffix` (shorter than the word) votes for the word's
 * edit script; a suffix keeps its majority script only where it differs from its parent's (the
 * suffix one character shorter), so the table is a compact decision tree. Suffixes of three
 * characters or more need `minCount` words. Training words the rules still get wrong are kept
 * as exceptions.
 */
export function learnLemmas(sentences: readonly UdSentence[], maxSuffix = 6, minCount = 2): LemmaRules {
  // (upos \t lower) → written form → lemma → count
  const seen = new Map<string, Map<string, number>>();
  for (const s of sentences)
    for (let i = 0; i < s.forms.length; i++) {
      const lemma = s.lemmas[i]!;
      if (lemma === '_' || lemma === '') continue;
      const key = `${s.upos[i]}\t${s.forms[i]!.toLowerCase()}`;
      const m = seen.get(key) ?? new Map<string, number>();
      seen.set(key, m);
      const pair = `${s.forms[i]}\t${lemma}`;
      m.set(pair, (m.get(pair) ?? 0) + 1);
    }
  const words: { upos: string; lower: string; form: string; lemma: string }[] = [];
  for (const [key, m] of seen) {
    let best = '';
    let n = -1;
    for (const [pair, c] of m) if (c > n) [best, n] = [pair, c];
    const [upos, lower] = key.split('\t') as [string, string];
    const [form, lemma] = best.split('\t') as [string, string];
    words.push({ upos, lower, form, lemma });
  }
  const votes = new Map<string, Map<string, number>>();
  for (const w of words) {
    const script = editScript(w.form, w.lemma);
    for (let k = 0; k <= Math.min(maxSuffix, w.lower.length - 1); k++) {
      const key = `${w.upos}\t${w.lower.slice(w.lower.length - k)}`;
      const m = votes.get(key) ?? new Map<string, number>();
      votes.set(key, m);
      m.set(script, (m.get(script) ?? 0) + 1);
    }
  }
  const majority = new Map<string, string>();
  for (const [key, m] of votes) {
    let best = '';
    let n = -1;
    let total = 0;
    for (const [s, c] of m) {
      total += c;
      if (c > n) [best, n] = [s, c];
    }
    const suffix = key.slice(key.indexOf('\t') + 1);
    if (suffix.length >= 3 && total < minCount) continue;
    majority.set(key, best);
  }
  // Keep a suffix's script where it differs from what the lookup would find one level up.
  const effective = (upos: string, suffix: string): string => {
    for (let k = suffix.length; k >= 0; k--) {
      const s = majority.get(`${upos}\t${suffix.slice(suffix.length - k)}`);
      if (s !== undefined) return s;
    }
    return 'L0:';
  };
  const rules: Record<string, string> = {};
  for (const [key, script] of majority) {
    const tab = key.indexOf('\t');
    const upos = key.slice(0, tab);
    const suffix = key.slice(tab + 1);
    const parent = suffix.length === 0 ? 'L0:' : effective(upos, suffix.slice(1));
    if (script !== parent) rules[key] = script;
  }
  const out: LemmaRules = { maxSuffix, rules, exceptions: {} };
  const lem = new Lemmatizer(out);
  for (const w of words)
    if (lem.lemma(w.form, w.upos) !== w.lemma) out.exceptions[`${w.upos}\t${w.lower}`] = w.lemma;
  return out;
}
