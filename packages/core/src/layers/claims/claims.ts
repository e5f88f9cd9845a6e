import { defineAnalyzer } from '../../analyzer.js';
import { rules } from '../../options.js';
import type { NewsDocument, Span } from '../../schema.js';
import { splitClauses } from './clauses.js';
import cuesEn from './cues.en.json' with { type: 'json' };
import { claimCues, compiledCues, cueListBit, cueLists, findCue } from './cues.js';
import cuesRu from './cues.ru.json' with { type: 'json' };
import { type DepsScorer, loadDepsScorer } from './deps-scorer.js';
import { type Evidence, findEvidence } from './evidence.js';
import lexiconEn from './lexicon.en.json' with { type: 'json' };
import lexiconRu from './lexicon.ru.json' with { type: 'json' };
import { loadSentenceModels, type SentenceModels, shippedSentenceModels } from './models.js';
import { checkworthiness, modelScore, subjectivity } from './score.js';
import { type Voice, VoiceFinder } from './voice.js';
import { sentenceWords } from './words.js';

/** What a claim is about, by rules over cue lists (`cues.<lang>.json`). */
export type ClaimKind = 'statistic' | 'event' | 'quote' | 'causal' | 'prediction' | 'other';

/** Who states a claim: the outlet, a source quoted word for word, or one reported. */
export type ClaimVoice = Voice;

/**
 * A checkable statement: a sentence, or a clause of one. `label` is its kind; `score` its
 * check-worthiness (0..1) for ranking: the model's probability combined (noisy-or) with a
 * prior for the kind from `cues.<lang>.json`, so predictions and figures rank up even where a
 * model trained on political debates doubts them; clauses of no particular kind lose by half
 * their subjectivity, as opinions are not checkable. Spans may overlap other span groups.
 */
export interface Claim extends Span {
  label: ClaimKind;
  score: number;
  attrs: Evidence & {
    /** The score reaches the model's decision threshold. */
    checkworthy: boolean;
    /** The model's own probability, before the kind prior was added. */
    model: number;
    /**
     * The subjectivity model's probability that the clause is subjective, before the calibration
     * of the `subjectivity` layer's scores (the claim's score is computed from it).
     */
    subjectivity: number;
    /** Index into the `sentences` layer. */
    sentence: number;
    voice: ClaimVoice;
    /** Index into the `quotes` layer of the attribution the claim belongs to. */
    quote?: number;
    /** The speaker of that attribution (`Pierre Henrot`, `senior US official`). */
    speaker?: string;
    /** The cue that decided the kind (`will`, `due to`, `$2.5 billion`), when there is one. */
    cue?: string;
    /** `model` or `cues` (the fallback for languages without a model). */
    method: 'model' | 'cues';
  };
}

declare module '../../schema.js' {
  interface LayerMap {
    claims: Claim[];
  }
}

/** Options of the claims analyzer. */
export interface ClaimsOptions {
  /** Clauses scoring below this are left out of the layer (0 keeps every clause). */
  minScore: number;
  /** Split sentences into clauses at the language's clause breaks. */
  clauses: boolean;
  /**
   * English clauses scored by the check-worthiness model that also reads each clause's main
   * clause from the shipped tagger and dependency parser, and word clusters
   * (`models/claims/checkworthy-deps.en.json`): +0.007 F1 (Yes) on held-out debates, about
   * 20 ms CPU more an article. Off by default.
   */
  deps?: boolean;
}

// Scratch: each word's cue-list bits for `findCue` (grown as needed; one clause at a time).
let wordBits = new Uint8Array(64);

/**
 * Kind of a clause from its feature words (`sentenceWords`) by the cue rules of `lang`; the
 * quote kind is decided by the caller, from quotation marks.
 */
export function claimKind(
  words: readonly string[],
  lang: string,
  ev: Evidence,
): { kind: Exclude<ClaimKind, 'quote'>; cue?: string } {
  const cues = compiledCues(lang);
  if (wordBits.length < words.length) wordBits = new Uint8Array(Math.max(64, 2 * words.length));
  const lists = cueLists(lang, words, wordBits);
  for (const kind of claimCues(lang).order) {
    const bit = cueListBit(kind);
    const cue = bit === 0 || (lists & bit) !== 0 ? findCue(cues[kind]!, words, wordBits, bit) : undefined;
    if (kind === 'statistic' && ev.numbers.length) return { kind, cue: cue ?? 'number' };
    if (cue) return { kind: kind as Exclude<ClaimKind, 'quote'>, cue };
    if (kind === 'event' && ev.dates.length && ev.entities.length) return { kind, cue: 'date' };
  }
  return { kind: 'other' };
}

