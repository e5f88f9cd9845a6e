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
 * A store of loaded models. Each `createPipeline` makes its own unless one is passed in, so a
 * server that builds several pipelines can share one set of models between them.
 */
export function createModelStore(): ModelStore {
  const values = new Map<string, unknown>();
  return {
    get keys() {
      return [...values.keys()];
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
          const files = typeof where === 'string' || where instanceof URL ? [where] : where;
          const bytes = readAll(id, files, hint);
          const sum = sha(bytes);
          loaded[id] = sum;
          const key = `${id}#${sum}`;
          if (values.has(key)) return values.get(key) as T;
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
          values.set(key, value);
          return value;
        },
        data(id: string, value: unknown): void {
          loaded[`layers/${id}`] = dataSum(value);
        },
        derive<T>(key: string, build: () => T): T {
          if (!values.has(key)) values.set(key, build());
          return values.get(key) as T;
        },
        exists: (f: FileRef): boolean => existsSync(f),
      };
    },
  };
}
