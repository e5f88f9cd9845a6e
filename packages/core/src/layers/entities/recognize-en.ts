import type { WordClusters } from '../../models/word-clusters.js';
import type { Sentence, Token } from '../../schema.js';
import { firstStartingAt } from '../../text/span-search.js';
import { type Candidate, fromMatch, sentencePositions } from './candidates.js';
import { type EntityType, type Gazetteer, loadGazetteer } from './gazetteer.js';
import { matchGazetteer } from './match.js';
import { addNerClusters } from './ner-clusters.js';
import { NER_TAGS, type NerInput, prepareNer } from './ner-features.js';
import type { NerTagger } from './ner-tagger.js';
import rulesEn from './rules.en.json' with { type: 'json' };
import { personRules } from './titles-en.js';
import { tokenTexts } from './token-texts.js';

const SHOUT = /^[A-Z][A-Z-]+$/;
const HEADLINE_WORDS = new Set(rulesEn.headlineWords);
/** Lower-case links that may sit inside a name (`Bank of America`) but not at its edges. */
const LINK_WORDS = new Set([
  'of',
  'Of',
  'OF',
  'the',
  'The',
  'THE',
  'and',
  'And',
  'AND',
  'for',
  'For',
  'on',
  'On',
  'in',
  'In',
  '&',
]);
const ABBREV = /^\p{Lu}(?:\.\p{Lu})+$/u;
const CURRENCY_PREFIX = /^[A-Z]{1,3}$/;
/** Abbreviations that end a name with their full stop (`Inc.`, `Calif.`: `rules.en.json`). */
const DOTTED = new Set(rulesEn.abbreviatedNames);

/** Gazetteer BIO labels per token, a feature of the tagger. */
export function gazetteerTags(n: number, matches: readonly Candidate[]): (string | undefined)[] {
  const tags: (string | undefined)[] = new Array(n);
  for (const m of matches) for (let k = m.i; k < m.j; k++) tags[k] = `${k === m.i ? 'B' : 'I'}-${m.type}`;
  return tags;
}

/**
 * Turns BIO tags into candidates. A name ending in an abbreviation (`U.S`, `Inc`) takes the
 * following full stop, which the tokenizer split off (CoNLL keeps `U.S.` whole).
 */
export function spansFromTags(text: string, tokens: readonly Token[], tags: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < tags.length) {
    const t = tags[i]!;
    if (t === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    // A name never runs across a line break (a paragraph ends between `Sputnik` and `MOSCOW`).
    while (j < tags.length && tags[j] === (t % 2 === 1 ? t + 1 : t) && !breakBetween(text, tokens, j)) j++;
    const type = NER_TAGS[t]!.slice(2) as EntityType;
    let end = tokens[j - 1]!.end;
    const last = text.slice(tokens[j - 1]!.start, end);
    let jj = j;
    if (text.charCodeAt(end) === 46 && (ABBREV.test(last) || DOTTED.has(last)) && tokens[j]?.start === end) {
      end++;
      jj++;
    } else if (
      // A currency written with a country code (`US$`, `A$`, `HK$`): CoNLL's MISC takes the sign.
      text.charCodeAt(end) === 36 &&
      tokens[j]?.start === end &&
      tokens[j]!.end === end + 1 &&
      j - i === 1 &&
      CURRENCY_PREFIX.test(last)
    ) {
      end++;
      jj++;
    }
    out.push({ i, j: jj, start: tokens[i]!.start, end, type, rule: 'model' });
    i = j;
  }
  return out;
}

/** Gazetteer matches as candidates (strong forms only: the English tagger decides on the rest). */
export function gazetteerCandidates(
  text: string,
  tokens: readonly Token[],
  keys: readonly string[],
  gaz: Gazetteer,
): Candidate[] {
  // Words in capitals (headlines, datelines: `MOSCOW`, `KIEV`) may also match as `Moscow`.
  let caps: (string[] | undefined)[] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const c0 = k.charCodeAt(0);
    const c1 = k.charCodeAt(1);
    if (k.length < 3 || c0 < 65 || c0 > 90 || c1 < 65 || c1 > 90 || !SHOUT.test(k)) continue;
    caps ??= new Array(keys.length);
    caps[i] = [k[0] + k.slice(1).toLowerCase()];
  }
  return matchGazetteer(text, tokens, keys, gaz, false, caps).map((m) => fromMatch(tokens, m));
}

