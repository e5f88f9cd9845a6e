import type { DocumentInput } from '../schema.js';

/** What an input holds: plain text, an HTML page, or JSON Lines records. */
export type InputKind = 'text' | 'html' | 'jsonl';

/** One document read from the inputs, ready for the pipeline. */
export interface InputRecord {
  ok: true;
  /** The document id (also `input.id`). */
  id: string;
  /** Where it came from: a path, `-` for stdin, `path:line` for a JSONL record. */
  source: string;
  input: DocumentInput;
  /**
   * It came without an id of its own: a text or page on stdin (id `stdin`) or a JSONL record
   * without `id` (id `<stem>-<line>`), so its id is a stand-in a store may replace (the CLI's
   * ingest stores every such document under the text's hash, `textId`).
   */
  unnamed?: true;
}

/** An input, record or document that was skipped, with a stable code and a one-line reason. */
export interface Skip {
  ok: false;
  source: string;
  code: string;
  message: string;
}

/** One item of an input stream: a document to analyse, or a skip to report. */
export type SourceItem = InputRecord | Skip;

/** Options of {@link readInputs} and the other readers. */
export interface ReadOptions {
  /** Largest single document in bytes, after decompression; larger ones are skipped. */
  maxBytes: number;
  /**
   * Largest text of one document, in UTF-8 bytes (the plain text, or the text extracted from a
   * page): a document with more is skipped with `E_TEXT_TOO_LARGE` before any analysis, as its
   * analysis needs memory in proportion (about 0.25 GB a MB, docs/benchmarks.md). Default: none.
   */
  maxText?: number;
  /** Language to declare for every document (skips detection). */
  lang?: string;
  /** Read every input as this kind instead of going by its extension or sniffing it. */
  inputFormat?: InputKind;
  /** The standard input stream (default `process.stdin`); tests and servers pass their own. */
  stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /**
   * Told of what readers change on their own, one notice per event, e.g. `W_ID_COLLISION` when
   * files of one run would share an id and take their relative paths instead (default: none).
   */
  onNotice?: (notice: Notice) => void;
}

/** Something the readers did on their own that the user should hear of (not a skip). */
export interface Notice {
  code: string;
  message: string;
}
