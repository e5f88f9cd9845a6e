import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { shippedVerbClasses, VERB_CLASSES } from './wordnet.js';

const verbs = shippedVerbClasses();
const verbClass = (w: string) => verbs.classOf(w);
const verbClassOf = (h: number, w: string) => verbs.of(h, w);

describe('WordNet verb classes (learned-cue feature)', () => {
  const cases: [string, string][] = [
    ['announcing', 'communication'],
    ['lamented', 'emotion'],
    ['doubted', 'cognition'],
    ['vied', 'competition'],
    ['stopped', 'motion'],
    ['tries', 'social'],
    // No verb sense: the class is '-'. Irregular forms are not reduced (the cue lists hold them).
    ['the', '-'],
    ['said', '-'],
  ];
  it.each(cases)('%s is a verb of class %s', (word, cls) => {
    expect(VERB_CLASSES[verbClass(word)]).toBe(cls);
  });

  it('answers from the cache by hash as from the word', () => {
    for (const [w] of cases) {
      expect(verbClassOf(hashString(w), w)).toBe(verbClass(w));
      expect(verbClassOf(hashString(w), w)).toBe(verbClass(w));
    }
    expect(verbClass('announces')).toBe(verbClass('announce'));
  });

  it('answers by a hash given signed or unsigned', () => {
    const high = cases.filter(([w]) => hashString(w) >= 2 ** 31);
    expect(high.length).toBeGreaterThan(0);
    for (const [w] of high) {
      expect(verbClassOf(hashString(w) | 0, w)).toBe(verbClass(w));
      expect(verbClassOf(hashString(w) >>> 0, w)).toBe(verbClass(w));
    }
  });

  it('does not give one word the class of another with the same hash', () => {
    // Two words whose 32-bit hashes collide (the caller's hash is all the cache sees of them).
    const h = hashString('lamented');
    expect(verbClassOf(h, 'lamented')).toBe(verbClass('lamented'));
    expect(VERB_CLASSES[verbClassOf(h, 'stopped')]).toBe('motion');
    expect(VERB_CLASSES[verbClassOf(h, 'lamented')]).toBe('emotion');
  });
});
