import { NewsprismError } from '../../errors.js';
import { type CompiledPattern, compilePattern } from './pattern.js';
import { mergeTermFiles, readTermFile } from './term-files.js';
import type { TermConcept, TermFile, TermForm } from './term-types.js';
import { packNeeds, requiredKeys, wordBits } from './word-keys.js';

export type { Pole, TermConcept, TermElsewhere, TermFile, TermForm, TermReferents } from './term-types.js';

import en from './terms.en.json' with { type: 'json' };
import ru from './terms.ru.json' with { type: 'json' };

/** A compiled pattern that knows its concept and form, and its rank in the file (ties go to the earlier). */
export interface IndexedPattern extends CompiledPattern {
  concept: TermConcept;
  form: TermForm;
  rank: number;
  /** A `contextual` pattern: it counts only near a referent (see {@link TermIndex.near}). */
  contextual: boolean;
  /** A `quoted` pattern: contextual, and it counts only inside a quotation. */
  quotedOnly?: boolean;
  /** What its required words need at the start of a text's words (see `word-keys.ts`). */
  needs: number[][];
  /** The bits of its first word's beginnings, if each alternative has three letters to tell. */
  first?: number[];
}

/** The compiled terminology of a language: patterns by the first letters of their first word. */
export interface TermIndex {
  file: TermFile;
  byKey: Map<number, IndexedPattern[]>;
  /** Every pattern, by rank. */
  patterns: IndexedPattern[];
  /** Their `needs`, packed (`word-keys.ts`). */
  needs: Int32Array;
  /**
   * The patterns' `first` bits, packed: those of rank `r` are `firstBits[firstAt[r]]` up to
   * `firstAt[r + 1]` (none for a pattern without them). With {@link TermIndex.needs}, what the
   * matcher reads for each article instead of the pattern objects themselves (match-terms.ts).
   */
  firstAt: Int32Array;
  firstBits: Int32Array;
  /** What `contextual` patterns need nearby, compiled from the file's `referents`. */
  near?: { near: RegExp; notNear?: RegExp; window: number };
  /** Compiled from `referents.elsewhere`: what disqualifies a match of each rule's concepts. */
  elsewhere?: {
    concepts: ReadonlySet<string>;
    /** `matching`: what the match's text must be for the rule to apply. */
    matching?: RegExp;
    clause?: RegExp;
    before?: RegExp;
    after?: RegExp;
    afterState?: { between: RegExp; except: ReadonlySet<string> };
    /** `publishedBefore`, as milliseconds since the epoch. */
    publishedBefore?: number;
  }[];
}

/** The shipped terminology files by language (also registered for provenance checksums). */
export const TERM_FILES: Readonly<Record<string, TermFile>> = { en: en as TermFile, ru: ru as TermFile };
const FILES = TERM_FILES;
const cache = new Map<string, TermIndex>();

/**
 * Compiles a terminology file; throws on an unknown provenance, pole or `marked` form, or on
 * `contextual` patterns in a file without `referents`.
 */
