import { OpenAPIHono } from '@hono/zod-openapi';
import { isNewsprismError, OptionError } from '@newsprism/core/schema';
import type { Store } from '@newsprism/store';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { allowedMethods } from './allowed-methods.js';
import type { Analysis } from './analysis.js';
import { docsPage } from './docs-page.js';
import { problem } from './problem.js';
import { analyzeRoute } from './routes/analyze.js';
import { corpusRoutes } from './routes/corpus.js';
import { documentRoutes } from './routes/documents.js';
import { metaRoutes } from './routes/meta.js';
import { reuseRoutes } from './routes/reuse.js';
import { DEFAULT_LIMITS, type Limits } from './schemas.js';
import { requireToken, securityHeaders } from './security.js';
import { serveWeb } from './static.js';

/** What the app needs: set up once by `startServer` (or a test). */
export interface AppOptions {
  analysis: Analysis;
  /** The corpus; without one the corpus endpoints answer 404 `E_NO_STORE`. */
  store?: Store;
  /** The bearer token of write endpoints; without one writes are refused. */
  token?: string;
  limits?: Partial<Limits>;
  /** The built web UI (packages/web/dist); not served when absent. */
  webRoot?: string;
  /** Origins allowed by CORS; none by default. */
  corsOrigins?: string[];
  version: string;
}

/**
 * The HTTP API as a Hono app: JSON in and out, an OpenAPI 3.1 document generated from the
 * schemas that validate requests, RFC 9457 problems with the CLI's stable codes, security
 * headers on every response. Tests call it in-process with `app.request()`.
 */
export function createApp(opts: AppOptions): OpenAPIHono {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0]!;
      const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the request';
      if (issue.code === 'unrecognized_keys') {
        const what = result.target === 'query' ? 'query parameter' : 'field';
        // At most five, each cut at 80 characters: the detail stays one short line whatever the URL.
        const keys = [
          ...issue.keys.slice(0, 5).map((k) => `"${k.slice(0, 80)}"`),
          ...(issue.keys.length > 5 ? [`${issue.keys.length - 5} more`] : []),
        ].join(', ');
        return problem(
          c,
          'E_UNKNOWN_FIELD',
          `unknown ${what}${issue.keys.length > 1 ? 's' : ''} ${keys}; /api/docs lists this endpoint's ${what}s`,
        );
      }
      // A query parameter: name what was sent, and a scalar one given twice (`limit=2&limit=3`,
      // read as a list: "expected number, received NaN") for what it is.
      const key = String(issue.path[0] ?? '');
      const sent = result.target === 'query' && key ? (c.req.queries(key) ?? []) : [];
      if (sent.length > 1)
        return problem(
          c,
          'E_BAD_REQUEST',
          `"${key.slice(0, 80)}" is given ${sent.length} times; give it once`,
        );
      const got = sent.length === 1 ? ` (got "${sent[0]!.slice(0, 40)}")` : '';
      if (issue.code === 'invalid_value' && issue.values.length > 1 && issue.values.length <= 12) {
        const vs = issue.values.map(String);
        return problem(
          c,
          'E_BAD_REQUEST',
          `${where} takes ${vs.slice(0, -1).join(', ')} or ${vs.at(-1)}${got}`,
        );
      }
      return problem(c, 'E_BAD_REQUEST', `${where}: ${issue.message}${got}`);
    },
  });
  app.use('*', securityHeaders);
  if (opts.corsOrigins?.length) app.use('/api/*', cors({ origin: opts.corsOrigins }));
  const limitBody = bodyLimit({
    maxSize: limits.bodyBytes,
    onError: (c) =>
      problem(
        c,
        'E_BODY_TOO_LARGE',
        `the body is over ${limits.bodyBytes} bytes; split it into several requests`,
      ),
  });
  // Reads carry no body: the limit would build a full Request object for each of them.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );
  app.onError((err, c) => {
    // An option's problem names the query parameter (`from`), not the CLI's flag (`--from`).
    if (err instanceof OptionError) return problem(c, err.code, err.forApi());
    if (isNewsprismError(err)) return problem(c, err.code, err.message);
    if (err instanceof HTTPException) {
      const code =
        err.status === 400
          ? 'E_INVALID_JSON'
          : err.status === 415
            ? 'E_UNSUPPORTED_MEDIA_TYPE'
            : `E_HTTP_${err.status}`;
      return problem(c, code, err.message || 'bad request', err.status as 400);
    }
    // Opaque 500: the details go to the server's log, never to the client.
    console.error(err);
    return problem(c, 'E_INTERNAL', 'internal error; see the server log', 500);
  });
  const allowed = allowedMethods(app.routes);
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    // A known path asked with another method (`PUT /api/search`): 405 naming the methods it takes.
    const methods = allowed(path);
    if (methods.length > 0) {
      c.header('allow', methods.join(', '));
      return problem(
        c,
        'E_METHOD_NOT_ALLOWED',
        `${c.req.method} is not allowed on ${path.slice(0, 100)}; use ${methods.join(', ')}`,
      );
    }
    return problem(c, 'E_NOT_FOUND', `no endpoint ${c.req.method} ${path.slice(0, 100)}`, 404);
  });

  const write = requireToken(opts.token);
  metaRoutes(app, { analysis: opts.analysis, store: opts.store, version: opts.version });
  analyzeRoute(app, opts.analysis, limits);
  if (opts.store) {
    documentRoutes(app, { store: opts.store, analysis: opts.analysis, limits, write });
    corpusRoutes(app, opts.store, limits);
    reuseRoutes(app, opts.store);
  } else
    app.all('/api/:path{(documents|search|report|outlets|export|reuse|stories).*}', (c) =>
      problem(c, 'E_NO_STORE', 'this server has no corpus store; start it with --db', 404),
    );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const info = {
    title: 'newsprism API',
    version: opts.version,
    description: 'How news articles work on their readers, over HTTP.',
  };
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info });
  app.get('/api/docs', (c) =>
    c.html(docsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info }) as never)),
  );
  if (opts.webRoot) serveWeb(app, opts.webRoot);
  return app;
}
