import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conceptBag, NewsprismError, numberOption } from '@newsprism/core';
import { type ReuseDocument, type Story, StoryIndex } from '@newsprism/core/corpus';
import type { Task, TaskOptions } from '../task.js';
import { unrelatedArticles } from './corpus.js';
import { loadSimilarity } from './similarity-data.js';

/**
 * The corpus of `newsprism eval story-labels`: the English and Russian articles of the
 * story-similarity pairs (each article once, by its id in `pair_id`), the WMT22 documents in
 * their three versions (Russian, human and machine English), and the SemEval-2023 `en` and `ru`
 * training articles (`unrelated` of each at most), in that order.
 */
function storyLabelCorpus(data: string, unrelated = Infinity): ReuseDocument[] {
  const docs = new Map<string, ReuseDocument>();
  for (const r of loadSimilarity(data)) {
    const [a, b] = r.pair_id.split('_');
    if (r.lang1 === r.lang2 && (r.lang1 === 'en' || r.lang1 === 'ru')) {
      if (a && r.text1.trim()) docs.set(`ss-${a}`, { id: `ss-${a}`, text: r.text1, meta: { lang: r.lang1 } });
      if (b && r.text2.trim()) docs.set(`ss-${b}`, { id: `ss-${b}`, text: r.text2, meta: { lang: r.lang2 } });
    }
  }
  const file = join(data, 'translations-ru-en', 'documents.jsonl');
  if (!existsSync(file))
    throw new NewsprismError('E_NO_DATA', `${file} not found; pass --data ../shared/data`);
  for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
    const t = JSON.parse(line) as { id: string; ru: string; en_human: string; en_machine: string };
    docs.set(`${t.id}.ru`, { id: `${t.id}.ru`, text: t.ru, meta: { lang: 'ru' } });
    docs.set(`${t.id}.en-human`, { id: `${t.id}.en-human`, text: t.en_human, meta: { lang: 'en' } });
    docs.set(`${t.id}.en-machine`, { id: `${t.id}.en-machine`, text: t.en_machine, meta: { lang: 'en' } });
  }
  for (const d of unrelatedArticles(data, ['en', 'ru'], unrelated)) docs.set(d.id, d);
  return [...docs.values()];
}

/**
 * A label's terms: the part before ` — ` split at commas, the part after (dates) at spaces and
 * commas.
 */
function labelTerms(label: string): string[] {
  const [who = '', when = ''] = label.split(' — ');
  return [...who.split(', '), ...when.split(/[ ,]+/)].map((t) => t.trim()).filter(Boolean);
}

/**
 * Whether a member's concept bag holds a label term: the term's gazetteer entities when it has
 * any (`Volodymyr Zelenskyy` is in a member that says `Zelensky`), else all its features.
 */
function holds(bag: ReadonlyMap<string, number>, term: string): boolean {
  const keys = [...conceptBag(term).keys()];
  const entities = keys.filter((k) => k.startsWith('e:'));
  const wanted = entities.length ? entities : keys;
  return wanted.length > 0 && wanted.every((k) => bag.has(k));
}

/** How well stories' labels say what their members share. */
interface LabelSupport {
  /** Stories of two or more members. */
  stories: number;
  /** Label terms of those stories. */
  terms: number;
  /** Mean over terms of the share of the story's members holding the term. */
  meanShare: number;
  /** Share of terms held by at most half the story's members. */
  minorityTerms: number;
  /** Share of terms held by one member only. */
  oneMemberTerms: number;
  /** Stories with at least one term held by one member only. */
  storiesWithOneMemberTerm: number;
}

/** Label support of every story of two or more members (`docs` by id give the members' texts). */
function labelSupport(stories: readonly Story[], docs: ReadonlyMap<string, ReuseDocument>): LabelSupport {
  let n = 0;
  let terms = 0;
  let share = 0;
  let minority = 0;
  let one = 0;
  let withOne = 0;
  for (const s of stories) {
    if (s.members.length < 2) continue;
    n++;
    const bags = s.members.map((m) => {
      const d = docs.get(m.id)!;
      return conceptBag(d.text, undefined, m.lang);
    });
    let anyOne = false;
    for (const t of labelTerms(s.label.text)) {
      const k = bags.filter((b) => holds(b, t)).length;
      terms++;
      share += k / bags.length;
      if (k <= bags.length / 2) minority++;
      if (k <= 1) {
        one++;
        anyOne = true;
      }
    }
    if (anyOne) withOne++;
  }
  return {
    stories: n,
    terms,
    meanShare: share / Math.max(terms, 1),
    minorityTerms: minority / Math.max(terms, 1),
    oneMemberTerms: one / Math.max(terms, 1),
    storiesWithOneMemberTerm: withOne,
  };
}

/**
 * `newsprism eval story-labels`: groups the corpus of {@link storyLabelCorpus} into stories and
 * measures whether each label says what the members share: of every term of the label of a
 * story with two or more members, the share of members whose text holds it. Lists the labels of
 * the 20 largest stories (ties by id). Nothing is fitted, so there is no cross-validation.
 * `--set unrelated=N` takes N SemEval articles of each language (default all).
 */
export const storyLabelsEval: Task = {
  name: 'story-labels',
  description:
    'story labels: the share of members holding each label term (story-similarity, WMT22, SemEval)',
  async run(o: TaskOptions) {
    const docs = storyLabelCorpus(o.data, numberOption(o.extra, 'unrelated', Infinity));
    const index = new StoryIndex();
    for (const d of docs) index.add(d);
    const stories = index.stories();
    const byId = new Map(docs.map((d) => [d.id, d]));
    const s = labelSupport(stories, byId);
    const multi = stories.filter((x) => x.members.length > 1);
    return {
      title: `story labels (${docs.length} documents, ${stories.length} stories, ${multi.length} of two or more)`,
      metrics: {
        stories: s.stories,
        label_terms: s.terms,
        mean_member_share: s.meanShare,
        minority_terms: s.minorityTerms,
        one_member_terms: s.oneMemberTerms,
        stories_with_one_member_term: s.storiesWithOneMemberTerm,
      },
      table: [
        ['story', 'members', 'label'],
        ...multi.slice(0, 20).map((x) => [x.id, x.members.length, x.label.text]),
      ],
    };
  },
};
