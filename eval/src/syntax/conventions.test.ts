import { describe, expect, it } from 'vitest';
import { dictionaryUpos, harmoniseSocial } from './conventions.js';
import type { UdSentence } from './ud.js';

/** A gold sentence from `form/UPOS/FEATS` items (FEATS `_` when left out). */
const sentence = (line: string): UdSentence => {
  const items = line.split(' ').map((t) => t.split('/'));
  return {
    doc: 'd',
    forms: items.map(([f]) => f!),
    upos: items.map(([, u]) => u!),
    lemmas: items.map(([f]) => f!.toLowerCase()),
    feats: items.map(([, , x]) => x ?? '_'),
  };
};

describe('harmoniseSocial (one convention for hashtags and mentions)', () => {
  it('tags mentions PROPN and a hashtag that is a training word as that word', () => {
    const s = [
      sentence('Вечером/NOUN/Case=Ins рыбалка/NOUN/Case=Nom ,/PUNCT рыбалка/NOUN/Case=Nom !/PUNCT'),
      sentence('Поехали/VERB в/ADP Сочи/PROPN/Case=Acc'),
      sentence('@friend/X #Рыбалка/X #сочи/X #рыбалканаволге/X #fishing/X #!/X'),
    ];
    expect(harmoniseSocial(s)).toEqual({ mentions: 1, hashtags: 2 });
    expect(s[2]!.upos).toEqual(['PROPN', 'NOUN', 'PROPN', 'X', 'X', 'X']);
    expect(s[2]!.feats.slice(0, 3)).toEqual(['_', 'Case=Nom', 'Case=Acc']);
  });

  it('leaves tokens already tagged as words, and hashtags whose body is no training word', () => {
    const s = [sentence('#медведь/NOUN/Case=Nom @yabloko/PROPN #бубубу/X медведь/PROPN')];
    expect(harmoniseSocial(s)).toEqual({ mentions: 0, hashtags: 0 });
    expect(s[0]!.upos).toEqual(['NOUN', 'PROPN', 'X', 'PROPN']);
  });
});

describe('harmoniseSocial with a dictionary', () => {
  it('tags a hashtag by the dictionary when its body is no training word', () => {
    const s = [sentence('#психология/X #вера/X #рыбалканаволге/X')];
    const dictionary = (w: string) => ({ психология: 'NOUN' })[w];
    expect(harmoniseSocial(s, dictionary)).toEqual({ mentions: 0, hashtags: 1 });
    expect(s[0]!.upos).toEqual(['NOUN', 'X', 'X']);
  });

  it('reads one UPOS from a lexicon class only for headword-like forms', () => {
    const classes: Record<string, string> = {
      психология: 'NOUN',
      вера: 'NOUN|NOUN*',
      липецк: 'NOUN*',
      наволге: 'NOUN',
    };
    const upos = dictionaryUpos({ classOf: (w) => classes[w], isHeadword: (w) => w !== 'наволге' });
    expect(['психология', 'вера', 'липецк', 'наволге', 'gopro'].map(upos)).toEqual([
      'NOUN',
      undefined,
      'PROPN',
      undefined,
      undefined,
    ]);
  });
});
