import { resumed } from '../adverbials.js';
import { contentAfter, contentBefore } from '../content.js';
import { asideStart, description, nameLike } from '../speaker-phrase.js';
import { CLOSERS, isCap, isTerminal, type NpRange, type Tok, walkBack, walkForward } from '../tok.js';
import { citeIn } from './according-to.js';
import type { VerbContext } from './context.js';

/**
 * A verb cue with no subject right before it: inverted `“…,” said Henrot.` / `«…», — сказал он.`
 * (rule `inverted`), a speaker before an aside or an apposition (`Jason Sims — a teacher — says`,
 * `Chris Collins, a Trump supporter, said`: `apposition-cue-content`), or a Russian verb after
 * adverbials that inherits an earlier subject (`source-cue-content` with no speaker).
 */
export function noSubjectBefore(c: VerbContext): void {
  const { toks, a, b, quotes, lex, out, h, base, k, p } = c;
  const found = out.length;
  const np = beforeCiteRu(c, skipAddresseeRu(c, skipAdjunctRu(c, walkForward(toks, h.j, b, lex))));
  const before = k >= a ? toks[k]! : undefined;
  const closes = np !== null && invertedSource(c, np);
  // `Jason Sims — a teacher from Mount Pleasant — says …`, `Murphy (a Connecticut Democrat) says …`:
  // the speaker stands before an aside set off by dashes or parentheses.
  const aside = !closes && before ? asideStart(toks, k, a) : -1;
  if (aside > a) {
    const subj = walkBack(toks, aside - 1, a, lex);
    const content =
      subj && (isCap(toks[subj.s]!) || lex.determiners.has(toks[subj.s]!.lw))
        ? contentAfter(toks, p, a, b, quotes, lex)
        : null;
    if (subj && content)
      out.push({
        ...base,
        content,
        np: subj,
        roleNp: description(toks, aside, k),
        rule: 'apposition-cue-content',
        contentAfter: true,
      });
    return;
  }
  if (!closes && before?.w === ',') {
    apposition(c);
    return;
  }
  if (
    closes &&
    np &&
    before &&
    (before.w === ',' || before.w === '—' || before.w === '–' || CLOSERS.has(before.w))
  ) {
    const content = contentBefore(toks, a, k, quotes);
    const parts = content ? resumed(toks, np.e, a, b, quotes, lex, content) : undefined;
    if (content)
      out.push({
        ...base,
        content: parts ? { start: content.start, end: parts[1]!.end } : content,
        parts,
        np,
        roleNp: description(toks, np.e, b),
        rule: 'inverted',
        contentAfter: false,
        clauseStart: before.start,
      });
  }
  // `30 июня заявил министр, что …`, `Вчера сообщил губернатор Иванов, что …`: a Russian verb
  // after adverbials only, then its subject and a comma: the subject is the speaker, the clause
  // after the comma (past `что`, as the other Russian rules read it) the content.
  if (out.length === found && lex.lang === 'ru' && closes && np && toks[np.e]?.w === ',') {
    const q = lex.words.that.has(toks[np.e + 1]?.lw ?? '') ? np.e + 2 : np.e + 1;
    const said = contentAfter(toks, q, a, b, quotes, lex);
    if (said) out.push({ ...base, content: said, np, rule: 'inverted', contentAfter: true });
  }
  // `При этом выразил сомнение, что …`, `Этот план без тени шутки назвал …`: a Russian verb
  // after adverbials only has the subject of an earlier clause, inherited like `…, adding that`.
  const raw = out.length === found && lex.lang === 'ru' && k >= a ? walkBack(toks, k, a, lex, true) : null;
  const content = raw ? contentAfter(toks, p, a, b, quotes, lex) : null;
  if (content) out.push({ ...base, content, rule: 'source-cue-content', contentAfter: true });
  // `(Ранее) отмечалось, что …`: an agentless form opening the sentence reports with no speaker
  // (PolNeAR's attribution without source), and inherits none.
  const bare = out.length === found && k < a && lex.words.agentlessCues.has(toks[h.i]!.lw);
  const told = bare ? contentAfter(toks, p, a, b, quotes, lex) : null;
  if (told) out.push({ ...base, content: told, rule: 'agentless', contentAfter: true, impersonal: true });
}

/** `…, передает агентство Блумберг со ссылкой на источники`: the phrase ends before `со ссылкой на`. */
function beforeCiteRu(c: VerbContext, np: NpRange | null): NpRange | null {
  if (!np || c.lex.lang !== 'ru') return np;
  const cite = citeIn(c.toks, { s: np.s, e: c.b });
  return cite > np.s && cite < np.e ? { ...np, e: cite } : np;
}

/**
 * `…, — рассказал РИА Новости эксперт …`: in Russian an outlet named right after the verb and
 * before a role word is whom the speaker told (a dative), not the speaker; the phrase starts after it.
 */
function skipAddresseeRu(c: VerbContext, np: NpRange | null): NpRange | null {
  const { toks, lex } = c;
  if (!np || lex.lang !== 'ru') return np;
  for (let n = 1; n <= 3 && np.s + n < np.e; n++) {
    const name = toks
      .slice(np.s, np.s + n)
      .map((t) => t.w)
      .join(' ');
    if (lex.media.has(name) && lex.roles.has(toks[np.s + n]!.lw)) return { ...np, s: np.s + n };
  }
  return np;
}

/**
 * `…, заявил в эфире телеканала ZDF(,) немецкий вице-канцлер Роберт Хабек.`: in Russian a
 * prepositional phrase may stand between an inverted cue and its source. When the phrase after
 * the cue opens with a preposition, the source is what follows the adjunct — after a comma
 * within eight tokens, else from the first role word (with the adjectives before it) — provided
 * it runs to the end of the sentence.
 */