/**
 * The tagger input of an English text, exactly as the analyzer builds it (training uses this
 * too, so features agree); with `clusters`, the word-cluster ids of a model trained on them.
 */
export function englishNerInput(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  gaz: Gazetteer = loadGazetteer(),
  clusters?: WordClusters | null,
): NerInput {
  const { words, keys } = tokenTexts(text, tokens, gaz, false);
  const { sentenceOf } = sentencePositions(text, tokens, sentences);
  const tags = gazetteerTags(tokens.length, gazetteerCandidates(text, tokens, keys, gaz));
  const p = prepareNer(text, tokens, sentenceOf, tags, words);
  if (clusters) addNerClusters(p, text, tokens, clusters);
  return p;
}

/** A common noun in capitals by its ending: `REDEPLOYMENT`, `HUMILIATION`, `WEAKNESS`. */
const CAPITAL_NOUN = /^[A-Z]{3,}(?:MENT|TION|SION|NESS|ITY|ANCE|ENCE|ISM)$/;

/**
 * A capitalised common noun alone on its line is a subheading (`REDEPLOYMENT`, `HUMILIATION`),
 * not a name, unless the gazetteer knows it; other words alone in capitals may be names (a
 * press digest's `HAARETZ`).
 */
export function subheadings(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  cands: Candidate[],
  gazTags: readonly (string | undefined)[],
): Candidate[] {
  return cands.filter(
    (c) =>
      !(
        c.j - c.i === 1 &&
        !gazTags[c.i] &&
        CAPITAL_NOUN.test(words[c.i]!) &&
        (c.i === 0 || breakBetween(text, tokens, c.i)) &&
        (c.j === tokens.length || breakBetween(text, tokens, c.j))
      ),
  );
}

/** Words that join two parts of a name (`Bank of China`, `Santiago de Cuba`) but never end one. */
const DANGLING = new Set([
  'of',
  'for',
  'and',
  '&',
  'de',
  'del',
  'la',
  'le',
  'du',
  'da',
  'di',
  'van',
  'von',
  'der',
  'den',
]);
/** Links that join two names as often as they join a name's parts (`Tower Bridge and Canary Wharf`). */
const CONJUNCTIONS = new Set(['and', '&']);
const CAPITALISED = /^\p{Lu}/u;

/**
 * The greedy tagger sometimes stops a name on its link word (`[House of] Lords`, `[Bank of]
 * [China]`, `[Santiago de] [Cuba]`): a name ending in a link word other than `and` takes the name
 * or the capitalised words right after it on the same line, keeping its own type; otherwise the
 * link words are dropped from its end (`[Trump of] the primaries` → `Trump`, `[Tower Bridge and]`
 * → `Tower Bridge`), as from its start (`[of] Islam`); a name of link words alone goes.
 */
export function joinDangling(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  cands: readonly Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  for (let n = 0; n < cands.length; n++) {
    let c = cands[n]!;
    if (DANGLING.has(words[c.i]!)) {
      let i = c.i;
      while (i < c.j && DANGLING.has(words[i]!)) i++;
      if (i === c.j) continue;
      c = { ...c, i, start: tokens[i]!.start };
    }
    const last = words[c.j - 1]!;
    if (!DANGLING.has(last)) {
      out.push(c);
      continue;
    }
    const next = cands[n + 1];
    const j = c.j;
    if (
      !CONJUNCTIONS.has(last) &&
      j < tokens.length &&
      !breakBetween(text, tokens, j) &&
      tokens[j]!.kind === 'word' &&
      CAPITALISED.test(words[j]!)
    ) {
      let end = j;
      if (next && next.i === j) {
        end = next.j;
        n++;
      } else {
        // Up to the next name at most: names never overlap.
        const stop = next ? next.i : tokens.length;
        while (
          end < stop &&
          tokens[end]!.kind === 'word' &&
          CAPITALISED.test(words[end]!) &&
          (end === j || !breakBetween(text, tokens, end))
        )
          end++;
      }
      out.push({ ...c, j: end, end: tokens[end - 1]!.end });
      continue;
    }
    let k = c.j;
    while (k > c.i && DANGLING.has(words[k - 1]!)) k--;
    if (k > c.i) out.push({ ...c, j: k, end: tokens[k - 1]!.end });
  }
  return out;
}

