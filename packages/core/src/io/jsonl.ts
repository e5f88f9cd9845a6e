import { NewsprismError } from '../errors.js';
import { languageCode } from '../languages.js';
import { readPublished } from '../published.js';
import type { DocumentInput, DocumentMeta } from '../schema.js';
import type { Line } from './bytes.js';
import { tooLarge } from './bytes.js';
import { htmlToInput } from './html-input.js';
import { skipOf } from './skip.js';
import type { ReadOptions, SourceItem } from './types.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns one parsed JSONL record into a document input. Throws `E_BAD_RECORD` for a record that
 * is not an object or has no text, and `E_EMPTY_INPUT` for one whose text or page is empty.
 */
export async function recordToInput(
  rec: unknown,
  fallbackId: string,
  source: string,
  opts: Pick<ReadOptions, 'lang'>,
): Promise<DocumentInput> {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    throw new NewsprismError('E_BAD_RECORD', 'a JSONL line must be an object like {"id": "…", "text": "…"}');
  }
  const r = rec as Record<string, unknown>;
  const id = r.id === undefined || r.id === null ? fallbackId : String(r.id);
  let input: DocumentInput;
  const body = typeof r.text === 'string' ? r.text : typeof r.html === 'string' ? r.html : undefined;
  if (body === undefined)
    throw new NewsprismError(
      'E_BAD_RECORD',
      `record "${id}" has no "text" or "html" string field; give it one, like {"id": "…", "text": "…"}`,
    );
  if (body.trim() === '') {
    const field = typeof r.text === 'string' ? 'text' : 'html';
    throw new NewsprismError(
      'E_EMPTY_INPUT',
      `record "${id}" has an empty or white-space "${field}"; fill it or remove the record`,
    );
  }
  if (typeof r.text === 'string') input = { id, text: r.text, meta: { source, format: 'jsonl' } };
  else input = await htmlToInput(body, id, source, str(r.url));
  const meta: DocumentMeta = { ...input.meta };
  for (const key of ['title', 'outlet', 'url', 'published', 'lang', 'byline'] as const) {
    const v = str(r[key]);
    if (v !== undefined) meta[key] = v;
  }
  if (opts.lang) meta.lang = languageCode(opts.lang) ?? opts.lang;
  else if (meta.lang !== undefined && languageCode(meta.lang) !== undefined) {
    // `EN`, `en-GB`: the base code, which the analyzers and the store's language filter know.
    meta.lang = languageCode(meta.lang);
  } else if (meta.lang !== undefined) {
    // A declared language skips detection: one that is no code (`klingon`) would leave every
    // language-specific analyzer on its fallback rules and the corpus's language filter blind.
    input.diagnostics = [...(input.diagnostics ?? []), unknownLang(meta.lang)];
    delete meta.lang;
  }
  input.meta = meta;
  if (meta.published !== undefined && readPublished(meta.published).month === null)
    input.diagnostics = [...(input.diagnostics ?? []), unreadDate(meta.published)];
  return input;
}

/**
 * A record's `published` that no date filter or month can read (`last tuesday`, a feed's
 * `Mon, 22 May 2023 10:00:00 GMT`, `2023-13-45`, a year alone): kept as given, but said, since a corpus would
 * otherwise leave the document out of every date range and month without a word.
 */
function unreadDate(published: string) {
  return {
    code: 'W_DATE_UNREAD',
    severity: 'warning' as const,
    message: `"published" is "${published.slice(0, 40)}", not a date as YYYY-MM-DD (ISO 8601; a time may follow) or a month as YYYY-MM: date filters and months do not place it; give the date as 2023-05-22`,
    source: 'input',
  };
}

/** A record's `lang` that is no language code: dropped, so that the language is detected. */
function unknownLang(lang: string) {
  return {
    code: 'W_LANG_UNKNOWN',
    severity: 'warning' as const,
    message: `"lang" is "${lang.slice(0, 40)}", not a language code (en, ru, uk, …): the language is detected instead; give an ISO 639-1 code`,
    source: 'input',
  };
}

/** Parses one line's bytes: NUL bytes and bad UTF-8 reject this line only. */
function parseLine(bytes: Buffer, n: number): unknown {
  if (bytes.includes(0)) {
    throw new NewsprismError('E_BINARY_INPUT', `line ${n} holds a NUL byte (binary data); fix or remove it`);
  }
  let line: string;
  try {
    line = utf8.decode(bytes);
  } catch {
    throw new NewsprismError('E_INVALID_JSON', `line ${n} is not valid UTF-8; JSON Lines must be UTF-8`);
  }
  try {
    return JSON.parse(line);
  } catch (err) {
    throw new NewsprismError(
      'E_INVALID_JSON',
      `line ${n} is not valid JSON (${(err as Error).message}); fix or remove it`,
    );
  }
}

/**
 * Reads JSON Lines records one by one. Each bad line (not JSON, not an object, no text, empty
 * text, a NUL byte, too long) is one skip; the other records go on. Blank lines are ignored.
 *
 * @param source the input's name; records are `source:line`, ids default to `stem-line`
 */
export async function* jsonlItems(
  lines: AsyncIterable<Line>,
  source: string,
  stem: string,
  opts: ReadOptions,
): AsyncGenerator<SourceItem> {
  for await (const { n, bytes, size } of lines) {
    const where = `${source}:${n}`;
    try {
      if (!bytes) throw tooLarge(where, opts.maxBytes, size);
      const trimmed = bytes.at(-1) === 13 ? bytes.subarray(0, -1) : bytes;
      if (trimmed.toString('latin1').trim() === '') continue;
      const rec = parseLine(trimmed, n);
      const input = await recordToInput(rec, `${stem}-${n}`, where, opts);
      const unnamed = (rec as { id?: unknown }).id == null;
      yield { ok: true, id: input.id, source: where, input, ...(unnamed ? { unnamed: true as const } : {}) };
    } catch (err) {
      yield skipOf(where, err);
    }
  }
}
