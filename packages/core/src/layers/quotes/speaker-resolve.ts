import type { Lexicon } from './lexicon.js';
import type { SpeakerDesc } from './speaker.js';
import type { Quote, Speaker } from './types.js';

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

/** The part of a role before an aide word's `to` (`senior adviser` of `senior adviser to the prime minister`). */
function beforeAideTo(role: string, lex: Lexicon): string {
  const ws = role.split(' ');
  const k = ws.findIndex(
    (w, i) => i > 0 && w.toLowerCase() === 'to' && lex.words.aidesTo.has(ws[i - 1]!.toLowerCase()),
  );
  return k < 0 ? role : ws.slice(0, k).join(' ');
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

/**
 * The speakers named so far, most recently mentioned last (a pronoun goes to the latest person).
 * Resolution looks back over the latest {@link MEMORY} entries only: a surname, pronoun or
 * definite description refers to someone named in the last few hundred attributions, and a
 * bounded look-back keeps the layer linear in document length (an unbounded one made a
 * document of thousands of speakers quadratic). Re-mentioned speakers move to the end; the
 * place they leave is a hole, so a move costs O(1).
 */
export class SpeakerMemory {
  private readonly list: (Speaker | undefined)[] = [];
  private readonly at = new Map<Speaker, number>();
  /** The latest speaker of each name (names do not change once a speaker is remembered). */
  private readonly byName = new Map<string, Speaker>();

  /** Whether the speaker was seen. */
  has(sp: Speaker): boolean {
    return this.at.has(sp);
  }

  /** Adds a speaker as the most recent one, or moves it there. */
  touch(sp: Speaker): void {
    const i = this.at.get(sp);
    if (i !== undefined) this.list[i] = undefined;
    this.at.set(sp, this.list.length);
    this.list.push(sp);
    this.byName.set(sp.name, sp);
  }

  /** The most recent speaker (within the look-back) named exactly `name`. */
  named(name: string): Speaker | undefined {
    const sp = this.byName.get(name);
    return sp && this.at.get(sp)! >= this.list.length - MEMORY ? sp : undefined;
  }

  /** The most recent speaker (within the look-back) that satisfies `pred`. */
  find(pred: (sp: Speaker) => boolean): Speaker | undefined {
    const stop = Math.max(0, this.list.length - MEMORY);
    for (let i = this.list.length - 1; i >= stop; i--) {
      const sp = this.list[i];
      if (sp && pred(sp)) return sp;
    }
    return undefined;
  }
}

/** How many entries (speakers and re-mentions) resolution looks back over. */
const MEMORY = 500;

/** Finds the earlier speaker a pronoun, surname or definite description refers to. */
export function resolveSpeaker(d: SpeakerDesc, seen: SpeakerMemory, lex: Lexicon): Speaker | undefined {
  if (d.pronoun) {
    const want = d.pronoun;
    return seen.find((sp) => {
      if ((want === 'm' || want === 'f') && sp.type === 'person' && (genders.get(sp) ?? want) === want)
        return true;
      if (want === 's' && sp.type === 'person') return true;
      if (want === 'pl' && sp.type !== 'person' && sp.type !== 'document') return true;
      return (
        want === 'n' &&
        (sp.type === 'organization' ||
          sp.type === 'government' ||
          sp.type === 'media' ||
          sp.type === 'document')
      );
    });
  }
  const name = d.speaker.name;
  if (d.nameSpan && !name.includes(' ')) {
    // An unnamed description that ends in a name (`Aides to Clinton`) is not the one named.
    const sp = seen.find(
      (sp) =>
        (sp.name !== name &&
          ((sp.type !== 'anonymous' && sp.name.endsWith(` ${name}`)) || sp.name.startsWith(`${name} `))) ||
        (lex.lang === 'ru' &&
          sp.name.split(' ').some((w) => w.length > 3 && name.startsWith(w.slice(0, -1)))),
    );
    if (sp) return sp;
  }
  if (d.definite && !d.nameSpan && d.head) {
    // `президент России` is not the `президент Финляндии` named before, nor `the Jeb Bush campaign`
    // `Marco Rubio's campaign`: when both give capitalised modifiers, one must be shared (by stem).
    const caps = (s: string) =>
      s
        .split(' ')
        .slice(1)
        // `глава «Росатома»`: the quotation marks around a name are no part of it.
        .map((w) => w.replace(/^[«"„“]+|[»"”]+$/gu, ''))
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w.slice(0, Math.max(3, w.length - 2)));
    const modifiers = caps(name);
    const head = d.head;
    // `экс-госсекретарь США` is the `бывший американский госсекретарь` named before.
    const prefix = lex.rolePrefixes.find((x) => head.startsWith(x) && head.length > x.length);
    const bare = prefix ? head.slice(prefix.length) : undefined;
    const sp = seen.find((sp) => {
      if (!sp.role) return false;
      // `The president said` after `Aides to the president` (or `adviser to the president Anita
      // Dunn`): the word names the one served, not the aide; only the part before the aide's
      // `to` describes the speaker.
      const role = beforeAideTo(sp.role, lex);
      if (!(hasWord(role, head) || (bare && hasWord(role, bare)))) return false;
      const theirs = caps(sp.role);
      return (
        !modifiers.length || !theirs.length || modifiers.some((m) => `${sp.role} ${sp.name}`.includes(m))
      );
    });
    if (sp) return sp;
  }
  // Russian varies the role word for the person it goes on quoting (`эксперт Института Хадсона
  // Питер Раф` … `Аналитик считает` … `подчеркнул автор`): a bare role noun, matching no earlier
  // role, goes back to the latest speaker when a person not known by an office (an anonymous head
  // such as `источник` does not, nor an office such as `министр`).
  // (`Аналитик` opening a sentence is capitalised, so it is no lower-case head: its own word is.)
  // A description with a capitalised modifier (`президент России`) is someone of its own.
  const roleHead = d.head ?? (name.includes(' ') ? undefined : name.toLowerCase());
  if (
    lex.lang === 'ru' &&
    !/\s\p{Lu}/u.test(name) &&
    d.definite &&
    !d.nameSpan &&
    roleHead &&
    lex.roles.has(roleHead) &&
    !lex.anonymous.has(roleHead) &&
    d.speaker.type === 'unknown' &&
    // An office (`Министр считает`) is no varied word for an expert: it is someone of its own.
    !lex.titles.has(roleHead)
  ) {
    // Only the latest speaker, if a person, and not one known by an office (`Президент Иван
    // Петров …`, then `Эксперт допустил …` introduces someone else).
    const sp = seen.find(() => true);
    const office = sp?.role?.split(/[\s,]+/).some((w) => lex.titles.has(w.toLowerCase()));
    if (sp?.type === 'person' && !office) return sp;
  }
  return seen.named(name);
}

