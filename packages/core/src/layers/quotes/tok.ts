import type { Token } from '../../schema.js';
import type { Lexicon } from './lexicon.js';

/** A token with its surface and lower-cased surface, as the quote rules read it. */
export interface Tok {
  start: number;
  end: number;
  w: string;
  lw: string;
  kind: Token['kind'];
}

/**
 * Builds the token view once per document. With `spacedHyphenDash` (Russian), a hyphen with
 * space on both sides reads as the dash it stands for (`"…", - сказал он`), so every rule that
 * knows `—` knows it too; its offsets stay those of the hyphen.
 */
export function toToks(text: string, tokens: readonly Token[], spacedHyphenDash = false): Tok[] {
  // One lower-casing of the whole text, sliced per token, unless lower-casing changes its length
  // (`İ`): half the cost of lower-casing each token.
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const space = (i: number) => i < 0 || i >= text.length || /\s/.test(text[i]!);
  return tokens.map((t) => {
    if (
      spacedHyphenDash &&
      t.end - t.start === 1 &&
      text[t.start] === '-' &&
      space(t.start - 1) &&
      space(t.end)
    )
      return { start: t.start, end: t.end, w: '—', lw: '—', kind: t.kind };
    const w = text.slice(t.start, t.end);
    return {
      start: t.start,
      end: t.end,
      w,
      lw: same ? lower.slice(t.start, t.end) : w.toLowerCase(),
      kind: t.kind,
    };
  });
}

/** Opening quotation marks. */
export const OPENERS = new Set(['“', '«', '„', '"', '‘', '‹', "'"]);
/** Closing quotation marks. */
export const CLOSERS = new Set(['”', '»', '"', '’', '›', "'"]);
/** Marks after which a capitalised word opens a phrase as at a sentence start: `(According to …`, `…: According to …`. */
export const LEAD_MARKS = new Set(['(', ':']);
const TERMINAL = new Set(['.', '!', '?', '…', '...', ';']);

/** Whether a token starts with an upper-case letter. */
export const isCap = (t: Tok): boolean => t.kind === 'word' && t.w[0] !== t.lw[0];
/** Whether a token is a word or number. */
export const isWordy = (t: Tok): boolean => t.kind === 'word' || t.kind === 'number';
/** Whether a token ends a sentence. */
export const isTerminal = (t: Tok): boolean => t.kind === 'punct' && TERMINAL.has(t.w);

/**
 * Whether a capitalised function word or verb form at `k` is part of a name (`Theresa May`,
 * `Hope Hicks`, `Will Smith`, `Grace Meng`): English capitalises a modal, an adverb or a verb
 * inside a sentence only in a name, so it is one after a capitalised word that is no function
 * word (`Theresa May said`; not `But May …`, `The …`), before a capitalised word (`Hope Hicks`),
 * or, opening the sentence, right before a cue form that no modal can take (`May said`, not
 * `May I say`). `cueAfter` is given when `k` stands right before the cue, `base` telling whether
 * the cue form is the bare verb. Russian capitalises no such word inside a name.
 */
export function capitalName(
  toks: readonly Tok[],
  k: number,
  a: number,
  lex: Lexicon,
  cueAfter?: { base: boolean },
): boolean {
  const t = toks[k];
  if (lex.lang !== 'en' || !t || !isCap(t) || t.w === t.w.toUpperCase()) return false;
  const fn = (u: Tok) =>
    lex.between.has(u.lw) ||
    lex.boundaries.has(u.lw) ||
    lex.determiners.has(u.lw) ||
    lex.pronouns.has(u.lw) ||
    lex.verbs.has(u.lw) ||
    lex.words.leadPreps.has(u.lw) ||
    lex.words.coordinators.has(u.lw);
  const prev = k > a ? toks[k - 1]! : undefined;
  if (prev && isCap(prev) && !fn(prev)) return true;
  const next = toks[k + 1];
  if (next && !cueAfter && isCap(next) && !fn(next)) return true;
  return k === a && cueAfter !== undefined && !cueAfter.base && lex.words.eventModals.has(t.lw);
}

