import { defineAnalyzer } from '../../analyzer.js';
import { loadWordClusters } from '../../models/word-clusters.js';
import { rules } from '../../options.js';
import type { Token } from '../../schema.js';
import { type SyntaxModel, shippedSyntaxModel } from '../syntax/model.js';
import { type Candidate, fromMatch, mergeCandidates, sentencePositions } from './candidates.js';
import { withDatelinePlace } from './dateline-place.js';
import firstNames from './first-names.en.json' with { type: 'json' };
import { type CompiledForm, type EntityType, type Gazetteer, gazetteerFor, joinKeys } from './gazetteer.js';
import { candidateKeys, type Entity, groupEntities } from './group.js';
import { isCapitalized, tokenKey, tokenStems } from './keys.js';
import { adjacent, type GazetteerMatch, matchGazetteer, spellsAbbreviations } from './match.js';
import { mergeEnglish } from './merge-en.js';
import { loadNerTagger } from './ner-tagger.js';
import { type NameLexicon, nominativePhraseRu, nominativeRu } from './nominative.js';
import { gazetteerCandidates, tagEnglish } from './recognize-en.js';
import { addReferences } from './references.js';
import rulesEn from './rules.en.json' with { type: 'json' };
import rulesRu from './rules.ru.json' with { type: 'json' };
import {
  capsCandidatesRu,
  extendNames,
  firstNameClash,
  phraseCandidatesRu,
  type RuleInput,
} from './rules-ru.js';
import { gazetteerSurnames } from './titles-en.js';
import { tokenTexts } from './token-texts.js';

export type { Entity, Mention } from './group.js';

declare module '../../schema.js' {
  interface LayerMap {
    entities: Entity[];
  }
}

/** Options of the entities analyzer. */
export interface EntitiesOptions {
  /** Extra gazetteer files (JSON, see docs/gazetteer.md), merged over the shipped one in order. */
  gazetteers: string[];
  /** An English tagger model file to use instead of the shipped `models/ner-en/ner-en.json`. */
  model: string;
}

/**
 * The lexicon of a lazily parsed syntax model, as a getter (it gives undefined when the model has
 * none). Only the lexicon is kept: the model's tagger goes once it is read (unless the syntax layer
 * holds it).
 */
function lexiconOf(model: (() => SyntaxModel) | null): (() => NameLexicon | undefined) | undefined {
  if (!model) return undefined;
  let get: (() => SyntaxModel) | undefined = model;
  let forms: NameLexicon | undefined;
  return () => {
    if (get) {
      forms = get().forms;
      get = undefined;
    }
    return forms;
  };
}

/** Classes of the Russian lexicon that only a verb has: a finite form, a short participle. */
const VERB_CLASSES = new Set(['VERB', 'PRTS', 'PRTS|VERB']);

/** Endings of Russian finite verbs and short participles (`закроют`, `воевал`, `уничтожен`, `Прекратите`). */
const VERB_ENDING = /(?:[аеиоуыяю]л[аио]?|[аеиуюя]т|[еи]м|[еи]те|йте|[еи]шь|[ая]н[аоы]?|ен[аоы]?|с[яь])$/u;

/**
 * Whether a quoted run of two or more words holds a word the Russian lexicon knows only as a
 * verb and that ends as one (`«Порт закроют весной»`, `«Бандера воевал против Гитлера»`): a
 * clause, not a name (`«Грузинская мечта»` holds none). The lexicon guesses unknown words by
 * their suffix, so the ending is checked too, and a one-word name (`«Вакслит»`) is left alone.
 */
function holdsVerb(words: readonly string[], c: Candidate, lex: () => NameLexicon | undefined): boolean {
  for (let k = c.i + 1; k < c.j - 1; k++) {
    const w = words[k]!.toLowerCase();
    if (c.j - c.i < 4 || !VERB_ENDING.test(w)) continue;
    const cls = lex()?.classOf(w);
    if (cls !== undefined && VERB_CLASSES.has(cls)) return true;
  }
  return false;
}

/** Oblique endings of Russian adjectives (`Верховного`, `Воздушных`, `Южной`). */
const OBLIQUE_ADJ_ENDING = /(?:ого|его|ому|ему|ым|им|ой|ей|ую|юю|ых|их|ыми|ими)$/u;

/** An adjective made of a place's name (`Белгородской`, `Донецкого`): a region, kept. */
const PLACE_ADJ = /(?:ск|цк)[а-я]{2,3}$/u;

