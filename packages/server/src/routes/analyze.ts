import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { NewsDocument } from '@newsprism/core';
import { layOptions, toJson } from '@newsprism/core/node';
import { canonical, NewsprismError } from '@newsprism/core/schema';
import { stream } from 'hono/streaming';
import type { Analysis, AnalyzerOptions } from '../analysis.js';
import { utf8Body } from '../body.js';
import { problemOf } from '../problem.js';
import {
  AnalyzeQuery,
  AnalyzeRecordSchema,
  DocumentSchema,
  type Limits,
  ProblemSchema,
  RECORD_EXAMPLE,
} from '../schemas.js';
import { requestedLayers } from './layers.js';
import { type BodyItem, bodyItems } from './records.js';

/** The request body forms of analyze and ingest, for the OpenAPI document: a JSON record may carry its `options`. */
export const DOCUMENT_BODY = {
  required: true,
  description:
    'One document as a JSON record, several as NDJSON (one record a line), or the article itself as text/plain or text/html.',
  content: {
    'application/json': {
      schema: z.toJSONSchema(AnalyzeRecordSchema, { io: 'input' }) as object,
      example: { ...RECORD_EXAMPLE, options: { genre: { prior: 'news-wire' } } },
    },
    'application/x-ndjson': { schema: { type: 'string' as const, description: 'one JSON record a line' } },
    'text/plain': { schema: { type: 'string' as const } },
    'text/html': { schema: { type: 'string' as const } },
  },
};

/**
 * The `options` query parameter: JSON of per-analyzer options, its shape checked here
 * (`E_OPTION_TYPE`), its names and values by the analysis (`check`).
 */
export function queryOptions(raw: string | undefined): AnalyzerOptions | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new NewsprismError(
      'E_OPTION_TYPE',
      `the query parameter "options" must be JSON like {"genre":{"prior":"news-wire"}} (got ${JSON.stringify(raw.slice(0, 60))})`,
    );
  }
  return layOptions(undefined, value);
}

/**
 * The options each document of a request is analysed with: a record's own over `?options=`,
 * else `?options=`; none (the server's own) for a record with neither. Options of a bad shape
 * are left for the document's analysis to refuse (`E_OPTION_TYPE` on its line). More than
 * `limit` distinct sets is `E_TOO_MANY_OPTION_SETS`: every set is a pipeline to build (about
 * 50 ms of CPU) and keep in each worker, whose room is shared by every client.
 */
export function optionsOf(
  items: readonly BodyItem[],
  shared: AnalyzerOptions | undefined,
  limit: number,
): unknown[] {
  const out = items.map((it) => {
    if (it.options === undefined) return shared;
    try {
      return layOptions(shared, it.options);
    } catch (err) {
      return err;
    }
  });
  // Only documents to analyse count: a bad record's line fails without a pipeline.
  const sets = new Set(
    out.filter((o, i) => items[i]!.input && o !== undefined && !(o instanceof Error)).map(canonical),
  );
  if (sets.size > limit)
    throw new NewsprismError(
      'E_TOO_MANY_OPTION_SETS',
      `the request's documents carry ${sets.size} different analyzer option sets, over the ${limit} one request may; send documents with other options in separate requests`,
    );
  return out;
}

/** Problem responses every endpoint may give. */
export const PROBLEMS = {
  400: { description: 'Bad request', content: { 'application/problem+json': { schema: ProblemSchema } } },
  413: { description: 'Too large', content: { 'application/problem+json': { schema: ProblemSchema } } },
};

const route = createRoute({
  method: 'post',
  path: '/api/analyze',
  summary: 'Analyse documents without storing them',
  description:
    "Text, HTML or a JSON record in, a NewsDocument out. NDJSON in gives NDJSON out, streamed in input order: each line a document or {\"line\", \"error\": problem}. Analyzer options (`?options=` JSON for every document, a record's `options` for its own) are laid over the server's `serve --set`, analyzer by analyzer, key by key; the options used are in the document's `producers`. A bad one is a 400 with the code `newsprism analyze --set` gives (E_OPTION_VALUE, E_UNKNOWN_OPTION, E_OPTION_TYPE, E_UNKNOWN_ANALYZER); in NDJSON a record's bad options fail its line only. A request's documents may carry at most four different option sets (a record's laid over `?options=` being one): more is 400 E_TOO_MANY_OPTION_SETS, before any is analysed. An option naming a file (a model, a word list) is 403 E_OPTION_NOT_ALLOWED: only `serve --set` may give it.",
  middleware: [utf8Body] as const,
  request: { query: AnalyzeQuery, body: DOCUMENT_BODY },
  responses: {
    200: {
      description: 'The analysed document (or NDJSON of documents)',
      content: {
        'application/json': { schema: DocumentSchema },
        'application/x-ndjson': { schema: z.string() },
      },
    },
    ...PROBLEMS,
    403: {
      description: 'An option that names a file on the server (E_OPTION_NOT_ALLOWED)',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    422: {
      description: 'Nothing to analyse',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

/** `POST /api/analyze`: analysis in the worker pool, nothing stored. */
export function analyzeRoute(app: OpenAPIHono, analysis: Analysis, limits: Limits): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const layers = requestedLayers(query.layers, analysis.layers);
    // `?options=` is checked before the records are read: a bad one fails the request whole.
    // A record's own options are checked by its analysis (its line only, in NDJSON).
    const shared = queryOptions(query.options);
    if (shared) await analysis.check?.(shared);
    const { many, items } = await bodyItems(c, limits);
    const options = optionsOf(items, shared, limits.optionSets);
    const run = (it: BodyItem, i: number): Promise<NewsDocument> => {
      if (!it.input) return Promise.reject(it.error);
      const o = options[i];
      return o instanceof Error
        ? Promise.reject(o)
        : analysis.analyze(it.input, o as AnalyzerOptions | undefined);
    };
    if (!many) {
      const doc = await run(items[0]!, 0);
      return c.json(toJson(doc, layers) as z.infer<typeof DocumentSchema>, 200);
    }
    // Every document starts at once (the pool queues them); lines are written in input order.
    const pending = items.map((it, i) => {
      try {
        return run(it, i);
      } catch (err) {
        return Promise.reject(err);
      }
    });
    for (const p of pending) p.catch(() => undefined);
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    return stream(c, async (s) => {
      for (const [i, p] of pending.entries()) {
        let line: string;
        try {
          line = JSON.stringify(toJson(await p, layers));
        } catch (err) {
          const e = err instanceof NewsprismError ? err : new NewsprismError('E_INTERNAL', 'analysis failed');
          line = JSON.stringify({ line: items[i]!.line, error: problemOf(e.code, e.message) });
        }
        await s.write(`${line}\n`);
      }
    }) as never;
  });
}
