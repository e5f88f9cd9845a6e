import { defineAnalyzer } from '../../analyzer.js';
import type { SparseVector } from '../../models/features.js';
import { recordData } from '../../models/registry.js';
import type { WordClusters } from '../../models/word-clusters.js';
import { rules } from '../../options.js';
import type { NewsDocument } from '../../schema.js';
import { knownNamesFor } from '../paragraphs/outlets.js';
import { shippedDepsParser } from '../syntax/deps-model.js';
import { loadShippedSyntaxModel } from '../syntax/model.js';
import { PartialParse } from '../syntax/syntax.js';
import { buildQuotes, kindOf } from './build.js';
import { cutContentEnds } from './content-end.js';
import { creditZones, sentencesAfterDatelines, separateCredits } from './credits.js';
import { contentEndsFor, loadContentEnds } from './ends-model.js';
import { findCandidates } from './find-candidates.js';
import { retypeIntergovernmental } from './international.js';
import { learnedFor, loadLearnedCues } from './learned-model.js';
import { type LearnedTable, lexiconData, lexiconFor } from './lexicon.js';
import { linkSpeakers } from './link.js';
import { findQuoteMarks, withDashSpeech } from './quote-marks.js';
import { DisjointCover } from './span-sets.js';
import { sourcesFromSubjects } from './subject-source.js';
import { toToks } from './tok.js';
import type { Quote, Speaker } from './types.js';
import { shippedVerbClasses } from './wordnet.js';
import { wordsData } from './words.js';

const skipSpace = (text: string, i: number) => {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
};

/** Options of the `quotes` analyzer. */
export interface QuotesOptions {
  /** Learned cues (see `newsprism train quotes-cues`) join the cue list at or above this reliability. */
  minCueReliability: number;
  /** …and were seen as a gold cue at least this many times. */
  minCueCount: number;
  /**
   * The learned cue table: `''` = the shipped one (`cues.en.json`), or the path of a cue file whose
   * `learned` table replaces the English one (`newsprism train quotes-cues --out FILE` writes one).
   */
  cueTable: string;
  /**
   * The learned-cue model (attributions no rule knows): `''` = the shipped one for the language
   * (none for a language without one), a model file's path, or `off` for the rules alone.
   */
  learned: string;
  /**
   * The content-end model (cuts contents the rules ran on too far: `criticized the tax ‖ in an
   * interview`): `off` (the default: it gained on `tune` out of sample but not on `val` or PolNeAR
   * dev, session 9), `''` = the shipped one for the language (`models/quotes/ends.en.json`; none
   * for a language without one), or a model file's path.
   */
  ends: string;
  /**
   * English: where the cue rules found no speaker phrase, the cue verb's subject in a dependency
   * parse of that sentence is the source (`subject-source.ts`; the shipped tagger and parser,
   * whatever the `syntax` layer's options). `false` (the default): the rules alone — the parse
   * costs about 0.6 ms an article and 26 MiB for +0.004 source overlap (docs/benchmarks.md).
   */
  subjects: boolean;
}

/**
 * The `quotes` analyzer: attributions (direct, indirect, mixed) with cue, source span and a
 * speaker resolved across sentences, relays (`via`), hedges and evaluative verbs, and scare
 * quotes kept apart (`kind: 'scare'`). Rules and cue lists per language (`cues.<lang>.json`).
 */
