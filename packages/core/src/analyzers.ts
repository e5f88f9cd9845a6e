import type { Analyzer } from './analyzer.js';
import { claims } from './layers/claims/claims.js';
import { entities } from './layers/entities/entities.js';
import { frames } from './layers/frames/frames.js';
import { genre } from './layers/genre/genre.js';
import { language } from './layers/language/language.js';
import { naming } from './layers/naming/naming.js';
import { paragraphs } from './layers/paragraphs/paragraphs.js';
import { quotes } from './layers/quotes/quotes.js';
import { sentences } from './layers/sentences/sentences.js';
import { sources } from './layers/sources/sources.js';
import { subjectivity } from './layers/subjectivity/subjectivity.js';
import { syntax } from './layers/syntax/syntax.js';
import { techniques } from './layers/techniques/techniques.js';
import { tokens } from './layers/tokens/tokens.js';

/**
 * Every built-in analyzer, in one list. The pipeline runs them in this order, each after its
 * inputs (`requires` and `optional`), whatever order the layers are asked for in; a snapshot
 * test keeps names and versions from changing silently.
 */
export const builtinAnalyzers: readonly Analyzer[] = [
  language,
  paragraphs,
  sentences,
  techniques,
  frames,
  genre,
  tokens,
  entities,
  quotes,
  claims,
  subjectivity,
  naming,
  sources,
  syntax,
] as Analyzer[];
