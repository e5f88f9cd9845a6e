import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { DocumentInput, NewsDocument } from '@newsprism/core';
import { builtinCatalog, keepLayers, toJson } from '@newsprism/core/node';
import { canonical, NewsprismError, otherOptionLayers, type Producer } from '@newsprism/core/schema';
import { contentHash, type Store, textId } from '@newsprism/store';
import type { MiddlewareHandler } from 'hono';
import type { Analysis, AnalyzerOptions } from '../analysis.js';
import { utf8Body } from '../body.js';
import { problemOf } from '../problem.js';
import {
  DocumentSchema,
  IdParam,
  LayersQuery,
  type Limits,
  NoQuery,
  OptionsQuery,
  ProblemSchema,
} from '../schemas.js';
import { DOCUMENT_BODY, optionsOf, PROBLEMS, queryOptions } from './analyze.js';
import { requestedLayers } from './layers.js';
import { bodyItems } from './records.js';

/** A document of a request stored with the same text already. */
interface Kept {
  line: number;
  id: string;
  input: DocumentInput;
  options?: AnalyzerOptions;
}

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
        status: z.enum(['added', 'unchanged', 'replaced', 'reanalysed']).optional().openapi({
          description:
            "`reanalysed`: stored with the same text and other options, analysed again with this request's (`?reanalyze=other-options`)",
        }),
        otherOptions: z.array(z.string()).optional().openapi({
          description:
            "The layers of a document stored with the same text that were analysed with other options than this request's: left `unchanged` (as `newsprism ingest`), or `reanalysed` with `?reanalyze=other-options`, which brings only such documents to this request's options",
        }),
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
  /**
   * The results of the documents a request leaves unchanged, each compared with what its options
   * would record (the workers' producers for the set, asked once a set): the layers stored with
   * other options are named. Options a pipeline refuses fail the line, as they would analysed.
   * With `again` (`?reanalyze=other-options`) those stored with other options are not answered
   * but returned, to be analysed again.
   */
  const keptResults = async (
    kept: readonly Kept[],
    results: z.infer<typeof IngestResult>['results'],
    failed: (line: number, err: unknown) => void,
    again: boolean,
  ): Promise<(Kept & { other: string[] })[]> => {
    const redo: (Kept & { other: string[] })[] = [];
    if (!kept.length) return redo;
    const producers = analysis.check ? await store.producersOf(kept.map((k) => k.id)) : new Map();
    const plans = new Map<string, Promise<Readonly<Record<string, Producer>>>>();
    for (const k of kept) {
      const key = k.options === undefined ? '' : canonical(k.options);
      let plan = plans.get(key);
      if (!plan && analysis.check) {
        plan = analysis.check(k.options);
        plans.set(key, plan);
      }
      try {
        const other = plan ? otherOptionLayers(producers.get(k.id) ?? {}, await plan) : [];
        if (again && other.length) {
          redo.push({ ...k, other });
          continue;
        }
        results.push({
          line: k.line,
          id: k.id,
          status: 'unchanged',
          ...(other.length ? { otherOptions: other } : {}),
        });
      } catch (err) {
        failed(k.line, err);
      }
    }
    return redo;
  };
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
        "Idempotent like `newsprism ingest`: the same id and text is left unchanged (not re-analysed), a changed text replaces the stored document. All good documents of a request are stored in one transaction; bad ones are reported by line. Analyzer options as for `POST /api/analyze` (`?options=`, a record's `options`, over `serve --set`; the same limits and codes, a record's bad options failing its line), recorded in each stored document's `producers`; an unchanged document analysed with other options keeps them, its result naming the layers (`otherOptions`); with `?reanalyze=other-options` it is analysed again with this request's and replaced (`reanalysed`; the stored layers the server does not make are kept, `E_REANALYZE_LAYERS` when one of them reads a layer made again), the others left as they are.",
      middleware: [deps.write, utf8Body] as const,
      security: [{ bearer: [] }],
      request: { query: OptionsQuery, body: DOCUMENT_BODY },
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
      // As analyze: `?options=` is checked before the records are read, a record's own where used.
      const query = c.req.valid('query');
      const shared = queryOptions(query.options);
      if (shared) await analysis.check?.(shared);
      const { items } = await bodyItems(c, deps.limits);
      // A record without an id is stored under one made from its text: a stand-in like
      // `request` would make every such request replace the last one's document.
      for (const it of items) if (it.input && !it.named) it.input.id = textId(it.input.text);
      const options = optionsOf(items, shared, deps.limits.optionSets);
      const inputs = items.flatMap((it) => (it.input ? [it.input] : []));
      const stored = await store.hashes(inputs.map((i) => i.id));
      const results: z.infer<typeof IngestResult>['results'] = [];
      const failed = (line: number, err: unknown) => {
        const e = err instanceof NewsprismError ? err : new NewsprismError('E_INTERNAL', 'analysis failed');
        results.push({ line, error: problemOf(e.code, e.message) });
      };
      const fresh: { line: number; doc: Promise<NewsDocument> }[] = [];
      const kept: Kept[] = [];
      for (const [i, it] of items.entries()) {
        const o = options[i];
        if (it.error) failed(it.line, it.error);
        else if (o instanceof Error) failed(it.line, o);
        else if (stored.get(it.input!.id) === contentHash(it.input!.text))
          kept.push({
            line: it.line,
            input: it.input!,
            id: it.input!.id,
            options: o as AnalyzerOptions | undefined,
          });
        else
          fresh.push({ line: it.line, doc: analysis.analyze(it.input!, o as AnalyzerOptions | undefined) });
      }
      for (const f of fresh) f.doc.catch(() => undefined);
      const redo = (await keptResults(kept, results, failed, query.reanalyze === 'other-options')).map(
        (k) => ({
          ...k,
          doc: analysis.analyze(k.input, k.options),
        }),
      );
      for (const r of redo) r.doc.catch(() => undefined);
      // The asked-for layers, not their requirements (`tokens`): what `newsprism ingest` stores.
      const keep = new Set(analysis.stored);
      const storedDocs = redo.length ? await Promise.all(redo.map((r) => store.get(r.id))) : [];
      // Every good document in line order, in one transaction: a later line with an id wins.
      const docs: { line: number; doc: NewsDocument; other?: string[] }[] = [];
      const made = [
        ...fresh.map((f) => ({ ...f, other: undefined, stored: undefined })),
        ...redo.map((r, i) => ({ ...r, stored: storedDocs[i] })),
      ].sort((a, b) => a.line - b.line);
      for (const m of made) {
        try {
          // A document analysed again is laid over the stored one whole: a stored layer the
          // server makes as a requirement (`language`) is made again too, not copied.
          const doc = await m.doc;
          docs.push({
            line: m.line,
            doc: m.stored ? overStored(m.stored, doc, analysis.stored) : keepLayers(doc, keep),
            ...(m.other ? { other: m.other } : {}),
          });
        } catch (err) {
          failed(m.line, err);
        }
      }
      const replace = docs.map((d) => d.other !== undefined);
      const outcomes = await (replace.includes(true)
        ? store.ingest(
            docs.map((d) => d.doc),
            { replace },
          )
        : store.ingest(docs.map((d) => d.doc)));
      for (const [i, o] of outcomes.entries()) {
        const d = docs[i]!;
        results.push(
          d.other
            ? { line: d.line, id: o.id, status: 'reanalysed', otherOptions: d.other }
            : { line: d.line, id: o.id, status: o.status },
        );
      }
      results.sort((a, b) => a.line - b.line);
      return c.json({ results }, 200);
    },
  );
}

