import type { Candidate } from '../candidate.js';
import { contentAfter, contentBefore, phraseTo, wordsIn } from '../content.js';
import type { Lexicon } from '../lexicon.js';
import { tokenFrom } from '../search.js';
import { isCap, LEAD_MARKS, type NpRange, OPENERS, pastRu, type Tok, walkForward } from '../tok.js';
import type { CueContext } from './context.js';

/** A lead before a mid-sentence `according to X,` shorter than this many words is resumed after it. */
const MID_LEAD_WORDS = 6;

/** Where `со ссылкой на` / `ссылаясь на` starts inside a source phrase (and a source follows it), or -1. */
export function citeIn(toks: readonly Tok[], np: NpRange): number {
  for (let i = np.s + 1; i + 2 < np.e; i++) {
    const w = toks[i]!.lw;
    if (w === 'со' && toks[i + 1]!.lw === 'ссылкой' && toks[i + 2]!.lw === 'на' && i + 3 < np.e) return i;
    if (w === 'ссылаясь' && toks[i + 1]!.lw === 'на') return i;
  }
  return -1;
}

/** A Russian participle (`производящей`, `назначенный`) or relative pronoun that opens a clause on a noun. */
const CLAUSE_ON_NOUN_RU =
  /^(котор[а-я]+|[а-яё]+(ущ|ющ|ащ|ящ|вш|енн|анн)(ий|ая|ее|ие|его|ей|ему|им|их|ую|ой|ого|ем|ими))$/;

/**
 * Where the content starts after a Russian source's apposition (`Как заявил Альберто Спашани,
 * представитель фирмы, производящей противогазы, маски…`): at `,` a segment that opens with a
 * role word (in any case: `главы порта` after `По словам Ивана Белова`) and has no past-tense
 * verb is the source's role, and so is each following segment that opens with a participle or
 * `который`; the content is what follows, when three words or more are left. Else `p`.
 */
function afterAppositionRu(toks: readonly Tok[], p: number, b: number, lex: Lexicon): number {
  if (toks[p]?.w !== ',' || !roleWordRu(toks[p + 1], lex)) return p;
  let q = p + 1;
  for (;;) {
    const from = q;
    while (q < b && toks[q]!.w !== ',' && q - from < 25) q++;
    if (q >= b || toks[q]!.w !== ',' || toks.slice(from, q).some(pastRu)) return p;
    if (!CLAUSE_ON_NOUN_RU.test(toks[q + 1]?.lw ?? '')) break;
    q++;
  }
  return b - q > 3 ? q : p;
}

/** A Russian role word in any case (`представитель`, `главы`, `эксперт`). */
function roleWordRu(t: Tok | undefined, lex: Lexicon): boolean {
  if (t?.kind !== 'word') return false;
  const w = t.lw;
  const stem = w.slice(0, -1);
  return (
    lex.roles.has(w) ||
    lex.roles.has(stem) ||
    lex.roles.has(`${stem}а`) ||
    (w.length > 5 && lex.roles.has(w.slice(0, -2)))
  );
}

/**
 * `According to X, …` (rule `according-to-lead`) and `…, according to X` (`according-to-tail`):
 * a cue whose source follows it. Returns the token index up to which later cues are consumed
 * (a relay's second source: `according to Reuters, citing an official`), else `consumed`.
 */
