import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { JointScorer } from '../layers/claims/joint.js';
import { shippedSentenceModels } from '../layers/claims/models.js';
import { syntaxModelFor } from '../layers/syntax/model.js';
import { cachedCuesOfWord, countCues, cueMatcher } from '../layers/techniques/cues.js';
import { ownString } from './own-string.js';

// The per-word caches of the core outlive the documents they saw: a cached slice of 13
// characters or more (a view of its text in V8) would keep the whole text alive.
describe('caches of words and sentences keep no document alive', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    return getHeapStatistics().used_heap_size;
  };
  /** Ten texts of 2.2 MB made at run time, each starting with a new word of 13+ letters. */
  const texts = function* (filler: string) {
    for (let i = 0; i < 10; i++) {
      const word = `${'abcdefghij'[i]}Беспрецедентных`;
      yield { word, text: `${word} ${filler}` };
    }
  };
  const grown = (each: (text: string, word: string) => void, filler = 'переговоры '.repeat(100_000)) => {
    const before = heap();
    for (const { word, text } of texts(filler)) each(text, word);
    return heap() - before;
  };

  it('copies a long string and returns a short one as it is', () => {
    const text = `x ${'Беспрецедентных'.repeat(2)}`;
    expect(ownString(text.slice(2))).toBe(text.slice(2));
    expect(ownString('короткое')).toBe('короткое');
  });

  it('the syntax runner’s cache of forms', () => {
    const model = syntaxModelFor('ru')!;
    const out = { upos: [] as string[], lemma: [] as string[], feats: [] as string[] };
    // The cache's arrays are made at the first sentence: not counted.
    model.runner.annotate('Делегации', [{ start: 0, end: 9 }], 0, 1, out);
    const g = grown((text, word) => {
      model.runner.annotate(text, [{ start: 0, end: word.length }], 0, 1, out);
    });
    expect(out.upos).toHaveLength(11);
    expect(g).toBeLessThan(5e6);
  });

  it('the techniques cue memo and cache', () => {
    const m = cueMatcher('ru')!;
    const g = grown((text, word) => {
      const w = text.slice(0, word.length);
      countCues(m, [w]);
      cachedCuesOfWord(m, text.slice(0, word.length), 12345);
    });
    expect(g).toBeLessThan(5e6);
  });

  it('the joint scorer’s cache of sentences', () => {
    const models = shippedSentenceModels();
    const joint = new JointScorer(
      models.get('claims/checkworthy', 'en')!,
      models.get('subjectivity/subjectivity', 'en')!,
    );
    const g = grown((text, word) => {
      joint.scores(text.slice(0, word.length + 30), 'en');
    }, 'The council approved a budget. '.repeat(70_000));
    expect(g).toBeLessThan(5e6);
  });
});
