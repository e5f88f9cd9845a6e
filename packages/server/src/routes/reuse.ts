import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { NewsprismError } from '@newsprism/core/schema';
import type { Store } from '@newsprism/store';
import { IdParam, ProblemSchema } from '../schemas.js';

const Page = {
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ example: 20 }),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
};
const KINDS = ['copy', 'partial', 'rewrite', 'translation'] as const;

const ReuseQuery = z
  .object({
    kind: z.string().optional().openapi({
      description: 'comma-separated kinds: copy, partial, rewrite, translation',
      example: 'copy,partial',
    }),
    tree: z.string().max(512).optional().openapi({ description: 'the pairs of one republication tree' }),
    ...Page,
  })
  .strict();
const StoriesQuery = z
  .object({
    id: z.string().max(512).optional().openapi({ description: 'the story this document is in' }),
    ...Page,
  })
  .strict();

/** The other documents a page of pairs names: title, outlet, publication time (for links and labels). */
const DocumentsSeen = z.record(
  z.string(),
  z.object({ title: z.string().optional(), outlet: z.string().optional(), published: z.string().optional() }),
);
const Json = z.record(z.string(), z.unknown());
const ReusePageSchema = z
  .object({ total: z.number(), pairs: z.array(Json), documents: DocumentsSeen })
  .openapi('ReusePage');
const OutletsQuery = z
  .object({
    kind: z.string().optional().openapi({
      description: 'comma-separated kinds: copy, partial, rewrite, translation',
      example: 'copy',
    }),
  })
  .strict();
const OutletLinksSchema = z
  .object({
    links: z.array(
      z.object({
        source: z
          .string()
          .nullable()
          .openapi({ description: 'the outlet of the reused document (null: not known)' }),
        reuser: z.string().nullable().openapi({ description: 'the outlet of the document that reuses it' }),
        kind: z.enum(KINDS),
        directed: z.boolean().openapi({
          description:
            'false: which way the reuse went is not known; the outlets are then in alphabetical order',
        }),
        pairs: z.number().int(),
        score: z.number().openapi({ description: 'mean score of the pairs' }),
      }),
    ),
  })
  .openapi('OutletLinks');
const StoriesPageSchema = z
  .object({ total: z.number(), stories: z.array(Json), documents: DocumentsSeen })
  .openapi('StoriesPage');

const PROBLEM = { content: { 'application/problem+json': { schema: ProblemSchema } } };

function kinds(v: string | undefined): (typeof KINDS)[number][] | undefined {
  if (v === undefined) return undefined;
  const out = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const k of out)
    if (!(KINDS as readonly string[]).includes(k))
      throw new NewsprismError(
        'E_BAD_FILTER',
        `unknown reuse kind "${k.slice(0, 40)}"; use ${KINDS.join(', ')}`,
      );
  return out.length ? (out as (typeof KINDS)[number][]) : undefined;
}

/** Title, outlet and publication time of the documents `ids` names, from the store. */
async function seen(store: Store, named: readonly string[]) {
  const ids = [...new Set(named)];
  const heads = await store.heads(ids);
  const out: z.infer<typeof DocumentsSeen> = {};
  for (const id of ids) out[id] = heads.get(id) ?? {};
  return out;
}

/**
 * `GET /api/reuse`, `GET /api/reuse/outlets`, `GET /api/documents/:id/reuse` and `GET /api/stories`: the reuse pairs and
 * stories saved in the store by `newsprism reuse|stories --db … --save`.
 */
export function reuseRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reuse',
      summary: 'Saved reuse pairs (copies, partials, rewrites, translations), highest score first',
      description:
        'Each pair as `newsprism reuse` writes it: kind, score, direction and reason, aligned passages, what changed, republication tree. `documents` gives the title, outlet and time of every document named. Saved by `newsprism reuse --db … --save`.',
      request: { query: ReuseQuery },
      responses: {
        200: { description: 'A page of pairs', content: { 'application/json': { schema: ReusePageSchema } } },
        400: { description: 'Bad filter', ...PROBLEM },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await store.reuse({ kind: kinds(q.kind), tree: q.tree, limit: q.limit, offset: q.offset });
      return c.json(
        {
          ...r,
          documents: await seen(
            store,
            r.pairs.flatMap((p) => [p.a, p.b]),
          ),
        } as unknown as z.infer<typeof ReusePageSchema>,
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reuse/outlets',
      summary: 'Who republishes whom: saved reuse pairs counted by outlet, direction and kind',
      description:
        'Every (source outlet, reusing outlet, kind) with its number of saved pairs and their mean score, most pairs first. A pair whose direction is not known counts once, with `directed: false`. Saved by `newsprism reuse --db … --save`.',
      request: { query: OutletsQuery },
      responses: {
        200: { description: 'The links', content: { 'application/json': { schema: OutletLinksSchema } } },
        400: { description: 'Bad filter', ...PROBLEM },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ links: await store.reuseOutlets(kinds(q.kind)) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/reuse',
      summary: "A stored document's copies and sources: the saved reuse pairs it is in",
      request: { params: IdParam, query: ReuseQuery.omit({ tree: true }) },
      responses: {
        200: { description: 'A page of pairs', content: { 'application/json': { schema: ReusePageSchema } } },
        404: { description: 'No such document', ...PROBLEM },
        400: { description: 'Bad filter', ...PROBLEM },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      if (!(await store.hashes([id])).size)
        throw new NewsprismError('E_NOT_FOUND', `no document "${id.slice(0, 80)}" in the store`);
      const r = await store.reuse({ id, kind: kinds(q.kind), limit: q.limit, offset: q.offset });
      return c.json(
        {
          ...r,
          documents: await seen(
            store,
            r.pairs.flatMap((p) => [p.a, p.b]),
          ),
        } as unknown as z.infer<typeof ReusePageSchema>,
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stories',
      summary: 'Saved stories (articles about the same event), largest first',
      description:
        'Each story as `newsprism stories` writes it: label, members with outlet and time, who published first, and the side-by-side comparison. `documents` gives the title, outlet and time of every member. Saved by `newsprism stories --db … --save`.',
      request: { query: StoriesQuery },
      responses: {
        200: {
          description: 'A page of stories',
          content: { 'application/json': { schema: StoriesPageSchema } },
        },
        400: { description: 'Bad query', ...PROBLEM },
        404: { description: 'No such document (`id`)', ...PROBLEM },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      // As `/api/documents/{id}/reuse`: an id not stored is a mistake, not a document in no story.
      if (q.id !== undefined && !(await store.hashes([q.id])).size)
        throw new NewsprismError('E_NOT_FOUND', `no document "${q.id.slice(0, 80)}" in the store`);
      const r = await store.stories({ id: q.id, limit: q.limit, offset: q.offset });
      // Titles for the members: a reader scans a story by its headlines, not by file names.
      const documents = await seen(
        store,
        r.stories.flatMap((s) => s.members.map((m) => m.id)),
      );
      return c.json({ ...r, documents } as unknown as z.infer<typeof StoriesPageSchema>, 200);
    },
  );
}
