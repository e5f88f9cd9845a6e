import { defineAnalyzer } from '../../analyzer.js';
import type { Paragraph, Span, Token } from '../../schema.js';
import type { Entity } from '../entities/entities.js';
import { loadGazetteer } from '../entities/gazetteer.js';
import { tokenKey } from '../entities/keys.js';
import { foldName, intergovernmental, surfacesOf } from '../quotes/international.js';
import { lexiconFor } from '../quotes/lexicon.js';
import { linkSpeakers } from '../quotes/link.js';
import { institutionRu } from '../quotes/speaker-ru.js';
import type { Quote, SourceSummary, SourcesLayer, SpeakerType } from '../quotes/types.js';
import { nominativeDisplayRu } from './display-name.js';
import { mergeSurnames, mergeTitleRoles, nameMediaNouns } from './merge.js';
import { articleNoun, pluralGroupType } from './unnamed.js';

const fold = foldName;

/** Counts word and number tokens in spans by binary search over token starts (no re-scanning of text). */
function wordCounter(tokens: readonly Token[]): (s: Span) => number {
  const starts = new Int32Array(tokens.length);
  const prefix = new Int32Array(tokens.length + 1);
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    starts[i] = t.start;
    if (t.kind === 'word' || t.kind === 'number') n++;
    prefix[i + 1] = n;
  }
  const lower = (x: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (s) => prefix[lower(s.end)]! - prefix[lower(s.start)]!;
}

/** Merges overlapping spans (sorted copy) so shared text is counted once. */
function union(spans: readonly Span[]): Span[] {
  const xs = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of xs) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

const words = (s: string) => new Set(s.split(/\s+/));

/**
 * Words that never name a source on their own (en/ru): personal, possessive, demonstrative and
 * relative pronouns, indefinites and quantifiers (`anyone`, `much`, `others`), and the verbs or
 * prepositions a speaker phrase catches when the cue scan misreads a clause (`Looks`, `According`).
 * The lists are closed classes; lower-cased, `ё` as `е`.
 */
const FUNCTION_WORDS = words(
  'i me my mine you your yours he him his she her hers it its we us our ours they them their theirs ' +
    'myself yourself himself herself itself ourselves themselves this that these those who whom whose what which ' +
    'anyone anybody anything someone somebody something everyone everybody everything no nobody nothing none ' +
    'one ones some many much more most few fewer several all each either neither both another other others ' +
    'there here such same according regarding looks seems appears including being the a an ' +
    'maybe perhaps often always sometimes usually well ever almost rather quite very so ' +
    // Verbs whose past or base form a cue scan can leave as a one-word speaker (not `-ed`).
    'heard wrote began got get make made keep kept stop went came gave took saw thought knew felt found let ' +
    'я меня мне мной ты тебя тебе он его него ему нему им ним она ее нее ей ней оно мы нас нам вы вас вам ' +
    'они их них ими ними себя свой своя свои кто что который которая которые которым которую это этот эта эти ' +
    'то тот та те все всё весь каждый никто ничто некто кое-кто кто-то кто-нибудь многие другие сам сама сами ' +
    'согласно причем рядом',
);

/**
 * Personal pronouns (and `something`/`nothing`) that start a clause: a speaker phrase opening
 * with one is a misread clause (`we can`, `him under the headline`), not a description.
 */
const CLAUSE_PRONOUNS = words(
  'i you he she it we they me him us them something nothing anything я ты он она оно мы вы они',
);

/** Third-person singular pronouns a summary may resolve to the article's only named person. */
const HE_SHE = words('he him his she her он его него она ее нее');

/**
 * Adverbs, particles and auxiliaries that end a speaker phrase but not a name (`US still`,
 * `people cannot`, `police just`); removed from the end.
 */
const TAIL_WORDS = words(
  'still also now then already just even only never again too however therefore meanwhile reportedly ' +
    'previously recently later once yet currently cannot can could would will may might must should shall ' +
    'has have had is are was were does did do said says told added ' +
    'также тоже уже еще ранее позже же ведь лишь только вновь снова сейчас теперь',
);

/** Prepositions a speaker phrase can start with (`Regarding Bergoglio`, `According Reuters`); removed from the start. */
const LEAD_WORDS = words('according regarding per as by from согласно');

