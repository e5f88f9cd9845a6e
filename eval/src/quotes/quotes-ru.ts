import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline, NewsprismError, numberOption, type Span } from '@newsprism/core';
import type { Report, Task, TaskOptions } from '../task.js';
import { docMisses, missLine } from './misses.js';
import type { GoldAttribution } from './polnear.js';
import { foldOf, type QuotesCounts, quotesReport } from './quotes-task.js';
import { type AttributionCounts, emptyCounts, type PredAttribution, predicted, scoreDoc } from './score.js';

/** The shipped labels: `eval/data/quotes-ru/labels.tsv` (offsets and labels only, never text). */
export const RU_GOLD_FILE = new URL('../../data/quotes-ru/labels.tsv', import.meta.url);

/** Where each labelled set's articles are, under `--data` (`../shared/data`). */
const SETS: Record<string, string> = {
  'semeval2023-ru': 'semeval2023-task3/ru/train-articles',
  'semeval2025-RU': 'semeval2025-task10/RU/documents',
};

/** Kind of a gold attribution: quotation, reported speech, or reported speech with quoted fragments. */
export type GoldKind = 'direct' | 'indirect' | 'mixed';
/** Who the gold speaker is: named in the article, described only, anonymous, an institution, an outlet. */
export type GoldSpeaker = 'named' | 'role' | 'anonymous' | 'institution' | 'media';

/** A Russian gold attribution: PolNeAR's parts (no cue) and the kind and speaker type. */
export interface RuGoldAttribution extends GoldAttribution {
  kind: GoldKind;
  speaker: GoldSpeaker;
}

/** One labelled article with its text. */
export interface RuGoldDoc {
  id: string;
  text: string;
  attributions: RuGoldAttribution[];
}

/** The gold's splits (`dev` for reading errors; `final`, `final2`, `final3` held out, each scored once) and `all`. */
const SPLITS = ['dev', 'final', 'final2', 'final3', 'all'];
const KINDS = new Set(['direct', 'indirect', 'mixed']);
const SPEAKERS = new Set(['named', 'role', 'anonymous', 'institution', 'media']);

const spans = (field: string): Span[] =>
  field
    ? field.split(';').map((p) => {
        const [start, end] = p.trim().split(/\s+/).map(Number);
        return { start: start!, end: end! };
      })
    : [];

/**
 * Loads the labelled articles of `split` (`dev`, `final`, `final2`, `final3`, `all`, or several joined by
 * commas: `dev,final,final2`) from `labels` (the TSV text),
 * reading each article from `data`. `E_DATA` when an article is missing or a line is malformed.
 */
export function loadRuGold(data: string, split: string, labels: string): RuGoldDoc[] {
  const docs = new Map<string, RuGoldDoc>();
  const wanted = new Set(split.split(','));
  const lines = labels.split('\n').filter((l) => l.trim());
  for (const [n, line] of lines.slice(1).entries()) {
    const [set, file, sp, content, source, kind, speaker] = line.split('\t');
    const dir = SETS[set ?? ''];
    if (!dir || !file || !content || !KINDS.has(kind ?? '') || !SPEAKERS.has(speaker ?? ''))
      throw new NewsprismError('E_DATA', `quotes-ru labels: line ${n + 2} is malformed`);
    if (!wanted.has('all') && !wanted.has(sp ?? '')) continue;
    const key = `${set}/${file}`;
    let doc = docs.get(key);
    if (!doc) {
      const path = join(data, dir, `${file}.txt`);
      if (!existsSync(path))
        throw new NewsprismError(
          'E_DATA',
          `quotes-ru: no article ${path}; pass --data pointing at the shared data (…/shared/data)`,
        );
      doc = { id: key, text: readFileSync(path, 'utf8'), attributions: [] };
      docs.set(key, doc);
    }
    const a: RuGoldAttribution = {
      content: spans(content),
      cue: [],
      source: spans(source ?? ''),
      kind: kind as GoldKind,
      speaker: speaker as GoldSpeaker,
    };
    if (a.content.some((s) => !(s.start < s.end && s.end <= doc.text.length)))
      throw new NewsprismError('E_DATA', `quotes-ru labels: line ${n + 2} points outside ${key}`);
    doc.attributions.push(a);
  }
  return [...docs.values()];
}

/**
 * The coarse speaker class the layer's `SpeakerType` can be compared on: a person (named or only
 * described), anonymous, an institution (organisations, governments, documents), or media.
 */
export function speakerClass(t: string | undefined): string {
  if (t === 'named' || t === 'role' || t === 'person') return 'person';
  if (t === 'institution' || t === 'organization' || t === 'government' || t === 'document')
    return 'institution';
  if (t === 'anonymous' || t === 'media') return t;
  return 'unknown';
}