/**
 * Whether a one-word capitalised run is an adjective the lexicon knows only as one, in an
 * oblique case, before a word in small letters (`Верховного главнокомандующего`, `Воздушных
 * сил`): the capital of a name written with one, whose noun the rules do not read — a fragment
 * no reader takes for a name. A name with a noun reading stays (`Достоевского`, `Красной площади`),
 * and so does an adjective of a place (`Белгородской и Курской областей`).
 */
function adjectiveFragment(
  words: readonly string[],
  tokens: readonly Token[],
  c: Candidate,
  lex: () => NameLexicon | undefined,
): boolean {
  if (c.rule !== 'caps' || c.j - c.i !== 1 || c.j >= words.length || tokens[c.j]!.kind !== 'word')
    return false;
  const w = words[c.i]!.toLowerCase().replace(/ё/g, 'е');
  if (!OBLIQUE_ADJ_ENDING.test(w) || PLACE_ADJ.test(w) || !/^\p{Ll}/u.test(words[c.j]!)) return false;
  const cls = lex()?.classOf(w);
  return cls?.includes('ADJ') === true && !cls.includes('NOUN');
}

/** Endings of Russian adjectives, any case (`Верховный`, `Демократической`, `Отечественной`). */
const ADJ_ENDING = /(?:[ыио]й|[ая]я|[ое]е|[ыи]е|ого|его|ому|ему|[ыи]м|[ое]м|[ое]й|ую|юю|[ыи]х|[ыи]ми)$/u;

/** Words that continue an institution's name (`обороны`, `здравоохранения`), by key. */
const INSTITUTION_PARTS = new Set(rulesRu.institutionParts.map((w) => tokenKey(w)));

/** Head nouns a capitalised adjective before them joins, by key, with the type of the name and the noun as listed. */
const ADJECTIVE_HEADS = new Map<string, [EntityType, string]>(
  Object.entries(rulesRu.adjectiveHeads).flatMap(([type, nouns]) =>
    nouns.map((w): [string, [EntityType, string]] => [tokenKey(w), [type as EntityType, w]]),
  ),
);

/** Heads of an adjective-led name that may govern a field in small letters (`Всемирная организация здравоохранения`). */
const GOVERNING_HEADS = new Set(
  'суд совет комиссия союз собрание организация служба комитет министерство трибунал палата ассамблея прокуратура силы армия флот гвардия агентство управление'
    .split(' ')
    .map((w) => tokenKey(w)),
);
/** Institution words that name an office holder, not a body's field: never part of an adjective-led name. */
const OFFICE_HOLDERS = new Set(['президента', 'правительства'].map((w) => tokenKey(w)));

/**
 * Where a capitalised run ending in an adjective extends over the noun in small letters it names
 * with (`Демократической партии`, `Верховного главнокомандующего`, `Великой Отечественной войны`,
 * `Русской православной церкви`), and the name's type; undefined when no listed head noun
 * follows (`adjectiveHeads`), at most one adjective in small letters
 * ending in the same letter between (`Третьей мировой войны`).
 */
function adjectiveHead(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  keys: readonly string[],
  c: Candidate,
  lex: () => NameLexicon | undefined,
): { j: number; type: EntityType; nominative?: string } | undefined {
  if (c.rule !== 'caps' || c.j >= words.length) return undefined;
  const w = words[c.j - 1]!.toLowerCase().replace(/ё/g, 'е');
  const ending = ADJ_ENDING.exec(w)?.[0];
  if (!ending) return undefined;
  // An adjective reading is enough (`Второй мировой войны`: `второй` is a noun too): the head decides.
  const isAdjective = (lower: string) => lex()?.classOf(lower)?.includes('ADJ') === true;
  if (!isAdjective(w)) return undefined;
  const lowerWord = (k: number) =>
    k < words.length &&
    tokens[k]!.kind === 'word' &&
    /^\p{Ll}+$/u.test(words[k]!) &&
    adjacent(text, tokens, k - 1);
  let k = c.j;
  if (!lowerWord(k)) return undefined;
  const between = words[k]!.replace(/ё/g, 'е');
  if (
    !ADJECTIVE_HEADS.has(keys[k]!) &&
    ADJ_ENDING.test(between) &&
    between.at(-1) === ending.at(-1) &&
    isAdjective(between) &&
    lowerWord(k + 1)
  )
    k++;
  const head = ADJECTIVE_HEADS.get(keys[k]!);
  if (!head) return undefined;
  const [type, noun] = head;
  // And what the head governs, as an institution's name has it (`Всемирной организацией
  // здравоохранения`, `Верховного суда Российской Федерации` stops at the capital) — only after
  // the heads of bodies that name a field, never a person's office (`Демократической партии
  // президента Байдена`), and never ending on `по` (`Демократической партии по всей стране`).
  let j = k + 1;
  if (GOVERNING_HEADS.has(keys[k]!)) {
    while (
      j - k <= 3 &&
      INSTITUTION_PARTS.has(keys[j] ?? '') &&
      !OFFICE_HOLDERS.has(keys[j]!) &&
      lowerWord(j)
    )
      j++;
    while (j > k + 1 && keys[j - 1] === 'по') j--;
  }
  // Named in the nominative when the listed noun is one (a headword, or a plural in `-ы`: `силы`;
  // `церкви` is listed for its stem) and every adjective agrees with it in a form the lexicon knows.
  const l = lex();
  const nominative =
    l && (l.isHeadword(noun) || noun.endsWith('ы'))
      ? nominativePhraseRu(words.slice(c.i, k), noun, words.slice(k + 1, j), l)
      : undefined;
  return nominative ? { j, type, nominative } : { j, type };
}

