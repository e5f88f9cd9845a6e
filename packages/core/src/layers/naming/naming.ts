import { defineAnalyzer } from '../../analyzer.js';
import { rules } from '../../options.js';
import type { Paragraph, Span } from '../../schema.js';
import type { Gazetteer, Provenance } from '../entities/gazetteer.js';
import { gazetteerFor, joinKeys } from '../entities/gazetteer.js';
import type { Entity } from '../entities/group.js';
import { tokenKey } from '../entities/keys.js';
import { tokenize } from '../tokens/tokenize.js';
import usageFile from './usages.json' with { type: 'json' };

/** One variant of a contested name as used in the article. */
export interface NamingVariant {
  form: string;
  provenance: string;
  pole: Provenance['pole'];
  count: number;
  mentions: Span[];
}

/** The naming choices for one entity with a contested name. */
export interface NamingEntity {
  /** Entity id (the gazetteer id, e.g. `bakhmut`). */
  entity: string;
  name: string;
  variants: NamingVariant[];
}

/** The article-level naming profile. */
export interface NamingProfile {
  /** Contested-name mentions by pole. */
  poles: { ua: number; ru: number; neutral: number };
  /** Mentions by provenance label. */
  provenances: Record<string, number>;
  /** Share of Russian-standard variants among ua + ru ones; null when none. */
  ruShare: number | null;
  /** `ru`/`ua` when ≥ 80% of polar variants lean one way, `mixed`, `neutral` or `none`. */
  lean: 'ru' | 'ua' | 'mixed' | 'neutral' | 'none';
}

/** The `naming` layer. */
export interface NamingLayer {
  entities: NamingEntity[];
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

/** Builds the naming layer from the document's entities (see {@link naming}). */
export function buildNaming(
  text: string,
  lang: string,
  ents: readonly Entity[],
  paras: readonly Paragraph[],
  gaz: Gazetteer,
): NamingLayer {
  const out: NamingEntity[] = [];
  const provenances: Record<string, number> = {};
  const poles = { ua: 0, ru: 0, neutral: 0 };
  for (const e of ents) {
    if (!e.gazetteer) continue;
    const forms = variantsOf(gaz, e.gazetteer);
    const usages = USAGES.filter((u) => u.entity === e.gazetteer && u.lang === lang);
    if (!forms && usages.length === 0) continue;
    const byForm = new Map<string, NamingVariant>();
    const add = (form: string, provenance: string, m: Span) => {
      const pole = gaz.provenances[provenance]?.pole ?? 'neutral';
      const v = byForm.get(form) ?? { form, provenance, pole, count: 0, mentions: [] };
      v.count++;
      v.mentions.push({ start: m.start, end: m.end });
      byForm.set(form, v);
      provenances[provenance] = (provenances[provenance] ?? 0) + 1;
      poles[pole]++;
    };
    for (const m of e.mentions) {
      if (inDuplicate(paras, m.start)) continue;
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
  const polar = poles.ua + poles.ru;
  const ruShare = polar ? Math.round((poles.ru / polar) * 1000) / 1000 : null;
  const lean =
    ruShare === null
      ? poles.neutral
        ? 'neutral'
        : 'none'
      : ruShare >= 0.8
        ? 'ru'
        : ruShare <= 0.2
          ? 'ua'
          : 'mixed';
  return { entities: out, profile: { poles, provenances, ruShare, lean } };
}

/**
 * The `naming` analyzer: for entities whose names are contested (Kyiv/Kiev, Bakhmut/Artyomovsk,
 * `на Украине`/`в Украине`), which variants the article uses, how often, with each variant's
 * provenance, and a profile of the whole article. Repeated paragraphs are not counted twice.
 */
export const naming = defineAnalyzer({
  name: 'naming',
  version: 1,
  requires: ['entities', 'paragraphs', 'language'],
  produces: 'naming',
  defaults: { gazetteers: [] as string[] },
  rules: { gazetteers: rules.files },
  setup(options, registry) {
    registry.data('naming/usages.json', usageFile);
    return gazetteerFor(registry, options.gazetteers);
  },
  run(doc, _ctx, _options, gazetteer) {
    return buildNaming(doc.text, doc.language!.code, doc.entities!, doc.paragraphs!, gazetteer);
  },
});
