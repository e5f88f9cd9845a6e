import en from './datelines.en.json' with { type: 'json' };
import ru from './datelines.ru.json' with { type: 'json' };

/** What the rest of a closing credit line names. */
export type ClosingKind = 'outlet' | 'input' | 'author' | 'copyright';

/** One closing credit cue (`Source:`, `With input from`), lower-cased. */
export interface ClosingCue {
  cue: string;
  kind: ClosingKind;
  /** The outlet the cue itself names (`Our Standards: The Thomson Reuters Trust Principles`). */
  outlet?: string;
  /** What the cue names must look like an outlet (`Source:` also credits data: `Source: Eurostat`). */
  needsOutlet?: boolean;
  /** The cue credits the copy at the top of an article too. */
  opening?: boolean;
  /** The cue names a syndicator, not the outlet (`Distributed by Tribune Content Agency`). */
  distributor?: boolean;
}

const files = [en, ru];
/** The dateline cue files by language, for provenance checksums. */
export const datelineData: Readonly<Record<string, unknown>> = { en, ru };

/**
 * Dateline and credit cues of every language, merged: datelines are read before the language
 * is known and differ by script, so both lists apply to every document.
 */
export const datelineCues = {
  notPlaces: new Set(files.flatMap((f) => f.notPlaces)),
  // Longest first, so `this story was originally published by` wins over `originally published by`.
  closing: files
    .flatMap((f) => f.closingCues as ClosingCue[])
    .map((c) => ({ ...c, cue: c.cue.toLowerCase() }))
    .sort((a, b) => b.cue.length - a.cue.length),
  contributed: files.flatMap((f) => f.contributedCue),
  correspondent: ru.correspondent,
  generic: new Set(files.flatMap((f) => f.genericSources)),
  media: new Set(files.flatMap((f) => f.mediaWords)),
  legalPrefixes: files.flatMap((f) => f.legalPrefixes).sort((a, b) => b.length - a.length),
};
