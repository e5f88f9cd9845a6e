import { conceptBag } from './concepts.js';
import type { ReuseDocument } from './reuse-types.js';
import { conceptVector, cosine, type DocFrequencies } from './vectors.js';
import { paragraphTechniques, textView } from './views.js';

/** A claim made in the story, and which members include or omit it. */
export interface StoryClaim {
  /** The claim as the first member that makes it words it. */
  text: string;
  member: string;
  includedBy: string[];
  omittedBy: string[];
}

/**
 * Side by side, member by member (keyed by document id): the sources each quotes, the contested
 * names it uses (form and provenance), its techniques and frames; and the story's claims with
 * who includes and who omits each. Lists are empty for members analysed without those layers.
 */
export interface StoryComparison {
  sources: Record<string, string[]>;
  names: Record<string, { entity: string; form: string; provenance: string }[]>;
  techniques: Record<string, string[]>;
  frames: Record<string, string[]>;
  claims: StoryClaim[];
}

const CLAIMS_PER_MEMBER = 6;

/**
 * What {@link storyComparison} reads of a member, and nothing else: its text (claims are cut
 * from it, labels read the first members'), metadata, language, its `CLAIMS_PER_MEMBER`
 * highest-scoring claims, its sources and naming, the techniques of its paragraphs (no spans)
 * and its selected frames. A story index keeps this instead of the whole document, so that a
 * corpus of analysed documents can be grouped without holding every layer of every document.
 */
export function comparisonView(doc: ReuseDocument): ReuseDocument {
  const view = textView(doc);
  if (doc.claims) view.claims = topClaims(doc.claims);
  if (doc.sources) view.sources = doc.sources;
  if (doc.naming) view.naming = doc.naming;
  if (doc.techniques) view.techniques = paragraphTechniques(doc.techniques);
  if (doc.frames) view.frames = doc.frames.filter((f) => f.selected);
  return view;
}

/** A member's claims the comparison groups: the highest-scoring first (a stable sort). */
function topClaims<C extends { score: number }>(claims: readonly C[]): C[] {
  return [...claims].sort((a, b) => b.score - a.score).slice(0, CLAIMS_PER_MEMBER);
}

/** Groups the members' claims across the story (concept cosine ≥ 0.35) and compares the members. */
export function storyComparison(docs: readonly ReuseDocument[], df: DocFrequencies): StoryComparison {
  const ids = docs.map((d) => d.id);
  const per = <T>(f: (d: ReuseDocument) => T[]) => Object.fromEntries(docs.map((d) => [d.id, f(d)]));
  const groups: {
    text: string;
    member: string;
    vector: Map<string, number>;
    lang?: string;
    by: Set<string>;
  }[] = [];
  for (const d of docs) {
    const lang = d.language?.code ?? d.meta?.lang;
    const claims = topClaims(d.claims ?? []);
    for (const c of claims) {
      const text = d.text.slice(c.start, c.end);
      let best: (typeof groups)[number] | undefined;
      let bestSim = 0.35;
      for (const g of groups) {
        const cross = g.lang !== lang;
        const sim = cosine(
          conceptVector(conceptBag(text, undefined, lang), df, cross),
          cross ? conceptVector(conceptBag(g.text, undefined, g.lang), df, true) : g.vector,
        );
        if (sim >= bestSim) {
          best = g;
          bestSim = sim;
        }
      }
      if (best) best.by.add(d.id);
      else
        groups.push({
          text,
          member: d.id,
          vector: conceptVector(conceptBag(text, undefined, lang), df),
          lang,
          by: new Set([d.id]),
        });
    }
  }
  return {
    sources: per((d) => (d.sources?.sources ?? []).map((s) => s.name)),
    names: per((d) =>
      (d.naming?.entities ?? []).flatMap((e) =>
        e.variants.map((v) => ({ entity: e.entity, form: v.form, provenance: v.provenance })),
      ),
    ),
    techniques: per((d) =>
      [
        ...new Set((d.techniques?.paragraphs ?? []).flatMap((p) => p.techniques.map((t) => t.technique))),
      ].sort(),
    ),
    frames: per((d) => (d.frames ?? []).filter((f) => f.selected).map((f) => f.frame)),
    claims: groups.map((g) => ({
      text: g.text.length > 200 ? `${g.text.slice(0, 199)}…` : g.text,
      member: g.member,
      includedBy: ids.filter((id) => g.by.has(id)),
      omittedBy: ids.filter((id) => !g.by.has(id)),
    })),
  };
}
