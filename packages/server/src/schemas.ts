import { z } from '@hono/zod-openapi';

/** Limits of the API; each breach is a clear 4xx, never a stall. */
export interface Limits {
  /** Largest request body in bytes (413 beyond). */
  bodyBytes: number;
  /** Documents per analyze or ingest request. */
  documents: number;
  /**
   * Distinct analyzer option sets per analyze request (each needs a pipeline of its own in
   * every worker, which keeps eight: a request may not evict every other client's).
   */
  optionSets: number;
  /** Characters of a search query. */
  queryChars: number;
  /** Hits per page. */
  pageSize: number;
}

/** The defaults: a 20 MB article fits, as in the CLI. */
export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 21 * 1024 * 1024,
  documents: 100,
  optionSets: 4,
  queryChars: 1000,
  pageSize: 200,
};

/** One document to analyse or ingest: a JSONL record of `newsprism analyze`. Unknown fields are refused. */
export const RecordSchema = z
  .object({
    id: z.string().min(1).max(512).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().max(10_000).optional(),
    url: z.string().max(10_000).optional(),
    outlet: z.string().max(1_000).optional(),
    published: z.string().max(100).optional(),
    lang: z.string().max(20).optional(),
    byline: z.string().max(10_000).optional(),
  })
  .strict();

/**
 * A record of `POST /api/analyze` and `POST /api/documents`: a {@link RecordSchema} with the analyzer options to run it
 * with (`{"genre": {"prior": "news-wire"}}`), laid over the `options` query parameter and the
 * server's own. Their shape and values are checked where they are used (`E_OPTION_TYPE`,
 * `E_UNKNOWN_OPTION`, `E_OPTION_VALUE`, as the CLI's `--set`).
 */
export const AnalyzeRecordSchema = RecordSchema.extend({
  options: z
    .unknown()
    .optional()
    .openapi({
      description:
        'Analyzer options for this document, laid over the server\'s (`serve --set`): {"genre": {"prior": "news-wire"}}',
      example: { genre: { prior: 'news-wire' } },
    }),
}).strict();

/**
 * The example record of the OpenAPI document (the JSON body of analyze and ingest). The body's
 * schema is plain JSON Schema (`z.toJSONSchema`: a zod schema there would make the route parse
 * every body as JSON), so the example goes beside it, not into zod's metadata.
 */
export const RECORD_EXAMPLE = {
  id: 'a1',
  title: 'Kiev gets new arms',
  text: 'Kiev gets new arms\nWASHINGTON (Wire) - …',
};

/** A repeated query parameter (`outlet=RT&outlet=Sputnik`) or a single one. */
const many = z.union([z.string().max(500), z.array(z.string().max(500)).max(50)]).optional();

/** Query and filters shared by search, report and export. */
export const FilterQuery = z
  .object({
    q: z.string().optional().openapi({ description: 'Query: words, "phrases", AND/OR/NOT, prefix*' }),
    outlet: many,
    lang: many,
    from: z.string().max(10).optional().openapi({ description: 'YYYY, YYYY-MM or YYYY-MM-DD (inclusive)' }),
    to: z.string().max(10).optional(),
    genre: many,
    frame: many,
    technique: many,
    entity: many,
    source_type: many,
    min_claim_score: numberIn(0, 1, false),
    all_names: z.enum(['true', 'false', '1', '0']).optional().openapi({
      description:
        'Also search every other name of a gazetteer entity the query names, in every language (Bakhmut finds Artyomovsk, Бахмут); a search and a report list them in `expansions`',
    }),
  })
  .strict();

/**
 * A number parameter whose every problem says the range, as the CLI's flags do (`limit=abc`:
 * "expected a whole number from 1 to 1000", not zod's "expected number, received NaN").
 */
function numberIn(min: number, max: number, whole = true) {
  const error = `expected a ${whole ? 'whole number' : 'number'} from ${min} to ${max}`;
  const n = z.coerce.number({ error });
  return (whole ? n.int({ error }) : n).min(min, { error }).max(max, { error }).optional();
}

/** Search: filters plus sorting, paging and facets. */
export const SearchQuery = FilterQuery.extend({
  sort: z.enum(['relevance', 'date']).optional(),
  limit: numberIn(1, 1000),
  offset: numberIn(0, 100_000),
  cursor: z.string().max(500).optional(),
  facets: z.enum(['true', 'false', '1', '0']).optional(),
}).strict();

/** Report: filters plus grouping. */
export const ReportQuery = FilterQuery.extend({
  by: z.enum(['outlet', 'month', 'outlet,month', 'none']).optional(),
  top: numberIn(1, 100),
}).strict();

/** Export: filters plus format. */
export const ExportQuery = FilterQuery.extend({ format: z.enum(['jsonl', 'csv']).optional() }).strict();

/** `?layers=` of analyze and document reads: a comma-separated list. */
/** A document id in a path: any characters but control ones, at most 512 (ids are data, never paths). */
export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(512)
    // The control characters (Unicode's Cc) written out: a regex with a flag (`/\p{Cc}/u`)
    // reached the OpenAPI document as the pattern `^…$/u`, which no id matches.
    .regex(/^[^\x00-\x1f\x7f-\x9f]+$/, 'an id has no control characters')
    .openapi({ param: { name: 'id', in: 'path' }, example: '000_9e638db712f8f9b5' }),
});

export const LayersQuery = z.object({ layers: z.string().max(500).optional() }).strict();

/** `?options=`: analyzer options as JSON, for every document of an analyze or ingest request. */
const OPTIONS_PARAM = z.string().max(10_000).optional().openapi({
  description:
    'Analyzer options as JSON, for every document of the request (a record\'s own `options` go over them), e.g. {"genre":{"prior":"news-wire"}}; as `newsprism analyze --set genre.prior=news-wire`. The value "default" gives an option back its analyzer\'s default over the server\'s `serve --set`: {"genre":{"prior":"default"}}',
});

/** The query of `POST /api/analyze`: `?layers=` and `?options=`. */
export const AnalyzeQuery = LayersQuery.extend({ options: OPTIONS_PARAM }).strict();

/** The query of `POST /api/documents`: `?options=`, `?reanalyze=`. */
export const OptionsQuery = z
  .object({
    options: OPTIONS_PARAM,
    reanalyze: z
      .enum(['other-options'], {
        message: 'the one value is other-options; leave it out to keep such documents unchanged',
      })
      .optional()
      .openapi({
        description:
          'other-options: a document stored with the same text but analysed with other options than this request\'s (a result\'s `otherOptions`) is analysed again and replaced (`status: "reanalysed"`), as `newsprism ingest --reanalyze other-options`; left out, it stays `unchanged`',
      }),
  })
  .strict();

/** The query of an endpoint that takes no parameter: any one given is refused (`E_UNKNOWN_FIELD`). */
export const NoQuery = z.object({}).strict();

/** Problem details (RFC 9457) with the stable code. */
export const ProblemSchema = z
  .object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), code: z.string() })
  .openapi('Problem');

/** A newsprism document (`docs/data-model.md`): text, meta, layers, producers, diagnostics. */
export const DocumentSchema = z
  .object({
    schema: z.string(),
    id: z.string(),
    text: z.string(),
    meta: z.record(z.string(), z.unknown()),
    producers: z.record(z.string(), z.unknown()),
    diagnostics: z.array(z.unknown()),
  })
  .passthrough()
  .openapi('NewsDocument');

/** Normalises a repeated-or-single parameter to a list. */
export function list(v: string | string[] | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  const out = (Array.isArray(v) ? v : [v])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);
  return out.length ? out : undefined;
}
