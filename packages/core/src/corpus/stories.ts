import { loadGazetteer } from '../layers/entities/gazetteer.js';
import { type ConceptBag, conceptBag, nameForms, surfaceForms } from './concepts.js';
import { languageOf } from './find-reuse.js';
import type { ReuseDocument } from './reuse-types.js';
import { comparisonView, type StoryComparison, storyComparison } from './story-comparison.js';
import { BACKGROUND, conceptVector, cosine, FrequencyTable } from './vectors.js';
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
  /** Feature → how many members hold it (the story's own document frequency). */
  support: Map<string, number>;
  lang: string;
  members: StoryMember[];
  /** The members' {@link comparisonView}s, in the order they joined. */
  docs: ReuseDocument[];
}

/** Places, entities and names a label's text shows at most. */
const NAMED = 4;

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
      for (const [f, c] of bag) {
        s.bag.set(f, (s.bag.get(f) ?? 0) + c);
        s.support.set(f, (s.support.get(f) ?? 0) + 1);
      }
      s.members.push(member);
      s.docs.push(comparisonView(doc));
    } else {
      k = this.list.length;
      this.list.push({
        id: `story-${k + 1}`,
        bag: new Map(bag),
        support: new Map([...bag.keys()].map((f) => [f, 1])),
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
    const label = storyLabel(s, this.df);
    const timed = s.members.filter((m) => m.published && !Number.isNaN(Date.parse(m.published)));
    const first = timed.sort((a, b) => Date.parse(a.published!) - Date.parse(b.published!))[0];
    return {
      id: s.id,
      label,
      members: s.members,
      ...(first ? { first: { id: first.id, published: first.published! } } : {}),
      comparison: storyComparison(s.docs, this.df),
    };
  }
}

/**
 * Members a feature must be in to name a story: at least half of them, and two at least (one,
 * in a story of one article).
 */
const sharedBy = (members: number): number => (members === 1 ? 1 : Math.max(2, Math.ceil(members / 2)));

/**
 * The story's label: what its members share, not what one of them says most. Each feature is
 * weighed as c-TF-IDF weighs a class's terms (BERTopic): the share of members holding it times
 * its IDF over the corpus, times the sublinear count per holding member; only features held by
 * {@link sharedBy} members qualify. Places and entities (gazetteer) and other capitalised
 * names come first, then the month and years; a story whose members share no name is labelled
 * by the words they share; one sharing nothing by the title of its most central member (the
 * medoid), else its top words.
 */
function storyLabel(s: StoryState, df: FrequencyTable): Story['label'] {
  const n = s.members.length;
  const need = sharedBy(n);
  const size = Math.max(df.size, 2);
  const weight = (k: string) => {
    const held = s.support.get(k) ?? 0;
    const idf = Math.log((size + BACKGROUND + 1) / (Math.min(df.df(k), size) + 0.5));
    return (held / n) * (1 + Math.log(Math.max((s.bag.get(k) ?? 0) / held, 0.5))) * idf;
  };
  const ranked = [...s.support]
    .filter(([, held]) => held >= need)
    .map(([k]) => [k, weight(k)] as const)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k]) => k);
  const gaz = loadGazetteer();
  const places: string[] = [];
  const entities: string[] = [];
  const shown: string[] = [];
  for (const k of ranked) {
    const e = k.startsWith('e:') ? gaz.entries.get(k.slice(2)) : undefined;
    if (!e) continue;
    const list = e.type === 'LOC' ? places : entities;
    if (list.length < 3) list.push(e.name);
    if (shown.length < NAMED) shown.push(e.name);
  }
  const texts = s.docs.slice(0, 20).map((d) => d.text);
  if (shown.length < NAMED) {
    const keys = ranked.filter((k) => k.startsWith('n:')).slice(0, 8);
    for (const name of nameForms(keys, texts)) {
      // Two words of one name (`Alikhan`, `Smailov`; `Rashid Al`, `Al Maktoum`) give it once.
      if (!name || shown.some((x) => x.split(' ').some((w) => name.split(' ').includes(w)))) continue;
      entities.push(name);
      shown.push(name);
      if (shown.length === NAMED) break;
    }
  }
  const month = ranked.find((k) => k.startsWith('m:'));
  const years = ranked
    .filter((k) => /^#(19|20)\d\d$/.test(k))
    .slice(0, 2)
    .map((k) => k.slice(1))
    .sort();
  const dates = [...(month ? [MONTHS[Number(month.slice(2)) - 1]!] : []), ...years];
  const words = () => {
    const shared = ranked.filter((k) => k.startsWith('w:') || k.startsWith('r:')).slice(0, 3);
    if (shared.length) return surfaceForms(shared, texts).join(', ');
    const title = medoid(s, df)?.meta?.title;
    return title ?? '';
  };
  const who = shown.length ? shown.join(', ') : words();
  return {
    text: [who, [month ? dates[0] : '', years.join(', ')].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(' — '),
    entities,
    places,
    dates,
  };
}

/** The member most like the whole story (concept cosine with the sum of the members). */
function medoid(s: StoryState, df: FrequencyTable): ReuseDocument | undefined {
  const story = conceptVector(s.bag, df);
  let best: { doc: ReuseDocument; sim: number } | undefined;
  for (const [i, doc] of s.docs.entries()) {
    const sim = cosine(conceptVector(conceptBag(doc.text, undefined, s.members[i]!.lang), df), story);
    if (!best || sim > best.sim) best = { doc, sim };
  }
  return best?.doc;
}
