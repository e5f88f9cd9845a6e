import type { NewsDocument, OutletLink, ReusePair, Story } from '@newsprism/core';

/** An error answer of the API (RFC 9457 problem details), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Fetches `path` and reads its JSON answer; a non-OK status throws its problem as an
 * {@link ApiError}, except the statuses in `answers` (whose body is the answer too).
 */
async function call<T>(path: string, init?: RequestInit, answers: readonly number[] = []): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    throw new ApiError('E_NETWORK', `the server did not answer (${(err as Error).message})`, 0);
  }
  if (!res.ok && !answers.includes(res.status)) {
    let code = `HTTP_${res.status}`;
    let detail = res.statusText;
    try {
      const p = (await res.json()) as { code?: string; detail?: string; title?: string };
      code = p.code ?? code;
      detail = p.detail ?? p.title ?? detail;
    } catch {
      // Not problem+json: keep the status line.
    }
    throw new ApiError(code, detail, res.status);
  }
  return (await res.json()) as T;
}

/**
 * What the analyze page sends: pasted text or a dropped file's content, as the body itself.
 * Plain text is read like a `.txt` file (its first line is the title), HTML like a page.
 */
export interface AnalyzeRequest {
  type: 'text/plain' | 'text/html';
  body: string;
  /** Analyzer options for this analysis (`?options=`): `{genre: {prior: 'news-wire'}}`. */
  options?: Record<string, Record<string, unknown>>;
}

/** `GET /api/health`, the part the UI reads: the server's own analyzer options (`serve --set`). */
export interface Health {
  status: 'ok' | 'degraded';
  analysis?: { layers: string[]; options?: Record<string, Record<string, unknown>> };
}

/** A search hit as the API returns it. */
export interface SearchHit {
  id: string;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  lang?: string | null;
  score: number;
  snippets: { text: string; highlights: { start: number; end: number }[] }[];
  /** Where the query matched the title (offsets into `title`); absent when it did not. */
  titleHighlights?: { start: number; end: number }[];
}

/** A facet: values with their document counts. */
export type Facet = { value: string; count: number }[];

/** A page of search results. */
export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets?: Record<string, Facet>;
  next?: string | null;
  /** With `all_names`: each name of the query and every name of its entity that was searched. */
  expansions?: { matched: string; entity: string; name: string; names: string[] }[];
}

/** One group of a per-outlet (and per-month) report, as the store computes it. */
export interface ReportRow {
  outlet?: string;
  month?: string;
  documents: number;
  words: number;
  /** Shares of body words (they add up to 1): the outlet's own voice, attributed to named sources, to anonymous ones. */
  voice: { own: number; attributed: number; anonymous: number };
  /** Technique spans per 1,000 words, by technique. */
  techniqueRates: Record<string, number>;
  /** Share of documents that set each frame. */
  frames: Record<string, number>;
  genres: Record<string, number>;
  naming: { ruShare: number | null; entities: Record<string, Record<string, number>> };
  /**
   * The war's terms: uses by voice and pole (the outlet's own, quoted, kept at a distance), the
   * Russian-standard share among the own voice's polar uses, and the own voice's forms by concept.
   */
  terms: {
    ruShare: number | null;
    own: TermPoles;
    quoted: TermPoles;
    distanced: TermPoles;
    concepts: Record<string, Record<string, { count: number; pole: string }>>;
  };
  topEntities: { name: string; type: string; mentions: number; documents: number }[];
  topSources: { name: string; type: string; attributions: number; documents: number }[];
}

/** Uses of terms by the pole of their form. */
export interface TermPoles {
  ua: number;
  ru: number;
  neutral: number;
}

/** A page of saved reuse pairs and the title, outlet and time of each document it names. */
export interface ReusePage {
  total: number;
  pairs: ReusePair[];
  documents: Record<string, { title?: string; outlet?: string; published?: string }>;
}

/** A page of saved stories and the title, outlet and time of each member. */
export interface StoriesPage {
  total: number;
  stories: Story[];
  documents: ReusePage['documents'];
}

/** The API's client: one function per endpoint the UI uses. */
export const api = {
  analyze: (req: AnalyzeRequest) =>
    call<NewsDocument>(
      req.options ? `api/analyze?options=${encodeURIComponent(JSON.stringify(req.options))}` : 'api/analyze',
      {
        method: 'POST',
        headers: { 'content-type': `${req.type}; charset=utf-8` },
        body: req.body,
      },
    ),
  // 503 when the store is not reachable, with the same body: the analysis options are still known.
  health: () => call<Health>('api/health', undefined, [503]),
  document: (id: string) => call<NewsDocument>(`api/documents/${encodeURIComponent(id)}`),
  documentReuse: (id: string) => call<ReusePage>(`api/documents/${encodeURIComponent(id)}/reuse?limit=100`),
  stories: (params: URLSearchParams) => call<StoriesPage>(`api/stories?${params}`),
  reuseOutlets: (params: URLSearchParams) => call<{ links: OutletLink[] }>(`api/reuse/outlets?${params}`),
  search: (params: URLSearchParams) => call<SearchResult>(`api/search?${params}`),
  report: (params: URLSearchParams) => call<{ groups: ReportRow[] }>(`api/report?${params}`),
  exportUrl: (params: URLSearchParams, format: 'jsonl' | 'csv') => {
    const p = new URLSearchParams(params);
    p.set('format', format);
    p.delete('cursor');
    return `api/export?${p}`;
  },
};
