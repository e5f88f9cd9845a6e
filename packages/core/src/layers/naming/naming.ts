import { defineAnalyzer } from '../../analyzer.js';
import { rules } from '../../options.js';
import type { Paragraph, Span, Token } from '../../schema.js';
import type { Gazetteer, Provenance } from '../entities/gazetteer.js';
import { gazetteerFor, joinKeys } from '../entities/gazetteer.js';
import type { Entity } from '../entities/group.js';
import { tokenKey } from '../entities/keys.js';
import type { Quote } from '../quotes/types.js';
import { tokenize } from '../tokens/tokenize.js';
import { buildTerms, type NamingTerm } from './build-terms.js';
import { buildProfile, type NamingProfile, type PolarMention } from './profile.js';

import { loadTerms, TERM_FILES } from './terms.js';
import usageFile from './usages.json' with { type: 'json' };
import { inQuotation, type Quoted } from './voice.js';

export type { NamingProfile } from './profile.js';

/** One variant of a contested name as used in the article. */
export interface NamingVariant {
  form: string;
  provenance: string;
  pole: Provenance['pole'];
  count: number;
  /** Mentions inside quotations (the quoted source's spelling, not the outlet's). */
  quoted: number;
  mentions: Span[];
}

/** The naming choices for one entity with a contested name. */
export interface NamingEntity {
  /** Entity id (the gazetteer id, e.g. `bakhmut`). */
  entity: string;
  name: string;
  variants: NamingVariant[];
}

/** The `naming` layer. */
export interface NamingLayer {
  entities: NamingEntity[];
  /** Contested terms (the war, the territories, the actors, …) by concept, form and voice. */
  terms: NamingTerm[];
  profile: NamingProfile;
}

declare module '../../schema.js' {
  interface LayerMap {
    naming: NamingLayer;
  }
}

interface Usage {
  entity: string;
  lang: string;
  before: string[];
  endings?: string[];
  notBefore?: string[];
  form: string;
  provenance: string;
}
const USAGES = usageFile.usages as Usage[];

const keysOf = (s: string) => joinKeys(tokenize(s, 'en').map((t) => tokenKey(s.slice(t.start, t.end))));
const variantIndex = new WeakMap<Gazetteer, Map<string, Map<string, string>>>();

/** Variant forms of an entry by their joined keys, so declined forms find their variant. */
function variantsOf(gaz: Gazetteer, id: string): Map<string, string> | undefined {
  let byId = variantIndex.get(gaz);
  if (!byId) {
    byId = new Map();
    for (const e of gaz.entries.values()) {
      const forms = Object.keys(e.variants);
      if (forms.length) byId.set(e.id, new Map(forms.map((f) => [keysOf(f), f])));
    }
    variantIndex.set(gaz, byId);
  }
  return byId.get(id);
}

const inDuplicate = (paras: readonly Paragraph[], at: number) =>
  paras.some((p) => p.duplicateOf !== undefined && p.start <= at && at < p.end);

/** The word before and after offset range `[start, end)`, on the same line. */
function neighbours(text: string, start: number, end: number): [string, string] {
  const before = /(\p{L}+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, start - 20), start));
  const after = /^[ \u00a0]+(\p{L}+)/u.exec(text.slice(end, end + 20));
  return [before?.[1] ?? '', after?.[1] ?? ''];
}

/**
 * The spans of quotations: direct quotes (their pieces) and the quoted fragments of mixed
 * attributions. Reported speech is left out: its wording is the outlet's, and pro-Kremlin
 * outlets put `спецоперация` into Western officials' paraphrased words. Kept to one function so
 * `quotes` can become an optional input.
 */
export function quotedSpans(text: string, quotes: readonly Quote[] | undefined): Quoted[] {
  const out: Quoted[] = [];
  for (const q of quotes ?? []) {
    const attributed = q.cue !== undefined || q.speaker !== undefined;
    if (q.kind === 'direct')
      for (const p of q.parts ?? [q]) out.push({ start: p.start, end: p.end, attributed });
    else if (q.kind === 'mixed')
      for (const m of text.slice(q.start, q.end).matchAll(FRAGMENT))
        out.push({ start: q.start + m.index, end: q.start + m.index + m[0].length, attributed });
  }
  return out;
}

const FRAGMENT = /«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|"[^"\n]*"/g;

/**
 * Paragraphs of dialogue: in Russian typography a paragraph opened by a dash is direct speech
 * (interview answers, `— Конечно, …`), which the quotes layer does not attribute. Questions
 * (ending in `?`) are the interviewer's, so the outlet's own.
 */
export function dashSpeech(text: string, paras: readonly Paragraph[]): Quoted[] {
  return paras
    .filter(
      (p) =>
        /^[ \t\u00a0]*[—–][ \u00a0]/.test(text.slice(p.start, p.start + 4)) &&
        !/\?\s*$/.test(text.slice(p.start, p.end)),
    )
    .map((p) => ({ start: p.start, end: p.end, attributed: true }));
}