/** Counts of the Russian eval: the PolNeAR tallies plus kind and speaker-type agreement. */
export interface RuQuotesCounts extends AttributionCounts {
  /** Matched pairs whose predicted kind equals the gold kind. */
  kindHit: number;
  /** Matched pairs whose predicted speaker class equals the gold one. */
  speakerHit: number;
}

/** A prediction as scored here: the scorer's shape plus the layer's kind and speaker type. */
export type RuPred = PredAttribution & { kind: string; speakerType?: string };

/** Scores one article's predictions, adding kind and speaker-type agreement over matched pairs. */
export function scoreRuDoc(
  pred: readonly RuPred[],
  gold: readonly RuGoldAttribution[],
  acc: RuQuotesCounts,
): [number, number][] {
  const matched = scoreDoc(pred, gold, acc);
  for (const [i, j] of matched) {
    if (pred[i]!.kind === gold[j]!.kind) acc.kindHit++;
    if (speakerClass(pred[i]!.speakerType) === speakerClass(gold[j]!.speaker)) acc.speakerHit++;
  }
  return matched;
}

/**
 * Runs the `quotes` layer (Russian) over the labelled articles of a split and scores them with
 * the PolNeAR scorer (content IoU >= 0.5 one-to-one; source overlap), plus kind and speaker-type
 * accuracy over the matched pairs. `--set misses=FILE` lists unmatched predictions and gold.
 */
export async function evaluateQuotesRu(opts: TaskOptions, labels?: string): Promise<Report> {
  const split = opts.split ?? 'dev';
  // Several splits joined by commas (`dev,final,final2`: what has been read, without the held-out one).
  if (!split.split(',').every((s) => SPLITS.includes(s)))
    throw new NewsprismError(
      'E_USAGE',
      `quotes-ru: --split is ${SPLITS.join(', ')} or several joined by commas, not ${split}`,
    );
  for (const dir of Object.values(SETS))
    if (!existsSync(join(opts.data, dir)))
      throw new NewsprismError(
        'E_DATA',
        `quotes-ru: no ${join(opts.data, dir)}; pass --data pointing at the shared data (…/shared/data)`,
      );
  const docs = loadRuGold(opts.data, split, labels ?? readFileSync(RU_GOLD_FILE, 'utf8'));
  const options: Record<string, unknown> = {};
  if (opts.extra.learned) options.learned = opts.extra.learned;
  const pipe = await createPipeline({ layers: ['quotes'], options: { quotes: options } });
  const acc: RuQuotesCounts & QuotesCounts = { ...emptyCounts(), kindHit: 0, speakerHit: 0 };
  const lines: string[] = [];
  // `--set folds=K`: the same by-article folds as `eval quotes` (mean and sd of the folds' F1).
  const k = numberOption(opts.extra, 'folds', 0);
  if (k > 1) acc.folds = Array.from({ length: k }, emptyCounts);
  for (const d of docs) {
    const doc = pipe.run({ id: d.id, text: d.text, meta: { lang: 'ru' } });
    const pred: RuPred[] = (doc.quotes ?? [])
      .filter((q) => q.kind !== 'scare')
      .map((q) => ({ ...predicted(q), kind: q.kind, speakerType: q.speaker?.type }));
    const matched = scoreRuDoc(pred, d.attributions, acc);
    if (acc.folds) scoreDoc(pred, d.attributions, acc.folds[foldOf(d.id, k)]!);
    if (opts.extra.misses)
      for (const m of docMisses(d.id, d.text, pred, d.attributions, matched)) lines.push(missLine(d.text, m));
  }
  if (opts.extra.misses) {
    writeFileSync(opts.extra.misses, `${lines.join('\n')}\n`);
    opts.log(`quotes-ru: ${lines.length} misses → ${opts.extra.misses}`);
  }
  opts.log(`quotes-ru: ${docs.length} ${split} articles`);
  const r = quotesReport(acc, split);
  return {
    ...r,
    title: `quotes on the Russian attribution gold, ${split} (content IoU >= 0.5, one-to-one)`,
    metrics: {
      ...r.metrics,
      kind_accuracy: acc.matched ? acc.kindHit / acc.matched : 0,
      speaker_type_accuracy: acc.matched ? acc.speakerHit / acc.matched : 0,
    },
    notes: [
      ...(r.notes ?? []).filter((n) => n.startsWith('fold ')),
      'Gold: eval/data/quotes-ru/labels.tsv (one annotator; see its README).',
      'kind_accuracy and speaker_type_accuracy are over matched pairs; speaker types are compared as person (named or role) / anonymous / institution / media.',
    ],
  };
}

/** `newsprism eval quotes-ru --data ../shared/data [--split dev|final|final2|final3|all|a,b…] [--set misses=FILE] [--set folds=K]`. */
export const quotesRuEval: Task = {
  name: 'quotes-ru',
  description:
    'Russian attribution extraction on the project’s own gold: P/R/F1, source overlap, speaker type',
  run: (opts: TaskOptions) => evaluateQuotesRu(opts),
};