/**
 * The nominative of an institution's name of capitalised adjectives and a head noun in small
 * letters (`Конституционным судом` → `Конституционный суд`, `Вооружёнными силами` → `Вооружённые
 * силы`, `Национальной гвардии` → `Национальная гвардия`, `Генеральным штабом` → `Генеральный
 * штаб`), what the head governs as written: the head is a listed head noun (`adjectiveHeads`) or
 * one whose nominative the lexicon knows; undefined unless the lexicon knows every form.
 */
function institutionNominative(
  words: readonly string[],
  keys: readonly string[],
  c: Candidate,
  lex: () => NameLexicon | undefined,
): string | undefined {
  if (c.rule !== 'institution') return undefined;
  let k = c.i;
  while (k < c.j && /^\p{Lu}\p{Ll}+$/u.test(words[k]!) && ADJ_ENDING.test(words[k]!.toLowerCase())) k++;
  if (k === c.i || k >= c.j || !/^\p{Ll}+$/u.test(words[k]!)) return undefined;
  const l = lex();
  if (!l) return undefined;
  const listed = ADJECTIVE_HEADS.get(keys[k]!)?.[1];
  const head =
    listed && (l.isHeadword(listed) || listed.endsWith('ы'))
      ? listed
      : nominativeRu(words[k]![0]!.toUpperCase() + words[k]!.slice(1), l, true)?.toLowerCase();
  if (!head) return undefined;
  return nominativePhraseRu(words.slice(c.i, k), head, words.slice(k + 1, c.j), l);
}

/** Ordinals among the sentence openers (`notNames`) that open a name at a sentence's start: `Вторая мировая война`. */
const ORDINAL_KEYS = new Set(['Первый', 'Второй'].map((w) => tokenKey(w)));

/**
 * Adds a capitalised word the capitals rule leaves out as a sentence opener (`Второй`, `notNames`)
 * where an adjective and a listed head noun follow it: `после Второй мировой войны`; an ordinal
 * also at a sentence's start (`Вторая мировая война закончилась`). Where the adjective is a
 * candidate of its own (`во Второй Мировой войне`, `Второй Карабахской войны`), that candidate
 * starts at the word instead. Never before the head alone (`Второй войны в Заливе`).
 */
function withOpenerAdjectives(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  keys: readonly string[],
  initial: Uint8Array,
  cands: Candidate[],
  lex: () => NameLexicon | undefined,
): Candidate[] {
  const taken = new Uint8Array(tokens.length);
  for (const c of cands) taken.fill(1, c.i, c.j);
  const startsAt = new Map(cands.map((c) => [c.i, c]));
  const added: Candidate[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    if (taken[i] || tokens[i]!.kind !== 'word' || !/^\p{Lu}\p{Ll}+$/u.test(words[i]!)) continue;
    if (!NOT_NAME_KEYS.has(keys[i]!) || (initial[i] && !ORDINAL_KEYS.has(keys[i]!))) continue;
    if (ADJECTIVE_HEADS.has(keys[i + 1]!) || !adjacent(text, tokens, i)) continue;
    const next = startsAt.get(i + 1);
    if (next) {
      const adjective = lex()?.classOf(words[i]!.toLowerCase().replace(/ё/g, 'е'))?.includes('ADJ') === true;
      if (adjective && next.rule === 'caps' && adjectiveHead(text, tokens, words, keys, next, lex)) {
        next.i = i;
        next.start = tokens[i]!.start;
      }
      continue;
    }
    const c: Candidate = {
      i,
      j: i + 1,
      start: tokens[i]!.start,
      end: tokens[i]!.end,
      type: 'MISC',
      rule: 'caps',
    };
    const head = adjectiveHead(text, tokens, words, keys, c, lex);
    if (head && !taken.subarray(i, head.j).some((x) => x === 1)) added.push(c);
  }
  return added.length ? [...cands, ...added].sort((a, b) => a.start - b.start) : cands;
}

