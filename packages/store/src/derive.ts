import { createHash } from 'node:crypto';
import type { NewsDocument } from '@newsprism/core';
import { languageCode, readPublished } from '@newsprism/core/schema';
import { type HeavyTerms, heavyTerms, stemmedTermCounts, TITLE_WEIGHT } from './fts-terms.js';
import { countWords, stemText } from './stem.js';

/** What the `documents` row says of a document's metadata and analysis (no text, no index). */
export interface DocumentSummary {
  id: string;
  textHash: string;
  title: string | null;
  outlet: string | null;
  lang: string | null;
  published: string | null;
  /**
   * The date filters' key (core's `readPublished`): `YYYY-MM-DD` when `published` starts with a
   * date, `YYYY-MM` when it is a month alone (a prefix sorts before the month's days, so
   * `filters.ts` compares it by month bounds on the one indexed column).
   */
  day: string | null;
  /** `YYYY-MM`, the report's month: also set for a `published` of a month alone (`2023-05`). */
  month: string | null;
  words: number;
  genre: string | null;
  /** Share of the outlet's own sentences that are subjective (subjectivity layer). */
  subjectivity: number | null;
  claims: number;
  claimMax: number | null;
  ownVoice: number | null;
  attributed: number | null;
  /** Share of attributed words whose source is anonymous (sources layer). */
  anonymous: number | null;
  ruShare: number | null;
}

/** The row of the `documents` table derived from one analysed document. */
export interface DocumentRow extends DocumentSummary {
  /** The producers as JSON (stored once a store: producer-sets.ts). */
  producers: string;
  /** The document as JSON without its text (the text has its own column) and with `producers: null`. */
  layers: string;
  text: string;
  /** Stemmed title and body: what the full-text index holds. */
  ftsTitle: string;
  ftsBody: string;
}

/** A document's summary and its query tables' rows: what the CSV export prints. */
export interface SummaryRows {
  doc: DocumentSummary;
  entities: { entity: string; type: string; name: string; key: string; mentions: number }[];
  naming: { entity: string; name: string; form: string; pole: string; provenance: string; count: number }[];
  /**
   * The contested terms (`naming.terms`): per concept, form and voice (`outlet`, `quoted`,
   * `distanced`), the form's pole and provenance and its uses in the article.
   */
  namingTerms: NamingTermRow[];
  sources: { name: string; type: string; attributions: number; words: number }[];
  techniques: { technique: string; count: number; scoreMax: number }[];
  frames: { frame: string; score: number; selected: boolean }[];
}

/** One row of `doc_terms`: a form of a contested concept as one document uses it, in one voice. */
export interface NamingTermRow {
  concept: string;
  form: string;
  pole: string;
  voice: string;
  provenance: string;
  count: number;
}

/**
 * The `doc_terms` rows of a naming layer: its terms as they are (one a concept, form and voice).
 * A layer stored before the naming layer had terms gives none.
 */
export function namingTermRows(naming: { terms?: readonly NamingTermRow[] } | undefined): NamingTermRow[] {
  return (naming?.terms ?? []).map((t) => ({
    concept: t.concept,
    form: t.form,
    pole: t.pole,
    voice: t.voice,
    provenance: t.provenance,
    count: t.count,
  }));
}

/** Everything the store writes for one document: its row and the query tables' rows. */
export interface DerivedRows extends SummaryRows {
  doc: DocumentRow;
  /** The stems' counts as SQLite's full-text index holds them, those that can be heavy postings (sqlite/topk.ts). */
  terms: HeavyTerms;
}

/** The hash that decides whether a re-ingested document changed: SHA-256 of its text. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The case- and `ё`-insensitive key entity filters match on. */
export function nameKey(name: string): string {
  return name.toLowerCase().replaceAll('ё', 'е').trim();
}

/** The columns the date and language filters, facets and reports key a document by. */
export interface DateLangKeys {
  day: string | null;
  month: string | null;
  lang: string | null;
}

/**
 * A document's `day`, `month` and `lang` columns from its `published` and its language (the
 * record's `lang`, else the language layer's code): what ingest writes and what migration 14
 * recomputes for the documents stored before (`date-lang-backfill.ts`).
 */
export function dateLangKeys(published: string | null, lang: string | null): DateLangKeys {
  const { day, month } = readPublished(published);
  return {
    day: day ?? month,
    month,
    // `en-GB`, `EN` (a document analysed elsewhere): the base code the language filter matches.
    lang: lang === null ? null : (languageCode(lang) ?? lang),
  };
}

/**
 * The summary columns and query-table rows of an analysed document, without stemming or
 * serialising it (`words` counts the words the index would hold). Layers that did not run give
 * no rows and null columns, so a document analysed with `--layers` is stored all the same.
 */
