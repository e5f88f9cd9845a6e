import { NewsprismError } from '@newsprism/core/schema';
import type { MiddlewareHandler } from 'hono';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The request's body as text, read once; set by {@link utf8Body}. */
export const BODY_TEXT = 'bodyText';

/**
 * Reads the request body once and refuses bytes that are not UTF-8 (`E_INVALID_UTF8`), so no
 * replacement character ever reaches an analysis or the store. Later readers (the JSON
 * validator) get the same bytes from Hono's body cache.
 */
export const utf8Body: MiddlewareHandler = async (c, next) => {
  const buf = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    throw new NewsprismError('E_INVALID_UTF8', 'the request body is not valid UTF-8; send UTF-8 text');
  }
  c.set(BODY_TEXT as never, text as never);
  await next();
};

/** The media type of a request without parameters (`application/json`). */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Splits an NDJSON body into parsed records, each line on its own (a bad line is its own error). */
export function ndjsonRecords(text: string): { line: number; record?: unknown; error?: NewsprismError }[] {
  const out: { line: number; record?: unknown; error?: NewsprismError }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      out.push({ line: i + 1, record: JSON.parse(raw) });
    } catch (err) {
      out.push({
        line: i + 1,
        // Worded as `newsprism analyze`/`ingest` word a bad JSON Lines line.
        error: new NewsprismError(
          'E_INVALID_JSON',
          `line ${i + 1} is not valid JSON (${(err as Error).message}); fix or remove it`,
        ),
      });
    }
  });
  return out;
}