const breakBetween = (text: string, tokens: readonly Token[], j: number): boolean => {
  for (let k = tokens[j - 1]!.end; k < tokens[j]!.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
};

/**
 * Runs the English tagger; `undefined` when no model is available. `clusters` are the word
 * clusters of a tagger trained on them (its `meta.clusters`), else null; `surnames` the last
 * words of the gazetteer's people (`personRules`).
 */
export function tagEnglish(
  text: string,
  tokens: readonly Token[],
  sentenceOf: Int32Array,
  matches: readonly Candidate[],
  tagger: NerTagger | null,
  words?: readonly string[],
  clusters?: WordClusters | null,
  surnames?: ReadonlySet<string>,
): Candidate[] | undefined {
  if (!tagger) return undefined;
  const gazTags = gazetteerTags(tokens.length, matches);
  const p = prepareNer(text, tokens, sentenceOf, gazTags, words, true);
  if (clusters) addNerClusters(p, text, tokens, clusters);
  const ws = words ?? tokens.map((t) => text.slice(t.start, t.end));
  const tagged = personRules(
    text,
    tokens,
    ws,
    joinDangling(
      text,
      tokens,
      ws,
      subheadings(
        text,
        tokens,
        ws,
        trimHeadlines(tokens, ws, spansFromTags(text, tokens, tagger.tag(p)), p, gazTags, text),
        gazTags,
      ),
    ),
    p,
    gazTags,
    surnames,
  );
  return [...tagged, ...bylineNames(text, tokens, ws, tagged, p, gazTags)].sort((a, b) => a.start - b.start);
}

/**
 * A line that is only a two- or three-word name (`Peter Blackburn` under a title) is a byline:
 * a person, though the tagger has no context to see it (a tagged name spanning the line becomes
 * a person). Words the article also writes in lower case, headline words, organisation words
 * (`Press`, `News`) and gazetteer names rule a line out.
 */
export function bylineNames(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  tagged: Candidate[],
  p: NerInput,
  gazTags: readonly (string | undefined)[],
): Candidate[] {
  const out: Candidate[] = [];
  // Tagged names come in text order and never overlap; binary search finds those on a line.
  const inOrder = tagged.every((t, k) => k === 0 || tagged[k - 1]!.end <= t.start);
  // Otherwise (the person rules may add names out of order) by start, with the longest name's
  // length: a name that overlaps a line starts at most that far before it. Only how many names
  // overlap the line is read, and the one name when there is one, so their order does not count.
  const byStart = inOrder ? tagged : [...tagged].sort((a, b) => a.start - b.start);
  const longest = inOrder ? 0 : tagged.reduce((n, t) => Math.max(n, t.end - t.start), 0);
  let i = 0;
  while (i < tokens.length) {
    let j = i + 1;
    while (j < tokens.length && !breakBetween(text, tokens, j)) j++;
    const lineStarts = i === 0 || breakBetween(text, tokens, i);
    if (lineStarts && j - i >= 2 && j - i <= 3) {
      let ok = true;
      for (let k = i; k < j && ok; k++)
        ok =
          NAME_WORD.test(words[k]!) &&
          !p.lowerSeen[k] &&
          !gazTags[k] &&
          !HEADLINE_WORDS.has(words[k]!.toLowerCase());
      for (let k = i; k < j && ok; k++) ok = !ORG_WORDS.has(words[k]!);
      const start = tokens[i]!.start;
      const end = tokens[j - 1]!.end;
      const over = inOrder ? overlapping(tagged, start, end) : overlappingAny(byStart, longest, start, end);
      if (ok && over.length === 0) out.push({ i, j, start, end, type: 'PER', rule: 'byline' });
      // The tagger, without context, may call the whole line an organisation.
      else if (ok && over.length === 1 && over[0]!.i === i && over[0]!.j === j) over[0]!.type = 'PER';
    }
    i = j;
  }
  return out;
}

/** The candidates of `list` (sorted by start, not overlapping) that overlap `[start, end)`, in order. */
function overlapping(list: readonly Candidate[], start: number, end: number): Candidate[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Candidate[] = [];
  for (let k = lo; k < list.length && list[k]!.start < end; k++) if (start < list[k]!.end) out.push(list[k]!);
  return out;
}

/** The candidates of `sorted` (by start, overlapping or not, none longer than `longest`) that overlap `[start, end)`. */
function overlappingAny(
  sorted: readonly Candidate[],
  longest: number,
  start: number,
  end: number,
): Candidate[] {
  const out: Candidate[] = [];
  for (let k = firstStartingAt(sorted, start - longest); k < sorted.length && sorted[k]!.start < end; k++)
    if (start < sorted[k]!.end) out.push(sorted[k]!);
  return out;
}

const ORG_WORDS = new Set(rulesEn.organisationWords);
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/**
 * In title-case headlines every word is capitalised, so the tagger over-marks: words at the
 * edges of a tagged name that the document also uses in lower case (`Loss`), or that are
 * headline verbs and function words (`Says`, `Should`, `rules.en.json`), are trimmed off, and a
 * name made only of such words is dropped.
 */
export function trimHeadlines(
  tokens: readonly Token[],
  words: readonly string[],
  cands: Candidate[],
  p: NerInput,
  gazTags: readonly (string | undefined)[],
  text?: string,
): Candidate[] {
  const body = capitalisedInBody(words, p);
  // The opening headline is its first line: capitals lines after it (a dateline, a results
  // table) are not held to the body's spelling.
  const lineEnd = text && tokens.length ? text.indexOf('\n', tokens[0]!.start) : -1;
  const opening = (k: number) => k < body.lead && (lineEnd < 0 || tokens[k]!.start < lineEnd);
  const unsupported = (w: string, k: number) =>
    !body.words.has(w.toLowerCase()) && p.first[k] === 0 && !/^\p{Lu}\.?$/u.test(w);
  // A headline word is common when the article writes it in lower case, when it is a headline
  // verb or function word, or, in the opening headline, when the body never writes it
  // capitalised mid-sentence (`Cut` in `Bridge Strike Cut Russian Supply Line`): names in a
  // headline recur in the body. First names and initials are exempt (`Mary J. Blige`).
  const common = (k: number) =>
    (p.lowerSeen[k] === 1 ||
      HEADLINE_WORDS.has(words[k]!.toLowerCase()) ||
      (opening(k) && tokens[k]!.kind === 'word' && unsupported(words[k]!, k))) &&
    !gazTags[k];
  const link = (k: number) => LINK_WORDS.has(words[k]!);
  const out: Candidate[] = [];
  for (const c of cands) {
    if (!p.headline[c.i]) {
      out.push(c);
      continue;
    }
    // Split at common words inside (`Kiev Should Admit Loss Of Bakhmut` → `Kiev`, `Bakhmut`),
    // then trim common words, links and punctuation off each piece's edges.
    let s0 = c.i;
    for (let k = c.i; k <= c.j; k++) {
      if (k < c.j && !(common(k) && !link(k))) continue;
      let i = s0;
      let j = k;
      s0 = k + 1;
      while (i < j && (common(i) || link(i) || tokens[i]!.kind === 'punct')) i++;
      while (j > i && (common(j - 1) || link(j - 1) || tokens[j - 1]!.kind === 'punct')) j--;
      if (i === j) continue;
      if (i === c.i && j === c.j) out.push(c);
      else {
        const g = gazTags[i];
        const whole = g?.startsWith('B-') && (j >= tokens.length || !gazTags[j]?.startsWith('I-'));
        const type = whole ? (g!.slice(2) as EntityType) : c.type;
        out.push({ ...c, i, j, type, start: tokens[i]!.start, end: tokens[j - 1]!.end });
      }
    }
  }
  return out;
}

/** `w.toLowerCase() !== w`, deciding ASCII words (most tokens) by a scan for A–Z. */
function changesInLowerCase(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c >= 128) return w.toLowerCase() !== w;
  }
  return false;
}

/**
 * Words written capitalised in the body, away from a sentence start, in lower case (so a
 * headline in capitals finds `Tarango` as `TARANGO`, a dateline's `KIEV` counts as `Kiev`,
 * `O'Brien` as `O'BRIEN`), and `lead`, the first token after the headline
 * lines that open the article; `lead` is 0 when the body is too short (under 40 words) to tell
 * that a headline word never recurs there. Title-case lines further down (a caption, an author
 * bio) are left to the other rules: their names need not recur.
 */
function capitalisedInBody(words: readonly string[], p: NerInput): { words: Set<string>; lead: number } {
  const out = new Set<string>();
  let lead = -1;
  let n = 0;
  for (let k = 0; k < p.n; k++) {
    if (p.headline[k]) continue;
    const w = words[k]!;
    const c = w.charCodeAt(0);
    if (c >= 97 && c <= 122) n++;
    else if (!p.initial[k] && changesInLowerCase(w)) {
      n++;
      out.add(w.toLowerCase());
    } else continue;
    if (lead < 0) lead = k;
  }
  return { words: out, lead: n >= 40 ? lead : 0 };
}
