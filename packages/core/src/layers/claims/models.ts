import { SentenceModel } from './sentence-model.js';

// From src/layers/claims/ (and dist/layers/claims/) five levels up is the repository root.
const root = new URL('../../../../../models/', import.meta.url);

/** The shipped English check-worthiness model (CheckThat! 2024 Task 1). */
export const checkworthyModel = new SentenceModel(
  new URL('claims/checkworthy.en.json', root),
  'newsprism train claims --data ../shared/data/checkthat2024-checkworthy',
);

/** The shipped English subjectivity model (CheckThat! subjectivity). */
export const subjectivityModel = new SentenceModel(
  new URL('subjectivity/subjectivity.en.json', root),
  'newsprism train subjectivity --data ../shared/data/checkthat-subjectivity',
);