/** A token range `[s, e)` of a noun phrase, with the parenthesis skipped inside it, if any. */
export interface NpRange {
  s: number;
  e: number;
  paren?: [number, number];
}

/** A Russian past-tense form (`обнародовал`, `заявила`, `опротестовали`), not a noun in -ал (`генерал`, `канала`). */
const PAST_RU = /^[а-яё]{3,}([аяиеуы])л(а|о|и)?(сь|ся)?$/;
const NOUNS_IN_L =
  /(генерал|канал|журнал|материал|сериал|капитал|финал|скандал|персонал|потенциал|арсенал|идеал|сигнал|трибунал|портал|профессионал|оригинал|радикал|маргинал|интервал|пьедестал|мандат|посол|котел|котёл|орел|орёл|кремл|автомобил|корабл|рубл|апрел|июл|феврал|руководител|представител|житель|жител|учител|писател|избирател|покупател|производител|наблюдател|заявител|истребител|двигател|показател|спасател|строител|зрител|мысл|цел)(а|о|и|ь|ей|ям|ями|ях|ом|е|у|ы)?$/;
export function pastRu(t: Tok): boolean {
  return t.kind === 'word' && !isCap(t) && PAST_RU.test(t.lw) && !NOUNS_IN_L.test(t.lw);
}

const MAX_NP = 12;

/**
 * The index of the relative pronoun that opens a distancing clause ending at token `k` (`who
 * refused to be named`, `who spoke on condition of anonymity` — the cue file's distancing
 * phrases after `who`/`that`), or -1.
 */
function distancingRelative(toks: readonly Tok[], k: number, a: number, lex: Lexicon): number {
  for (let r = k - 1; r > a && k - r <= 8; r--) {
    if (!lex.words.relatives.has(toks[r]!.lw)) continue;
    for (let i = r + 1; i <= k; i++) {
      const fits = lex.distancing
        .get(toks[i]!.lw)
        ?.some((c) => i + c.words.length - 1 === k && c.words.every((w, j) => toks[i + j]!.lw === w));
      if (fits) return r;
    }
    return -1;
  }
  return -1;
}

/**
 * Walks left from token `k` (inclusive) to find the source noun phrase that ends there. Stops at
 * punctuation, clause words and the sentence start `a`; steps over one parenthesis, a
 * distancing relative clause (`who refused to be named`) and a relative pronoun right before the
 * cue (`a report by Der Spiegel, which cited …`). In Russian the subject is then found inside
 * the phrase (`subjectRu`); `raw` keeps the phrase as walked.
 */