export const quotes = defineAnalyzer({
  name: 'quotes',
  // 10: Russian direct speech set off by dashes (`— …, — сказал он.`) is a quotation (`withDashSpeech`).
  // 11: Russian role phrases after the verb with their complement (`— заявил представитель
  // министерства обороны`), an outlet told before a role word, an institution ending in an acronym.
  // 12: a trailing adjunct of the speech event (`… on Monday`, `… in a tweet`) ends an after-cue content
  // (`event-tail.ts`); a passive cue with a `by` agent is an attribution (`rules/passive.ts`).
  // 13: Russian rules measured on the Russian attribution gold (`eval quotes-ru`): `по его словам`,
  // spaced hyphens as dashes, nested straight marks, past imperfective cues, headline rules.
  // 14: a nested English `say` replaces the attribution it sits in (`nestedSpeech`); Russian
  // `назвал` with an instrumental predicate, agentless `Отмечалось, что`, inverted sources after
  // an adjunct, `экс-`/`вице-` roles, quoted names as subjects.
  // 15: a CSV export's marks around a whole field (doubled `""` inside, or the whole body) are a
  // wrapper, not a quotation (`csvWrappers` in `quote-marks.ts`).
  // 16: a distancing relative clause between a source and its cue (`a senior official who refused
  // to be named told …`) is stepped over; such attributions were lost.
  // 17: short English leads with a finite verb of their own before `, X said.`; event words after
  // the cue (`said Tuesday in Paris`); `Asked …, X said no.`; `According to X` after `(`/`:`.
  // 18: Russian anaphoric statements (`Такое мнение высказал X`), `назвать` only as speech, object and
  // topic cues (`прокомментировал убийство`) no attribution, role words at a sentence start linked,
  // interview answers (`interview.ts`).
  // 19: the learned-cue model retrained on the current rules and used at threshold 0.25 (0.35);
  // options `cueTable` and `minCueCount` (the eval's per-fold refit uses them).
  version: 28,
  requires: ['paragraphs', 'sentences', 'tokens', 'language'],
  // Speakers are linked to entities whenever the pipeline finds them.
  optional: ['entities'],
  produces: 'quotes',
  defaults: {
    minCueReliability: 0.3,
    minCueCount: 3,
    cueTable: '',
    learned: '',
    ends: 'off',
    subjects: false,
  } as QuotesOptions,
  rules: {
    minCueReliability: rules.unit,
    minCueCount: {
      valid: (v: unknown) => Number.isInteger(v) && (v as number) >= 1,
      expects: 'a whole number ≥ 1',
    },
    cueTable: { file: true, expects: "'' (shipped) or a cue file's path" },
    learned: { file: true, expects: "'' (shipped), 'off' or a model file's path" },
    ends: { file: true, expects: "'' (shipped), 'off' or a model file's path" },
  },
  setup(options, registry) {
    recordData(registry, 'quotes/cues', lexiconData);
    recordData(registry, 'quotes/words', wordsData);
    const table = options.cueTable
      ? registry.load(
          'quotes/cue-table',
          options.cueTable,
          ([b]) => cueTableOf(b!.toString('utf8')),
          'make one with newsprism train quotes-cues --out FILE',
        )
      : undefined;
    const model = options.subjects ? loadShippedSyntaxModel(registry, 'en') : null;
    const parser = model && shippedDepsParser(registry, 'en');
    return {
      subjects: model && parser ? { model, parser } : undefined,
      learned: loadLearnedCues(registry, options.learned),
      ends: loadContentEnds(registry, options.ends),
      known: knownNamesFor(registry),
      table,
    };
  },
  run(doc, ctx, options, { subjects, learned, ends, known, table }): Quote[] {
    const lex = lexiconFor(doc.language!.code, options.minCueReliability, options.minCueCount, table);
    const paragraphs = doc.paragraphs!;
    const found = findQuoteMarks(doc.text, paragraphs, lex.lang === 'ru');
    const marks = lex.lang === 'ru' ? withDashSpeech(doc.text, paragraphs, found) : found;
    const toks = toToks(doc.text, doc.tokens!, lex.lang === 'ru');
    const zones = creditZones(doc);
    const candidates = findCandidates(
      toks,
      sentencesAfterDatelines(doc.text, doc.sentences!, zones),
      paragraphs,
      marks,
      lex,
      learnedFor(learned, doc.language!.code),
    );
    const dl = doc.meta.dateline;
    if (dl)
      for (const c of candidates)
        if (c.content.start <= dl.start && c.content.end > dl.end)
          c.content.start = skipSpace(doc.text, dl.end);
    if (subjects && doc.language!.code === 'en')
      sourcesFromSubjects(
        toks,
        doc.sentences!,
        candidates,
        lex,
        () => new PartialParse(subjects.model, subjects.parser, doc.text, doc.tokens!),
      );
    const out = buildQuotes(doc.text, toks, candidates, marks, paragraphs, lex);
    separateCredits(out, doc.text, zones, lex.lang, known);
    if (doc.entities) for (const [sp, id] of linkSpeakers(out, doc.entities)) sp.entity = id;
    // `International Energy Agency`, `Еврокомиссия`: typed `organization`, as the sources layer
    // types them, by the name alone (the same with or without `entities`).
    retypeIntergovernmental(
      out.flatMap((q) => [q.speaker, q.via].filter((x): x is Speaker => x !== undefined)),
    );
    const endModel = contentEndsFor(ends, doc.language!.code);
    if (endModel) {
      const cut = cutContentEnds(toks, out, endModel);
      // A cut before a quotation leaves none of its marks in the content: the kind follows.
      if (cut.length > 0) {
        const cover = new DisjointCover(marks);
        for (const q of cut) q.kind = kindOf(q, cover);
      }
    }
    for (const m of marks)
      if (!m.closed)
        ctx.report({
          code: 'quote-unclosed',
          severity: 'info',
          message: 'quotation without a closing mark',
          span: { start: m.start, end: m.end },
        });
    for (const q of out)
      if (q.rule === 'quote-unattributed')
        ctx.report({
          code: 'quote-unattributed',
          severity: 'info',
          message: 'quotation with no speaker found',
          span: { start: q.start, end: q.end },
        });
    return out;
  },
});

/** The `learned` table of a cue file (a table of one's own for the option `cueTable`). */
function cueTableOf(json: string): LearnedTable {
  const f = JSON.parse(json) as { learned?: unknown };
  if (!f.learned || typeof f.learned !== 'object') throw new Error('a cue file needs a "learned" table');
  return f.learned as LearnedTable;
}

/**
 * For training the learned-cue model: every word the model would score in an analysed document
 * (one with `tokens`, `sentences`, `paragraphs` and `language`), with its features and the start
 * of the token after it (where the content would begin).
 */
export function learnedCueExamples(
  doc: NewsDocument,
  minCueReliability = 0.3,
  keepNames = false,
  minCueCount = 3,
  table?: LearnedTable,
  clusters?: WordClusters | null,
): { start: number; end: number; next: number; x: SparseVector }[] {
  const lex = lexiconFor(doc.language!.code, minCueReliability, minCueCount, table);
  const paragraphs = doc.paragraphs!;
  const marks = findQuoteMarks(doc.text, paragraphs, lex.lang === 'ru');
  const toks = toToks(doc.text, doc.tokens!, lex.lang === 'ru');
  const out: { start: number; end: number; next: number; x: SparseVector }[] = [];
  findCandidates(toks, doc.sentences!, paragraphs, marks, lex, {
    model: null,
    verbs: shippedVerbClasses(),
    keepNames,
    clusters,
    collect: (i, x) => out.push({ start: toks[i]!.start, end: toks[i]!.end, next: toks[i + 1]!.start, x }),
  });
  return out;
}