/** Builds the naming layer from the document's entities, tokens and quotations (see {@link naming}). */
export function buildNaming(
  text: string,
  lang: string,
  ents: readonly Entity[],
  paras: readonly Paragraph[],
  gaz: Gazetteer,
  context: { tokens?: readonly Token[]; quoted?: readonly Quoted[]; terms?: readonly string[] } = {},
): NamingLayer {
  const quoted = context.quoted ?? [];
  const skip = (at: number) => inDuplicate(paras, at);
  const out: NamingEntity[] = [];
  const names: PolarMention[] = [];
  for (const e of ents) {
    if (!e.gazetteer) continue;
    const forms = variantsOf(gaz, e.gazetteer);
    const usages = USAGES.filter((u) => u.entity === e.gazetteer && u.lang === lang);
    if (!forms && usages.length === 0) continue;
    const byForm = new Map<string, NamingVariant>();
    const add = (form: string, provenance: string, m: Span) => {
      const pole = gaz.provenances[provenance]?.pole ?? 'neutral';
      const v = byForm.get(form) ?? { form, provenance, pole, count: 0, quoted: 0, mentions: [] };
      const inQuote = inQuotation(m, quoted);
      v.count++;
      if (inQuote) v.quoted++;
      v.mentions.push({ start: m.start, end: m.end });
      byForm.set(form, v);
      names.push({ start: m.start, end: m.end, pole, provenance, quoted: inQuote });
    };
    for (const m of e.mentions) {
      if (skip(m.start)) continue;
      const surface = text.slice(m.start, m.end);
      const form =
        forms?.get(keysOf(surface)) ??
        (/^[A-Z][A-Z -]+$/.test(surface)
          ? forms?.get(keysOf(surface.replace(/\B[A-Z]+/g, (x) => x.toLowerCase())))
          : undefined);
      if (form) add(form, gaz.entries.get(e.gazetteer)!.variants[form]!, m);
      if (usages.length === 0) continue;
      const [before, after] = neighbours(text, m.start, m.end);
      for (const u of usages) {
        if (!u.before.includes(before)) continue;
        if (u.endings && !u.endings.some((x) => surface.endsWith(x))) continue;
        if (u.notBefore?.includes(after.toLowerCase())) continue;
        add(u.form, u.provenance, m);
      }
    }
    if (byForm.size)
      out.push({
        entity: e.id,
        name: e.name,
        variants: [...byForm.values()].sort((a, b) => b.count - a.count),
      });
  }
  const idx = loadTerms(lang, context.terms);
  const terms = idx && context.tokens ? buildTerms(text, lang, context.tokens, idx, quoted, skip) : [];
  return { entities: out, terms, profile: buildProfile(names, terms) };
}

/**
 * The `naming` analyzer: for entities whose names are contested (Kyiv/Kiev, Bakhmut/Artyomovsk,
 * `на Украине`/`в Украине`), which variants the article uses; for contested terms of the war
 * (`special military operation`/`invasion`, `liberated`/`occupied territories`, `Kiev regime`,
 * …; `terms.<lang>.json`), which forms it uses and in whose voice — the outlet's, a quoted
 * source's, or kept at a distance (`so-called`, scare quotes, `what Moscow calls …`); and a
 * profile of the whole article. Repeated paragraphs are not counted twice.
 */
export const naming = defineAnalyzer({
  name: 'naming',
  version: 2,
  requires: ['entities', 'paragraphs', 'tokens', 'language'],
  // Terms inside quotations are the quoted source's, when the pipeline finds quotations.
  optional: ['quotes'],
  produces: 'naming',
  // `terms`: terminology files of one's own, added to the shipped ones of their language.
  defaults: { gazetteers: [] as string[], terms: [] as string[] },
  rules: { gazetteers: rules.files, terms: rules.files },
  setup(options, registry) {
    registry.data('naming/usages.json', usageFile);
    for (const [lang, file] of Object.entries(TERM_FILES)) registry.data(`naming/terms.${lang}.json`, file);
    // Terminology files of one's own are read and checked now: a bad one stops the set-up.
    if (options.terms.length) for (const lang of Object.keys(TERM_FILES)) loadTerms(lang, options.terms);
    return gazetteerFor(registry, options.gazetteers);
  },
  run(doc, _ctx, options, gazetteer) {
    return buildNaming(doc.text, doc.language!.code, doc.entities!, doc.paragraphs!, gazetteer, {
      terms: options.terms,
      tokens: doc.tokens!,
      quoted: [...quotedSpans(doc.text, doc.quotes), ...dashSpeech(doc.text, doc.paragraphs!)],
    });
  },
});
