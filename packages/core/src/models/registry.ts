import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NewsprismError } from '../errors.js';

/** A file location: a path or a `file:` URL. */
export type FileRef = string | URL;

/**
 * What an analyzer's `setup` loads its models and data through. Every file is read once per
 * store, checksummed (sha256, first 12 hex digits) and kept under its id and checksum, so two
 * analyzers that load the same file share it and the document's `producers` can say exactly
 * which bytes made each layer.
 */
export interface ModelRegistry {
  /**
   * Reads `files` (one or several, in order) and parses them once. A file that cannot be read
   * throws `E_MODEL_MISSING` (with `hint`, e.g. how to train it); a parse failure throws
   * `E_MODEL_INVALID` naming the file and the error.
   */
  load<T>(id: string, files: FileRef | readonly FileRef[], parse: (bytes: Buffer[]) => T, hint?: string): T;
  /**
   * {@link load} put off until the model is used: reads and checksums the files now (the checksum
   * goes to `loaded`, so a document's `producers` are the same whether the model is used or not)
   * and parses them at the first call of the function returned, once — or takes the store's copy
   * when another analyzer loaded the same bytes. For a large model few documents need (the
   * Russian syntax lexicon in an English run). A file changed on disk in between throws
   * `E_MODEL_CHANGED` at that call.
   */
  lazy<T>(
    id: string,
    files: FileRef | readonly FileRef[],
    parse: (bytes: Buffer[]) => T,
    hint?: string,
  ): () => T;
  /**
   * Records the checksum of data the analyzer holds in memory (a word list imported as JSON),
   * under `layers/<id>` (`id` is its path under `src/layers/`, e.g. `quotes/cues.en.json`).
   */
  data(id: string, value: unknown): void;
  /** A value built from what was loaded, made once per store under `key` (include checksums). */
  derive<T>(key: string, build: () => T): T;
  /** Whether a shipped, optional file is there (a model trained for one language only). */
  exists(file: FileRef): boolean;
  /** The checksum of each model or data file loaded so far through this view, by id. */
  readonly loaded: Readonly<Record<string, string>>;
}

/** Records the checksum of each data file of a language-keyed record (`prefix.<lang>.json`). */
export function recordData(
  registry: ModelRegistry,
  prefix: string,
  byLang: Readonly<Record<string, unknown>>,
): void {
  for (const [lang, value] of Object.entries(byLang)) registry.data(`${prefix}.${lang}.json`, value);
}

/** Loaded values shared by the pipelines built with one store; see {@link createModelStore}. */
export interface ModelStore {
  /** A view that records what one analyzer loads. */
  scope(): ModelRegistry;
  /** Entries held: `id#checksum`. */
  readonly keys: readonly string[];
}

const sha = (parts: readonly (Buffer | string)[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 12);
};

// Checksums of data objects imported as JSON modules: the objects live as long as the module,
// so a WeakMap keyed by the object is no cache of user input.
const dataSums = new WeakMap<object, string>();
const dataSum = (value: unknown): string => {
  if (typeof value !== 'object' || value === null) return sha([JSON.stringify(value)]);
  let s = dataSums.get(value);
  if (!s) {
    s = sha([JSON.stringify(value)]);
    dataSums.set(value, s);
  }
  return s;
};

const show = (f: FileRef): string => (f instanceof URL ? fileURLToPath(f) : f);
const fileList = (where: FileRef | readonly FileRef[]): readonly FileRef[] =>
  typeof where === 'string' || where instanceof URL ? [where] : where;

function readAll(id: string, files: readonly FileRef[], hint: string | undefined): Buffer[] {
  return files.map((f) => {
    try {
      if (!statSync(f).isFile()) throw new Error('not a regular file');
      return readFileSync(f);
    } catch {
      throw new NewsprismError(
        'E_MODEL_MISSING',
        `${id}: file ${show(f)} not found${hint ? `; ${hint}` : '; check the path'}`,
      );
    }
  });
}

/**
 * A store of loaded models, for several pipelines to load each model once (a server's, a
 * benchmark's). Pipelines made without one share {@link threadModelStore}.
 */
