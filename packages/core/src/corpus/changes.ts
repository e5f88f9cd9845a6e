import type { Quote } from '../layers/quotes/types.js';
import type { Span } from '../schema.js';
import { findHedges } from './hedges.js';
import { type ParagraphPair, paragraphSpans } from './paragraph-align.js';
import type {
  AttributionChange,
  HedgeChange,
  NameChange,
  NumberChange,
  ReuseChanges,
  ReuseDocument,
} from './reuse-types.js';
import { nameSkeleton } from './translit.js';
import { lightStem } from './words.js';

const NUMBER = /\p{N}+(?:[.,]\p{N}+)*/gu;
const within = (s: Span, p: Span) => s.start >= p.start && s.end <= p.end;

/** Numbers in a paragraph with a normalised value (`1,000` and `1000` alike; `2,5` and `2.5` alike). */
function numbers(text: string, p: Span): { value: string; span: Span }[] {
  const out: { value: string; span: Span }[] = [];
  for (const m of text.slice(p.start, p.end).matchAll(NUMBER)) {
    const value = /^\d{1,3}(,\d{3})+$/.test(m[0]) ? m[0].replace(/,/g, '') : m[0].replace(',', '.');
    out.push({ value, span: { start: p.start + m.index!, end: p.start + m.index! + m[0].length } });
  }
  return out;
}

function numberChanges(s: ReuseDocument, t: ReuseDocument, ps: Span, pt: Span): NumberChange[] {
  const ns = numbers(s.text, ps);
  const nt = numbers(t.text, pt);
  const left = ns.filter((x) => !nt.some((y) => y.value === x.value));
  const right = nt.filter((y) => !ns.some((x) => x.value === y.value));
  return left.slice(0, right.length).map((x, k) => ({
    from: x.value,
    to: right[k]!.value,
    source: x.span,
    target: right[k]!.span,
  }));
}

function hedgeChanges(s: ReuseDocument, t: ReuseDocument, ps: Span, pt: Span): HedgeChange[] {
  const hs = findHedges(s.text, ps);
  const ht = findHedges(t.text, pt);
  const out: HedgeChange[] = [];
  for (const h of ht)
    if (!hs.some((x) => x.concept === h.concept))
      out.push({ change: 'added', cue: h.cue, span: { start: h.start, end: h.end } });
  for (const h of hs)
    if (!ht.some((x) => x.concept === h.concept))
      out.push({ change: 'removed', cue: h.cue, span: { start: h.start, end: h.end } });
  return out;
}

/** Contested-name mentions inside a paragraph: entity → first form, provenance and span. */
function namesIn(doc: ReuseDocument, p: Span): Map<string, { form: string; provenance: string; span: Span }> {
  const out = new Map<string, { form: string; provenance: string; span: Span }>();
  for (const e of doc.naming?.entities ?? [])
    for (const v of e.variants)
      for (const m of v.mentions)
        if (within(m, p) && !out.has(e.entity))
          out.set(e.entity, { form: v.form, provenance: v.provenance, span: m });
  return out;
}

function nameChanges(
  s: ReuseDocument,
  t: ReuseDocument,
  ps: Span,
  pt: Span,
  sameLanguage: boolean,
): NameChange[] {
  const ns = namesIn(s, ps);
  const nt = namesIn(t, pt);
  const out: NameChange[] = [];
  for (const [entity, x] of ns) {
    const y = nt.get(entity);
    // Across languages every form differs; only a change of side (provenance) is a change.
    if (!y || x.provenance === y.provenance || (!sameLanguage && x.provenance === 'neutral')) continue;
    if (sameLanguage && x.form === y.form) continue;
    out.push({
      entity,
      from: x.form,
      to: y.form,
      fromProvenance: x.provenance,
      toProvenance: y.provenance,
      source: x.span,
      target: y.span,
    });
  }
  return out;
}

/**
 * Who a quote is attributed to, comparable across the two documents: the name as written in
 * the same language; across languages the consonant skeleton of its last word (`Петренко` and
 * `Petrenko` alike). Entity ids are per-document and cannot be compared.
 */
function speakerKey(q: Quote, sameLanguage: boolean): string | undefined {
  const name = q.speaker?.name.toLowerCase();
  if (!name || sameLanguage) return name;
  const last = name.split(/\s+/).pop()!;
  return nameSkeleton(lightStem(last.replace(/ё/g, 'е'))) || undefined;
}

/**
 * Whether two quotes name the same speaker: equal keys, or, for two persons, one a capitalised
 * surname that ends the other's full name (`Евсеев` and `Владимир Евсеев`: a later mention by the
 * surname, or a copy that gives the full name, is no re-attribution) — unless the surname's own
 * document names another person of that surname in full (`Trump` where the source quotes
 * `Donald Trump`, → `Eric Trump` in the copy is someone else). Role nouns are no surnames:
 * `president` → `vice president` is a re-attribution.
 */
