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
}