export function walkBack(
  toks: readonly Tok[],
  k: number,
  a: number,
  lex: Lexicon,
  raw = false,
): NpRange | null {
  let e = k + 1;
  let p = k;
  if (p >= a && lex.words.relatives.has(toks[p]!.lw)) {
    p--;
    if (p >= a && toks[p]!.w === ',') p--;
    e = p + 1;
  } else if (p > a && lex.lang === 'ru' && /^котор/.test(toks[p]!.lw)) {
    // `доклад, в котором говорится …`: the noun before the relative clause is the source. An
    // oblique relative with no preposition is the verb's object (`Ермака, которого называют …`).
    p--;
    if (p > a && lex.words.prepositions.has(toks[p]!.lw)) p--;
    else return null;
    if (p >= a && toks[p]!.w === ',') {
      p--;
      e = p + 1;
    } else return null;
  }
  let paren: [number, number] | undefined;
  // `a senior official who refused to be named (told)`: a relative clause of distancing right
  // before the cue is stepped over, as a parenthesis is.
  const aside = distancingRelative(toks, k, a, lex);
  if (aside >= 0 && p === k) {
    paren = [aside, k + 1];
    e = aside;
    p = aside - 1;
  }
  while (p >= a && e - p <= MAX_NP) {
    const t = toks[p]!;
    if (t.w === ')') {
      let q = p - 1;
      while (q >= a && toks[q]!.w !== '(' && p - q < 12) q--;
      if (q < a || toks[q]!.w !== '(') break;
      if (p === e - 1) {
        // A parenthesis right before the cue (`(who refused to be named)`) is not part of the name.
        paren = [q, p + 1];
        e = q;
      }
      p = q - 1;
      continue;
    }
    if (t.kind === 'punct') {
      // `Глава «Росатома» Алексей Лихачев`: a quoted name of one to three capitalised words inside
      // a Russian description (after a word, before the name that ends it) is part of it.
      const o = lex.lang === 'ru' && p < k && CLOSERS.has(t.w) ? quotedInside(toks, p, a) : -1;
      if (o >= 0) {
        p = o - 1;
        continue;
      }
      // `U.S.`: a dot glued to a short word is part of it.
      if (
        t.w === '.' &&
        p > a &&
        toks[p - 1]!.end === t.start &&
        (toks[p - 1]!.w.length <= 4 || /^[A-Z][a-z]?-[A-Z]/.test(toks[p - 1]!.w))
      ) {
        p--;
        continue;
      }
      break;
    }
    if (!isWordy(t)) break;
    // `Sources close to the mayor`, `Aides to Clinton`: `to` after `close` or `aides` is inside the source phrase.
    if (
      t.lw === 'to' &&
      p > a &&
      (lex.words.closeToWords.has(toks[p - 1]!.lw) || lex.words.aidesTo.has(toks[p - 1]!.lw))
    ) {
      p--;
      continue;
    }
    // `Secretary of State John Kerry`: `State` after `of` is a name, not the verb.
    const ofState = t.w === 'State' && p > a && toks[p - 1]!.lw === 'of';
    if (
      lex.boundaries.has(t.lw) ||
      (lex.verbs.has(t.lw) &&
        !lex.words.nounlike.has(t.lw) &&
        !ofState &&
        !(p < k && capitalName(toks, p, a, lex)))
    )
      break;
    // `Еврокомиссия опубликовала доклад, в котором …`: a Russian past form ends the phrase.
    if (lex.lang === 'ru' && p < k && pastRu(t)) break;
    p--;
    // A subject pronoun starts the phrase (`the things he said` → `he`).
    if (lex.words.npSubjects.has(t.lw)) break;
  }
  const tooLong = p >= a && e - p > MAX_NP;
  let s = p + 1;
  if (lex.lang === 'ru' && s < e && !raw) {
    const r = subjectRu(toks, s, e, lex);
    if (!r) return null;
    [s, e] = r;
    if (paren && paren[0] < e) paren = undefined;
  }
  // Drop a leading prepositional phrase without a comma (`On Friday the minister said`).
  else if (s < e && lex.words.leadPreps.has(toks[s]!.lw)) {
    let d = s + 1;
    // Russian has no articles: `В своей статье Олаф Шольц` — the name starts the subject.
    while (d < e && !lex.determiners.has(toks[d]!.lw) && !(lex.lang === 'ru' && isCap(toks[d]!))) d++;
    s = d < e ? d : s + 1;
  }
  if (s >= e) return null;
  if (tooLong) s = e - 4;
  return { s, e, paren };
}

/** Whether `и` at `p` joins two lower-case words of a description that ends in a capitalised name within four words. */
function descriptionGoesOn(toks: readonly Tok[], p: number, b: number, lex: Lexicon): boolean {
  const lower = (t: Tok | undefined) =>
    t !== undefined && t.kind === 'word' && !isCap(t) && !lex.verbs.has(t.lw);
  if (!lower(toks[p - 1]) || !lower(toks[p + 1])) return false;
  for (let q = p + 2; q < b && q <= p + 5; q++) {
    const t = toks[q]!;
    if (t.kind !== 'word') return false;
    if (isCap(t)) return true;
  }
  return false;
}

/**
 * The opening mark of a quoted name that closes at `c`: one to three words, the first
 * capitalised, after a word (`глава «Росатома»`); -1 if the marks hold anything else.
 */
function quotedInside(toks: readonly Tok[], c: number, a: number): number {
  for (let o = c - 2; o > a && o >= c - 4; o--) {
    if (!OPENERS.has(toks[o]!.w)) continue;
    return quotedName(toks.slice(o + 1, c)) && toks[o - 1]!.kind === 'word' ? o : -1;
  }
  return -1;
}