/** Capitalised words that usually open a sentence (`notNames`), by key. */
const NOT_NAME_KEYS = new Set(rulesRu.notNames.map((w) => tokenKey(w)));

/** Words that name a gazetteer entry only after `the` (`the West`), by word: `rules.en.json`. */
const ARTICLE_NAMES = new Map(Object.entries(rulesEn.articleNames));
/** Gazetteer entries whose mention makes a document geopolitical, where `the West` is the political West. */
const GEOPOLITICAL = new Set([
  'russia',
  'nato',
  'ukraine',
  'kremlin',
  'moscow',
  'european-union',
  'kyiv',
  'vladimir-putin',
  'volodymyr-zelensky',
  'ussr',
]);

/**
 * `the West` is the political West: `West` right after `the` and before no capitalised word (not
 * `the West Bank`) is linked to its entry (`articleNames`), as a new mention when the tagger
 * missed it, or on the tagger's own mention of the word alone.
 */
function withArticleNames(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  cands: Candidate[],
  gaz: Gazetteer,
  matches: readonly Candidate[],
): Candidate[] {
  // `the West` is the political West only where the document is about geopolitics (a gazetteer
  // match of Russia, NATO, Ukraine, …): among the ranchers of Oregon, `the West` is the American
  // region (the review of session 17).
  if (!matches.some((c) => c.form && GEOPOLITICAL.has(c.form.entry.id))) return cands;
  const added: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const id = ARTICLE_NAMES.get(words[i]!);
    const entry = id === undefined ? undefined : gaz.entries.get(id);
    if (!entry || (words[i - 1] !== 'the' && words[i - 1] !== 'The') || !adjacent(text, tokens, i - 1))
      continue;
    if (i + 1 < tokens.length && isCapitalized(words[i + 1]!) && adjacent(text, tokens, i)) continue;
    const form: CompiledForm = { entry, form: words[i]!, keys: [words[i]!], capital: true, weak: false };
    const over = cands.filter((c) => c.i <= i && c.j > i);
    if (over.length === 0)
      added.push({
        i,
        j: i + 1,
        start: tokens[i]!.start,
        end: tokens[i]!.end,
        type: entry.type,
        rule: 'article',
        form,
      });
    else if (over.length === 1 && over[0]!.i === i && over[0]!.j === i + 1 && !over[0]!.form)
      over[0]!.form = form;
  }
  return added.length ? [...cands, ...added].sort((a, b) => a.start - b.start) : cands;
}

const SHOUT = /^[A-Z][A-Z-]{2,}$/;
const SHOUT_ANY = /^\p{Lu}[\p{Lu}-]{2,}$/u;
const RULE_LANGS = new Set(['ru', 'uk', 'be']);

/** Links a candidate found by a recogniser to the gazetteer when its whole surface is a known form. */
function link(c: Candidate, keys: readonly string[], words: readonly string[], gaz: Gazetteer): void {
  if (c.form) return;
  const own = keys.slice(c.i, c.j);
  let f = gaz.byKeys.get(joinKeys(own)) ?? gaz.byKeys.get(joinKeys(candidateKeys(keys, c)));
  // A name in capitals (`MOSCOW`) links as written normally.
  if (!f && own.some((k) => SHOUT.test(k)))
    f = gaz.byKeys.get(joinKeys(own.map((k) => (SHOUT.test(k) ? k[0] + k.slice(1).toLowerCase() : k))));
  // A dateline place in any script (`СИМФЕРОПОЛЬ`): Russian keys of capitals are acronym keys.
  if (!f && c.rule === 'dateline')
    f = gaz.byKeys.get(
      joinKeys(
        words
          .slice(c.i, c.j)
          .map((w, k) => (SHOUT_ANY.test(w) ? tokenKey(w[0] + w.slice(1).toLowerCase()) : own[k]!)),
      ),
    );
  if (!f || (f.weak && c.type !== f.entry.type) || !spellsAbbreviations(f, words.slice(c.i, c.j))) return;
  c.form = f;
  // The tagger's type stays on its mention (context decides); rule guesses yield to the gazetteer.
  if (c.rule !== 'model') c.type = f.entry.type;
}

