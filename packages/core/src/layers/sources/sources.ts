import { defineAnalyzer } from '../../analyzer.js';
import type { Paragraph, Span, Token } from '../../schema.js';
import type { Entity } from '../entities/entities.js';
import { linkSpeakers } from '../quotes/link.js';
import type { Quote, SourceSummary, SourcesLayer, Speaker } from '../quotes/types.js';

/** Counts word and number tokens in spans by binary search over token starts (no re-scanning of text). */
function wordCounter(tokens: readonly Token[]): (s: Span) => number {
  const starts = new Int32Array(tokens.length);
  const prefix = new Int32Array(tokens.length + 1);
  tokens.forEach((t, i) => {
    starts[i] = t.start;
    prefix[i + 1] = prefix[i]! + (t.kind === 'word' || t.kind === 'number' ? 1 : 0);
  });
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

const contentSpans = (q: Quote): Span[] => q.parts ?? [{ start: q.start, end: q.end }];
const keyOf = (s: Speaker) => `${s.type}:${s.name.toLowerCase()}`;
const fold = (w: string) => w.toLowerCase().replace(/ё/g, 'е');
const wordsOf = (name: string) => name.split(/\s+/).filter(Boolean);

/**
 * Merges the summaries of one person found under two names: a bare surname (`Стариков`,
 * `Holm`) into the one longer person name that ends with it (`Николай Стариков`, `Hydrologist
 * Lea Holm`). Speaker resolution links a surname to a full name said before it, but a headline
 * (`Стариков прокомментировал…`) names the person before the body gives the full name, and the
 * summary listed them as two sources. A surname that ends two longer names (two Kims) stays
 * apart. The longer name, its role and its place are kept.
 */
function mergeSurnames(list: SourceSummary[]): SourceSummary[] {
  const people = list.filter((s) => s.type === 'person');
  const into = new Map<SourceSummary, SourceSummary>();
  for (const short of people) {
    const w = wordsOf(short.name);
    const targets = people.filter((long) => {
      if (long === short) return false;
      const lw = wordsOf(long.name);
      return w.length === 1 && lw.length > 1 && fold(lw[lw.length - 1]!) === fold(w[0]!);
    });
    if (targets.length === 1) into.set(short, targets[0]!);
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
 * Summarises the `quotes` layer per article: each distinct speaker with type, role, number of
 * attributions, attributed words and relaying outlets; the share of body words that are
 * attributed (vs. the outlet's own voice) and the share of attributed words from anonymous sources.
 */
export function summarizeSources(
  quotes: readonly Quote[],
  paragraphs: readonly Paragraph[],
  tokens: readonly Token[],
  entities?: readonly Entity[],
): SourcesLayer {
  const count = wordCounter(tokens);
  // The entities layer may run after quotes; link the summary here when it is present.
  const links = entities ? linkSpeakers(quotes, entities) : undefined;
  const body = paragraphs.filter(
    (p) => p.duplicateOf === undefined && (p.role === 'body' || p.role === 'standfirst'),
  );
  const bodyWords = body.reduce((n, p) => n + count(p), 0);
  const bySpeaker = new Map<string, SourceSummary>();
  const attributed: Span[] = [];
  const anonymous: Span[] = [];
  let scare = 0;
  for (const q of quotes) {
    if (q.kind === 'scare') {
      scare++;
      continue;
    }
    const spans = contentSpans(q);
    attributed.push(...spans);
    if (!q.speaker) continue;
    if (q.speaker.type === 'anonymous') anonymous.push(...spans);
    const key = keyOf(q.speaker);
    let s = bySpeaker.get(key);
    if (!s) {
      s = {
        name: q.speaker.name,
        type: q.speaker.type,
        role: q.speaker.role,
        entity: q.speaker.entity ?? links?.get(q.speaker),
        attributions: 0,
        words: 0,
        via: [],
      };
      bySpeaker.set(key, s);
    }
    s.attributions++;
    s.words += spans.reduce((n, sp) => n + count(sp), 0);
    if (q.via && !s.via.includes(q.via.name)) s.via.push(q.via.name);
  }
  const words = (xs: Span[]) => union(xs).reduce((n, sp) => n + count(sp), 0);
  const attributedWords = words(attributed);
  const share = bodyWords ? Math.min(1, attributedWords / bodyWords) : 0;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    sources: mergeSurnames([...bySpeaker.values()]).sort(
      (a, b) => b.words - a.words || b.attributions - a.attributions,
    ),
    attributedShare: r3(share),
    ownVoiceShare: r3(1 - share),
    anonymousShare: attributedWords ? r3(words(anonymous) / attributedWords) : 0,
    scareQuotes: scare,
  };
}

/** The `sources` analyzer: a per-article summary of who speaks, built on the `quotes` layer. */
export const sources = defineAnalyzer({
  name: 'sources',
  version: 4,
  requires: ['quotes', 'paragraphs', 'tokens'],
  // Speakers' entity ids group a source's quotes when the pipeline finds entities.
  optional: ['entities'],
  produces: 'sources',
  defaults: {},
  run(doc): SourcesLayer {
    return summarizeSources(doc.quotes!, doc.paragraphs!, doc.tokens!, doc.entities);
  },
});