function sameSpeaker(
  a: Quote,
  ka: string | undefined,
  docA: ReuseDocument,
  b: Quote,
  kb: string | undefined,
  docB: ReuseDocument,
): boolean {
  if (ka === kb) return true;
  if (!ka || !kb || a.speaker?.type !== 'person' || b.speaker?.type !== 'person') return false;
  const [short, shortSp, shortDoc, long] =
    ka.length < kb.length ? [ka, a.speaker, docA, kb] : [kb, b.speaker, docB, ka];
  if (/\s/.test(short) || !/^\p{Lu}/u.test(shortSp.name) || !long.endsWith(` ${short}`)) return false;
  // The full names the surname's document gives: its entity's (when linked) and its speakers'.
  const entity = shortSp.entity && shortDoc.entities?.find((e) => e.id === shortSp.entity)?.name;
  const fullNames = [entity ?? '', ...(shortDoc.quotes ?? []).map((q) => q.speaker?.name ?? '')]
    .map((x) => x.toLowerCase())
    .filter((x) => x.endsWith(` ${short}`));
  return !fullNames.length || fullNames.includes(long);
}

function attributionChanges(
  s: ReuseDocument,
  t: ReuseDocument,
  ps: Span,
  pt: Span,
  sameLanguage: boolean,
): AttributionChange[] {
  if (!s.quotes || !t.quotes) return [];
  const qs = s.quotes.filter((q) => q.kind !== 'scare' && within(q, ps));
  const qt = t.quotes.filter((q) => q.kind !== 'scare' && within(q, pt));
  const ks = qs.map((q) => speakerKey(q, sameLanguage));
  const kt = qt.map((q) => speakerKey(q, sameLanguage));
  const span = (q: Quote) => ({ start: q.start, end: q.end });
  if (qs.length && !qt.length)
    return qs.map((q) => ({ change: 'dropped', from: q.speaker?.name, source: span(q) }));
  if (qt.length && !qs.length)
    return qt.map((q) => ({ change: 'added', to: q.speaker?.name, target: span(q) }));
  const out: AttributionChange[] = [];
  const onlyS = qs.filter(
    (q, k) => ks[k] !== undefined && !qt.some((x, j) => sameSpeaker(q, ks[k], s, x, kt[j], t)),
  );
  const onlyT = qt.filter(
    (q, k) => kt[k] !== undefined && !qs.some((x, j) => sameSpeaker(q, kt[k], t, x, ks[j], s)),
  );
  const n = Math.min(onlyS.length, onlyT.length);
  for (let k = 0; k < n; k++)
    out.push({
      change: 're-attributed',
      from: onlyS[k]!.speaker?.name,
      to: onlyT[k]!.speaker?.name,
      source: span(onlyS[k]!),
      target: span(onlyT[k]!),
    });
  return out;
}

const techniqueSet = (doc: ReuseDocument) =>
  doc.techniques
    ? new Set(doc.techniques.paragraphs.flatMap((p) => p.techniques.map((x) => x.technique)))
    : undefined;

/** A change record with nothing changed, starting from document `from`. */
export function noChanges(from: string): ReuseChanges {
  return {
    from,
    paragraphsAdded: [],
    paragraphsDropped: [],
    names: [],
    attributions: [],
    hedges: [],
    numbers: [],
    techniquesAdded: [],
    techniquesRemoved: [],
  };
}

/**
 * What changed from `s` (the source) to `t` (the copy), paragraph by paragraph over the aligned
 * pairs (`pairs` index s's paragraphs as `a`, t's as `b`): paragraphs added and dropped; inside
 * aligned paragraphs, numbers changed, hedges added or removed, contested names changed (naming
 * layer), attributions added, dropped or re-attributed (quotes layer); and techniques added or
 * removed over the whole article (techniques layer). Items needing a layer are empty without it.
 */
export function reuseChanges(
  s: ReuseDocument,
  t: ReuseDocument,
  pairs: readonly ParagraphPair[],
  sameLanguage: boolean,
): ReuseChanges {
  const sp = paragraphSpans(s);
  const tp = paragraphSpans(t);
  const role = (doc: ReuseDocument, k: number) => doc.paragraphs?.[k]?.role;
  const pairedS = new Set(pairs.map((p) => p.a));
  const pairedT = new Set(pairs.map((p) => p.b));
  const para = (doc: ReuseDocument, spans: Span[], k: number) => {
    const r = role(doc, k);
    return r ? { ...spans[k]!, role: r } : { ...spans[k]! };
  };
  const out = noChanges(s.id);
  out.paragraphsAdded = tp.flatMap((_, k) => (pairedT.has(k) ? [] : [para(t, tp, k)]));
  out.paragraphsDropped = sp.flatMap((_, k) => (pairedS.has(k) ? [] : [para(s, sp, k)]));
  for (const p of pairs) {
    const ps = sp[p.a]!;
    const pt = tp[p.b]!;
    out.numbers.push(...numberChanges(s, t, ps, pt));
    out.hedges.push(...hedgeChanges(s, t, ps, pt));
    out.names.push(...nameChanges(s, t, ps, pt, sameLanguage));
    out.attributions.push(...attributionChanges(s, t, ps, pt, sameLanguage));
  }
  const ts = techniqueSet(s);
  const tt = techniqueSet(t);
  if (ts && tt) {
    out.techniquesAdded = [...tt].filter((x) => !ts.has(x)).sort();
    out.techniquesRemoved = [...ts].filter((x) => !tt.has(x)).sort();
  }
  return out;
}
