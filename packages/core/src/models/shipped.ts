import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyzerContext } from '../analyzer.js';
import { countWords } from '../text/words.js';
import { tooShortMessage } from '../too-short.js';
import { modelUrl } from './dir.js';
import type { SparseVector } from './features.js';
import {
  type Contribution,
  featureName,
  type LinearModel,
  loadLinearModel,
  parseLinearModel,
} from './linear.js';
import type { ModelRegistry } from './registry.js';

/**
 * Options shared by the analyzers that score with a shipped linear model: `model` points at a
 * model file of the user's own (`''` = the shipped one), `why` is how many top features each
 * finding gives as its reason.
 */
export interface ShippedModelOptions {
  model: string;
  why: number;
}

/**
 * The models of one analyzer a pipeline loaded: the shipped multilingual `model.json` and the
 * dedicated `model.<lang>.json` files, or one model of the user's own for every language.
 */
export interface ModelSet {
  readonly name: string;
  /** The model that scores `lang`: its dedicated one, else the multilingual one. */
  forLanguage(lang: string): LinearModel;
}

const trainHint = (name: string): string =>
  `train it with npx newsprism train ${name} --data ../shared/data/semeval2023-task3`;

const parse =
  (what: string) =>
  ([b]: Buffer[]): LinearModel =>
    parseLinearModel(b!.toString('utf8'), what);

/**
 * Loads the models of `name` (a folder under `models/`) through the registry, once, in a
 * pipeline's set-up: every `model*.json` there, or the user's file at `path`. `check`, when
 * given, sees each model with the file it came from and throws on one the analyzer cannot use
 * (`E_MODEL_INVALID`), so that the set-up stops rather than every document's run.
 */
export function loadModelSet(
  registry: ModelRegistry,
  name: string,
  path = '',
  check: (model: LinearModel, what: string) => void = () => {},
): ModelSet {
  if (path) {
    const own = registry.load(`${name}/user`, path, parse(path), 'give the path of a model file');
    check(own, path);
    return { name, forLanguage: () => own };
  }
  const dir = fileURLToPath(modelUrl(`${name}/`));
  const load = (file: string): LinearModel => {
    const what = `${name}/${file}`;
    const model = registry.load(what, join(dir, file), parse(what), trainHint(name));
    check(model, `models/${what}`);
    return model;
  };
  const main = load('model.json');
  const dedicated = new Map<string, LinearModel>();
  const files = registry.exists(dir) ? readdirSync(dir).sort() : [];
  for (const f of files) {
    const lang = /^model\.([a-z]{2,3})\.json$/.exec(f)?.[1];
    if (lang) dedicated.set(lang, load(f));
  }
  return { name, forLanguage: (lang) => dedicated.get(lang) ?? main };
}

/**
 * The shipped model of `name` (a folder under `models/`) read from disk, or a user's model
 * file when `path` is given; for training and evaluation code (pipelines use
 * {@link loadModelSet}). Not cached.
 */
export function shippedModel(name: string, path?: string): LinearModel {
  return loadLinearModel(path ?? fileURLToPath(modelUrl(`${name}/model.json`)), trainHint(name));
}

/**
 * The model of a set for a document's language, or undefined — after an info diagnostic
 * `I_<NAME>_LANGUAGE` — when the model was not trained on that language.
 */
export function modelForLanguage(set: ModelSet, lang: string, ctx: AnalyzerContext): LinearModel | undefined {
  const model = set.forLanguage(lang);
  if (modelLanguages(model).includes(lang)) return model;
  ctx.report({
    code: `I_${set.name.toUpperCase()}_LANGUAGE`,
    severity: 'info',
    message: `no ${set.name} model for language "${lang}"; supported: ${modelLanguages(model).join(', ')}`,
  });
  return undefined;
}

/** A document-level layer's `minWords` option: one minimum for every language, or one per language. */
export type MinWords = number | Readonly<Record<string, number>>;

/** The minimum for a language that neither the option nor the layer's table names. */
const MIN_WORDS_ELSE = 200;

/**
 * The minimum length in words for `lang`: the option when it is one number, else its entry for
 * the language, else the layer's own table's (`table`; a model of one's own may know a language
 * the table does not: 200 then).
 *
 * @example minWordsFor({ fr: 300 }, 'en', { en: 50, fr: 250 }) // 50
 */
export function minWordsFor(option: MinWords, lang: string, table: Readonly<Record<string, number>>): number {
  if (typeof option === 'number') return option;
  return option[lang] ?? table[lang] ?? MIN_WORDS_ELSE;
}

