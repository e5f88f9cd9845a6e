import type { Sentence, Span } from '../../../schema.js';
import type { Candidate } from '../candidate.js';
import { phraseTo } from '../content.js';
import type { ContentIndex } from '../content-index.js';
import { matchAt } from '../cue-match.js';
import type { Lexicon } from '../lexicon.js';
import { tokenFrom } from '../search.js';
import { institutionRu } from '../speaker-ru.js';
import { CLOSERS, isCap, isTerminal, type NpRange, OPENERS, type Tok, walkForward } from '../tok.js';
import { citeIn } from './according-to.js';

/**
 * `… Об этом сообщил источник в силовых структурах.` (rule `about-this`, Russian): turns a
 * `source-cue-content` candidate whose "source" is an anaphoric phrase opening the sentence (`об
 * этом`, `такое мнение`, `так`, `с таким заявлением`: `words.aboutThis`) into one whose speaker
 * follows the cue — or stands between the phrase and its verb (`Такое заявление президент Иван
 * Петров сделал …`) — and whose content is the sentence before (in the same paragraph or the one
 * before, the headline included, when no other attribution holds it and it has no cue of its own),
 * else the phrase itself. `cueStarts` are the offsets of every candidate's cue, sorted. True when
 * the content is the sentence pointed back to.
 */
export function aboutThis(
  c: Candidate,
  toks: readonly Tok[],
  sentences: readonly Sentence[],
  contents: ContentIndex,
  lex: Lexicon,
  cueStarts: readonly number[] = [],
): boolean {
  if (!c.np) return false;
  const phrase = toks
    .slice(c.np.s, c.np.e)
    .map((t) => t.lw)
    .join(' ');
  const sent = sentences[c.sentence];
  if (!sent || !lex.words.aboutThis.has(phrase) || toks[c.np.s]!.start !== sent.start) return false;
  let j = c.np.e;
  while (j < toks.length && toks[j]!.start < c.cue.end) j++;
  let b = j;
  while (b < toks.length && toks[b]!.end <= sent.end) b++;
  const v = tokenFrom(toks, c.cue.start);
  const before = subjectBefore(toks, c.np.e, v, lex);
  const quoted = before ? null : quotedName(toks, j, b);
  const np = before ?? quoted ?? walkForward(toks, speakerAfterAdjunct(toks, j, b, lex), b, lex);
  if (!np) return false;
  // A long description runs past the walk's reach: the name that closes it belongs to it.
  while (!before && np.e < b && isCap(toks[np.e]!) && np.e - np.s < 16) np.e++;
  // `… Сергей Лавров по итогам переговоров`: the speaker ends before a preposition after the name
  // (not after an institution: `Совета Федерации по международным делам Андрей Климов`).
  const personal = (t: Tok) => /^[А-ЯЁ][а-яё]+$/.test(t.w) && !institutionRu(t.w, lex);
  const endAfterName = (r: NpRange) => {
    for (let t = r.s + 2; t < r.e; t++)
      if (lex.words.prepositions.has(toks[t]!.lw) && personal(toks[t - 1]!) && personal(toks[t - 2]!)) {
        r.e = t;
        break;
      }
  };
  endAfterName(np);
  // `Об этом сообщает РБК-Украина со ссылкой на омбудсмена Людмилу Денисову`: the outlet relays.
  const full = phraseTo(toks, np.s, b, 30);
  const cite = full ? citeIn(toks, full) : -1;
  if (full && cite > np.s) {
    c.viaNp = { s: np.s, e: quoted ? quoted.e : cite };
    np.s = cite + (toks[cite]!.lw === 'со' ? 3 : 2);
    np.e = full.e;
    endAfterName(np);
  }
  const pronoun = pronounSpan(c, toks)!;
  const span = previousSentence(c, toks, sentences);
  // A sentence with a cue of its own (`Об этом сообщил X.` ¶ `Об этом сообщили в ведомстве.`) is
  // an attribution, not the statement pointed back to.
  const free = span && !contents.overlapsOther(span, c) && !cueWithin(cueStarts, span);
  const content: Span = free ? span : pronoun;
  c.np = np;
  contents.setContent(c, content);
  c.content = content;
  c.contentAfter = false;
  c.rule = 'about-this';
  return !!free;
}

