import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NewsprismError } from '../../errors.js';
import { modelUrl } from '../../models/dir.js';
import { readModelJson } from '../../models/read-json.js';
import type { ModelRegistry } from '../../models/registry.js';
import { DependencyParser, type DepsModelFile } from './parser.js';

/** Builds a parser from its parsed file, or says how to make a valid one. */
function depsParserFromFile(file: DepsModelFile, where = 'the dependency model'): DependencyParser {
  if (file?.format !== 'newsprism-deps/1' || !Array.isArray(file.labels))
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `${where} is not a newsprism-deps/1 model; run \`newsprism train syntax --set parse=1\``,
    );
  return DependencyParser.fromFile(file);
}

/** Reads a parser file: `E_MODEL_MISSING` when unreadable, `E_MODEL_INVALID` when not JSON or not a parser. */
export function loadDepsParser(path: string): DependencyParser {
  const file = readModelJson<DepsModelFile>(path, 'dependency model', 'newsprism train syntax --set parse=1');
  return depsParserFromFile(file, path);
}

const shippedFile = (lang: string) => fileURLToPath(modelUrl(`syntax/deps-${lang}.json`));
const loaded = new Map<string, DependencyParser | null>();

/**
 * The dependency parser of a language outside a pipeline (`newsprism parse`, evaluation): the
 * user's file when `path` is given, else the shipped `models/syntax/deps-<lang>.json`; `null`
 * when the project ships none for that language. Loaded once per process.
 */
export function depsParserFor(lang: string, path = ''): DependencyParser | null {
  const key = path || lang;
  let p = loaded.get(key);
  if (p === undefined) {
    const file = path || shippedFile(lang);
    p = path || existsSync(file) ? loadDepsParser(file) : null;
    loaded.set(key, p);
  }
  return p;
}

/**
 * The shipped parser of a language through a pipeline's registry (read once, checksummed into
 * `producers`); `null` when none is shipped. With `required` (who needs it and how to make it),
 * a missing file throws `E_MODEL_MISSING` with that hint instead.
 */
export function shippedDepsParser(registry: ModelRegistry, lang: string): DependencyParser | null;
export function shippedDepsParser(registry: ModelRegistry, lang: string, required: string): DependencyParser;
export function shippedDepsParser(
  registry: ModelRegistry,
  lang: string,
  required?: string,
): DependencyParser | null {
  const file = shippedFile(lang);
  if (required === undefined && !registry.exists(file)) return null;
  return registry.load(
    `syntax/deps-${lang}.json`,
    file,
    ([b]) => depsParserFromFile(JSON.parse(b!.toString('utf8')) as DepsModelFile, `syntax/deps-${lang}.json`),
    required,
  );
}
