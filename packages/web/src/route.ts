/** A parsed location: the page and its query (the whole state of the page, so it is shareable). */
export interface Route {
  page: 'analyze' | 'doc' | 'search' | 'outlets' | 'stories' | 'republication' | 'missing';
  id?: string;
  params: URLSearchParams;
}

/**
 * Parses a hash location (`#/search?q=kiev&outlet=RT`). Hash routes work from any static
 * server and from the file the server sends for `/`, with nothing to configure.
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/analyze';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0 || parts[0] === 'analyze') return { page: 'analyze', params };
  if (parts[0] === 'doc' && parts[1])
    return { page: 'doc', id: decodeURIComponent(parts.slice(1).join('/')), params };
  if (parts[0] === 'search') return { page: 'search', params };
  if (parts[0] === 'outlets') return { page: 'outlets', params };
  if (parts[0] === 'stories') return { page: 'stories', params };
  if (parts[0] === 'republication') return { page: 'republication', params };
  return { page: 'missing', params };
}

/** The hash of a page with its state. Empty parameters are left out. */
export function href(page: string, params?: Record<string, string | undefined> | URLSearchParams): string {
  const p = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params] : Object.entries(params ?? {});
  for (const [k, v] of entries) if (v) p.append(k, v);
  const s = p.toString();
  return `#/${page}${s ? `?${s}` : ''}`;
}

/** The link to a stored document. */
export const docHref = (id: string): string => `#/doc/${encodeURIComponent(id)}`;