/**
 * A lower-case word of 7+ letters in `-ed` (`surfaced`) or 8+ in `-ly` (`historically`) but not
 * `-bly`/`-ply` nouns (`assembly`, `supply`): a verb or adverb left as a one-word speaker.
 * Shorter words are too often nouns (`daily`, `weekly`, `bed`).
 */
const isAdverbOrParticiple = (w: string) =>
  /^\p{Ll}+$/u.test(w) && ((w.length >= 7 && w.endsWith('ed')) || (w.length >= 8 && /[^bp]ly$/.test(w)));

/** Words that open an English verb's object: articles, possessives, demonstratives, quantifiers. */
const OBJECT_OPENERS = words(
  'the a an his her their its our my your this that these those some one two three',
);

/**
 * Whether a phrase opens with a lower-case English past verb and its object (`sent a letter`,
 * `released a statement`, `took his own life`, `accepted the`): the cue scan read a clause's
 * predicate as its speaker. `-ed` words of 5+ letters or the quotes lexicon's irregular
 * `pastVerbs`; a participle before a noun stays (`elected officials`, `retired general`).
 */
function pastVerbObject(first: string, second: string): boolean {
  if (!/^\p{Ll}+$/u.test(first) || (!OBJECT_OPENERS.has(second) && !/^\d/.test(second))) return false;
  return (first.length >= 5 && first.endsWith('ed')) || lexiconFor('en').words.pastVerbs.has(first);
}