export function accordingTo(c: CueContext, consumed: number): number {
  const { toks, a, b, quotes, lex, out, h, base, prev } = c;
  // `according to FEC filings`, `according to a national Gallup Poll taken last week`: a source
  // the noun-phrase walk does not take is the phrase up to the comma or sentence end.
  // `по его словам`: the possessive inside the cue is the source; the content follows the cue.
  const own = h.owner === undefined ? undefined : { s: h.owner, e: h.owner + 1 };
  const np = own ?? walkForward(toks, h.j, b, lex) ?? phraseTo(toks, h.j, b);
  if (!np) return consumed;
  let viaNp: NpRange | undefined;
  let speaker = np;
  let e = own ? h.j : np.e;
  if (toks[e]?.w === ',' && (toks[e + 1]?.lw === 'citing' || toks[e + 1]?.lw === 'quoting')) {
    const np2 = walkForward(toks, e + 2, b, lex);
    if (np2) {
      viaNp = np;
      speaker = np2;
      e = np2.e;
      consumed = e;
    }
  }
  // `(According to the police, …)`, `…: According to recent polls, …`: a parenthesis or a colon
  // opens a lead as the sentence's start does.
  const atStart =
    h.i === a ||
    // `Судя по информации агентства Bloomberg, …`: a lead word of the relay opens the sentence.
    (h.i === a + 1 && lex.words.relayLeads.has(toks[a]!.lw)) ||
    (prev?.w === ',' && h.i <= a + 2) ||
    (prev !== undefined && (OPENERS.has(prev.w) || LEAD_MARKS.has(prev.w)));
  if (atStart) {
    // `According to early results of exit polls conducted for …, black voters …`: the source runs
    // to the comma that closes the lead.
    const lead = phraseTo(toks, h.j, b, 30);
    if (!own && lead && lead.e > e && toks[lead.e]?.w === ',' && speaker === np) {
      speaker = lead;
      e = lead.e;
      // `Как сообщает ТАСС со ссылкой на пресс-службу Минобороны, …`: the outlet relays the source.
      const cite = lex.lang === 'ru' ? citeIn(toks, lead) : -1;
      if (cite > lead.s) {
        viaNp = { s: lead.s, e: cite };
        speaker = { s: cite + (toks[cite]!.lw === 'со' ? 3 : 2), e: lead.e };
        consumed = lead.e;
      }
    }
    let p = e;
    // `According to Gates, who was speaking to donors, …`: a relative clause on the source is skipped.
    if (toks[p]?.w === ',' && lex.words.relativeClause.has(toks[p + 1]?.lw ?? '')) {
      let q = p + 2;
      while (q < b && toks[q]!.w !== ',' && q - p < 30) q++;
      if (q < b && toks[q]!.w === ',') p = q;
    }
    if (lex.lang === 'ru') p = afterAppositionRu(toks, p, b, lex);
    while (p < b && lex.skipAfterCue.has(toks[p]!.lw)) p++;
    const content = contentAfter(toks, p, a, b, quotes, lex);
    if (content)
      out.push({ ...base, content, np: speaker, viaNp, rule: 'according-to-lead', contentAfter: true });
    return consumed;
  }
  // `…, судя по информации X`: the relay's lead word is no content.
  const ledBy = h.i - 1 > a && lex.words.relayLeads.has(prev?.lw ?? '') ? 1 : 0;
  const content = contentBefore(toks, a, h.i - 1 - ledBy, quotes);
  // `About 10:03 p.m., according to a congressional timeline, the contractors left …`: a short
  // lead before a mid-sentence relay is part of a clause that goes on after it.
  const rest =
    content && toks[e]?.w === ',' && wordsIn(toks, content, a) < MID_LEAD_WORDS
      ? contentAfter(toks, e + 1, a, b, quotes, lex)
      : null;
  const parts = rest && wordsIn(toks, rest, e + 1) >= 3 ? [content!, rest] : undefined;
  if (content)
    out.push({
      ...base,
      content: parts ? { start: content.start, end: rest!.end } : content,
      parts,
      np: speaker,
      viaNp,
      rule: 'according-to-tail',
      contentAfter: false,
      clauseStart: toks[h.i - 1 - ledBy]!.start,
    });
  return consumed;
}

/** `как (дипломатично) сформулировал X, «…»`: a Russian `как` clause names the source before the content. */
export function kakClause(c: CueContext): void {
  const { toks, a, b, quotes, lex, out, h, base } = c;
  const np = walkForward(toks, h.j, b, lex);
  let q = np ? np.e : b;
  while (q < b && toks[q]!.w !== ',' && q - (np?.e ?? q) < 8) q++;
  const content = np && toks[q]?.w === ',' ? contentAfter(toks, q + 1, a, b, quotes, lex) : null;
  if (np && content) out.push({ ...base, content, np, rule: 'according-to-lead', contentAfter: true });
}

/** Russian lemmas of a citing lead: the outlet that follows relays the source it cites. */
const CITE_LEMMAS: ReadonlySet<string> = new Set(['со ссылкой на', 'ссылаясь на']);