// Roles whose sentences are claims of the article; titles, captions, credits and bylines
// repeat or label the story rather than state it.
const CLAIM_ROLES = new Set(['body', 'standfirst']);

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Finds the claims of an analysed document (needs paragraphs, sentences and language).
 * `models`: the sentence models a pipeline loaded (default: the shipped ones).
 */
export function findClaims(
  doc: Readonly<NewsDocument>,
  options: ClaimsOptions,
  models: SentenceModels = shippedSentenceModels(),
  deps: DepsScorer | null = null,
): Claim[] {
  const text = doc.text;
  const lang = doc.language?.code ?? 'en';
  const paras = doc.paragraphs ?? [];
  const { clauseBreaks: breaks, priors } = claimCues(lang);
  const out: Claim[] = [];
  const voices = new VoiceFinder(doc);
  const mentions = doc.entities
    ?.flatMap((e) => e.mentions)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  (doc.sentences ?? []).forEach((sent, si) => {
    const p = paras[sent.paragraph];
    if (!p || !CLAIM_ROLES.has(p.role) || p.duplicateOf !== undefined) return;
    const units = options.clauses ? splitClauses(text, sent, breaks) : [{ start: sent.start, end: sent.end }];
    for (const u of units) {
      const surface = text.slice(u.start, u.end);
      const words = sentenceWords(surface);
      if (words.length < 3) continue;
      const s =
        deps && (lang === 'en' || lang === 'und')
          ? modelScore(deps.model, deps.probability(surface, 'en', words))
          : checkworthiness(surface, lang, words, models);
      const ev = findEvidence(text, u.start, u.end, words, mentions);
      const who = voices.of(u, sent.paragraph);
      const k = claimKind(words, lang, ev);
      const label: ClaimKind = who.voice === 'quoted' ? 'quote' : k.kind;
      // A kind's prior counts in full when the claim names something concrete, half otherwise.
      const concrete = ev.numbers.length + ev.dates.length + ev.entities.length > 0;
      const prior = (priors[label] ?? 0) * (concrete ? 1 : 0.5);
      // An opinion is not a checkable claim: with no kind to go by, a subjective clause ranks
      // lower (by half its subjectivity).
      // Both from the models' probabilities before calibration, which the priors were tuned with.
      const subj = subjectivity(surface, lang, words, models).raw;
      const model = label === 'other' ? s.raw * (1 - subj / 2) : s.raw;
      const score = 1 - (1 - model) * (1 - prior);
      if (score < options.minScore) continue;
      // Attributes built field by field: object spreads were a measurable share of the time.
      const attrs: Claim['attrs'] = {
        numbers: ev.numbers,
        dates: ev.dates,
        entities: ev.entities,
        checkworthy: score >= s.threshold,
        model: round(s.raw),
        subjectivity: round(subj),
        sentence: si,
        voice: who.voice,
        method: s.method,
      };
      if (who.quote !== undefined) attrs.quote = who.quote;
      if (who.speaker !== undefined) attrs.speaker = who.speaker;
      if (label !== 'quote' && k.cue) attrs.cue = k.cue;
      out.push({ start: u.start, end: u.end, label, score: round(score), attrs });
    }
  });
  return out;
}

/**
 * The `claims` analyzer: every body sentence or clause with its check-worthiness score, kind
 * and the figures, dates and names (mentions of the `entities` layer) it rests on. Titles, captions and repeated paragraphs are
 * skipped. Claims inside an attribution of the `quotes` layer link to it (`attrs.quote`,
 * `attrs.speaker`); direct quotes take the kind `quote`.
 */
export const claims = defineAnalyzer({
  name: 'claims',
  // 4: the check-worthiness model reads feminine pronouns as masculine (`neutral`).
  // 5: the subjectivity model it reads was refitted (subjectivity@4), so clause scores move.
  version: 7,
  requires: ['paragraphs', 'sentences', 'language', 'entities', 'quotes'],
  produces: 'claims',
  // `deps: undefined` (off): a known option whose default leaves the producer's options as
  // before it existed, so claims layers stored without it stay current.
  defaults: { minScore: 0.1, clauses: true, deps: undefined } as ClaimsOptions,
  rules: { minScore: rules.unit, deps: { kinds: ['boolean'] } },
  setup(options, registry) {
    registry.data('claims/cues.en.json', cuesEn);
    registry.data('claims/cues.ru.json', cuesRu);
    registry.data('claims/lexicon.en.json', lexiconEn);
    registry.data('claims/lexicon.ru.json', lexiconRu);
    return { models: loadSentenceModels(registry), deps: options.deps ? loadDepsScorer(registry) : null };
  },
  run: (doc, _ctx, options, { models, deps }) => findClaims(doc, options, models, deps),
});