/** Whether token `t` can open a speaker's noun phrase: a capitalised word, a role or a subject pronoun. */
function speakerStart(t: Tok, lex: Lexicon): boolean {
  return (
    t.kind === 'word' &&
    (isCap(t) || lex.roles.has(t.lw) || lex.titles.has(t.lw) || lex.words.npSubjects.has(t.lw))
  );
}

/**
 * `Такое заявление президент Иван Петров сделал …`: the subject between the anaphoric phrase
 * (ending before `s`) and its verb `v`, when the words there open with a speaker, not with a
 * preposition (`Такое мнение в эфире радио высказал …`).
 */
function subjectBefore(toks: readonly Tok[], s: number, v: number, lex: Lexicon): NpRange | null {
  if (s >= v || !speakerStart(toks[s]!, lex)) return null;
  const np = walkForward(toks, s, v, lex);
  return np && np.e === v ? np : null;
}

/**
 * `Такое заявление сделал на брифинге официальный представитель …`: a prepositional adjunct right
 * after the verb is stepped over to the speaker (up to eight words); else `j` itself.
 */
function speakerAfterAdjunct(toks: readonly Tok[], j: number, b: number, lex: Lexicon): number {
  if (j >= b || !lex.words.prepositions.has(toks[j]!.lw)) return j;
  for (let k = j + 1; k < b && k - j <= 8; k++) {
    const t = toks[k]!;
    if (t.kind === 'punct' && !OPENERS.has(t.w) && !CLOSERS.has(t.w)) return j;
    if (speakerStart(t, lex) && !OPENERS.has(toks[k - 1]!.w) && !lex.words.prepositions.has(toks[k - 1]!.lw))
      return k;
  }
  return j;
}

/**
 * `Такое мнение высказал X`, `Так считает X`, `С таким заявлением выступил X`: a sentence that
 * opens with an anaphoric phrase of `words.aboutThis` and has a cue or a light verb of statement
 * (`words.statementVerbs`: `высказал`, `сделал`, `выступил`, …) within twelve words gets a
 * `source-cue-content` candidate with that phrase as its "source", for {@link aboutThis} to
 * resolve — unless a cue rule already made one, or read the verb with a subject of its own. A
 * candidate another rule made of the same verb (`Так считает X` read with `X` as the content) is
 * replaced. Returns the candidates it made: those that find no sentence to point back to are no
 * attributions (the caller drops them).
 */
