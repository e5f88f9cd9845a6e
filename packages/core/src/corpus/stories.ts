import { loadGazetteer } from '../layers/entities/gazetteer.js';
import { type ConceptBag, conceptBag, surfaceForms } from './concepts.js';
import { languageOf } from './find-reuse.js';
import type { ReuseDocument } from './reuse-types.js';
import { comparisonView, type StoryComparison, storyComparison } from './story-comparison.js';
import { conceptVector, cosine, FrequencyTable } from './vectors.js';
import { fnv1a } from './words.js';

/** A member of a story. */
export interface StoryMember {
  id: string;
  outlet?: string;
  published?: string;
  lang: string;
  /** Concept cosine with the story when the document joined it (1 for the founding member). */
  similarity: number;
}

/** A story: articles about the same event, its label, who was first, and how the outlets differ. */
export interface Story {
  id: string;
  /** The story's key entities, places and dates, and a one-line label made of them. */
  label: { text: string; entities: string[]; places: string[]; dates: string[] };
  members: StoryMember[];
  /** The member published first, when publication times are known. */
  first?: { id: string; published: string };
  comparison: StoryComparison;
}

/** Options of {@link StoryIndex}. */
export interface StoryOptions {
  /**
   * Concept cosine between an article and a story for the article to join it (default 0.2: on
   * the SemEval-2022 story-similarity pairs, the cosine that best separates pairs rated the same
   * story, Overall ≤ 2, from the rest; precision 0.77, recall 0.76 pair by pair).
   */
  threshold: number;
  /** Features of an article used to look up candidate stories (default 24). */
  queryFeatures: number;
}

interface StoryState {
  id: string;
  bag: ConceptBag;
  lang: string;
  members: StoryMember[];
  /** The members' {@link comparisonView}s, in the order they joined. */
  docs: ReuseDocument[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Groups articles into stories incrementally: each new article joins the most similar existing
 * story (concept cosine with the sum of the story's members, at least `threshold`) or starts a
 * new one; nothing already placed moves, so adding articles never re-clusters the corpus.
 * Candidate stories come from an inverted index of the stories' features, not from comparing
 * every story. Works across languages through the concepts (entities, names, numbers, translated
 * words).
 */
export class StoryIndex {
  private readonly o: StoryOptions;
  private readonly df = new FrequencyTable();
  private readonly list: StoryState[] = [];
  private readonly byFeature = new Map<number, Set<number>>();

  constructor(options: Partial<StoryOptions> = {}) {
    this.o = { threshold: 0.2, queryFeatures: 24, ...options };
  }

  /** Adds an article; returns the id of the story it joined or started. */
  add(doc: ReuseDocument): string {
    const lang = languageOf(doc);
    const bag = conceptBag(doc.text, undefined, lang);
    this.df.addBag(bag);
    const vector = conceptVector(bag, this.df);
    const candidates = new Set<number>();
    const top = [...vector].sort((a, b) => b[1] - a[1]).slice(0, this.o.queryFeatures);
    for (const [k] of top) for (const s of this.byFeature.get(fnv1a(k)) ?? []) candidates.add(s);
    let best: { k: number; sim: number } | undefined;
    for (const k of candidates) {
      const s = this.list[k]!;
      const sim = cosine(
        conceptVector(bag, this.df, s.lang !== lang),
        conceptVector(s.bag, this.df, s.lang !== lang),
      );
      if (sim >= this.o.threshold && (!best || sim > best.sim)) best = { k, sim };
    }
    const member = {
      id: doc.id,
      outlet: doc.meta?.outlet,
      published: doc.meta?.published,
      lang,
      similarity: best ? Math.round(best.sim * 1000) / 1000 : 1,
    };
    let k: number;
    if (best) {
      k = best.k;
      const s = this.list[k]!;
      for (const [f, c] of bag) s.bag.set(f, (s.bag.get(f) ?? 0) + c);
      s.members.push(member);
      s.docs.push(comparisonView(doc));
    } else {
      k = this.list.length;
      this.list.push({
        id: `story-${k + 1}`,
        bag: new Map(bag),
        lang,
        members: [member],
        docs: [comparisonView(doc)],
      });
    }
    for (const [f] of top) {
      const h = fnv1a(f);
      const set = this.byFeature.get(h) ?? new Set<number>();
      set.add(k);
      this.byFeature.set(h, set);
    }
    return this.list[k]!.id;
  }

  /** The stories so far, largest first, each labelled and compared. */
  stories(): Story[] {
    return [...this.list]
      .sort(
        (a, b) =>
          b.members.length - a.members.length || a.id.localeCompare(b.id, undefined, { numeric: true }),
      )
      .map((s) => this.describe(s));
  }

  private describe(s: StoryState): Story {
    const v = conceptVector(s.bag, this.df);
    const gaz = loadGazetteer();
    const ranked = [...v].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    const entries = ranked.filter((k) => k.startsWith('e:')).map((k) => gaz.entries.get(k.slice(2)));
    const places = entries
      .filter((e) => e?.type === 'LOC')
      .map((e) => e!.name)
      .slice(0, 3);
    const entities = entries
      .filter((e) => e && e.type !== 'LOC')
      .map((e) => e!.name)
      .slice(0, 3);
    const years = ranked.filter((k) => /^#(19|20)\d\d$/.test(k)).map((k) => k.slice(1));
    const months = ranked.filter((k) => k.startsWith('m:')).map((k) => MONTHS[Number(k.slice(2)) - 1]!);
    const dates = [...months.slice(0, 2), ...years.slice(0, 2)];
    const timed = s.members.filter((m) => m.published && !Number.isNaN(Date.parse(m.published)));
    const first = timed.sort((a, b) => Date.parse(a.published!) - Date.parse(b.published!))[0];
    return {
      id: s.id,
      label: {
        text: [
          [...places, ...entities].join(', ') ||
            surfaceForms(
              ranked.slice(0, 3),
              s.docs.slice(0, 20).map((d) => d.text),
            ).join(', '),
          dates.join(' '),
        ]
          .filter(Boolean)
          .join(' — '),
        entities,
        places,
        dates,
      },
      members: s.members,
      ...(first ? { first: { id: first.id, published: first.published! } } : {}),
      comparison: storyComparison(s.docs, this.df),
    };
  }
}
