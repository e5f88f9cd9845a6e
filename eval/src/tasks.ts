import { claimsEval, claimsTrain } from './checkthat/claims.js';
import { subjectivityEval, subjectivityTrain } from './checkthat/subjectivity.js';
import { clustersTrain } from './clusters/train-clusters.js';
import { datelinesEval } from './datelines/datelines-task.js';
import { evalNer, evalNerConll } from './entities/eval-ner.js';
import { evalNerRu } from './entities/eval-ner-ru.js';
import { trainNer } from './entities/train-ner.js';
import { extractionTask } from './extraction/extraction.js';
import { namingEval } from './naming/naming-task.js';
import { quotesRuEval } from './quotes/quotes-ru.js';
import { quotesEval } from './quotes/quotes-task.js';
import { quotesCuesTrain } from './quotes/train-cues.js';
import { quotesEndsTrain } from './quotes/train-ends-task.js';
import { quotesLearnedTrain } from './quotes/train-learned.js';
import { reuseLexiconTrain } from './reuse/build-lexicon.js';
import { reuseCopiesEval } from './reuse/copies.js';
import { similarityEval, similarityTrain } from './reuse/similarity-task.js';
import { storyLabelsEval } from './reuse/story-labels.js';
import { reuseTranslationsEval } from './reuse/translations.js';
import { evalFrames, evalGenre } from './semeval2023/eval-articles.js';
import { evalTechniques } from './semeval2023/eval-techniques.js';
import { trainFrames } from './semeval2023/train-articles.js';
import { trainGenre } from './semeval2023/train-genre.js';
import { trainTechniques } from './semeval2023/train-techniques.js';
import { evalSyntax } from './syntax/eval-syntax.js';
import { trainSyntax } from './syntax/train-syntax.js';
import type { Task } from './task.js';

/**
 * Evaluation tasks by name (`newsprism eval <name>`). Each task lives in its own file under
 * `eval/src/<area>/` and is listed here.
 */
export const evalTasks: Record<string, Task> = {
  ner: evalNer,
  'ner-conll': evalNerConll,
  'ner-ru': evalNerRu,
  quotes: quotesEval,
  'quotes-ru': quotesRuEval,
  naming: namingEval,
  extraction: extractionTask,
  claims: claimsEval,
  subjectivity: subjectivityEval,
  techniques: evalTechniques,
  frames: evalFrames,
  genre: evalGenre,
  syntax: evalSyntax,
  'reuse-translations': reuseTranslationsEval,
  'reuse-copies': reuseCopiesEval,
  'story-similarity': similarityEval,
  'story-labels': storyLabelsEval,
  datelines: datelinesEval,
};

/** Training tasks by name (`newsprism train <name>`). */
export const trainTasks: Record<string, Task> = {
  ner: trainNer,
  'quotes-cues': quotesCuesTrain,
  'quotes-learned': quotesLearnedTrain,
  'quotes-ends': quotesEndsTrain,
  claims: claimsTrain,
  subjectivity: subjectivityTrain,
  techniques: trainTechniques,
  frames: trainFrames,
  genre: trainGenre,
  syntax: trainSyntax,
  'reuse-lexicon': reuseLexiconTrain,
  'story-similarity': similarityTrain,
  clusters: clustersTrain,
};