export function anaphoricCues(
  toks: readonly Tok[],
  sentences: readonly Sentence[],
  body: (sentence: number) => boolean,
  out: Candidate[],
  lex: Lexicon,
): Set<Candidate> {
  const added = new Set<Candidate>();
  const leads = lex.words.aboutThis;
  // Indexes of the candidates other rules made, so that a long document is read in linear time:
  // the sentence and first token of each source, and the candidates of each cue start. A candidate
  // made here is in a sentence already read, at a cue start no later sentence has, so neither
  // index needs it; the candidates it replaces are dropped from `out` once, at the end.
  const sourceAt = new Set<string>();
  const byCue = new Map<number, Candidate[]>();
  for (const c of out) {
    if (c.np) sourceAt.add(`${c.sentence}:${c.np.s}`);
    const list = byCue.get(c.cue.start);
    if (list) list.push(c);
    else byCue.set(c.cue.start, [c]);
  }
  const replaced = new Set<Candidate>();
  sentences.forEach((sent, si) => {
    if (!body(si)) return;
    const a = tokenFrom(toks, sent.start);
    let b = a;
    while (b < toks.length && toks[b]!.end <= sent.end) b++;
    let n = 0;
    for (let m = Math.min(4, b - a - 1); m > 0 && !n; m--) {
      const phrase = toks
        .slice(a, a + m)
        .map((t) => t.lw)
        .join(' ');
      if (leads.has(phrase)) n = m;
    }
    if (!n || sourceAt.has(`${si}:${a}`)) return;
    // A one-word phrase (`Так`, `Это`) is the object or manner of the verb right after it (`Так
    // считает X`, `Это подчеркнул X`; `также`, `ранее` may stand between), nothing further on.
    let first = a + n;
    if (n === 1) while (first < b && lex.between.has(toks[first]!.lw)) first++;
    for (let v = first; v < b && v - a - n <= 12; v++) {
      const t = toks[v]!;
      if (t.kind === 'punct' && !OPENERS.has(t.w) && !CLOSERS.has(t.w)) return;
      const cue = matchAt(toks, v, b, lex.verbs);
      if (!cue && !lex.words.statementVerbs.has(t.lw)) {
        if (n === 1) return;
        continue;
      }
      const end = toks[v + (cue ? cue.words.length : 1) - 1]!.end;
      // `Об этом «Ленте.ру» сообщили …`: a cue rule that read the verb with a subject of its own keeps it.
      const same = byCue.get(t.start) ?? [];
      if (same.some((c) => c.np)) return;
      for (const c of same) replaced.add(c);
      const lead = { start: toks[a]!.start, end: toks[a + n - 1]!.end };
      const made: Candidate = {
        content: lead,
        cue: { start: t.start, end },
        lemma: cue?.lemma ?? t.lw,
        np: { s: a, e: a + n },
        rule: 'source-cue-content',
        sentence: si,
        contentAfter: false,
      };
      out.push(made);
      added.add(made);
      return;
    }
  });
  if (replaced.size) {
    let k = 0;
    for (const c of out) if (!replaced.has(c)) out[k++] = c;
    out.length = k;
  }
  return added;
}

/**
 * `Об этом сообщает «Обозреватель»`, `… сообщает "БЕЛТА"`: an outlet's name in quotation marks
 * right after the cue is the speaker (inside the marks), not a quotation.
 */
function quotedName(toks: readonly Tok[], j: number, b: number): NpRange | null {
  if (j >= b || !OPENERS.has(toks[j]!.w)) return null;
  let e = j + 1;
  while (e < b && e - j <= 5 && toks[e]!.kind !== 'punct') e++;
  return e > j + 1 && e < b && CLOSERS.has(toks[e]!.w) ? { s: j + 1, e } : null;
}

/** The pronoun `об этом` itself, the content when the sentence before cannot be it. */
function pronounSpan(c: Candidate, toks: readonly Tok[]): Span | undefined {
  return c.np && c.np.e > c.np.s ? { start: toks[c.np.s]!.start, end: toks[c.np.e - 1]!.end } : undefined;
}

/** The sentence before `c`'s, up to its last word, when it is in the same paragraph or the one before. */
function previousSentence(
  c: Candidate,
  toks: readonly Tok[],
  sentences: readonly Sentence[],
): Span | undefined {
  const sent = sentences[c.sentence];
  const prev = sentences[c.sentence - 1];
  // `Русская семья бежала …` (the headline) ¶ `Об этом RT рассказала мать семейства`: a sentence
  // opening its paragraph points back to the last sentence of the paragraph before.
  if (!sent || !prev || prev.paragraph < sent.paragraph - 1 || toks.length === 0) return undefined;
  let e = tokenFrom(toks, prev.end) - 1;
  if (e < 0) e = toks.length - 1;
  while (e > 0 && isTerminal(toks[e]!)) e--;
  const span = { start: prev.start, end: toks[e]!.end };
  return span.end > span.start ? span : undefined;
}

/** Whether one of the sorted cue offsets `starts` lies in `span`. */
function cueWithin(starts: readonly number[], span: Span): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < span.end;
}

/** The contents {@link aboutThis} may give `c`, for the {@link ContentIndex} it consults. */
export function aboutThisContents(
  c: Candidate,
  toks: readonly Tok[],
  sentences: readonly Sentence[],
): Span[] {
  if (c.rule !== 'source-cue-content') return [];
  const out: Span[] = [];
  const pronoun = pronounSpan(c, toks);
  if (pronoun) out.push(pronoun);
  const prev = previousSentence(c, toks, sentences);
  if (prev) out.push(prev);
  return out;
}
