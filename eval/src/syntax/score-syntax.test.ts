import { analyzeWords } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { fitSyntax } from './fit-syntax.js';
import { scoreSyntax, tokenGroups } from './score-syntax.js';
import type { UdSentence } from './ud.js';

describe('tokenGroups', () => {
  it.each([
    // doc id as loadTreebanks makes it (`file:doc`), form → groups
    ['dev.conllu:instagram', '#sea', ['instagram', 'hashtag-or-mention']],
    ['dev.conllu:instagram', '@anna', ['instagram', 'hashtag-or-mention']],
    ['dev.conllu:instagram', '#', ['instagram', 'other']],
    ['dev.conllu:poetry-rnc-abstract', 'moon', ['poetry', 'other']],
    ['dev.conllu:weblog-blog.com_x', 'word', ['weblog', 'other']],
    ['dev.conllu#0', '#sea', ['hashtag-or-mention']],
    ['dev.conllu:block-3', 'a', ['block', 'other']],
    ['dev.conllu:2019', 'a', ['other']],
  ])('%s %s', (doc, form, groups) => {
    expect(tokenGroups(doc, form)).toEqual(groups);
  });
});

/** Short gold sentences written for this test (form/UPOS), in two genres. */
const GOLD = [
  ['news-1', 'The/DET cat/NOUN sleeps/VERB ./PUNCT'],
  ['news-1', 'A/DET dog/NOUN runs/VERB ./PUNCT'],
  ['chat-1', 'Nice/ADJ day/NOUN #sun/X @bob/X'],
  ['chat-2', 'Dogs/NOUN bark/VERB #loud/X'],
].map(([doc, line]): UdSentence => {
  const pairs = line!.split(' ').map((t) => t.split('/') as [string, string]);
  return {
    doc: `t.conllu:${doc}`,
    forms: pairs.map(([f]) => f),
    upos: pairs.map(([, u]) => u),
    lemmas: pairs.map(([f]) => f.toLowerCase()),
    feats: pairs.map(() => '_'),
  };
});

describe('scoreSyntax groups', () => {
  it('counts every token in its genre and in hashtag-or-mention or other, with that group’s UPOS accuracy', () => {
    const { model } = fitSyntax('en', GOLD, {
      epochs: 2,
      bits: 10,
      prune: 0,
      morph: false,
      seed: 7,
      bag: 1,
      unk: 0,
      rareCount: 1,
    });
    const s = scoreSyntax(model, GOLD);
    expect(Object.keys(s.groups).sort()).toEqual(['chat', 'hashtag-or-mention', 'news', 'other']);
    expect(s.groups.news!.tokens).toBe(8);
    expect(s.groups.chat!.tokens).toBe(7);
    expect(s.groups['hashtag-or-mention']!.tokens).toBe(3);
    expect(s.groups.other!.tokens).toBe(12);
    // Each group's accuracy is its own count of right tags, recomputed here.
    const right: Record<string, [number, number]> = {};
    for (const g of GOLD) {
      const a = analyzeWords(model, g.forms);
      g.forms.forEach((f, i) => {
        for (const k of tokenGroups(g.doc, f)) {
          right[k] ??= [0, 0];
          const r = right[k];
          r[0]++;
          if (a.upos[i] === g.upos[i]) r[1]++;
        }
      });
    }
    for (const [k, [n, ok]] of Object.entries(right)) expect(s.groups[k]!.upos).toBeCloseTo(ok / n, 12);
    // `other` and `hashtag-or-mention` split the tokens: their right tags add up to the total's.
    expect(s.upos).toBeCloseTo((right.other![1] + right['hashtag-or-mention']![1]) / 15, 12);
  });
});
