import type { Entity } from '../entities/entities.js';
import { lexiconFor } from '../quotes/lexicon.js';
import type { SourceSummary } from '../quotes/types.js';

const fold = (w: string) => w.toLowerCase().replace(/ё/g, 'е');
const wordsOf = (name: string) => name.split(/\s+/).filter(Boolean);
const lastWord = (name: string) => fold(wordsOf(name).pop() ?? '');

/**
 * Merges the summaries of one person found under two names: a bare surname (`Стариков`,
 * `Holm`) into the one longer person name that ends with it (`Николай Стариков`, `Hydrologist
 * Lea Holm`). Speaker resolution links a surname to a full name said before it, but a headline
 * (`Стариков прокомментировал…`) names the person before the body gives the full name, and the
 * summary listed them as two sources. A surname that ends two longer names (two Kims) stays
 * apart. The longer name, its role and its place are kept.
 */
export function mergeSurnames(list: SourceSummary[]): SourceSummary[] {
  const people = list.filter((s) => s.type === 'person');
  // The longer names by their folded last word: one look-up a one-word name (a book names
  // thousands of people; comparing every pair was quadratic).
  const byLast = new Map<string, SourceSummary[]>();
  for (const long of people) {
    const lw = wordsOf(long.name);
    if (lw.length < 2) continue;
    const k = fold(lw[lw.length - 1]!);
    const at = byLast.get(k);
    if (at) at.push(long);
    else byLast.set(k, [long]);
  }
  const into = new Map<SourceSummary, SourceSummary>();
  for (const short of people) {
    const w = wordsOf(short.name);
    if (w.length !== 1) continue;
    const targets = byLast.get(fold(w[0]!));
    if (targets?.length === 1) into.set(short, targets[0]!);
  }
  if (into.size === 0) return list;
  // Only one-word names merge, into longer ones: no chains.
  for (const [short, long] of into) {
    long.attributions += short.attributions;
    long.words += short.words;
    long.role ??= short.role;
    long.entity ??= short.entity;
    for (const v of short.via) if (!long.via.includes(v)) long.via.push(v);
  }
  return list.filter((s) => !into.has(s));
}

/**
 * Merges a headline's role word (`Kiev … Should Admit Loss Of Bakhmut - Expert`, a source named
 * only in the headline, with no name) into the one person source whose role has that word
 * (`Pierre Henrot`, `Belgian military expert`): the headline sums up what the body attributes to
 * that person. A role that fits no person, or two, stays a source of its own.
 */
export function mergeTitleRoles(
  list: SourceSummary[],
  titleOnly: ReadonlySet<SourceSummary>,
  lang: string | undefined,
): SourceSummary[] {
  const lex = lexiconFor(lang ?? 'en');
  const into = new Map<SourceSummary, SourceSummary>();
  for (const short of list) {
    const w = fold(short.name);
    if (!titleOnly.has(short) || wordsOf(w).length !== 1 || short.type === 'person' || !lex.roles.has(w))
      continue;
    const targets = list.filter(
      (long) => long.type === 'person' && wordsOf(long.role ?? '').some((r) => fold(r) === w),
    );
    if (targets.length === 1) into.set(short, targets[0]!);
  }
  for (const [short, long] of into) {
    long.attributions += short.attributions;
    long.words += short.words;
    for (const v of short.via) if (!long.via.includes(v)) long.via.push(v);
  }
  return into.size === 0 ? list : list.filter((s) => !into.has(s));
}

/**
 * Names a source that is only a media noun (`газета`, `newspaper`: a definite reference back)
 * by the one organisation the article introduced with that noun (`итальянская газета
 * «Джорнале»`, `British newspaper The Times`: a mention right after the noun); another source of
 * that outlet takes its attributions. Two such organisations leave the noun. With none, the one
 * organisation or government source whose name ends in the noun (`the agency` after `the
 * International Energy Agency`) takes its attributions, when no other media source speaks.
 */
export function nameMediaNouns(
  list: SourceSummary[],
  entities: readonly Entity[] | undefined,
  text: string | undefined,
  lang: string | undefined,
): SourceSummary[] {
  if (!entities || text === undefined) return list;
  const nouns = lexiconFor(lang ?? 'en').mediaNouns;
  const drop = new Set<SourceSummary>();
  for (const s of list) {
    const noun = fold(s.name);
    if (s.type !== 'media' || wordsOf(noun).length !== 1 || !nouns.has(noun)) continue;
    const outlets = entities.filter(
      (e) =>
        e.type === 'ORG' &&
        e.mentions.some((m) => {
          const before = wordsOf(text.slice(Math.max(0, m.start - 40), m.start));
          return before.length > 0 && fold(before[before.length - 1]!) === noun;
        }),
    );
    if (outlets.length === 0) {
      // `the agency` after `the International Energy Agency`: the noun is the head of the one
      // non-media source named with it, when no outlet speaks in the article.
      const heads = list.filter(
        (o) => o !== s && o.type !== 'person' && o.type !== 'anonymous' && lastWord(o.name) === noun,
      );
      const head = heads[0];
      if (heads.length === 1 && head && !list.some((o) => o !== s && o.type === 'media')) {
        head.attributions += s.attributions;
        head.words += s.words;
        for (const v of s.via) if (!head.via.includes(v)) head.via.push(v);
        drop.add(s);
      }
      continue;
    }
    if (outlets.length !== 1) continue;
    const e = outlets[0]!;
    const name = e.mentions.find((m) => m.text)?.text ?? e.name;
    const other = list.find((o) => o !== s && !drop.has(o) && (o.entity === e.id || o.name === name));
    if (other) {
      other.attributions += s.attributions;
      other.words += s.words;
      for (const v of s.via) if (!other.via.includes(v)) other.via.push(v);
      drop.add(s);
      continue;
    }
    s.role ??= s.name;
    s.name = name;
    s.entity = e.id;
  }
  return drop.size ? list.filter((s) => !drop.has(s)) : list;
}
