import type { Span, Token } from '../../schema.js';
import { findTerms, type TermMatch } from './match-terms.js';
import type { Pole, TermIndex } from './terms.js';
import { contextRules, distancing, inQuotation, type Quoted, type Voice, type VoiceRule } from './voice.js';

/** A mention of a state the entities layer linked (`state`: its gazetteer id). */
export interface StateMention extends Span {
  state: string;
}

/** One mention of a term; `rule` says why it is not the outlet's plain usage. */
export interface TermMention extends Span {
  rule?: VoiceRule;
}

/** A form of a contested concept as used in the article, in one voice. */
export interface NamingTerm {
  /** Concept id (`war`, `territories`, `referendum`, …; see `terms.<lang>.json`). */
  concept: string;
  /** The form (`специальная военная операция`, `invasion`, `so-called referendum`). */
  form: string;
  pole: Pole;
  provenance: string;
  voice: Voice;
  count: number;
  mentions: TermMention[];
}

/** The article's first non-empty line (its headline), at most 200 characters. */
function headline(text: string): Span {
  const start = Math.max(0, text.search(/\S/));
  const nl = text.indexOf('\n', start);
  return { start, end: Math.min(nl < 0 ? text.length : nl, start + 200) };
}

/**
 * Whether a referent of the war is near a match of a `contextual` pattern (`this aggression`
 * near `Russia`), outside the match itself (`conflict with Russia` needs `Ukraine` or `Kyiv`
 * around it) and in its paragraph, and no other war (`World War II`) is — or the headline
 * names the war. `'article'` when neither the paragraph nor the headline names a side or
 * another war: the match then counts only if the article has a plain term of its own
 * (`buildTerms`).
 */
// A word of four capitals or more: a headline or a line set in capitals (`УКРАИНА`, `RUSSIA`).
const CAPS_WORD = /\p{Lu}{4,}/u;

/**
 * Whether `re` (case-sensitive, as `near` and `notNear` are) matches `s`, or `s` with its words in
 * capitals written as names (`УКРАИНА: …` → `Украина: …`), so that a headline set in capitals
 * names the war as the same words in a sentence do. Acronyms of three letters (`ДНР`, `ВСУ`)
 * stay, and the text as written is tried first.
 */
function capsTest(re: RegExp, s: string): boolean {
  if (re.test(s)) return true;
  return CAPS_WORD.test(s) && re.test(s.replace(/\p{Lu}{4,}/gu, (w) => w[0]! + w.slice(1).toLowerCase()));
}

function nearReferent(text: string, m: Span, idx: TermIndex, title: Span): boolean | 'article' {
  const r = idx.near;
  if (!r) return false;
  let before = text.slice(Math.max(0, m.start - r.window), m.start);
  let after = text.slice(m.end, m.end + r.window);
  // Within the paragraph (line) only.
  before = before.slice(before.lastIndexOf('\n') + 1);
  const nl = after.indexOf('\n');
  if (nl >= 0) after = after.slice(0, nl);
  if (r.notNear && (capsTest(r.notNear, before) || capsTest(r.notNear, after))) return false;
  if (capsTest(r.near, before) || capsTest(r.near, after)) return true;
  // A headline that names the war (and no other) is the referent of the whole article:
  // `respond to any invasion` in a story headlined `… defend Ukraine if Russia dares invade`.
  // Not for a phrase that names one side itself (`conflict with Russia`): it needs the other
  // nearby, as above.
  if (m.start < title.end || r.near.test(text.slice(m.start, m.end))) return false;
  const head = text.slice(title.start, title.end);
  if (r.notNear && capsTest(r.notNear, head)) return false;
  // Else the article's own plain terms may make it war coverage (decided after the loop).
  return capsTest(r.near, head) || 'article';
}

/**
 * The clause around `[start, end)`, without the match: back to the last comma, semicolon,
 * colon, bracket, sentence end or line break before it and on to the next one after it, at most
 * 100 characters each side. Another war named in the same sentence but another clause is a
 * comparison (`combat experience gained in Chechnya and Syria, and the Russian forces will …`),
 * not the event the match names.
 */
