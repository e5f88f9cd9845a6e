import en from './words.en.json' with { type: 'json' };
import ru from './words.ru.json' with { type: 'json' };

/**
 * The shape of a `words.<lang>.json` file: the closed word classes the cue rules read (lower
 * case). Reporting verbs, sources and speaker words live in `cues.<lang>.json`; these are the
 * function words and small lists around them. A list a language does not use is empty.
 */
export interface WordFile {
  /** Adverbial participles that continue a clause with a cue (`добавив`, `заявив`); English uses `-ing`. */
  participles: string[];
  /** The complementiser that opens reported content (`that`, `что`). */
  that: string[];
  /** Cue forms that are also nouns (`a similar report`, `media reports that`). */
  ambiguousCues: string[];
  /** Cue participles that also modify nouns (`pledged delegates`); a verb is followed by its complement. */
  adjectivalCues: string[];
  /** Words that may follow an adjectival cue form used as a verb (`promised to`, `pledged that`). */
  complementOpeners: string[];
  /** Articles that make a following cue form a noun or adjective (`the announced offensive`). */
  articles: string[];
  /** Possessives that make a following cue form a noun (`his claims`). */
  possessives: string[];
  /** Possessive pronouns that name the source inside a split cue (`по его словам`, `по их данным`). */
  ownerPronouns: string[];
  /** Words after a comma that start a new clause and so end reported content (`…, but`, `…, however`). */
  clauseAfterComma: string[];
  /** Words after a dash that make it a copula inside the content, not its end (`политика - это стратегия`). */
  dashCopula: string[];
  /** Words after a comma that open a trailing apposition (`…, a charge that X denied`). */
  trailers: string[];
  /** Auxiliaries that mark a new verb phrase after `and` (`and is begging`). */
  auxiliaries: string[];
  /** Coordinating conjunctions before a second verb (`… and said that`). */
  coordinators: string[];
  /** Words that open a relative clause on a source (`According to Gates, who …,`). */
  relativeClause: string[];
  /** Quantifiers that open a subject (`many of his supporters`). */
  quantifiers: string[];
  /** Words that open an adverbial after a cue (`said on Friday`, `told reporters in an interview`). */
  adverbials: string[];
  /** Lower-case words allowed between a cue and `that` (`told reporters in a statement that`). */
  cueToThat: string[];
  /** Subject pronouns that open a reported clause without `that` after an adverbial. */
  subjectPronouns: string[];
  /** Lower-case words inside names and speaker descriptions (`Secretary of State`, `van`). */
  nameGlue: string[];
  /**
   * Anaphoric phrases that open a sentence whose content is the sentence before and whose speaker
   * follows the cue (`Об этом сообщил X`, `Такое мнение высказал X`, `Так считает X`).
   */
  aboutThis: string[];
  /** Cue lemmas whose object after `о` is a topic, not a proposition (`рассказал о переговорах`; `о том, что …` is one). */
  topicCues: string[];
  /** Cue lemmas that report only a clause, a quotation or words after a colon, not an object (`прокомментировал убийство`). */
  clauseCues: string[];
  /** Light verbs of a statement after such a phrase (`Такое заявление сделал X`, `С таким заявлением выступил X`). */
  statementVerbs: string[];
  /** Cue lemmas of reported thoughts, wishes and intentions rather than speech: PolNeAR annotates them as attributions of their own only outside another attribution's content. */
  cognitionLemmas: string[];
  /** Intention lemmas whose object or infinitive is one clause (beliefs keep their commas). */
  oneClauseLemmas: string[];
  /** Words that open the question of a subjectless `asked` (`When asked whether …`). */
  questionWords: string[];
  /** Words before a subjectless `asked` that leave it without a subject of its own. */
  askedLeads: string[];
  /** Nouns that make `In <phrase>,` a source (`In a CBS News poll last month, …`, `In his view, …`). */
  leadNouns: string[];
  /** Possessors before a stance noun (`his plan to …`, `Trump's claim that …`). */
  possessors: string[];
  /** Words before `that` whose `that` opens no stance clause (`so that`, `given that`, `more than that`). */
  notComplement: string[];
  /** Impersonal heads of a `that` clause (`the fact that`, `it is likely that`): nobody's stance. */
  impersonal: string[];
  /** Words after `that` that open a clause with a subject (`… that he …`, `… that there …`). */
  leadSubjects: string[];
  /** Linking verbs between a subject and a stance adjective (`is confident that`). */
  linking: string[];
  /** Subjects that stand for no one (`it remains unclear`, `there is no sign`). */
  expletives: string[];
  /** Adjectives that, after an expletive subject, leave a question open rather than report a stance (`it remains unclear whether …`). */
  openQuestions: string[];
  /** Words that never end a cue (articles, pronouns, forms of `be`, conjunctions): the learned model does not score them. */
  neverCues: string[];
  /** Words that open a clause or an infinitive as reported content (learned cues). */
  clauseOpeners: string[];
  /** Words that open an adjunct after a noun-phrase content (`… the race before making …`). */
  adjuncts: string[];
  /** Words that complete the cue of the word before them (`balked at`, `pointed to`). */
  particles: string[];
  /** Prepositions inside a speaker description (`spokesman for the ministry`, `эксперт из …`). */
  speakerPreps: string[];
  /** Determiners that make a description refer back to an earlier speaker (`the official`). */
  definite: string[];
  /** Words that follow an anonymous head in English (`sources close to`, `people familiar with`). */
  closeSources: string[];
  /** Country, capital and state names, as written, that read as a government speaker (`Russia`, `Washington`, `U.S`). */
  states: string[];
  /** Words in `-ly` that are not adverbs (`supply`, `rally`, `elderly`). */
  notAdverbs: string[];
  /** Time adverbs that end a speaker phrase (`now`, `yesterday`). */
  timeAdverbs: string[];
  /** Relay phrases whose source stands in the genitive (`по словам Дмитрия Пескова`). */
  genitiveLeads: string[];
  /** Speech forms that open a headline's reported clause (`Trump Says He …`, `Clinton Warns …`). */
  headlineCues: string[];
  /** Prepositions after a headline cue that open a topic rather than a reported proposition (`рассказал о …`). */
  topicPreps: string[];
  /** Section and format labels before a headline's colon (`Interview: …`, `Analysis: …`): no source. */
  sectionLabels: string[];
  /** Prepositions of a lead phrase before a subject (`On Friday, …`, `В Москве …`). */
  leadPreps: string[];
  /** Words that end a source phrase read forward from the cue (`said reporters on Friday`). */
  stopForward: string[];
  /** Relative pronouns that end a noun phrase read backward (`the official who …`). */
  relatives: string[];
  /** Prepositions of a place or time phrase that opens a sentence, or one before a relative (Russian). */
  prepositions: string[];
  /** Adjectives before `to` inside a source description (`sources close to`, `officials loyal to`). */
  closeToWords: string[];
  /**
   * Nouns of people who serve someone, before `to` inside a source description (`aides to
   * Clinton`, `an adviser to Mayor Ruiz`): they speak, an unnamed group of that person, not the person.
   */
  aidesTo: string[];
  /** Subject pronouns that end a noun phrase read backward. */
  npSubjects: string[];
  /** Cue forms that also read as nouns, so they do not end a noun phrase (`the report`, `claims`). */
  nounlike: string[];
  /** Prepositions of place whose object may stand for the speaker (`в ведомстве`, `на Украине`). */
  placePreps: string[];
  /** Words that open or close a subject phrase without belonging to it (`Вместе с этим …`, `… чуть ли`), besides the lexicon's `between` list. */
  asides: string[];
  /** Words that open a trailing adjunct of the speech event (`on Monday`, `in a tweet`, `last week`). */
  eventLeads: string[];
  /** Times and occasions of speech (`Monday`, `interview`, `rally`, `week`): an adjunct made of them tells when or where something was said. */
  eventWords: string[];
  /** Times that may open an adjunct of the speech event right after its cue (`said Tuesday in Paris`). */
  eventTimes: string[];
  /** Times and discourse adverbs that are never a speaker nor part of one (`Wednesday`, `However`, `вчера`). */
  timeWords: string[];
  /** Months and time units: a time only next to a number or after {@link timeGlue} (`30 июня`, `in May`; not `Theresa May`). */
  timeUnits: string[];
  /** Prepositions and determiners that open a time phrase (`on Wednesday`, `last week`, `во вторник`). */
  timeGlue: string[];
  /** Modals after which a trailing time belongs to the reported event (`she will sail on Monday`). */
  eventModals: string[];
  /** Cue lemmas whose passive subject is no stance content (`Sanders was asked by …`, `the result is explained by …`). */
  passiveNotStance: string[];
  /**
   * Subordinators that open an adverbial clause (`Although X admitted that …, he …`): content
   * reported inside such a clause ends at the comma that closes it.
   */
  subordinators: string[];
  /**
   * Those of `subordinators` that are also prepositions or adverbs (`After weeks of talks the
   * union said …`, `Once again …`): they open a clause only when its subject follows them.
   */
  prepositionalSubordinators: string[];
  /** Conjunctions that open a clause before a passive subject (`But it was …`, `when he was …`). */
  passiveLeads: string[];
  /** Words after a comma that add examples to a noun-phrase content rather than end it (`…, including equal pay`). */
  exemplifiers: string[];
  /** Agentless cue forms that report with no speaker (`Отмечалось, что …`, `Сообщается, что …`). */
  agentlessCues: string[];
  /**
   * Cue lemmas that report only with a predicate noun in the instrumental (`назвал терактом
   * гибель …`, not `назвал три шага`): Russian `назвать`.
   */
  namingCues: string[];
  /** Endings of such an instrumental predicate anywhere in its clause (`признаком`, `сильным`). */
  predicativeEndings: string[];
  /** Endings that read as instrumental only right after the cue or ending the clause (`ошибкой`, not `новой стратегии`). */
  predicativeLastEndings: string[];
  /**
   * Endings of participles that govern the instrumental after them (`заболевших корью`,
   * `покрытых льдом`): that noun is their object, no predicate of the naming cue.
   */
  governingEndings: string[];
  /**
   * Cue lemmas of speech that stand on their own inside another attribution's content (`X issued a
   * statement saying Y`, `X said Z says Y`): the nested attribution is kept and the outer one dropped.
   */
  nestedSpeech: string[];
  /**
   * Finite verbs and auxiliaries that make a short lead before `, X said` a clause of its own
   * (`The harbour will reopen, a spokesman said.`), not an adverbial (`After all, X said …`).
   */
  finiteVerbs: string[];
  /**
   * Irregular past forms that make a speaker phrase a clause (`Paul ended his campaign` is read
   * by its `-ed`; `The businessman began by`): the phrase ends before them.
   */
  pastVerbs: string[];
  /**
   * Words in `-ed` that are no past verb (`hundred`, `speed`, `need`, `sacred`): the `-ed` test of
   * a verb form skips them.
   */
  edNotVerbs: string[];
  /**
   * Prepositions that open an adverbial, not a speaker (`In his recent document`, `At the town
   * hall`): a speaker phrase that starts with one names no one.
   */
  phrasePreps: string[];
  /**
   * Participles that open an adverbial lead (`Based on …`, `Speaking at a rally, …`, `Holding
   * signs`): a speaker phrase that starts with one names no one.
   */
  leadParticiples: string[];
  /** Prepositions before the group that speaks (`Among Republicans`, 53% said …): dropped, the group kept. */
  groupPreps: string[];
  /**
   * Words that open a relay cue at a sentence start as part of it (`Судя по информации агентства
   * Bloomberg, …`, `Judging by`): the cue still leads the sentence, its content follows.
   */
  relayLeads: string[];
  /**
   * Two-word phrases that complete a rank or role and open no phrase of their own (`полковник в
   * отставке Михаил Ходаренок`): the name after them is still the speaker's.
   */
  roleAdjuncts: string[];
  /**
   * Verbs whose object is a topic or a thing, not what someone says (`focus on the economy`,
   * `introduced a bill`, `introduced Trump at rallies`): the learned cue never reads them as
   * reporting verbs, whatever their context scores.
   */
  notLearnedCues: string[];
  /** Nouns of a reported stance and the words that open their content (`plan` → `to`, `claim` → `that`). */
  nominalComplements: Record<string, string[]>;
}

type ListKey = Exclude<keyof WordFile, 'nominalComplements'>;

/** The compiled word lists of one language: each list of {@link WordFile} as a set. */
export type RuleWords = { readonly [K in ListKey]: ReadonlySet<string> } & {
  /** A `Map`: a plain-object lookup would also find `constructor` and other inherited keys. */
  readonly nominalComplements: ReadonlyMap<string, ReadonlySet<string>>;
};

const FILES: Record<string, WordFile> = { en, ru };
/** The word files by language, for provenance checksums. */
export const wordsData: Readonly<Record<string, unknown>> = FILES;

/**
 * The rule word lists of a lexicon language (`en` or `ru`; any other code gets English, as
 * `lexiconFor` does).
 */
export function ruleWords(lang: string): RuleWords {
  const f = FILES[lang] ?? en;
  const { nominalComplements, ...lists } = f;
  const out = {} as Record<ListKey, ReadonlySet<string>>;
  for (const k of Object.keys(lists) as ListKey[]) out[k] = new Set(lists[k]);
  const nominal = new Map(Object.entries(nominalComplements).map(([w, next]) => [w, new Set(next)]));
  return { ...out, nominalComplements: nominal };
}