const LEADING = /^[^\p{L}\p{N}«“"„(]+/u;
const TRAILING = /[^\p{L}\p{N}»”")'’.]+$/u;
/** A last character {@link TRAILING} keeps (a lone surrogate is not: the regex decides then). */
const KEPT_AT_END = /^[\p{L}\p{N}»”")'’.]$/u;
/** A first character {@link LEADING} keeps. */
const KEPT_AT_START = /^[\p{L}\p{N}«“"„(]$/u;
/** `s` without what {@link LEADING} cuts; the regex only when the first character is cut. */
const trimStart = (s: string) => (s && KEPT_AT_START.test(s[0]!) ? s : s.replace(LEADING, ''));
/** A folded word without an English clitic (`they’ve` → `they`); the regex only with an apostrophe. */
const withoutClitic = (w: string) =>
  w.includes("'") || w.includes('’') ? w.replace(/['’](ve|d|ll|re|s|m)$/, '') : w;

/**
 * A speaker phrase as a source a reader can use, or `undefined` when it names none: punctuation
 * trimmed from both ends (`. Pompeo`), leading prepositions and trailing adverbs or auxiliaries
 * removed (`US still`), and phrases that are a pronoun, indefinite or function word (`You`,
 * `Anyone`, `it`), start with a subject pronoun (`we can`), or are one lower-case adverb or participle
 * (`historically`, `surfaced`) dropped. A pronoun or function word is not a person, so a
 * one-word `person` that is lower-case becomes `unknown`.
 */
export function cleanSpeakerName(name: string): string | undefined {
  let trimmed = trimStart(name);
  // The end-anchored regex tries every position of the name: only when the last character is cut.
  if (trimmed && !KEPT_AT_END.test(trimmed[trimmed.length - 1]!)) trimmed = trimmed.replace(TRAILING, '');
  let w = trimmed.split(/\s+/).filter(Boolean);
  while (w.length > 1 && LEAD_WORDS.has(fold(w[0]!))) w = w.slice(1);
  // `including a national security adviser` is the adviser; `including one`, `including a birth
  // certificate`, `including the removal of an Islamist mayor` (the cue's object read as its
  // subject) name no one.
  if (w.length > 0 && fold(w[0]!) === 'including') {
    const of = w.indexOf('of');
    if (!(of < 0 ? w : w.slice(0, of)).some((x) => PERSON_HEADS.has(fold(x)))) return undefined;
    w = w.slice(1);
  }
  while (w.length > 1 && TAIL_WORDS.has(fold(w[w.length - 1]!))) w = w.slice(0, -1);
  if (w.length === 0) return undefined;
  // An acronym is a name (`US`, `WHO`), not the pronoun it spells.
  // `they’ve`, `he'd`: the pronoun before the clitic.
  const first = /^\p{Lu}{2,}$/u.test(w[0]!) ? '' : withoutClitic(fold(w[0]!));
  if (w.length === 1 && (FUNCTION_WORDS.has(first) || LEAD_WORDS.has(first) || TAIL_WORDS.has(first)))
    return undefined;
  if (w.length > 1 && CLAUSE_PRONOUNS.has(first)) return undefined;
  if (w.length === 1 && isAdverbOrParticiple(w[0]!)) return undefined;
  if (w.length > 1 && pastVerbObject(w[0]!, w[1]!)) return undefined;
  return trimStart(w.join(' '));
}

/**
 * Words that make a speaker phrase a person even where it names an organisation: the quotes
 * lexicons' ranks and role words (`Майор ВСУ`, `Посол Украины`, `spokesman`), lower-cased — one
 * list for both layers.
 */
const PERSON_HEADS = new Set(
  ['en', 'ru'].flatMap((l) => {
    const lex = lexiconFor(l);
    return [...lex.ranks, ...lex.roles].map(fold);
  }),
);

/**
 * Cognition and intention cues (`think`, `уверены` → `считать`): in a headline they state what the
 * outlet says someone believes, not an attribution (`Оболваненные украинцы уверены, что…`).
 */
const BELIEF_LEMMAS = words(
  'think believe feel hope fear worry doubt know understand want expect seek plan ' +
    'считать полагать думать верить надеяться бояться опасаться хотеть знать понимать ожидать',
);

/** Nouns that make an organisation an outlet (`журнал`, `newspaper`), from the quotes layer's lexicons. */
const mediaNouns = new Set([...lexiconFor('en').mediaNouns, ...lexiconFor('ru').mediaNouns].map(fold));

/** What the summary asks of the article's entities, each answer made once and only when asked. */
interface EntityFacts {
  /** {@link surfacesOf} the entity. */
  surfaces(e: Entity): Set<string>;
  /** The last words (folded) of the person entities' surfaces of two or more words. */
  surnames(): ReadonlySet<string>;
  /** {@link surnames} and the person entities' one-word surfaces (`Stevens`). */
  personWords(): ReadonlySet<string>;
}

function entityFacts(entities: readonly Entity[] | undefined): EntityFacts {
  const bySurface = new Map<Entity, Set<string>>();
  let last: Set<string> | undefined;
  let single: Set<string> | undefined;
  const surfaces = (e: Entity) => {
    let out = bySurface.get(e);
    if (!out) {
      out = surfacesOf(e);
      bySurface.set(e, out);
    }
    return out;
  };
  return {
    surfaces,
    surnames() {
      if (last) return last;
      last = new Set<string>();
      for (const e of entities ?? [])
        if (e.type === 'PER')
          for (const n of surfaces(e)) {
            const w = wordsOf(n);
            if (w.length > 1) last.add(w[w.length - 1]!);
          }
      return last;
    },
    personWords() {
      if (single) return single;
      single = new Set(this.surnames());
      for (const e of entities ?? [])
        if (e.type === 'PER') for (const n of surfaces(e)) if (wordsOf(n).length === 1) single.add(n);
      return single;
    },
  };
}

/**
 * A source's type from its linked entity: a speaker phrase that is only an organisation's name
 * (`Блумберг`, `Foreign Policy`) is that organisation — an outlet (by the gazetteer or a role
 * such as `Британский журнал`) `media`, a government body or armed force `government` (as the
 * quotes layer's lexicon types `ВСУ`), else `organization`, unless the role has a person's head
 * (`глава ОП`) — and one that is only a person's name is a `person`. A
 * phrase with more words than the name (`Майор ВСУ`, `Bloomberg columnist`) keeps the quotes
 * layer's type (as does, in English, an entity the gazetteer does not know, and a one-word name that ends a person entity's name: `Holm` beside `Lea
 * Holm`), except that a person head before an organisation's name (a rank, `Посол`) is an
 * unnamed person's description, `unknown` like `Эксперт` (not the organisation's type).
 */
function typeFromEntity(
  name: string,
  role: string | undefined,
  type: SpeakerType,
  e: Entity | undefined,
  facts: EntityFacts,
  trustTagger: boolean,
): SpeakerType {
  if (!e || type === 'anonymous' || type === 'document') return type;
  const surfaces = facts.surfaces(e);
  // The English tagger types unknown people ORG (`Seymour Hersh`, `Leeann Tweeden`): there only a
  // gazetteer entry's type is taken over the quotes layer's.
  const whole = surfaces.has(fold(name)) && (trustTagger || e.gazetteer !== undefined);
  if (e.type === 'ORG') {
    // A surname the tagger typed ORG in a headline (`Holm warns…`) stays the person it names.
    // A role with a person's head (`глава ОП`) says the speaker is a person of that organisation.
    const roleWords = wordsOf(role ?? '').map(fold);
    if (
      whole &&
      (type === 'person' || type === 'unknown') &&
      !facts.surnames().has(fold(name)) &&
      !roleWords.some((w) => PERSON_HEADS.has(w))
    )
      return e.kind === 'outlet' || roleWords.some((w) => mediaNouns.has(w))
        ? 'media'
        : e.kind === 'government' || e.kind === 'agency' || e.kind === 'formation'
          ? 'government'
          : 'organization';
    const w = wordsOf(name);
    if (type !== 'person' && type !== 'unknown' && w.length > 1 && PERSON_HEADS.has(fold(w[0]!))) {
      // The head stands outside the organisation's name (`General Motors` keeps its type).
      if (!surfaces.has(fold(name)) && surfaces.has(fold(w.slice(1).join(' ')))) return 'unknown';
    }
    return type;
  }
  if (e.type === 'PER' && whole && (type === 'organization' || type === 'government' || type === 'media'))
    return 'person';
  // A country or city speaking (`Дания, подчеркнув…`) is its government, as `Kiev` and `Russia` are.
  if (e.type === 'LOC' && whole && (type === 'person' || type === 'unknown')) return 'government';
  return type;
}

/**
 * The article's full name of the person a one-word speaker name is the surname of (`Мюррей` →
 * `Дуглас Мюррей`, `Holm` → `Lea Holm`): the linked person entity's name, or else a mention of it,
 * of more words ending in the name as written (so an inflected mention, `Дугласа Мюррея`, is no
 * match). Undefined when there is none.
 */
function fullName(name: string, e: Entity | undefined): string | undefined {
  if (e?.type !== 'PER' || wordsOf(name).length !== 1) return undefined;
  for (const f of [e.name, ...e.mentions.map((m) => m.text ?? '')]) {
    const w = wordsOf(f);
    if (w.length > 1 && w[w.length - 1] === name) return f;
  }
  return undefined;
}

/**
 * A Russian person's name with an institution in the genitive in front (`Госдепа Джим О'Брайен`,
 * the State Department's Jim O'Brien): the name without it and the institution words, which
 * belong to the role. The rest must be a person's name: the linked person entity's, or two or
 * more capitalised words.
 */
function splitAffiliation(
  name: string,
  e: Entity | undefined,
  facts: EntityFacts,
): [string, string] | undefined {
  if (!/[а-яё]/i.test(name)) return undefined;
  const w = wordsOf(name);
  const lex = lexiconFor('ru');
  let k = 0;
  while (k < w.length - 1 && institutionRu(w[k]!, lex)) k++;
  if (k === 0) return undefined;
  const rest = w.slice(k);
  const isName = e ? e.type === 'PER' && facts.surfaces(e).has(fold(rest.join(' '))) : rest.length >= 2;
  if (!isName || !rest.every((x) => /^\p{Lu}/u.test(x))) return undefined;
  return [rest.join(' '), w.slice(0, k).join(' ')];
}

/**
 * Whether a one-word name is a person the shipped gazetteer knows by surname (`Lavrov`, the
 * weak form it derives from `Sergei Lavrov`).
 */
const knownSurname = (name: string): boolean =>
  loadGazetteer().byKeys.get(tokenKey(name))?.entry.type === 'PER';

/** Whether a quote's attribution sits in a title paragraph. */
const inTitle = (q: Quote, titles: readonly Paragraph[]) => {
  const at = (q.source ?? q.cue ?? q).start;
  return titles.some((t) => at >= t.start && at < t.end);
};

const contentSpans = (q: Quote): Span[] => q.parts ?? [{ start: q.start, end: q.end }];
const keyOf = (type: string, name: string) => `${type}:${name.toLowerCase()}`;
const wordsOf = (name: string) => name.split(/\s+/).filter(Boolean);

/**
 * Summarises the `quotes` layer per article: each distinct speaker with type, role, number of
 * attributions, attributed words and relaying outlets; the share of body words that are
 * attributed (vs. the outlet's own voice) and the share of attributed words from anonymous sources.
 */
export function summarizeSources(
  quotes: readonly Quote[],
  paragraphs: readonly Paragraph[],
  tokens: readonly Token[],
  entities?: readonly Entity[],
  lang?: string,
  text?: string,
): SourcesLayer {
  const count = wordCounter(tokens);
  // The entities layer may run after quotes; link the summary here when it is present.
  const links = entities ? linkSpeakers(quotes, entities) : undefined;
  const body = paragraphs.filter(
    (p) => p.duplicateOf === undefined && (p.role === 'body' || p.role === 'standfirst'),
  );
  const bodyWords = body.reduce((n, p) => n + count(p), 0);
  const titles = paragraphs.filter((p) => p.role === 'title');
  let byId: Map<string, Entity> | undefined;
  const entityById = (id: string) => {
    byId ??= new Map((entities ?? []).map((e) => [e.id, e]));
    return byId.get(id);
  };
  const facts = entityFacts(entities);
  const cleaned = new Map<string, string | undefined>();
  const bySpeaker = new Map<string, SourceSummary>();
  // Sources named only in a headline (`… - Expert`).
  const titleOnly = new Set<SourceSummary>();
  const anonymousOf = new Map<SourceSummary, Span[]>();
  const attributed: Span[] = [];
  let anonymous: Span[] = [];
  let scare = 0;
  // Quotes whose speaker is a bare `he`/`she`: resolved below when the article names one person.
  const pronouns: { q: Quote; spans: Span[] }[] = [];
  for (const q of quotes) {
    if (q.kind === 'scare') {
      scare++;
      continue;
    }
    const linked = q.speaker ? (q.speaker.entity ?? links?.get(q.speaker)) : undefined;
    const entity = linked ? entityById(linked) : undefined;
    // A headline's belief (`Оболваненные украинцы уверены, что…`) is the outlet's claim, not a
    // source's, unless the believer is a named person or organisation.
    if (
      q.speaker &&
      q.cueLemma &&
      BELIEF_LEMMAS.has(q.cueLemma) &&
      entity?.type !== 'PER' &&
      entity?.type !== 'ORG' &&
      inTitle(q, titles)
    )
      continue;
    const spans = contentSpans(q);
    attributed.push(...spans);
    if (!q.speaker) continue;
    if (q.speaker.type === 'anonymous') anonymous.push(...spans);
    // A speaker is named the same way several times in an article: each name is cleaned once.
    let name = cleaned.get(q.speaker.name);
    if (name === undefined && !cleaned.has(q.speaker.name)) {
      name = cleanSpeakerName(q.speaker.name);
      cleaned.set(q.speaker.name, name);
    }
    if (!name) {
      if (HE_SHE.has(fold(q.speaker.name.trim()))) pronouns.push({ q, spans });
      continue;
    }
    const split = splitAffiliation(name, entity, facts);
    if (split) name = split[0];
    else name = fullName(name, entity) ?? name;
    let role = split ? [q.speaker.role, split[1]].filter(Boolean).join(' ') : q.speaker.role;
    let type = typeFromEntity(
      name,
      role,
      q.speaker.type === 'person' && /^\p{Ll}/u.test(name) ? 'unknown' : q.speaker.type,
      entity,
      facts,
      lang === 'ru',
    );
    if (type === 'government' && intergovernmental(name, entity, facts.surfaces)) type = 'organization';
    // `Shock: …`, `Hypocrisy: …`: a one-word label before a headline's colon that names no entity
    // of the article (none found there, no surname of a person's) and no person the gazetteer
    // knows (`Lavrov: …` over a body that never names him) is a section label, no speaker.
    // English only; without the entities layer the label stays.
    if (
      q.rule === 'title-colon' &&
      lang === 'en' &&
      type === 'person' &&
      entities !== undefined &&
      entity === undefined &&
      wordsOf(name).length === 1 &&
      !facts.surnames().has(fold(name)) &&
      !knownSurname(name)
    )
      continue;
    // English one-word "persons" no person entity backs: a plural is a group (`Traders said`), a
    // word after `the` a description (`The Latest on …`, `the Cardinal`), not a person's name.
    if (lang === 'en' && entities !== undefined && type === 'person' && !/\s/.test(name)) {
      const ev = {
        entity,
        personWord: facts.personWords().has(fold(name)),
        knownSurname: knownSurname(name),
      };
      const at = q.speaker.mention?.start;
      const group = pluralGroupType(name, ev);
      if (group) type = group;
      else if (text && at !== undefined && articleNoun(name, text.slice(Math.max(0, at - 5), at), ev))
        type = 'unknown';
      if (type !== 'person') role ??= name;
    }
    // `Еврокомиссии`, `Всемирного Банка`: shown in the nominative where it is known.
    if (lang === 'ru') name = nominativeDisplayRu(name, entity);
    const key = keyOf(type, name);
    let s = bySpeaker.get(key);
    if (!s) {
      s = {
        name,
        type,
        role,
        entity: linked,
        attributions: 0,
        words: 0,
        via: [],
      };
      bySpeaker.set(key, s);
    }
    // A later attribution may give the role the first did not (a headline's surname, then the body's full name).
    s.role ??= role;
    if (q.speaker.type === 'anonymous') {
      const seen = anonymousOf.get(s);
      if (seen) seen.push(...spans);
      else anonymousOf.set(s, [...spans]);
    }
    if (s.attributions === 0 && inTitle(q, titles)) titleOnly.add(s);
    else if (!inTitle(q, titles)) titleOnly.delete(s);
    s.attributions++;
    s.words += spans.reduce((n, sp) => n + count(sp), 0);
    if (q.via && !s.via.includes(q.via.name)) s.via.push(q.via.name);
  }
  const surnamed = mergeSurnames([...bySpeaker.values()]);
  const list = nameMediaNouns(mergeTitleRoles(surnamed, titleOnly, lang), entities, text, lang);
  // A headline's anonymous-looking role merged into a person is that person's, not anonymous.
  const kept = new Set(list);
  const merged = new Set(surnamed.filter((x) => !kept.has(x)).flatMap((x) => anonymousOf.get(x) ?? []));
  if (merged.size) anonymous = anonymous.filter((sp) => !merged.has(sp));
  const named = list.filter((s) => s.type === 'person');
  if (named.length === 1)
    for (const { q, spans } of pronouns) {
      named[0]!.attributions++;
      named[0]!.words += spans.reduce((n, sp) => n + count(sp), 0);
      if (q.via && !named[0]!.via.includes(q.via.name)) named[0]!.via.push(q.via.name);
    }
  const wordsIn = (xs: Span[]) => union(xs).reduce((n, sp) => n + count(sp), 0);
  const attributedWords = wordsIn(attributed);
  const share = bodyWords ? Math.min(1, attributedWords / bodyWords) : 0;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    sources: list.sort((a, b) => b.words - a.words || b.attributions - a.attributions),
    attributedShare: r3(share),
    ownVoiceShare: r3(1 - share),
    anonymousShare: attributedWords ? r3(wordsIn(anonymous) / attributedWords) : 0,
    scareQuotes: scare,
  };
}

/** The `sources` analyzer: a per-article summary of who speaks, built on the `quotes` layer. */
export const sources = defineAnalyzer({
  name: 'sources',
  version: 8,
  requires: ['quotes', 'paragraphs', 'tokens', 'language'],
  // Speakers' entity ids group a source's quotes when the pipeline finds entities.
  optional: ['entities'],
  produces: 'sources',
  defaults: {},
  run(doc): SourcesLayer {
    return summarizeSources(
      doc.quotes!,
      doc.paragraphs!,
      doc.tokens!,
      doc.entities,
      doc.language?.code,
      doc.text,
    );
  },
});
