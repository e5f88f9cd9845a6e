import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsprismError } from '../../errors.js';
import { modelUrl } from '../../models/dir.js';
import { readModelJson } from '../../models/read-json.js';
import type { ModelRegistry } from '../../models/registry.js';
import type { HashtagReading, SyntaxLexicon } from './features.js';
import { Lemmatizer } from './lemmatize.js';
import { FormClasses } from './lexicon.js';
import { type SyntaxArrays, SyntaxRunner } from './syntax-runner.js';
import type { SyntaxHead, SyntaxModelFile } from './tagger.js';

/** A loaded syntax model: tagger and lemmatiser of one language. */
export interface SyntaxModel {
  lang: string;
  /** The tagger's outputs: `upos`, then the morphological features. */
  heads: readonly SyntaxHead[];
  lemmatizer: Lemmatizer;
  /** The model's lexicon (`FormClasses.classOf`), when it has one. */
  lexicon?: SyntaxLexicon;
  /** The lexicon's table itself (headwords too), when the model has one. */
  forms?: FormClasses;
  /** How the model reads hashtags (`SyntaxModelFile.hashtags`). */
  hashtags: HashtagReading;
  /** Whether its pair templates read lexicon classes (`SyntaxModelFile.lexPairs`). */
  lexPairs: boolean;
  /** Tags and lemmatises at run time, with a cache of the word forms seen. */
  runner: SyntaxRunner;
  meta: Record<string, unknown>;
}

/** Per-token annotation of one sentence, as UD strings. */
export interface WordAnalysis {
  upos: string[];
  lemma: string[];
  /** UD FEATS strings (`Case=Gen|Gender=Fem|Number=Sing`, `''` for none); only when the model has morphology heads. */
  feats?: string[];
}

/** Builds a model from its parsed file. */
export function syntaxModelFromFile(file: SyntaxModelFile, where = 'the syntax model'): SyntaxModel {
  if (file.format !== 'newsprism-syntax/1' || file.heads[0]?.name !== 'upos')
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `${where} is not a newsprism-syntax/1 model; run \`newsprism train syntax\``,
    );
  const lemmatizer = new Lemmatizer(file.lemmas);
  const classes = file.lexicon && new FormClasses(file.lexicon);
  const lexicon = classes && ((lower: string) => classes.classOf(lower));
  return {
    lang: file.lang,
    heads: file.heads,
    lemmatizer,
    lexicon,
    forms: classes || undefined,
    hashtags: file.hashtags,
    lexPairs: file.lexPairs === true,
    runner: new SyntaxRunner(file.heads, file, lemmatizer, lexicon, file.hashtags, file.lexPairs),
    meta: file.meta,
  };
}

/**
 * Reads a model file: `E_MODEL_MISSING` when it is not there (or cannot be read),
 * `E_MODEL_INVALID` when it is not JSON or not a syntax model.
 */
export function loadSyntaxModel(path: string): SyntaxModel {
  const file = readModelJson<SyntaxModelFile>(path, 'syntax model', 'newsprism train syntax');
  return syntaxModelFromFile(file, path);
}

/** The syntax models of a pipeline: the user's own for every language, else one per shipped language. */
export interface SyntaxModels {
  own?: SyntaxModel;
  byLang: ReadonlyMap<string, SyntaxModel>;
}

const SHIPPED = /^syntax-([a-z]{2,3})\.json$/;

/** Parses a syntax model file read by a registry. */
const parse =
  (where: string) =>
  ([b]: Buffer[]): SyntaxModel =>
    syntaxModelFromFile(JSON.parse(b!.toString('utf8')) as SyntaxModelFile, where);

/**
 * Loads the `syntax` analyzer's models through the pipeline's registry (read once, checksummed
 * into `producers`): the file at `path` when given (`syntax/user`), else every shipped
 * `models/syntax/syntax-<lang>.json`.
 */
export function loadSyntaxModels(registry: ModelRegistry, path: string): SyntaxModels {
  if (path)
    return {
      own: registry.load('syntax/user', path, parse(path), 'make one with newsprism train syntax'),
      byLang: new Map(),
    };
  const dir = fileURLToPath(modelUrl('syntax/'));
  const byLang = new Map<string, SyntaxModel>();
  for (const f of registry.exists(dir) ? readdirSync(dir).sort() : []) {
    const lang = SHIPPED.exec(f)?.[1];
    if (lang) byLang.set(lang, registry.load(`syntax/${f}`, join(dir, f), parse(`syntax/${f}`)));
  }
  return { byLang };
}

/**
 * The shipped model of one language through a pipeline's registry, under the id
 * {@link loadSyntaxModels} gives it (so the two share one parsed model), parsed at the first call
 * of the function returned ({@link ModelRegistry.lazy}: checksummed now, parsed when a document
 * needs it); `null` when none is shipped.
 */
export function shippedSyntaxModel(registry: ModelRegistry, lang: string): (() => SyntaxModel) | null {
  const f = `syntax-${lang}.json`;
  const file = fileURLToPath(modelUrl(`syntax/${f}`));
  return registry.exists(file) ? registry.lazy(`syntax/${f}`, file, parse(`syntax/${f}`)) : null;
}

/**
 * The shipped model of one language loaded now through a pipeline's registry, under the id
 * {@link loadSyntaxModels} gives it (one parsed model for both); `null` when none is shipped.
 * With `required` (who needs it and how to make it), a missing file throws `E_MODEL_MISSING`
 * with that hint instead.
 */
export function loadShippedSyntaxModel(registry: ModelRegistry, lang: string): SyntaxModel | null;
export function loadShippedSyntaxModel(registry: ModelRegistry, lang: string, required: string): SyntaxModel;
export function loadShippedSyntaxModel(
  registry: ModelRegistry,
  lang: string,
  required?: string,
): SyntaxModel | null {
  const f = `syntax-${lang}.json`;
  const file = fileURLToPath(modelUrl(`syntax/${f}`));
  return required !== undefined || registry.exists(file)
    ? registry.load(`syntax/${f}`, file, parse(`syntax/${f}`), required)
    : null;
}

const loaded = new Map<string, SyntaxModel | null>();

/**
 * The model for a language outside a pipeline (`newsprism parse`, evaluation): the user's file
 * when `path` is given, else the shipped `models/syntax/syntax-<lang>.json`; `null` when the
 * project ships none for that language. Loaded once per process. Pipelines load theirs with
 * {@link loadSyntaxModels}.
 */
export function syntaxModelFor(lang: string, path = ''): SyntaxModel | null {
  const key = path || lang;
  let m = loaded.get(key);
  if (m === undefined) {
    const file = path || fileURLToPath(modelUrl(`syntax/syntax-${lang}.json`));
    m = path || existsSync(file) ? loadSyntaxModel(file) : null;
    loaded.set(key, m);
  }
  return m;
}

/** Tags and lemmatises one sentence of word forms. */
export function analyzeWords(model: SyntaxModel, forms: readonly string[]): WordAnalysis {
  const out: SyntaxArrays = { upos: [], lemma: [] };
  if (model.heads.length > 1) out.feats = [];
  model.runner.annotateForms(forms, out);
  return out;
}