/** Finds candidate mentions in a Russian (Ukrainian, Belarusian) text: gazetteer, phrases, capitals. */
function recognizeRu(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  keys: string[],
  initial: Uint8Array,
  gaz: Gazetteer,
): Candidate[] {
  // Alternative stems matter where a name may start or continue: capitalised words and the
  // words right after them (`Совет Федераций`, `Министерство обороны`).
  const caps = words.map(isCapitalized);
  const stems = words.map((w, i) => (caps[i] || i === 0 || caps[i - 1] ? tokenStems(w) : undefined));
  const matches = extendNames(
    text,
    tokens,
    keys,
    initial,
    matchGazetteer(text, tokens, keys, gaz, true, stems).filter((m) => !firstNameClash(text, tokens, m)),
  );
  const covered = new Uint8Array(tokens.length);
  const startsAt = new Map<number, GazetteerMatch>();
  for (const m of matches) {
    startsAt.set(m.i, m);
    for (let k = m.i; k < m.j; k++) covered[k] = 1;
  }
  const r: RuleInput = { text, tokens, words, keys, initial, covered };
  const state = (i: number) => {
    const m = startsAt.get(i);
    return m && (m.form.entry.kind === 'state' || m.form.entry.type === 'ORG') ? m.j : undefined;
  };
  const gazCands = matches.map((m) => fromMatch(tokens, m));
  const leader = (i: number) => {
    const m = startsAt.get(i);
    return m && (m.form.entry.type === 'PER' || m.form.entry.kind === 'state') ? m.j : undefined;
  };
  const phrases = phraseCandidatesRu(r, state, leader);
  const merged = mergeCandidates(
    [gazCands, phrases, capsCandidatesRu(r)],
    (longer) => longer.rule !== 'caps',
  );
  return merged.flatMap((c) => splitState(text, tokens, keys, stems, gaz, c));
}

/**
 * The gazetteer form spelt by tokens `[a, b)`, any of their keys or stems counting (`офиса
 * президента` is `Офис президента`), or undefined.
 */
function formOf(
  keys: readonly string[],
  stems: readonly (string[] | undefined)[],
  gaz: Gazetteer,
  a: number,
  b: number,
): CompiledForm | undefined {
  let joined = [''];
  for (let k = a; k < b; k++) {
    const alts = [...new Set([keys[k]!, ...(stems[k] ?? [])])];
    joined = joined.flatMap((p) => alts.map((x) => (p ? joinKeys([p, x]) : x)));
    if (joined.length > 64) return undefined;
  }
  for (const j of joined) {
    const f = gaz.byKeys.get(j);
    if (f) return f;
  }
  return undefined;
}

/**
 * An organisation's name written in small letters that ends in a state's (`офиса президента
 * Украины`, a description: the president of Ukraine's office) keeps the state as its own mention
 * when the gazetteer also knows the organisation without it (`Офис президента`): the reader, a
 * search for Ukraine and the top entities see the country, and mentions still never overlap. The
 * official name with its capital (`Офис президента Украины`, `Следственный комитет России`) and a
 * name the gazetteer lists only with the state (`Министерство обороны Украины`) stay whole, as
 * CoNLL and the Russian annotations mark them.
 */
function splitState(
  text: string,
  tokens: readonly Token[],
  keys: readonly string[],
  stems: readonly (string[] | undefined)[],
  gaz: Gazetteer,
  c: Candidate,
): Candidate[] {
  if (c.type !== 'ORG' || c.j - c.i < 3 || !/^\p{Ll}/u.test(text.slice(c.start, c.start + 1))) return [c];
  const whole = c.form ?? formOf(keys, stems, gaz, c.i, c.j);
  if (!whole) return [c];
  for (let k = c.j - 1; k >= c.i + 2; k--) {
    const state = formOf(keys, stems, gaz, k, c.j);
    if (state?.entry.kind !== 'state') continue;
    const head = formOf(keys, stems, gaz, c.i, k);
    if (head?.entry !== whole.entry) continue;
    return [
      { ...c, j: k, end: tokens[k - 1]!.end, form: head, type: head.entry.type, rule: 'gazetteer' },
      {
        i: k,
        j: c.j,
        start: tokens[k]!.start,
        end: c.end,
        type: state.entry.type,
        rule: 'gazetteer',
        form: state,
      },
    ];
  }
  return [c];
}

