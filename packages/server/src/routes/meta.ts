import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Store } from '@newsprism/store';
import type { Analysis } from '../analysis.js';
import { NoQuery, ProblemSchema } from '../schemas.js';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    store: z
      .object({ backend: z.string(), reachable: z.boolean(), documents: z.number().optional() })
      .nullable(),
    analysis: z.object({
      layers: z.array(z.string()),
      options: z.record(z.string(), z.record(z.string(), z.unknown())).openapi({
        description:
          "The server's own analyzer options (`serve --set`), the defaults of every analysis a request's `options` go over: options naming files left out. `{}`: the analyzers' defaults.",
        example: { genre: { prior: 'news-wire' } },
      }),
    }),
  })
  .openapi('Health');

/** `GET /api/health`: liveness, the store reachable, models loaded, versions. */
export function metaRoutes(
  app: OpenAPIHono,
  deps: { analysis: Analysis; store?: Store; version: string },
): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      summary:
        "Liveness: the store reachable, the analysis ready (its layers and the server's options), versions",
      request: { query: NoQuery },
      responses: {
        400: {
          description: 'A query parameter given (it takes none)',
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
        200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
        503: {
          description: 'The store is not reachable',
          content: { 'application/json': { schema: Health } },
        },
      },
    }),
    async (c) => {
      let store: z.infer<typeof Health>['store'] = null;
      if (deps.store) {
        try {
          const s = await deps.store.stats();
          store = { backend: deps.store.backend, reachable: true, documents: s.documents };
        } catch {
          store = { backend: deps.store.backend, reachable: false };
        }
      }
      const ok = store === null || store.reachable;
      const body: z.infer<typeof Health> = {
        status: ok ? 'ok' : 'degraded',
        version: deps.version,
        store,
        analysis: { layers: [...deps.analysis.layers], options: deps.analysis.options ?? {} },
      };
      return ok ? c.json(body, 200) : c.json(body, 503);
    },
  );
}