/** Whether a token names an outlet or is an outlet noun (`агентство`, `ТАСС`, `Reuters`). */
const outletWord = (t: Tok, lex: Lexicon) =>
  t.kind === 'word' && (lex.mediaNouns.has(t.lw) || lex.media.has(t.w) || lex.mediaNouns.has(t.w));

/**
 * `Со ссылкой на Лаврова агентство сообщило, что …`: a Russian citing lead that opens the
 * sentence, followed with no comma by the outlet and its verb, is one attribution — the verb's
 * (the outlet's) with the cited source as its speaker and the outlet as its relay (`via`), as
 * `Как сообщает ТАСС со ссылкой на …`. The cited phrase runs to the first outlet word after it,
 * the outlet from there to the verb (over the verb's source phrase, which may hold both). The lead's own attribution,
 * whose source ran on to the comma over the verb, is dropped whenever such a verb attribution
 * exists (`Ссылаясь на Лаврова министр заявил`: the minister's attribution stays as found).
 */
export function citedLeadRelays(out: Candidate[], toks: readonly Tok[], lex: Lexicon): void {
  const drop = new Set<Candidate>();
  for (const c of out) {
    if (c.rule !== 'according-to-lead' || !CITE_LEMMAS.has(c.lemma) || c.viaNp) continue;
    if (!c.np) continue;
    const s = tokenFrom(toks, c.cue.end);
    const end = toks[c.np.e - 1]!.end;
    // A verb attribution whose cue the lead's source ran over.
    const d = out.find(
      (x) =>
        x !== c &&
        x.sentence === c.sentence &&
        x.np !== undefined &&
        x.np.s >= s &&
        x.cue.start > c.cue.end &&
        x.cue.end <= end &&
        !x.viaNp &&
        !CITE_LEMMAS.has(x.lemma),
    );
    if (!d?.np) {
      commaCitedRelay(c, toks, lex);
      continue;
    }
    drop.add(c);
    // `Ссылаясь на Лаврова министр заявил`: no outlet, the verb's own subject speaks.
    let t = s + 1;
    // `Со ссылкой на агентство Reuters газета пишет`: a cited outlet (a media noun and its
    // capitalised name) is one unit; the relay is the next outlet word after it.
    const citedOutlet = lex.mediaNouns.has(toks[s]!.lw);
    if (citedOutlet) while (t < d.np.e && isCap(toks[t]!) && !lex.mediaNouns.has(toks[t]!.lw)) t++;
    const named = t;
    while (t < d.np.e && !outletWord(toks[t]!, lex)) t++;
    // The verb's phrase may open inside the cited outlet's name (`Reuters газета`), not past it.
    if (t >= d.np.e || (d.np.s > s && t > d.np.s && !(citedOutlet && d.np.s < named))) continue;
    d.viaNp = { s: t, e: d.np.e };
    d.np = { s, e: t };
  }
  if (drop.size) {
    let w = 0;
    for (const c of out) if (!drop.has(c)) out[w++] = c;
    out.length = w;
  }
}

/**
 * `Со ссылкой на Лаврова, агентство сообщило, что …`: after the comma that closes a citing lead,
 * an outlet (outlet words, then capitalised ones) and a one-word cue verb before `, что` relay the
 * cited source; the content starts past `что`, the outlet is the relay.
 */
function commaCitedRelay(c: Candidate, toks: readonly Tok[], lex: Lexicon): void {
  const q = tokenFrom(toks, c.content.start);
  if (!outletWord(toks[q]!, lex)) return;
  let t = q + 1;
  while (t < toks.length && (outletWord(toks[t]!, lex) || isCap(toks[t]!))) t++;
  const verb = toks[t];
  const cue = verb && verb.kind === 'word' && lex.verbs.get(verb.lw)?.some((ph) => ph.words.length === 1);
  const that = toks[t + 2];
  if (!cue || toks[t + 1]?.w !== ',' || !that || !lex.words.that.has(that.lw) || !toks[t + 3]) return;
  if (toks[t + 3]!.start >= c.content.end) return;
  c.viaNp = { s: q, e: t };
  c.content = { start: toks[t + 3]!.start, end: c.content.end };
}