/**
 * Whether a document is too short for a document-level model (fewer than `minWords` words,
 * title included, counted by {@link countWords}) — after an info diagnostic
 * `I_<NAME>_TOO_SHORT` naming the minimum. The models are fitted on articles of hundreds of
 * words; on a sentence their scores say nothing (see the layer's `minWords` option).
 */
export function tooShort(
  name: string,
  text: string,
  minWords: number,
  ctx: AnalyzerContext,
  lang?: string,
): boolean {
  const words = countWords(text, minWords);
  if (words >= minWords) return false;
  ctx.report({
    code: `I_${name.toUpperCase()}_TOO_SHORT`,
    severity: 'info',
    message: tooShortMessage(name, words, minWords, lang),
  });
  return true;
}

/** The languages a model was trained on (`meta.langThresholds` keys), for support checks. */
export function modelLanguages(m: LinearModel): string[] {
  return Object.keys((m.meta.langThresholds as Record<string, unknown> | undefined) ?? {});
}

const RATE_NAMES: Record<string, string> = {
  quote: 'quotation marks',
  digit: 'figures',
  quest: 'question marks',
  excl: 'exclamation marks',
};

/** Cue lists whose names are a pronoun, not a word for what they count (`i cues`). */
const CUE_NAMES: Record<string, string> = {
  i: 'first-person singular',
  we: 'first-person plural',
  you: 'second-person',
};
const cue = (c: string): string => CUE_NAMES[c] ?? c;

const NAMED: [RegExp, string | ((m: string, ...g: string[]) => string)][] = [
  [/^scue:([a-z]+)$/, (_, c) => `${cue(c)} cue`],
  [/^scue:([a-z]+):(.+)$/, (_, c, n) => `${n} × ${cue(c)} cue`],
  [/^acue:([a-z]+)(?::.+)?$/, (_, c) => `${cue(c)} cues in the article`],
  [/^r:([a-z]+):(.+)$/, (_, c, n) => `${cue(c)} rate ${n}/100 words`],
  [/^[sa]excl:.+$/, 'exclamation marks'],
  [/^[sa]quest:.+$/, 'question marks'],
  [/^[sa]quote:.+$/, 'quotation marks'],
  [/^[sa]caps:.+$/, 'capitals'],
  [/^sdigits$/, 'figures'],
  [/^adigits$/, 'figures in the article'],
  [/^[sa]ellipsis$/, 'an ellipsis (…)'],
  [/^pos:title$/, 'title position'],
  [/^pos:last$/, 'last paragraph'],
  [/^pos:(.+)$/, (_, n) => `after ${n} paragraph${n === '1' ? '' : 's'}`],
  [/^rep(?:max)?:.+$/, 'repeated words'],
  [/^sval:neg:(.+)$/, 'strongly negative words: $1'],
  [/^sval:pos:(.+)$/, 'strongly positive words: $1'],
  [/^sval:max:(\d)$/, 'a word rated $1 of 5 for emotion'],
];

/**
 * Turns a feature name into words a reader can follow: `en:fake_news` → `"fake news"`,
 * `ru~украи` → `"украи…"`, `scue:fear` → `fear cue`; unknown names pass through.
 */
export function readableFeature(f: string): string {
  // A zero-rate bucket is a feature that is there (the model learnt from the absence), but
  // "whatabout rate 0/100 words" reads as citing something the text lacks: say it is absent.
  const none = /^r:([a-z]+):0$/.exec(f);
  if (none) return `no ${RATE_NAMES[none[1]!] ?? `${cue(none[1]!)} cues`} (0 per 100 words)`;
  const ngram = /^[a-z]{2}t?:(.+)$/.exec(f);
  if (ngram) return `"${ngram[1]!.replace(/_/g, ' ')}"`;
  const prefix = /^[a-z]{2}~(.+)$/.exec(f);
  if (prefix) return `"${prefix[1]}…"`;
  // Word rates of the techniques models: `lex:Loaded_Language:4`.
  const lex = /^lex:([^:]+):(\d+)$/.exec(f);
  if (lex) return `words often in ${lex[1]!.replaceAll('_', ' ')} spans (${lex[2]}× their rate)`;
  // How many such words (`lexn:Loaded_Language:2-3`), and all of them together (`lexo:…:4`).
  const lexn = /^lexn:([^:]+):(.+)$/.exec(f);
  if (lexn) return `${lexn[2]} words often in ${lexn[1]!.replaceAll('_', ' ')} spans`;
  const lexo = /^lexo:([^:]+):(\d+)$/.exec(f);
  if (lexo)
    return `its words together often in ${lexo[1]!.replaceAll('_', ' ')} spans (${lexo[2]}× the rate)`;
  for (const [re, out] of NAMED)
    if (re.test(f)) return typeof out === 'string' ? f.replace(re, out) : f.replace(re, out);
  return f;
}

