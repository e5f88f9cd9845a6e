import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { NewsprismError } from '@newsprism/core/schema';
import {
  csvHeader,
  csvLine,
  queryExpansions,
  type ReportBy,
  type SearchRequest,
  type Store,
} from '@newsprism/store';
import { stream } from 'hono/streaming';
import {
  ExportQuery,
  type FilterQuery,
  type Limits,
  list,
  NoQuery,
  ProblemSchema,
  ReportQuery,
  SearchQuery,
} from '../schemas.js';

type Filters = z.infer<typeof FilterQuery>;

/** The store's request for the query and filters of a URL. */
export function toRequest(q: Filters, limits: Limits): SearchRequest {
  if (q.q !== undefined && q.q.length > limits.queryChars)
    throw new NewsprismError('E_BAD_QUERY', `the query is over ${limits.queryChars} characters; shorten it`);
  return {
    query: q.q,
    outlet: list(q.outlet),
    lang: list(q.lang),
    from: q.from,
    to: q.to,
    genre: list(q.genre),
    frame: list(q.frame),
    technique: list(q.technique),
    entity: list(q.entity),
    sourceType: list(q.source_type),
    minClaimScore: q.min_claim_score,
    ...(q.all_names === 'true' || q.all_names === '1' ? { allNames: true } : {}),
  };
}

const BAD = {
  400: {
    description: 'Bad query or filter',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};
const Json = z.record(z.string(), z.unknown());

/** `GET /api/search`, `/api/outlets`, `/api/report` and `/api/export`. */
export function corpusRoutes(app: OpenAPIHono, store: Store, limits: Limits): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Full-text search with filters, facets, snippets and cursor paging',
      request: { query: SearchQuery },
      responses: {
        200: {
          description: 'A page of hits (`next` is the cursor of the next page)',
          content: { 'application/json': { schema: Json } },
        },
        ...BAD,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      if (q.limit !== undefined && q.limit > limits.pageSize)
        throw new NewsprismError('E_BAD_FILTER', `limit is at most ${limits.pageSize}`);
      // The store's JSON text as is (made in a search reader when the store has them; the
      // route's typed responses know JSON objects only).
      const json = await store.searchJson({
        ...toRequest(q, limits),
        sort: q.sort,
        limit: q.limit,
        offset: q.offset,
        cursor: q.cursor,
        facets: q.facets === 'true' || q.facets === '1',
      });
      return c.body(json, 200, { 'content-type': 'application/json' }) as never;
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/report',
      summary:
        'Per-outlet and per-month aggregates (voice shares, technique rates, frames, genres, naming, the terms of the war by voice, top entities and sources)',
      request: { query: ReportQuery },
      responses: {
        200: { description: 'Report groups', content: { 'application/json': { schema: Json } } },
        ...BAD,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const req = toRequest(q, limits);
      const groups = await store.report({ ...req, by: (q.by ?? 'outlet') as ReportBy, top: q.top });
      // With all_names, the names searched, as a search lists them.
      const named = req.allNames && req.query?.trim() ? { expansions: queryExpansions(req.query) } : {};
      return c.json({ by: q.by ?? 'outlet', groups, ...named } as Record<string, unknown>, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/outlets',
      summary: 'The outlets of the corpus with their aggregates',
      request: { query: NoQuery },
      responses: {
        200: { description: 'One group per outlet', content: { 'application/json': { schema: Json } } },
        ...BAD,
      },
    }),
    async (c) => c.json({ outlets: await store.report({ by: 'outlet' }) } as Record<string, unknown>, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/export',
      summary: 'Every document of a search, streamed as JSONL (whole documents) or CSV (one row each)',
      request: { query: ExportQuery },
      responses: {
        200: {
          description: 'The stream',
          content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } },
        },
        ...BAD,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const req = toRequest(q, limits);
      const csv = q.format === 'csv';
      // Validate the query before the 200 goes out: a bad query is a 400, not a broken stream.
      await store.search({ ...req, limit: 1 });
      c.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      c.header('content-disposition', `attachment; filename="newsprism-export.${csv ? 'csv' : 'jsonl'}"`);
      return stream(c, async (s) => {
        if (csv) await s.write(csvHeader());
        for await (const doc of store.documents(req))
          await s.write(csv ? csvLine(doc) : `${JSON.stringify(doc)}\n`);
      }) as never;
    },
  );
}
