/** The shapes of the terminology files (`terms.<lang>.json`), apart from their loading. */

/** Which side a form's usage aligns with. */
export type Pole = 'ua' | 'ru' | 'neutral';

/** One competing form of a concept, as written in `terms.<lang>.json`. */
export interface TermForm {
  form: string;
  pole: Pole;
  provenance: string;
  sources: string[];
  why: string;
  patterns: string[];
  /**
   * Patterns that name the concept only by reference (`this aggression`, `an imminent invasion`,
   * `нацисты`): they count only near a referent of the war (the file's `referents`).
   */
  contextual?: string[];
  /**
   * Patterns that count only inside a quotation and near a referent, as `contextual` ones do: a
   * bare word a source uses for the war (`«Это агрессия», — сказал министр` near `Украин`), which
   * in the outlet's own words names other things as often (session 13).
   */
  quoted?: string[];
}

/** A contested concept (the war, the territories, …) and its competing forms. */
export interface TermConcept {
  id: string;
  description: string;
  /** The form a distancing marker turns a usage into (`so-called` + `referendum` → `so-called referendum`). */
  marked?: string;
  forms: TermForm[];
}

/** The terminology file of one language. */
export interface TermFile {
  format: string;
  lang: string;
  provenances: Record<string, { pole: Pole; description: string }>;
  sources: Record<string, string>;
  concepts: TermConcept[];
  /** What a `contextual` pattern needs nearby (see {@link TermReferents}). */
  referents?: TermReferents;
  /**
   * Modifier words that may stand between the words of any pattern (pattern syntax:
   * `unprovoked`, `illegal*`, `and`): at most three in a gap. No word that changes a form's
   * pole (`sham`, `so-called`) belongs here.
   */
  between?: string[];
}

/**
 * The context a `contextual` pattern needs: a match of `near` (a case-sensitive regular
 * expression: `Ukrain|Russia|Kremlin`) within `window` characters on either side, and no match
 * of `notNear` there (another war: `World War|1940s`).
 */
export interface TermReferents {
  near: string;
  notNear?: string;
  window: number;
  /** Other events or kinds of war that disqualify every match of some concepts (see {@link TermElsewhere}). */
  elsewhere?: TermElsewhere[];
}

/**
 * What makes a match of the listed concepts name something other than this war, whatever its
 * pattern: `clause`, a case-blind regular expression found in the match's clause outside the
 * match (another war or a year before 2022: `in Chechnya`, `in 2014`, `Minsk agreements`), or
 * `before`, one for the word right before the match (another kind of war or invasion:
 * `nuclear`, `civil`, `tax`, `home`), or `after`, one for the words right after it (another
 * country as the object or place: `Russia could invade Poland`), or `publishedBefore`, a date
 * before which a document cannot be naming this war at all.
 */
export interface TermElsewhere {
  concepts: string[];
  /**
   * A case-blind regular expression the match's own text must satisfy for the rule to apply,
   * where the rule is about one wording: an agency in the clause makes a bare `special
   * operation`/`спецоперация` its own (`police ran a special operation`), while `the CIA knew of
   * the special military operation` is still the war. Every match of the concepts when absent.
   */
  matching?: string;
  clause?: string;
  before?: string;
  after?: string;
  /**
   * Another state right after the match, as the `entities` layer links it (any of the
   * gazetteer's states of kind `state`, not only those `after` lists, in every inflection the
   * entities layer reads): `between` is the case-blind expression for the words between the
   * match and the state's name (`of|in|into|against …`), `except` the gazetteer ids that are
   * the war's own parties and do not count (`ukraine`, `russia`).
   */
  afterState?: { between: string; except: string[] };
  /**
   * An ISO date (`YYYY-MM-DD`, midnight UTC): a document published before it (`doc.meta.published`)
   * cannot name this war, so every match of the concepts is another event (`2021-03-01`, the
   * first troop build-up: an article of 2018 on `Russian aggression` names the conflict of
   * 2014–2021, one of December 2021 on a feared invasion names the war that came). Undated
   * documents are unaffected.
   */
  publishedBefore?: string;
}