/**
 * Whether a feature makes a useful reason for a reader: not a bias, language or length
 * feature, and not an n-gram of short function words only ("the", "of the").
 */
export function tellingFeature(f: string): boolean {
  if (
    /^(bias|lang:|apars:|[sa]?len:|[a-z]{2}\|len:|r:para|sval:max:[01]$|lex[no]?:[^:]+:0$|rep(max)?:0$)/.test(
      f,
    )
  )
    return false;
  const ngram = /^[a-z]{2}t?:(.+)$/.exec(f);
  if (ngram) return ngram[1]!.split('_').some((w) => w.length > 3);
  return true;
}

/** Readable forms of the names that are not n-grams (a small vocabulary), null when not telling. */
const readableMemo = new Map<string, string | null>();

const isAsciiLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
/** Whether `f` has a line terminator from `from` on (where the regexes' `.` stops matching). */
function hasLineBreak(f: string, from: number): boolean {
  for (let i = from; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * `readableFeature(f)` when `tellingFeature(f)`, else null. The n-gram (`en:fake_news`,
 * `ent:…`) and prefix (`ru~украи`) names of most reasons are read without the regexes, by the
 * same rules (such a name never matches the non-telling prefixes); other names are memoised.
 */
export function readableReason(f: string): string | null {
  if (isAsciiLower(f.charCodeAt(0)) && isAsciiLower(f.charCodeAt(1))) {
    const c2 = f.charCodeAt(2);
    const from = c2 === 0x3a ? 3 : c2 === 0x74 && f.charCodeAt(3) === 0x3a ? 4 : c2 === 0x7e ? -3 : 0;
    if (from > 0 && f.length > from && !hasLineBreak(f, from)) {
      // Telling when some word of the n-gram is longer than three characters.
      let start = from;
      let telling = false;
      for (let i = from; i <= f.length; i++)
        if (i === f.length || f.charCodeAt(i) === 0x5f) {
          if (i - start > 3) {
            telling = true;
            break;
          }
          start = i + 1;
        }
      return telling ? `"${f.slice(from).replaceAll('_', ' ')}"` : null;
    }
    if (from === -3 && f.length > 3 && !hasLineBreak(f, 3)) return `"${f.slice(3)}…"`;
  }
  let r = readableMemo.get(f);
  if (r === undefined) {
    r = tellingFeature(f) ? readableFeature(f) : null;
    if (readableMemo.size >= 10_000) readableMemo.clear();
    readableMemo.set(f, r);
  }
  return r;
}

/** Readable reasons from contributions: the `k` strongest telling ones. */
function toReasons(cs: readonly Contribution[], k: number): string[] {
  const out: string[] = [];
  for (const c of cs) {
    if (out.length === k) break;
    const r = readableReason(c.feature);
    // Two features can read the same (`acue:weekday` and its count `acue:weekday:2`): say it once.
    if (r !== null && !out.includes(r)) out.push(r);
  }
  return out;
}

/**
 * The reasons of a finding: the `k` strongest telling features of `explain`, made readable.
 */
export function reasons(m: LinearModel, v: SparseVector, label: number, k: number): string[] {
  return toReasons(m.explain(v, label, k * 2), k);
}

/**
 * Whether a feature stands for something the text lacks: a zero-rate bucket (`r:whatabout:0`,
 * "no whatabout cues"). The model may learn from an absence, but a reason that cites it names
 * nothing in the text.
 */
export function absentFeature(f: string): boolean {
  return /^r:[a-z]+:0$/.test(f);
}

// How many more contributions `present` looks at: about as many as there are style rates.
const ABSENT_ROOM = 16;

/**
 * {@link reasons} for several labels of the same vector, in one pass. With `present`, only
 * features present in the text are reasons (no {@link absentFeature}): what is there and pushed
 * the score up. More contributions are looked at then, so skipped absences leave room for others.
 */
export function reasonsMany(
  m: LinearModel,
  v: SparseVector,
  labels: readonly number[],
  k: number,
  present = false,
): string[][] {
  if ((!v.names && !v.nameAt) || labels.length === 0) return labels.map(() => []);
  // The reasons of `explainMany`'s contributions, naming only the features looked at.
  return m.topContributions(v, labels, present ? k * 2 + ABSENT_ROOM : k * 2).map(({ features }) => {
    const out: string[] = [];
    for (let p = 0; p < features.length && out.length < k; p++) {
      const name = featureName(v, features[p]!);
      if (present && absentFeature(name)) continue;
      const r = readableReason(name);
      if (r !== null && !out.includes(r)) out.push(r);
    }
    return out;
  });
}