/** What each built-in layer reads (its requirements and optional inputs). */
const READS = new Map(
  builtinCatalog.map((a) => [a.produces as string, [...a.requires, ...(a.optional ?? [])]]),
);

/**
 * A stored document analysed again by a server that makes fewer layers than it holds (`serve
 * --layers`): the layers the server made (`fresh`, every layer it made) laid over the stored
 * document — those it stores (`asked`) and every stored one it made, requirements included, so
 * that none is left with the options just compared — whose other layers are kept: the request
 * must not delete what it does not make. A kept layer that reads, directly or not, a layer made
 * again with another producer would no longer match it: refused (`E_REANALYZE_LAYERS`, the line
 * fails and the stored document stays as it is).
 */
function overStored(stored: NewsDocument, fresh: NewsDocument, asked: readonly string[]): NewsDocument {
  const held = Object.keys(stored.producers);
  const ours = Object.keys(fresh.producers).filter((l) => asked.includes(l) || held.includes(l));
  const others = held.filter((l) => !ours.includes(l));
  const storedProducers = stored.producers as Record<string, unknown>;
  const freshProducers = fresh.producers as Record<string, unknown>;
  const changed = new Set(
    ours.filter((l) => canonical(storedProducers[l] ?? null) !== canonical(freshProducers[l])),
  );
  const reads = (l: string, seen = new Set<string>()): Set<string> => {
    for (const r of READS.get(l) ?? [])
      if (!seen.has(r)) {
        seen.add(r);
        reads(r, seen);
      }
    return seen;
  };
  const stale = others.filter((l) => [...reads(l)].some((r) => changed.has(r)));
  if (stale.length)
    throw new NewsprismError(
      'E_REANALYZE_LAYERS',
      `"${stored.id.slice(0, 80)}" is stored with layers (${stale.join(', ')}) that read ${[...changed].join(', ')}, which this server makes again without them (serve --layers ${asked.join(',')}); analyse it again with \`newsprism reanalyze\` on the store, or leave ?reanalyze out`,
    );
  const out: Record<string, unknown> = { ...stored, producers: {} };
  const record = stored as unknown as Record<string, unknown>;
  const freshRecord = fresh as unknown as Record<string, unknown>;
  const producers = out.producers as Record<string, unknown>;
  for (const l of held) {
    const from = ours.includes(l) ? freshRecord : record;
    out[l] = from[l];
    producers[l] = (from.producers as Record<string, unknown>)[l];
  }
  for (const l of ours)
    if (!(l in producers)) {
      out[l] = freshRecord[l];
      producers[l] = freshProducers[l];
    }
  // The diagnostics of the analyzers made again are theirs now; the input's and the others' stay.
  out.diagnostics = [
    ...stored.diagnostics.filter((d) => !d.source || !ours.includes(d.source)),
    ...fresh.diagnostics.filter((d) => d.source && ours.includes(d.source)),
  ];
  return out as unknown as NewsDocument;
}