export function createModelStore(): ModelStore {
  return makeStore(false);
}

let thread: ModelStore | undefined;

/**
 * The store of the pipelines made without one (`createPipeline` without `models`): one per
 * thread, holding what it loaded weakly. A pipeline made while another one that loaded the same
 * files is alive (or not yet collected) takes their models instead of parsing them again — a CLI
 * run in the calling thread after another, a test after the one before — and models that no
 * pipeline holds are freed as before. Entries are keyed by checksum, so a changed file is parsed
 * afresh.
 */
export function threadModelStore(): ModelStore {
  thread ??= makeStore(true);
  return thread;
}

/** A value held by a store: strongly, or weakly when it is an object of a weak store. */
type Held = { deref(): unknown };

function makeStore(weak: boolean): ModelStore {
  const values = new Map<string, Held>();
  // A weak entry whose value was collected leaves the map too.
  const gone = weak
    ? new FinalizationRegistry<string>((key) => {
        if (values.get(key)?.deref() === undefined) values.delete(key);
      })
    : undefined;
  const get = (key: string): unknown => values.get(key)?.deref();
  const set = (key: string, value: unknown): void => {
    if (gone && typeof value === 'object' && value !== null) {
      values.set(key, new WeakRef(value));
      gone.register(value, key);
    } else values.set(key, { deref: () => value });
  };
  /** Parses read bytes (parse failures as `E_MODEL_INVALID`) and keeps the value under its checksum. */
  const parsed = <T>(
    id: string,
    files: readonly FileRef[],
    bytes: Buffer[],
    sum: string,
    parse: (b: Buffer[]) => T,
  ): T => {
    let value: T;
    try {
      value = parse(bytes);
    } catch (err) {
      // Typed errors of the parser (E_MODEL_INVALID, E_GAZETTEER) already say what is wrong.
      if (err instanceof NewsprismError) throw err;
      const why = err instanceof Error ? err.message : String(err);
      throw new NewsprismError(
        'E_MODEL_INVALID',
        `${id}: ${files.map(show).join(', ')} is not a valid model (${why}); give a file made by newsprism train`,
      );
    }
    set(`${id}#${sum}`, value);
    return value;
  };
  return {
    get keys() {
      return [...values.keys()].filter((k) => get(k) !== undefined);
    },
    scope(): ModelRegistry {
      const loaded: Record<string, string> = {};
      return {
        loaded,
        load<T>(
          id: string,
          where: FileRef | readonly FileRef[],
          parse: (b: Buffer[]) => T,
          hint?: string,
        ): T {
          const files = fileList(where);
          const bytes = readAll(id, files, hint);
          const sum = sha(bytes);
          loaded[id] = sum;
          const held = get(`${id}#${sum}`);
          return held !== undefined ? (held as T) : parsed(id, files, bytes, sum, parse);
        },
        lazy<T>(
          id: string,
          where: FileRef | readonly FileRef[],
          parse: (b: Buffer[]) => T,
          hint?: string,
        ): () => T {
          const files = fileList(where);
          const sum = sha(readAll(id, files, hint));
          loaded[id] = sum;
          let value: { v: T } | undefined;
          return () => {
            if (value) return value.v;
            const held = get(`${id}#${sum}`);
            if (held !== undefined) {
              value = { v: held as T };
              return value.v;
            }
            const bytes = readAll(id, files, hint);
            if (sha(bytes) !== sum)
              throw new NewsprismError(
                'E_MODEL_CHANGED',
                `${id}: ${files.map(show).join(', ')} changed on disk after the pipeline was set up; run again`,
              );
            value = { v: parsed(id, files, bytes, sum, parse) };
            return value.v;
          };
        },
        data(id: string, value: unknown): void {
          loaded[`layers/${id}`] = dataSum(value);
        },
        derive<T>(key: string, build: () => T): T {
          const held = get(key);
          if (held !== undefined) return held as T;
          const value = build();
          set(key, value);
          return value;
        },
        exists: (f: FileRef): boolean => existsSync(f),
      };
    },
  };
}
