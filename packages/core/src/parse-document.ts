import { NewsprismError } from './errors.js';
import { type NewsDocument, type Producer, SCHEMA } from './schema.js';

const MAJOR = Number(SCHEMA.split('/')[1]);
const BASE_KEYS = new Set(['schema', 'id', 'text', 'meta', 'producers', 'diagnostics']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const invalid = (what: string): NewsprismError =>
  new NewsprismError('E_SCHEMA_INVALID', `not a valid newsprism document: ${what}`);

/** A `newsprism/1` producer string (`quotes@7`) as a record. */
function upgradeProducer(layer: string, v: unknown): Producer {
  const m = typeof v === 'string' ? /^(.+)@(\d+)$/.exec(v) : null;
  if (!m) throw invalid(`producers.${layer} is not "name@version"`);
  return { name: m[1]!, version: Number(m[2]) };
}

function checkProducer(layer: string, v: unknown): Producer {
  if (!isObject(v) || typeof v.name !== 'string' || !Number.isInteger(v.version))
    throw invalid(`producers.${layer} needs a name and a whole-number version`);
  return v as unknown as Producer;
}

/** Every `{start, end}` object in a layer must be a non-empty span inside the text. */
function checkSpans(layer: string, value: unknown, length: number): void {
  const stack: [unknown, string][] = [[value, layer]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], `${path}[${i}]`]);
    } else if (isObject(v)) {
      if ('start' in v || 'end' in v) {
        const { start, end } = v;
        if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0)
          throw invalid(`${path} has no whole-number start and end`);
        if ((start as number) >= (end as number) || (end as number) > length)
          throw invalid(`${path} [${start}, ${end}) is not a span of the ${length}-character text`);
      }
      for (const [k, x] of Object.entries(v)) if (typeof x === 'object') stack.push([x, `${path}.${k}`]);
    }
  }
}

/**
 * Reads a serialised document (a JSON string or the parsed value) and checks it: a
 * `newsprism/<major>` schema this library reads (`newsprism/1` is upgraded: its
 * `name@version` producers become records), the base fields' types, a producer for each layer
 * and spans inside the text. Throws `E_SCHEMA_JSON` (not JSON), `E_SCHEMA_FOREIGN` (not a
 * newsprism document), `E_SCHEMA_NEWER` (made by a newer newsprism) or `E_SCHEMA_INVALID`.
 *
 * @example
 * const doc = parseDocument(await readFile('doc.json', 'utf8'));
 */
export function parseDocument(json: string | unknown): NewsDocument {
  let v: unknown = json;
  if (typeof json === 'string') {
    try {
      v = JSON.parse(json);
    } catch (err) {
      throw new NewsprismError('E_SCHEMA_JSON', `the document is not JSON (${(err as Error).message})`);
    }
  }
  if (!isObject(v))
    throw new NewsprismError('E_SCHEMA_FOREIGN', 'not a newsprism document: expected a JSON object');
  const m = typeof v.schema === 'string' ? /^newsprism\/(\d+)$/.exec(v.schema) : null;
  if (!m)
    throw new NewsprismError(
      'E_SCHEMA_FOREIGN',
      `not a newsprism document: "schema" is ${JSON.stringify(v.schema) ?? 'missing'}, expected "${SCHEMA}"`,
    );
  const major = Number(m[1]);
  if (major > MAJOR)
    throw new NewsprismError(
      'E_SCHEMA_NEWER',
      `the document is ${v.schema}, newer than this library reads (${SCHEMA}); upgrade @newsprism/core`,
    );
  if (typeof v.id !== 'string') throw invalid('"id" is not a string');
  if (typeof v.text !== 'string') throw invalid('"text" is not a string');
  if (!isObject(v.meta)) throw invalid('"meta" is not an object');
  if (!isObject(v.producers)) throw invalid('"producers" is not an object');
  if (!Array.isArray(v.diagnostics)) throw invalid('"diagnostics" is not a list');
  const producers: Record<string, Producer> = {};
  for (const [layer, p] of Object.entries(v.producers))
    producers[layer] = major === 1 ? upgradeProducer(layer, p) : checkProducer(layer, p);
  for (const [key, value] of Object.entries(v)) {
    if (BASE_KEYS.has(key)) continue;
    if (!producers[key]) throw invalid(`layer "${key}" has no entry in "producers"`);
    checkSpans(key, value, v.text.length);
  }
  for (const layer of Object.keys(producers))
    if (!(layer in v)) throw invalid(`"producers" names layer "${layer}", which is missing`);
  return { ...(v as unknown as NewsDocument), schema: SCHEMA, producers };
}