/**
 * Russian: a pronoun that found no earlier speaker (`На своем канале он рассказал, что …` after
 * `Андрей Ермак назвал три шага`) refers to a person named before it whom a later attribution
 * makes a speaker (`…, — написал Ермак`, a quotation attached after the cue rules ran): of the
 * persons of `quotes` whose surname (or its stem, for another case) stands before the pronoun
 * within `LATE_WINDOW` characters, the nearest, of the pronoun's gender where known.
 */
export function lateAntecedentsRu(text: string, quotes: readonly Quote[], lex: Lexicon): void {
  const persons = [...new Set(quotes.map((q) => q.speaker))].filter(
    (sp): sp is Speaker => sp?.type === 'person',
  );
  if (!persons.length) return;
  for (const q of quotes) {
    const sp = q.speaker;
    const g = sp?.type === 'unknown' && q.source ? lex.pronouns.get(sp.name.toLowerCase()) : undefined;
    if ((g !== 'm' && g !== 'f') || !q.source) continue;
    let best: Speaker | undefined;
    let bestAt = Math.max(-1, q.source.start - LATE_WINDOW);
    for (const p of persons) {
      if ((genders.get(p) ?? g) !== g) continue;
      const surname = p.name.split(' ').pop() ?? '';
      if (surname.length < 3 || !/^\p{Lu}/u.test(surname)) continue;
      const stem = surname.length > 4 ? surname.slice(0, -1) : surname;
      for (
        let at = text.lastIndexOf(stem, q.source.start - 1);
        at > bestAt;
        at = text.lastIndexOf(stem, at - 1)
      ) {
        if (at === 0 || !/\p{L}/u.test(text[at - 1]!)) {
          best = p;
          bestAt = at;
          break;
        }
      }
    }
    if (best) q.speaker = best;
  }
}

/** How far back (characters) a late antecedent may be named. */
const LATE_WINDOW = 1500;
