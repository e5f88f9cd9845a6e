import { describe, expect, it } from 'vitest';
import { applyScript, editScript, Lemmatizer } from './lemmatize.js';

describe('editScript / applyScript', () => {
  it.each([
    ['troops', 'troop', 'L1:'],
    ['Talks', 'talk', 'L1:'],
    ['said', 'say', 'L2:y'],
    ['Kremlin', 'Kremlin', 'K0:'],
    ['the', 'the', 'L0:'],
    ['войсками', 'войско', 'L3:о'],
    ['Москве', 'Москва', 'K1:а'],
  ])('%s → %s by %s, and back', (form, lemma, script) => {
    expect(editScript(form, lemma)).toBe(script);
    expect(applyScript(form, script)).toBe(lemma);
  });

  it('leaves a form shorter than the cut unchanged', () => {
    expect(applyScript('a', 'L3:x')).toBe('a');
  });
});

describe('Lemmatizer', () => {
  const lem = new Lemmatizer({
    maxSuffix: 4,
    rules: { 'NOUN\t': 'L0:', 'NOUN\ts': 'L1:', 'NOUN\tss': 'L0:', 'VERB\ted': 'L2:', 'PROPN\t': 'K0:' },
    exceptions: { 'NOUN\tpeople': 'person', 'VERB\tsaid': 'say' },
  });
  it.each([
    ['troops', 'NOUN', 'troop'],
    ['press', 'NOUN', 'press'],
    ['People', 'NOUN', 'person'],
    ['Said', 'VERB', 'say'],
    ['walked', 'VERB', 'walk'],
    ['NATO', 'PROPN', 'NATO'],
    ['Quickly', 'ADV', 'quickly'],
  ])('%s/%s → %s', (form, upos, lemma) => {
    expect(lem.lemma(form, upos)).toBe(lemma);
  });
});