export function deriveSummary(doc: NewsDocument, words = countWords(doc.text)): SummaryRows {
  const meta = doc.meta ?? {};
  const keys = dateLangKeys(meta.published ?? null, meta.lang ?? doc.language?.code ?? null);
  const techniques = new Map<string, { technique: string; count: number; scoreMax: number }>();
  for (const s of doc.techniques?.spans ?? []) {
    const t = techniques.get(s.technique) ?? { technique: s.technique, count: 0, scoreMax: 0 };
    t.count++;
    t.scoreMax = Math.max(t.scoreMax, s.score ?? 0);
    techniques.set(s.technique, t);
  }
  const claims = doc.claims ?? [];
  const sources = doc.sources;
  return {
    doc: {
      id: doc.id,
      textHash: textHash(doc.text),
      title: meta.title ?? null,
      outlet: meta.outlet ?? null,
      lang: keys.lang,
      published: meta.published ?? null,
      day: keys.day,
      month: keys.month,
      words,
      genre: doc.genre?.genre ?? null,
      subjectivity: doc.subjectivity?.share ?? null,
      claims: claims.length,
      claimMax: claims.length ? Math.max(...claims.map((c) => c.score)) : null,
      ownVoice: sources?.ownVoiceShare ?? null,
      attributed: sources?.attributedShare ?? null,
      anonymous: sources?.anonymousShare ?? null,
      ruShare: doc.naming?.profile.ruShare ?? null,
    },
    entities: (doc.entities ?? []).map((e) => ({
      entity: e.id,
      type: e.type,
      name: e.name,
      key: nameKey(e.name),
      mentions: e.mentions.length,
    })),
    naming: (doc.naming?.entities ?? []).flatMap((e) =>
      e.variants.map((v) => ({
        entity: e.entity,
        name: e.name,
        form: v.form,
        pole: v.pole,
        provenance: v.provenance,
        count: v.count,
      })),
    ),
    namingTerms: namingTermRows(doc.naming),
    sources: (sources?.sources ?? []).map((s) => ({
      name: s.name,
      type: s.type,
      attributions: s.attributions,
      words: s.words,
    })),
    techniques: [...techniques.values()],
    // Only the frames the article sets: every query and report asks for those, and the other
    // scores (fourteen frames a document) stay in the stored layer.
    frames: (doc.frames ?? [])
      .filter((f) => f.selected)
      .map((f) => ({ frame: f.frame, score: f.score, selected: true })),
  };
}

/** The layers' JSON as pieces (see {@link layersJson}): joined, they are the JSON. */
export interface JsonParts {
  parts: string[];
  /** The JSON's length (UTF-16 code units). */
  length: number;
}

/** `"key":` and `,"key":` by key: the layers' keys are few and the same in every document. */
const keyParts = new Map<string, [string, string]>();

/**
 * `JSON.stringify(value)` of a plain object as pieces: its keys and each key's value serialised
 * alone. One JSON.stringify of the whole makes a string of two-byte characters from the first
 * non-Latin-1 character on (then copied whole to be read: ≈ 130 kB a document), where the
 * pieces are two-byte only for the values that hold such a character (≈ 45 kB against 66 kB).
 * The same text as JSON.stringify: keys in their order, a value JSON leaves out (undefined, a
 * function) left out with its key.
 */
export function layersJson(value: Record<string, unknown>): JsonParts {
  const parts: string[] = [];
  let length = 2;
  for (const key of Object.keys(value)) {
    const json = JSON.stringify(value[key]) as string | undefined;
    if (json === undefined) continue;
    let k = keyParts.get(key);
    if (k === undefined) {
      const quoted = JSON.stringify(key);
      k = [`${quoted}:`, `,${quoted}:`];
      if (keyParts.size < 1000) keyParts.set(key, k);
    }
    const head = parts.length === 0 ? k[0] : k[1];
    parts.push(head, json);
    length += head.length + json.length;
  }
  if (parts.length === 0) return { parts: ['{}'], length };
  parts[0] = `{${parts[0]}`;
  parts.push('}');
  return { parts, length };
}

/** What {@link deriveRows} makes, with the layers' JSON in pieces ({@link layersJson}). */
export interface DerivedParts extends Omit<DerivedRows, 'doc'> {
  doc: Omit<DocumentRow, 'layers'> & { layers: JsonParts };
}

/** The producers JSON of the last document derived (see {@link producersJson}). */
let lastProducers = '{}';

/**
 * A document's producers as JSON, the same string as the last document's when it is the same
 * JSON: every document a pipeline analyses has the same producers (3.6 kB), and a prepared
 * document waits for its batch's transaction, so they then hold one string rather than one each.
 */
function producersJson(doc: NewsDocument): string {
  const json = JSON.stringify(doc.producers ?? {});
  if (json === lastProducers) return lastProducers;
  lastProducers = json;
  return json;
}

/**
 * {@link deriveRows} with the layers' JSON in pieces (what the store packs: see packed.ts), not
 * joined into one string.
 */
export function deriveParts(doc: NewsDocument): DerivedParts {
  const { text, ...rest } = doc;
  // The producers are stored once a store (producer-sets.ts): the layers keep their key's place.
  if (rest.producers !== undefined) (rest as { producers: unknown }).producers = null;
  const counts = new Map<string, number>();
  const title = stemText(doc.meta?.title ?? '', counts, TITLE_WEIGHT);
  const body = stemText(text, counts);
  const summary = deriveSummary(doc, body.words);
  return {
    ...summary,
    doc: {
      ...summary.doc,
      producers: producersJson(doc),
      layers: layersJson(rest),
      text,
      ftsTitle: title.stems,
      ftsBody: body.stems,
    },
    terms: heavyTerms(stemmedTermCounts(title, body, counts)),
  };
}

/**
 * Derives what the store writes for an analysed document (which must already be well-formed
 * Unicode): {@link deriveSummary}, the layers as JSON, and the stemmed title and body the
 * full-text index holds, with their stems' counts.
 */
export function deriveRows(doc: NewsDocument): DerivedRows {
  const rows = deriveParts(doc);
  return { ...rows, doc: { ...rows.doc, layers: rows.doc.layers.parts.join('') } };
}
