import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { NewsDocument } from '@newsprism/core';
import { keepLayers, toJson } from '@newsprism/core/node';
import { NewsprismError } from '@newsprism/core/schema';
import { contentHash, type Store, textId } from '@newsprism/store';
import type { MiddlewareHandler } from 'hono';
import type { Analysis } from '../analysis.js';
import { utf8Body } from '../body.js';
import { problemOf } from '../problem.js';
import { DocumentSchema, IdParam, LayersQuery, type Limits, NoQuery, ProblemSchema } from '../schemas.js';
import { DOCUMENT_BODY, PROBLEMS } from './analyze.js';
import { requestedLayers } from './layers.js';
import { bodyItems } from './records.js';

const NOT_FOUND = {
  404: {
    description: 'No such document',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};
const AUTH = {
  401: {
    description: 'No or wrong token',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  403: { description: 'Writes disabled', content: { 'application/problem+json': { schema: ProblemSchema } } },
};

const IngestResult = z
  .object({
    results: z.array(
      z.object({
        line: z.number(),
        id: z.string().optional(),
        status: z.enum(['added', 'unchanged', 'replaced']).optional(),
        error: ProblemSchema.optional(),
      }),
    ),
  })
  .openapi('IngestResult');

/** `GET`, `DELETE /api/documents/:id` and `POST /api/documents` (ingest). */
export function documentRoutes(
  app: OpenAPIHono,
  deps: { store: Store; analysis: Analysis; limits: Limits; write: MiddlewareHandler },
): void {
  const { store, analysis } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}',
      summary: 'A stored document',
      request: { params: IdParam, query: LayersQuery },
      responses: {
        200: { description: 'The document', content: { 'application/json': { schema: DocumentSchema } } },
        ...NOT_FOUND,
        400: PROBLEMS[400],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const doc = await store.get(id);
      if (!doc) throw new NewsprismError('E_NOT_FOUND', `no document "${id.slice(0, 80)}" in the store`);
      const layers = requestedLayers(c.req.valid('query').layers, Object.keys(doc.producers));
      return c.json(toJson(doc, layers) as z.infer<typeof DocumentSchema>, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/documents/{id}',
      summary: 'Delete a stored document (write access)',
      middleware: [deps.write] as const,
      security: [{ bearer: [] }],
      request: { params: IdParam, query: NoQuery },
      responses: { 204: { description: 'Deleted' }, ...NOT_FOUND, ...AUTH, 400: PROBLEMS[400] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.delete(id)))
        throw new NewsprismError('E_NOT_FOUND', `no document "${id.slice(0, 80)}" in the store`);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents',
      summary: 'Analyse and store documents (write access)',
      description:
        'Idempotent like `newsprism ingest`: the same id and text is left unchanged (not re-analysed), a changed text replaces the stored document. All good documents of a request are stored in one transaction; bad ones are reported by line.',
      middleware: [deps.write, utf8Body] as const,
      security: [{ bearer: [] }],
      request: { query: NoQuery, body: DOCUMENT_BODY },
      responses: {
        200: {
          description: 'What happened to each document',
          content: { 'application/json': { schema: IngestResult } },
        },
        ...PROBLEMS,
        ...AUTH,
      },
    }),
    async (c) => {
      const { items } = await bodyItems(c, deps.limits);
      // A record without an id is stored under one made from its text: a stand-in like
      // `request` would make every such request replace the last one's document.
      for (const it of items) if (it.input && !it.named) it.input.id = textId(it.input.text);
      const inputs = items.flatMap((it) => (it.input ? [it.input] : []));
      const stored = await store.hashes(inputs.map((i) => i.id));
      const results: z.infer<typeof IngestResult>['results'] = [];
      const fresh: { line: number; doc: Promise<NewsDocument> }[] = [];
      for (const it of items) {
        if (it.error) results.push({ line: it.line, error: problemOf(it.error.code, it.error.message) });
        else if (stored.get(it.input!.id) === contentHash(it.input!.text))
          results.push({ line: it.line, id: it.input!.id, status: 'unchanged' });
        else fresh.push({ line: it.line, doc: analysis.analyze(it.input!) });
      }
      const docs: { line: number; doc: NewsDocument }[] = [];
      for (const f of fresh) {
        try {
          docs.push({ line: f.line, doc: await f.doc });
        } catch (err) {
          const e = err instanceof NewsprismError ? err : new NewsprismError('E_INTERNAL', 'analysis failed');
          results.push({ line: f.line, error: problemOf(e.code, e.message) });
        }
      }
      // The asked-for layers, not their requirements (`tokens`): what `newsprism ingest` stores.
      const keep = new Set(analysis.stored);
      const outcomes = await store.ingest(docs.map((d) => keepLayers(d.doc, keep)));
      for (const [i, o] of outcomes.entries())
        results.push({ line: docs[i]!.line, id: o.id, status: o.status });
      results.sort((a, b) => a.line - b.line);
      return c.json({ results }, 200);
    },
  );
}
