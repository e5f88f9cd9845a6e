import type { DocumentInput } from '@newsprism/core';
import { recordToInput } from '@newsprism/core/node';
import { NewsprismError } from '@newsprism/core/schema';
import type { Context } from 'hono';
import { BODY_TEXT, mediaType, ndjsonRecords } from '../body.js';
import { AnalyzeRecordSchema, type Limits } from '../schemas.js';

/**
 * One item of a request body: a document input, or the error of its line. `named`: the record
 * gave its id (else the input has a stand-in: `request`, `request-<line>`).
 */
export type BodyItem = {
  line: number;
  input?: DocumentInput;
  error?: NewsprismError;
  named?: boolean;
  /** The record's own analyzer options, as sent: checked where used. */
  options?: unknown;
};

/** What a record may hold: the hint of every `E_BAD_RECORD`. */
const RECORD_FIELDS =
  'a record is {"text" or "html", and optionally "id", "title", "url", "outlet", "published", "lang", "byline", "options"}';

/** The record checked against the schema; `line` names its NDJSON line (a single JSON body has none). */
function checked(rec: unknown, line: number | undefined): unknown {
  const at = line === undefined ? '' : `line ${line}: `;
  // Not zod's `expected object, received array`: what was sent, and, for a JSON array as the
  // body, how several records are sent.
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    const kind = Array.isArray(rec) ? 'an array' : rec === null ? 'null' : `a ${typeof rec}`;
    const several =
      Array.isArray(rec) && line === undefined
        ? ' (send several records as application/x-ndjson, one a line)'
        : '';
    throw new NewsprismError(
      'E_BAD_RECORD',
      `${at}the record is ${kind}, not an object${several}; ${RECORD_FIELDS}`,
    );
  }
  const r = AnalyzeRecordSchema.safeParse(rec);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the record';
  throw new NewsprismError('E_BAD_RECORD', `${at}${where}: ${issue.message}; ${RECORD_FIELDS}`);
}

async function toInput(rec: unknown, line: number, fallbackId: string, many = true): Promise<BodyItem> {
  try {
    const { options, ...r } = checked(rec, many ? line : undefined) as {
      options?: unknown;
      id?: unknown;
    };
    const named = r.id != null;
    const input = await recordToInput(r, fallbackId, `request:${line}`, {});
    return options === undefined ? { line, named, input } : { line, named, input, options };
  } catch (err) {
    if (!(err instanceof NewsprismError)) throw err;
    // The document's source (`request:1`, its `meta.source`) says nothing to the client: a
    // single document is the body, a stream's line is reported with its line number.
    const named = `request:${line}: `;
    const error = err.message.startsWith(named)
      ? new NewsprismError(err.code, err.message.slice(named.length))
      : err;
    return { line, error };
  }
}

/**
 * The documents of an analyze or ingest request: a JSON record (with its own analyzer `options`), an NDJSON stream of records
 * (`application/x-ndjson`), plain text (first line the title, like a `.txt` file) or an HTML page. A single document that is bad fails the
 * request; in NDJSON each bad line is reported in its place and the others go on.
 */
export async function bodyItems(c: Context, limits: Limits): Promise<{ many: boolean; items: BodyItem[] }> {
  const text = c.get(BODY_TEXT as never) as string;
  const type = mediaType(c.req.header('content-type'));
  if (type === 'application/x-ndjson' || type === 'application/jsonl') {
    const lines = ndjsonRecords(text);
    if (lines.length > limits.documents)
      throw new NewsprismError(
        'E_TOO_MANY_DOCUMENTS',
        `at most ${limits.documents} documents per request (got ${lines.length})`,
      );
    const items = await Promise.all(
      lines.map((l) =>
        l.error ? { line: l.line, error: l.error } : toInput(l.record, l.line, `request-${l.line}`),
      ),
    );
    return { many: true, items };
  }
  // Text and pages with NUL bytes are binary data, refused as `newsprism analyze` refuses such files.
  if ((type === 'text/plain' || type === 'text/html') && text.includes('\0'))
    throw new NewsprismError('E_BINARY_INPUT', 'the body holds NUL bytes (binary data); send text or HTML');
  let rec: unknown;
  if (type === 'application/json') {
    try {
      rec = JSON.parse(text);
    } catch (err) {
      throw new NewsprismError(
        'E_INVALID_JSON',
        `the body is not valid JSON (${(err as Error).message}); send one record like {"id": "…", "text": "…"}, or several as application/x-ndjson`,
      );
    }
  } else if (type === 'text/plain') {
    // Plain text is an article as a .txt file holds it (`newsprism analyze x.txt`): its first
    // line is the title, so the analysis reads it with `format: 'text'`, not as a record.
    if (text.trim() === '')
      throw new NewsprismError(
        'E_EMPTY_INPUT',
        `the body ${text === '' ? 'is empty' : 'holds only white space'}; send the article's text`,
      );
    const input: DocumentInput = { id: 'request', text, meta: { source: 'request:1', format: 'text' } };
    return { many: false, items: [{ line: 1, input, named: false }] };
  } else if (type === 'text/html') rec = { html: text };
  else
    throw new NewsprismError(
      'E_UNSUPPORTED_MEDIA_TYPE',
      `send application/json, application/x-ndjson, text/plain or text/html (got "${type || 'none'}")`,
    );
  const item = await toInput(rec, 1, 'request', false);
  if (item.error) throw item.error;
  return { many: false, items: [item] };
}