/**
 * The `entities` analyzer: typed mentions (PER, ORG, LOC, MISC) grouped into entities, linked to
 * the gazetteer where a name is known. English uses the shipped averaged-perceptron tagger plus
 * the gazetteer; Russian, Ukrainian and Belarusian use the gazetteer with declension-aware keys
 * and capitalisation rules; other languages get gazetteer matches only.
 */
export const entities = defineAnalyzer({
  name: 'entities',
  version: 11,
  requires: ['tokens', 'sentences', 'language'],
  produces: 'entities',
  defaults: { gazetteers: [], model: '' } as EntitiesOptions,
  rules: { gazetteers: rules.files, model: rules.model },
  setup(options, registry) {
    registry.data('entities/rules.en.json', rulesEn);
    registry.data('entities/rules.ru.json', rulesRu);
    registry.data('entities/first-names.en.json', firstNames);
    const tagger = loadNerTagger(registry, options.model);
    // A tagger trained with word-cluster features names its cluster file (`newsprism train ner
    // --set wc=1`); one trained without them never sees cluster ids.
    const wc = tagger?.meta.clusters;
    return {
      gaz: gazetteerFor(registry, options.gazetteers),
      tagger,
      // The Russian syntax model's lexicon names a Russian entity by its nominative (not run):
      // parsed at the first Russian name that needs it (30 MB, 75 ms), never in an English run.
      lex: lexiconOf(shippedSyntaxModel(registry, 'ru')),
      clusters: typeof wc === 'string' ? loadWordClusters(registry, wc, tagger!.meta.clustersChecksum) : null,
    };
  },
  run(doc, ctx, _options, { gaz, tagger, clusters, lex }) {
    const text = doc.text;
    const tokens = doc.tokens!;
    // Too little text to tell the language (a headline, a results table): Latin script is read
    // as English, the language of the tagger.
    const l = doc.language!;
    const lang = l.code === 'und' && l.script === 'Latn' ? 'en' : l.code;
    const { words, keys } = tokenTexts(text, tokens, gaz, RULE_LANGS.has(lang));
    const { initial, sentenceOf } = sentencePositions(text, tokens, doc.sentences!);
    let cands: Candidate[];
    if (RULE_LANGS.has(lang)) {
      cands = recognizeRu(text, tokens, words, keys, initial, gaz);
      // `«Порт закроют весной»`: a quoted clause (a headline, a slogan) is no name.
      // `Воздушных` (before a noun not listed): an adjective's capital alone is no name.
      // `Демократической партии`: the adjective's capital with its head noun is one name.
      if (lang === 'ru' && lex) {
        cands = withOpenerAdjectives(text, tokens, words, keys, initial, cands, lex);
        cands.forEach((c, n) => {
          const head = adjectiveHead(text, tokens, words, keys, c, lex);
          if (head && (n + 1 === cands.length || cands[n + 1]!.i >= head.j)) {
            c.j = head.j;
            c.end = tokens[head.j - 1]!.end;
            c.type = head.type;
            if (head.nominative) c.nominative = head.nominative;
          }
          const nominative = institutionNominative(words, keys, c, lex);
          if (nominative) c.nominative = nominative;
        });
        cands = cands.filter(
          (c) =>
            (c.rule !== 'quoted' || !holdsVerb(words, c, lex)) && !adjectiveFragment(words, tokens, c, lex),
        );
      }
    } else {
      const matches = gazetteerCandidates(text, tokens, keys, gaz);
      const tagged =
        lang === 'en'
          ? tagEnglish(text, tokens, sentenceOf, matches, tagger, words, clusters, gazetteerSurnames(gaz))
          : undefined;
      if (lang === 'en' && !tagged)
        ctx.report({
          code: 'W_NER_MODEL_MISSING',
          severity: 'warning',
          message: 'the English NER model is missing; only gazetteer names are marked',
        });
      cands = tagged ? mergeEnglish(tokens, words, tagged, matches) : matches;
      if (lang === 'en') cands = withArticleNames(text, tokens, words, cands, gaz, matches);
    }
    cands = withDatelinePlace(cands, tokens, doc.meta.dateline?.placeSpan);
    for (const c of cands) link(c, keys, words, gaz);
    const out = groupEntities(text, keys, cands, gaz, lang === 'ru' ? lex : undefined);
    addReferences(text, tokens, words, out, gaz);
    return out;
  },
});