export function indexTerms(file: TermFile): TermIndex {
  const byKey = new Map<number, IndexedPattern[]>();
  const patterns: IndexedPattern[] = [];
  let rank = 0;
  for (const concept of file.concepts) {
    if (concept.marked && !concept.forms.some((f) => f.form === concept.marked))
      throw new Error(
        `naming terms (${file.lang}): concept ${concept.id} marks to unknown form "${concept.marked}"`,
      );
    for (const form of concept.forms) {
      const prov = file.provenances[form.provenance];
      if (!prov || prov.pole !== form.pole)
        throw new Error(
          `naming terms (${file.lang}): "${form.form}" has provenance ${form.provenance} of another pole`,
        );
      if ((form.contextual?.length || form.quoted?.length) && !file.referents)
        throw new Error(
          `naming terms (${file.lang}): "${form.form}" has contextual patterns but the file no referents`,
        );
      const all = [
        ...form.patterns.map((p) => [p, false, false] as const),
        ...(form.contextual ?? []).map((p) => [p, true, false] as const),
        ...(form.quoted ?? []).map((p) => [p, true, true] as const),
      ];
      for (const [p, contextual, quotedOnly] of all) {
        let compiled: CompiledPattern;
        try {
          compiled = compilePattern(p, file.between);
        } catch (e) {
          // Name the entry, so a bad pattern is found in a file of hundreds.
          throw new Error(
            `naming terms (${file.lang}): concept ${concept.id}, form "${form.form}": ${(e as Error).message}`,
          );
        }
        const words = p.trim().split(/ +/);
        const c: IndexedPattern = {
          ...compiled,
          concept,
          form,
          rank: rank++,
          contextual,
          needs: requiredKeys(words),
        };
        if (quotedOnly) c.quotedOnly = true;
        const first = wordBits(words.find((w) => !w.startsWith('<'))!);
        if (first) c.first = first;
        patterns.push(c);
        for (const k of c.keys) byKey.set(k, [...(byKey.get(k) ?? []), c]);
      }
    }
  }
  const r = file.referents;
  const packed = {
    needs: packNeeds(patterns.map((p) => p.needs)),
    ...packFirst(patterns),
  };
  if (!r) return { file, byKey, patterns, ...packed };
  const near = { near: new RegExp(r.near, 'u'), window: r.window };
  const idx: TermIndex = {
    file,
    byKey,
    patterns,
    ...packed,
    near: r.notNear ? { ...near, notNear: new RegExp(r.notNear, 'u') } : near,
  };
  if (r.elsewhere)
    idx.elsewhere = r.elsewhere.map((e) => ({
      concepts: new Set(e.concepts),
      ...(e.matching ? { matching: new RegExp(e.matching, 'iu') } : {}),
      ...(e.clause ? { clause: new RegExp(e.clause, 'iu') } : {}),
      // A whole word right before the match, then spaces.
      ...(e.before ? { before: new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${e.before})[ \\u00a0]+$`, 'iu') } : {}),
      // The words right after the match, up to the end of a word.
      ...(e.after ? { after: new RegExp(`^[ \\u00a0]+(?:${e.after})(?![\\p{L}\\p{N}])`, 'iu') } : {}),
      // The whole text between the match and the state's name.
      ...(e.afterState
        ? {
            afterState: {
              between: new RegExp(`^[ \\u00a0]+(?:${e.afterState.between})[ \\u00a0]*$`, 'iu'),
              except: new Set(e.afterState.except),
            },
          }
        : {}),
      ...(e.publishedBefore !== undefined ? { publishedBefore: isoDay(file.lang, e.publishedBefore) } : {}),
    }));
  return idx;
}

/** The patterns' `first` bits in two arrays (see {@link TermIndex.firstAt}). */
function packFirst(patterns: readonly IndexedPattern[]): { firstAt: Int32Array; firstBits: Int32Array } {
  const firstAt = new Int32Array(patterns.length + 1);
  const bits: number[] = [];
  patterns.forEach((p, r) => {
    firstAt[r] = bits.length;
    bits.push(...(p.first ?? []));
  });
  firstAt[patterns.length] = bits.length;
  return { firstAt, firstBits: Int32Array.from(bits) };
}

/** `YYYY-MM-DD` as milliseconds (midnight UTC); throws on anything else or an impossible day. */
function isoDay(lang: string, day: unknown): number {
  const t = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(day) : Number.NaN;
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day)
    throw new Error(
      `naming terms (${lang}): elsewhere publishedBefore ${JSON.stringify(day)} is not a YYYY-MM-DD date`,
    );
  return t;
}

/**
 * Compiles a shipped terminology file (`layers/naming/terms.<lang>.json`); one that does not
 * compile (a pattern without two letters before its first wildcard, a provenance of another
 * pole) is `E_MODEL_INVALID` naming the file and the entry — never a layer that silently finds
 * nothing.
 */
export function indexShipped(file: TermFile): TermIndex {
  try {
    return indexTerms(file);
  } catch (e) {
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `layers/naming/terms.${file.lang}.json does not compile: ${(e as Error).message}; fix the entry (see layers/naming/README.md)`,
    );
  }
}

/**
 * The terminology of a language — the shipped `terms.<lang>.json` followed by the user's files
 * for that language (`extra`, paths) — compiled once; undefined when there is none. The one
 * place terms are loaded, so a model registry can wrap it. A shipped file that does not compile
 * is `E_MODEL_INVALID` ({@link indexShipped}); a user file that does not compile is a usage
 * error (`E_TERMS`).
 */
export function loadTerms(lang: string, extra: readonly string[] = []): TermIndex | undefined {
  // The shipped file alone (every document without terms files of one's own): keyed by the language.
  const key = extra.length ? [lang, ...extra].join('\n') : lang;
  const hit = cache.get(key);
  if (hit) return hit;
  const shipped = FILES[lang];
  if (!extra.length) {
    if (!shipped) return undefined;
    const idx = indexShipped(shipped);
    cache.set(key, idx);
    return idx;
  }
  // The shipped file alone first, so its faults are told apart from the user's.
  const base = loadTerms(lang);
  const own = extra.map(readTermFile).filter((f) => f.lang === lang);
  if (!own.length) return base;
  const files = [...(shipped ? [shipped] : []), ...own];
  let idx: TermIndex;
  try {
    idx = indexTerms(mergeTermFiles(files));
  } catch (e) {
    if (e instanceof NewsprismError) throw e;
    throw new NewsprismError(
      'E_TERMS',
      `${(e as Error).message}; fix the terms file (see layers/naming/README.md)`,
    );
  }
  cache.set(key, idx);
  return idx;
}
