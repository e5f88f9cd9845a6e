/** A route as Hono lists it (`app.routes`). */
interface RouteEntry {
  method: string;
  path: string;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Hono path (`/api/documents/:id`, `:name{regex}`, `*`) as a regular expression. */
function pathRegex(path: string): RegExp {
  const src = path
    .split('/')
    .map((seg) =>
      seg === '*'
        ? '.*'
        : seg.startsWith(':')
          ? `(?:${/\{(.*)\}$/.exec(seg)?.[1] ?? '[^/]+'})`
          : literal(seg),
    )
    .join('/');
  return new RegExp(`^${src}/?$`);
}

/**
 * The methods the routes answer on a path, for a `405` and its `Allow` header when a request
 * reaches a known path with another method (`PUT /api/search`). Middleware (`ALL`) is not a
 * route; `HEAD` goes with `GET` as Hono answers it. Empty when no route has the path.
 *
 * @example allowedMethods(app.routes)('/api/search') // ['GET', 'HEAD']
 */
export function allowedMethods(routes: readonly RouteEntry[]): (path: string) => string[] {
  let table: { re: RegExp; method: string }[] | undefined;
  return (path) => {
    table ??= routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ re: pathRegex(r.path), method: r.method.toUpperCase() }));
    const methods = new Set(table.filter((r) => r.re.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
