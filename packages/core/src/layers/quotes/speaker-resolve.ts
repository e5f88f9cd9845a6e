import type { Lexicon } from './lexicon.js';
import type { SpeakerDesc } from './speaker.js';
import type { Speaker } from './types.js';

/** Whether `text` contains `word` as a whole word (case-insensitive), without building a RegExp. */
function hasWord(text: string, word: string): boolean {
  const t = text.toLowerCase();
  let i = t.indexOf(word);
  while (i >= 0) {
    const before = i === 0 ? ' ' : t[i - 1]!;
    const after = t[i + word.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    i = t.indexOf(word, i + 1);
  }
  return false;
}

/** Grammatical gender of persons, where a pronoun, a Russian verb or surname told it. Internal. */
export const genders = new WeakMap<Speaker, string>();

/** Guesses a Russian person's gender from the surname or the past-tense cue (`заявила`). */
export function guessGender(name: string, cue: string, lang: string): string | undefined {
  if (lang !== 'ru') return undefined;
  const last = name.split(/\s+/).pop() ?? '';
  if (/(ова|ева|ёва|ина|ына|ская|цкая)$/.test(last) || /ла(сь)?$/.test(cue)) return 'f';
  if (/(ов|ев|ёв|ин|ын|ский|цкий)$/.test(last) || /л(ся)?$/.test(cue)) return 'm';
  return undefined;
}

/** Finds the earlier speaker a pronoun, surname or definite description refers to. */
export function resolveSpeaker(d: SpeakerDesc, seen: readonly Speaker[], lex: Lexicon): Speaker | undefined {
  if (d.pronoun) {
    const want = d.pronoun;
    for (let i = seen.length - 1; i >= 0; i--) {
      const sp = seen[i]!;
      if ((want === 'm' || want === 'f') && sp.type === 'person' && (genders.get(sp) ?? want) === want)
        return sp;
      if (want === 's' && sp.type === 'person') return sp;
      if (want === 'pl' && sp.type !== 'person' && sp.type !== 'document') return sp;
      if (
        want === 'n' &&
        (sp.type === 'organization' ||
          sp.type === 'government' ||
          sp.type === 'media' ||
          sp.type === 'document')
      )
        return sp;
    }
    return undefined;
  }
  const name = d.speaker.name;
  if (d.nameSpan && !name.includes(' ')) {
    for (let i = seen.length - 1; i >= 0; i--) {
      const sp = seen[i]!;
      if (sp.name !== name && (sp.name.endsWith(` ${name}`) || sp.name.startsWith(`${name} `))) return sp;
      if (
        lex.lang === 'ru' &&
        sp.name.split(' ').some((w) => w.length > 3 && name.startsWith(w.slice(0, -1)))
      )
        return sp;
    }
  }
  if (d.definite && !d.nameSpan && d.head) {
    // `президент России` is not the `президент Финляндии` named before, nor `the Jeb Bush campaign`
    // `Marco Rubio's campaign`: when both give capitalised modifiers, one must be shared (by stem).
    const caps = (s: string) =>
      s
        .split(' ')
        .slice(1)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w.slice(0, Math.max(3, w.length - 2)));
    const modifiers = caps(name);
    for (let i = seen.length - 1; i >= 0; i--) {
      const sp = seen[i]!;
      if (!sp.role || !hasWord(sp.role, d.head)) continue;
      const theirs = caps(sp.role);
      if (!modifiers.length || !theirs.length || modifiers.some((m) => `${sp.role} ${sp.name}`.includes(m)))
        return sp;
    }
  }
  for (let i = seen.length - 1; i >= 0; i--) if (seen[i]!.name === name) return seen[i];
  return undefined;
}