/** The closing mark of a quoted name that opens at `o` (as {@link quotedInside}, forwards); -1 if none. */
function quotedAhead(toks: readonly Tok[], o: number, b: number): number {
  for (let c = o + 2; c < b && c <= o + 4; c++) {
    if (!CLOSERS.has(toks[c]!.w)) continue;
    return quotedName(toks.slice(o + 1, c)) ? c : -1;
  }
  return -1;
}

/** One to three words, the first capitalised or a number (`«Росатом»`, `«2000»`). */
const quotedName = (inner: readonly Tok[]): boolean =>
  inner.length > 0 &&
  (isCap(inner[0]!) || /^\d/.test(inner[0]!.w)) &&
  inner.every((t) => t.kind === 'word' || t.kind === 'number' || t.w === '-');

/** Nouns of people and groups in the nominative (`нацисты`, `эксперты`, `чиновники`): a subject, not a prepositional object. */
const AGENT_RU = /.(ист|исты|тель|тели|ник|ники|чик|чики|ерт|ерты|ант|анты|ент|енты|лог|логи)$/;

/**
 * The subject inside a Russian phrase walked back from a cue, `[s, e)`, or null when it holds
 * only adverbials. Russian puts adverbials anywhere before the verb: `Уже в середине июля
 * премьер-министр Польши Матеуш Моравецкий признал` (the subject after a time phrase), `за
 * аналогичные действия Украина чуть ли не объявила` (after an object phrase, before particles),
 * `Этот депутат без тени шутки заявил` (before a manner phrase). Leading asides and
 * prepositional phrases are dropped (a preposition, its object word, and the lower-case words
 * after it up to a capitalised or role word), the phrase ends at the first preposition after
 * the subject has begun, and trailing particles go. `В Кремле заявили`, `На Украине …
 * утверждают` (an impersonal verb after a place) keep the place, for want of another subject.
 */
function subjectRu(toks: readonly Tok[], s: number, e: number, lex: Lexicon): [number, number] | null {
  // `Об этом (28 июля) сообщил X`: the pronoun object stands for the content; the speaker follows.
  if (s + 1 < e && (toks[s]!.lw === 'об' || toks[s]!.lw === 'о') && /^(этом|том)$/.test(toks[s + 1]!.lw))
    return [s, s + 2];
  const aside = (t: Tok) => lex.words.asides.has(t.lw) || lex.between.has(t.lw);
  // A role word in any case (`лидера`, `министром`) or as part of a compound (`премьер-министр`).
  const roleWord = (w: string) =>
    lex.roles.has(w) || lex.roles.has(w.slice(0, -1)) || (w.length > 5 && lex.roles.has(w.slice(0, -2)));
  const role = (t: Tok) => roleWord(t.lw) || t.lw.split('-').some(roleWord);
  const abbreviation = (t: Tok) => t.w.length >= 2 && t.w === t.w.toUpperCase();
  let place: [number, number] | undefined;
  for (;;) {
    while (s < e && aside(toks[s]!)) s++;
    if (s >= e || !lex.words.prepositions.has(toks[s]!.lw)) break;
    const object = s + 1;
    let d = object + 1;
    while (
      d < e &&
      toks[d]!.kind === 'word' &&
      !isCap(toks[d]!) &&
      !role(toks[d]!) &&
      !AGENT_RU.test(toks[d]!.lw)
    )
      d++;
    // `В ведомстве указали`, `В письме сообщается`: a place or document, lower-case, for want of a subject.
    if (object < e && !isCap(toks[object]!) && lex.words.placePreps.has(toks[s]!.lw))
      place ??= [object, Math.min(d, e)];
    if (object < e && isCap(toks[object]!)) {
      // `в Минобороны России`: a country in the genitive right after a capitalised object is the object's.
      while (
        d < e &&
        d === object + 1 &&
        isCap(toks[d]!) &&
        (abbreviation(toks[d]!) || /(ии|ы)$/.test(toks[d]!.lw))
      )
        d++;
      // `В Министерстве обороны РФ заявили`: an abbreviation closing the place belongs to it.
      const absorbed = d > object + 1 && d < e && toks.slice(d, e).every(abbreviation);
      if (absorbed) d = e;
      let pe = object + 1;
      while (pe < d && (absorbed || isCap(toks[pe]!))) pe++;
      place ??= [object, pe];
    }
    s = d;
  }
  if (s >= e) return place ?? null;
  // A name closing the phrase after a place (`лидер НПО в Грузии Эка Гигаури`) is the subject's.
  let r = e;
  while (r > s && isCap(toks[r - 1]!)) r--;
  // The phrase ends at a preposition (`без тени шутки`, `во время церемонии`, `в Запорожье с
  // гордостью`), but an anonymous head keeps its place (`Источник в Пентагоне`).
  for (let k = s + 1; k < e; k++)
    if (
      lex.words.prepositions.has(toks[k]!.lw) &&
      k + 1 < e &&
      (!isCap(toks[k + 1]!) || !lex.anonymous.has(toks[s]!.lw)) &&
      !((e - r >= 2 && k + 1 < r) || (k + 1 === r && e - r >= 3))
    ) {
      e = k;
      break;
    }
  // Trailing particles and manner adverbs (`Зурабишвили совершенно серьёзно`, `Союз безоговорочно`).
  while (
    e > s + 1 &&
    (aside(toks[e - 1]!) || (!isCap(toks[e - 1]!) && /.{3}(но|ски)$/.test(toks[e - 1]!.lw)))
  )
    e--;
  return [s, e];
}