function clauseOf(text: string, m: Span): [before: string, after: string] {
  let before = text.slice(Math.max(0, m.start - 100), m.start);
  let from = 0;
  for (const b of before.matchAll(/[,;:()[\]]|[.!?…]["»”']?\s|\n/gu)) from = b.index + b[0].length;
  before = before.slice(from);
  let after = text.slice(m.end, m.end + 100);
  const stop = /[,;:()[\]]|[.!?…](?:\s|$)|\n/u.exec(after);
  if (stop) after = after.slice(0, stop.index);
  return [before, after];
}

// A match that coordinates two names (`in Gaza and Ukraine`, `в Газе и Украине`).
const COORDINATED = / (?:and|or|и|или) |, /;

/**
 * Whether a match names another event than this war (`referents.elsewhere`): another war or a
 * year before 2022 in its clause (`Russian troops in Chechnya`, `Russia invaded Ukraine to annex
 * the Crimean Peninsula in 2014`), or another kind of war or invasion right before it (`a
 * nuclear war with Russia`, `Income tax invasion`), or another state right after it as the
 * entities layer links it (`Russia could invade Poland`, `вторжение в Польшу`), or a document
 * published before the rule's date (`publishedBefore`; `published` in milliseconds, undefined
 * when the document is undated).
 */
function otherEvent(
  text: string,
  m: Span,
  e: NonNullable<TermIndex['elsewhere']>[number],
  states: () => readonly StateMention[],
  published: number | undefined,
): boolean {
  if (published !== undefined && e.publishedBefore !== undefined && published < e.publishedBefore)
    return true;
  if (e.before?.test(text.slice(Math.max(0, m.start - 40), m.start))) return true;
  if (e.after?.test(text.slice(m.end, m.end + 60))) return true;
  const s = e.afterState;
  if (
    s &&
    states().some(
      (x) =>
        x.start >= m.end &&
        x.start - m.end <= 40 &&
        !s.except.has(x.state) &&
        s.between.test(text.slice(m.end, x.start)) &&
        // A possessive names something of the state's, not the place (`war in Romania's
        // neighbour Ukraine`).
        !/^['’]s\b/.test(text.slice(x.end, x.end + 3)),
    )
  )
    return true;
  if (!e.clause) return false;
  const [before, after] = clauseOf(text, m);
  if (e.clause.test(before) || e.clause.test(after)) return true;
  // The match itself may coordinate another war with this one (`conflict in Gaza and Ukraine`).
  const own = text.slice(m.start, m.end);
  return COORDINATED.test(own) && e.clause.test(own);
}

/**
 * Finds the contested terms of a text and reads each one's voice: inside a quotation (`quoted`,
 * asked for only when a term is found) it is the source's; after `so-called`, in scare quotes, named as
 * a word (`what Moscow calls …`) or negated it is distanced — or, where the concept has a form for
 * that (`so-called referendum`), it becomes that form in the outlet's voice.
 */
export function buildTerms(
  text: string,
  lang: string,
  tokens: readonly Token[],
  idx: TermIndex,
  quoted: () => readonly Quoted[],
  skip: (at: number) => boolean,
  states: () => readonly StateMention[] = () => [],
  published?: number,
): NamingTerm[] {
  const rules = contextRules(lang);
  let title: Span | undefined;
  const byKey = new Map<string, NamingTerm>();
  // Contextual matches with no referent in their paragraph or the headline (and no other war
  // there): they count when the article names the war in a plain term of its own elsewhere.
  const deferred: TermMatch[] = [];
  let plain = false;
  for (const m of findTerms(text, tokens, idx)) {
    if (skip(m.start)) continue;
    if (m.pattern.contextual) {
      title ??= headline(text);
      const near = nearReferent(text, m, idx, title);
      if (!near) continue;
      if (near === 'article') {
        deferred.push(m);
        continue;
      }
    }
    if (add(m) && !m.pattern.contextual) plain = true;
  }
  if (plain && deferred.length) {
    for (const m of deferred) add(m);
    for (const t of byKey.values()) t.mentions.sort((a, b) => a.start - b.start);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);

  function add(m: TermMatch): boolean {
    const { concept } = m.pattern;
    if (
      idx.elsewhere?.some(
        (e) =>
          e.concepts.has(concept.id) &&
          (!e.matching || e.matching.test(text.slice(m.start, m.end))) &&
          otherEvent(text, m, e, states, published),
      )
    )
      return false;
    let { form } = m.pattern;
    const marker = distancing(text, m, rules);
    const inQuote = inQuotation(m, quoted(), marker);
    // A `quoted` pattern is a source's word only: in the outlet's own text it names other things.
    if (m.pattern.quotedOnly && !inQuote) return false;
    let voice: Voice = inQuote ? 'quoted' : marker ? 'distanced' : 'outlet';
    // The marked form already says it (`so-called "referendums"`): the outlet's own wording.
    if (marker && form.form === concept.marked) voice = inQuote ? 'quoted' : 'outlet';
    else if (marker && concept.marked && form.pole !== 'ua') {
      form = concept.forms.find((f) => f.form === concept.marked)!;
      voice = inQuote ? 'quoted' : 'outlet';
    }
    const rule = marker ?? (inQuote ? 'quotation' : undefined);
    const key = `${concept.id}\u0000${form.form}\u0000${voice}`;
    let t = byKey.get(key);
    if (!t) {
      t = {
        concept: concept.id,
        form: form.form,
        pole: form.pole,
        provenance: form.provenance,
        voice,
        count: 0,
        mentions: [],
      };
      byKey.set(key, t);
    }
    t.count++;
    t.mentions.push(rule ? { start: m.start, end: m.end, rule } : { start: m.start, end: m.end });
    return true;
  }
}
