import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An RFC 9457 problem document, with newsprism's stable error code. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The same stable code the CLI prints (`E_BAD_QUERY`, `E_NOT_FOUND`, …). */
  code: string;
}

/** HTTP status of a newsprism error code; codes not listed are the client's fault (400). */
const STATUS: Record<string, ContentfulStatusCode> = {
  E_UNAUTHORIZED: 401,
  E_WRITE_DISABLED: 403,
  // A request's option naming a file on the server (`genre.model`): only `serve --set` may.
  E_OPTION_NOT_ALLOWED: 403,
  E_NOT_FOUND: 404,
  // `?reanalyze=` of a document whose stored layers the server does not make read one it makes.
  E_REANALYZE_LAYERS: 409,
  E_METHOD_NOT_ALLOWED: 405,
  E_UNSUPPORTED_MEDIA_TYPE: 415,
  E_BODY_TOO_LARGE: 413,
  E_INPUT_TOO_LARGE: 413,
  E_TEXT_TOO_LARGE: 413,
  E_TOO_MANY_DOCUMENTS: 413,
  E_EMPTY_INPUT: 422,
  E_NO_ARTICLE: 422,
  E_BINARY_INPUT: 422,
  E_TIME_BUDGET: 503,
  E_WORKER_CRASHED: 503,
  E_ANALYZER_FAILED: 500,
  E_STORE_UNAVAILABLE: 503,
  E_NO_STORE: 404,
  E_INTERNAL: 500,
  // A stored document names a producer set the store lacks: the server's store, not the request.
  E_DB_CORRUPT: 500,
};

/** The HTTP status for a stable error code. */
export function statusOf(code: string): ContentfulStatusCode {
  return STATUS[code] ?? 400;
}

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Builds the problem document of a code. */
export function problemOf(code: string, detail: string, status = statusOf(code)): Problem {
  return {
    type: `https://newsprism.invalid/errors/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
  };
}

/** Answers with `application/problem+json`. */
export function problem(c: Context, code: string, detail: string, status = statusOf(code)): Response {
  return c.body(JSON.stringify(problemOf(code, detail, status)), status, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}