/** Walks right from token `j` to find a noun phrase (`said Henrot`, `according to AFP`). */
export function walkForward(toks: readonly Tok[], j: number, b: number, lex: Lexicon): NpRange | null {
  let p = j;
  let paren: [number, number] | undefined;
  while (p < b && p - j < 10) {
    const t = toks[p]!;
    if (t.w === '(') {
      let q = p + 1;
      while (q < b && toks[q]!.w !== ')' && q - p < 12) q++;
      if (q >= b) break;
      paren = [p, q + 1];
      p = q + 1;
      continue;
    }
    if (t.kind === 'punct') {
      // `обозреватель газеты «2000» Дмитрий Галкин`: a quoted name inside a Russian description.
      const c = lex.lang === 'ru' && p > j && OPENERS.has(t.w) ? quotedAhead(toks, p, b) : -1;
      if (c > 0) {
        p = c + 1;
        // The description goes on only to a name (`… «2000» Дмитрий Галкин`), not to a relay or object.
        if (p < b && isCap(toks[p]!)) continue;
        break;
      }
      if (
        t.w === '.' &&
        p > j &&
        toks[p - 1]!.end === t.start &&
        toks[p - 1]!.w.length <= 3 &&
        p + 1 < b &&
        isWordy(toks[p + 1]!)
      ) {
        p++;
        continue;
      }
      break;
    }
    if (!isWordy(t)) break;
    if (
      p > j &&
      lex.lang === 'en' &&
      t.lw.endsWith('ing') &&
      !isCap(t) &&
      !lex.determiners.has(toks[p - 1]!.lw)
    )
      break;
    // A cue word after a determiner is a noun (`according to an estimate by …`).
    const noun = lex.verbs.has(t.lw) && lex.determiners.has(toks[p - 1]?.lw ?? '');
    // `председатель Союза политэмигрантов и политзаключенных Украины Лариса Шеслер`: a Russian `и`
    // between lower-case words of a description that goes on to a name is inside it.
    if (lex.lang === 'ru' && t.lw === 'и' && p > j && descriptionGoesOn(toks, p, b, lex)) {
      p++;
      continue;
    }
    // `полковник в отставке Михаил Ходаренок`: a phrase completing a rank is inside the description.
    if (p > j && p + 1 < b && lex.words.roleAdjuncts.has(`${t.lw} ${toks[p + 1]!.lw}`)) {
      p += 2;
      continue;
    }
    if (
      p > j &&
      (lex.words.stopForward.has(t.lw) || lex.boundaries.has(t.lw) || (lex.verbs.has(t.lw) && !noun))
    )
      break;
    p++;
  }
  if (paren && paren[1] > p) paren = undefined;
  return p > j ? { s: j, e: p, paren } : null;
}
