import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { toJson } from '@newsprism/core/node';
import { NewsprismError } from '@newsprism/core/schema';
import { stream } from 'hono/streaming';
import type { Analysis } from '../analysis.js';
import { utf8Body } from '../body.js';
import { problemOf } from '../problem.js';
import {
  DocumentSchema,
  LayersQuery,
  type Limits,
  ProblemSchema,
  RECORD_EXAMPLE,
  RecordSchema,
} from '../schemas.js';
import { requestedLayers } from './layers.js';
import { bodyItems } from './records.js';

/** The request body forms of analyze and ingest, for the OpenAPI document. */
export const DOCUMENT_BODY = {
  required: true,
  description:
    'One document as a JSON record, several as NDJSON (one record a line), or the article itself as text/plain or text/html.',
  content: {
    'application/json': {
      schema: z.toJSONSchema(RecordSchema, { io: 'input' }) as object,
      example: RECORD_EXAMPLE,
    },
    'application/x-ndjson': { schema: { type: 'string' as const, description: 'one JSON record a line' } },
    'text/plain': { schema: { type: 'string' as const } },
    'text/html': { schema: { type: 'string' as const } },
  },
};

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
    'Text, HTML or a JSON record in, a NewsDocument out. NDJSON in gives NDJSON out, streamed in input order: each line a document or {"line", "error": problem}.',
  middleware: [utf8Body] as const,
  request: { query: LayersQuery, body: DOCUMENT_BODY },
  responses: {
    200: {
      description: 'The analysed document (or NDJSON of documents)',
      content: {
        'application/json': { schema: DocumentSchema },
        'application/x-ndjson': { schema: z.string() },
      },
    },
    ...PROBLEMS,
    422: {
      description: 'Nothing to analyse',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

/** `POST /api/analyze`: analysis in the worker pool, nothing stored. */
export function analyzeRoute(app: OpenAPIHono, analysis: Analysis, limits: Limits): void {
  app.openapi(route, async (c) => {
    const layers = requestedLayers(c.req.valid('query').layers, analysis.layers);
    const { many, items } = await bodyItems(c, limits);
    if (!many) {
      const doc = await analysis.analyze(items[0]!.input!);
      return c.json(toJson(doc, layers) as z.infer<typeof DocumentSchema>, 200);
    }
    // Every document starts at once (the pool queues them); lines are written in input order.
    const pending = items.map((it) => (it.input ? analysis.analyze(it.input) : Promise.reject(it.error)));
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