function skipAdjunctRu(c: VerbContext, np: NpRange | null): NpRange | null {
  const { toks, b, lex, h } = c;
  if (lex.lang !== 'ru' || h.j >= b || !lex.words.prepositions.has(toks[h.j]!.lw)) return np;
  const end = (r: NpRange | null) => r !== null && (r.e >= b || isTerminal(toks[r.e]!));
  let k = h.j + 1;
  while (k < b && k - h.j <= 8 && toks[k]!.w !== ',' && !isTerminal(toks[k]!)) k++;
  if (k < b && toks[k]!.w === ',') {
    const after = walkForward(toks, k + 1, b, lex);
    return end(after) ? after : np;
  }
  const role = (t: Tok) => lex.roles.has(t.lw) || lex.titles.has(t.lw);
  for (let r = h.j + 2; r < Math.min(b, h.j + 9); r++) {
    if (!role(toks[r]!)) continue;
    let s = r;
    while (s > h.j + 2 && /(ий|ый|ой|ая|ое|ие|ые)$/.test(toks[s - 1]!.lw) && !isCap(toks[s - 1]!)) s--;
    const after = walkForward(toks, s, b, lex);
    return end(after) ? after : np;
  }
  return np;
}

/**
 * Whether the noun phrase after the cue is an inverted source: short, name-like, after a verb of
 * the curated list, and closing the sentence or clause.
 */
function invertedSource(c: VerbContext, np: NpRange): boolean {
  const { toks, b, lex, h } = c;
  const first = toks[np.s]!;
  // Russian descriptions run long (`председатель Союза политэмигрантов и политзаключенных Украины
  // Лариса Шеслер`): up to ten words when a role word is among the first three and a name ends them.
  const longRu =
    lex.lang === 'ru' &&
    toks.slice(np.s, Math.min(np.e, np.s + 3)).some((t) => lex.roles.has(t.lw)) &&
    isCap(toks[np.e - 1]!);
  return (
    !h.phrase.learned &&
    np.e - np.s - (np.paren ? np.paren[1] - np.paren[0] : 0) <= (longRu ? 10 : 7) &&
    nameLike(toks, np, lex) &&
    (isCap(first) ||
      lex.determiners.has(first.lw) ||
      lex.pronouns.has(first.lw) ||
      // `said former Vermont governor Howard Dean`: a role word among the first three; `«…», —
      // пишет газета`: a media noun.
      toks
        .slice(np.s, Math.min(np.e, np.s + 3))
        .some((t) => lex.roles.has(t.lw) || (lex.lang === 'ru' && lex.mediaNouns.has(t.lw)))) &&
    (np.e >= b - 4 || isTerminal(toks[np.e]!) || toks[np.e]!.w === ',' || CLOSERS.has(toks[np.e]!.w))
  );
}

/** Apposition: `Congressman Chris Collins, a Trump supporter, said …`. */
function apposition(c: VerbContext): void {
  const { toks, a, b, quotes, lex, out, base, k, p } = c;
  let subj: NpRange | null = null;
  let c1 = k - 1;
  for (let tries = 0; tries < 3 && !subj; tries++) {
    while (c1 > a && toks[c1]!.w !== ',' && k - c1 < 30) c1--;
    if (c1 <= a || toks[c1]!.w !== ',') break;
    subj = walkBack(toks, c1 - 1, a, lex);
    if (subj && !isCap(toks[subj.s]!) && !lex.determiners.has(toks[subj.s]!.lw)) subj = null;
    // `Sen. Marco Rubio, R-Fla., …, said`: a party-state tag is not the subject.
    if (subj && /^[A-Z]-[A-Z]/.test(toks[subj.s]!.w)) subj = null;
    c1--;
  }
  const content = subj ? contentAfter(toks, p, a, b, quotes, lex) : null;
  const desc = subj ? description(toks, subj.e, k + 1) : undefined;
  // `The mayor of Kyiv, Vitali Klitschko, said`: a role phrase, then a name in apposition — the
  // name is the speaker and the role phrase its role.
  const swap = subj && desc && roleThenName(toks, subj, desc, lex);
  if (subj && content)
    out.push({
      ...base,
      content,
      np: swap ? desc! : subj,
      roleNp: swap ? subj : desc,
      rule: 'apposition-cue-content',
      contentAfter: true,
    });
}

/** Prepositions of place: `a philanthropist from Monsey, New York, said` — what follows the comma is the rest of a place. */
const PLACE_PREPS = new Set(['from', 'in', 'near', 'outside', 'at', 'из', 'в', 'во', 'под']);

/**
 * Whether `role` opens with an article or a role word and `name` is two to four capitalised words
 * (a name in apposition), unless `role` ends in a preposition of place and a capitalised word
 * (`a philanthropist from Monsey, New York,`: the apposition is the place's state, not a name).
 */
function roleThenName(toks: readonly Tok[], role: NpRange, name: NpRange, lex: VerbContext['lex']): boolean {
  const first = toks[role.s]!.lw;
  const opens = lex.determiners.has(first) || lex.roles.has(first);
  const n = name.e - name.s;
  const place = role.e - role.s >= 3 && PLACE_PREPS.has(toks[role.e - 2]!.lw) && isCap(toks[role.e - 1]!);
  return (
    opens &&
    !place &&
    n >= 2 &&
    n <= 4 &&
    toks.slice(name.s, name.e).every((t) => t.kind === 'word' && isCap(t))
  );
}
