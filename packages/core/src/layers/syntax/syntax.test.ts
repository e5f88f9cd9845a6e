import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelUrl } from '../../models/dir.js';
import { denseTable } from '../../models/hashed-table.js';
import { createPipeline } from '../../pipeline.js';
import { hashWord, hideWord, posFeatures, prepareSyntax, WORD_FIELDS } from './features.js';
import { analyzeWords, syntaxModelFor } from './model.js';
import { type SyntaxModelFile, SyntaxTagger } from './tagger.js';

const EN = `Port talks resume

The negotiators didn’t meet on Tuesday. Officials in Ankara said the two delegations would return to the table next week.`;

const RU =
  'В Кремле заявили, что Москва готова к переговорам с Киевом. Делегации двух стран встретились во вторник.';
/** A post with a list of hashtags (read through their body, without the tags before them). */
const RU_TAGS = 'Снова на море 😎 @friend #море #sea #черноеморе #сочи #спорт #отдыхвсочи #gopro .';

/** `surface/UPOS/lemma` of each token, with `feats` for Russian. */
async function tagged(text: string, lang: string): Promise<string[]> {
  const p = await createPipeline({ layers: ['syntax'] });
  const doc = p.run({ id: 't', text, meta: { lang } });
  const s = doc.syntax!;
  expect(s.upos).toHaveLength(doc.tokens!.length);
  expect(s.lemma).toHaveLength(doc.tokens!.length);
  return doc.tokens!.map((t, i) =>
    [text.slice(t.start, t.end), s.upos[i], s.lemma[i], ...(s.feats ? [s.feats[i]] : [])].join('/'),
  );
}

describe('syntax layer', () => {
  it('tags and lemmatises every English token, clitics included', async () => {
    const got = await tagged(EN, 'en');
    for (const want of [
      'The/DET/the',
      'negotiators/NOUN/negotiator',
      'did/AUX/do',
      'n’t/PART/not',
      'meet/VERB/meet',
      'on/ADP/on',
      'Tuesday/PROPN/Tuesday',
      './PUNCT/.',
      'Officials/NOUN/official',
      'Ankara/PROPN/Ankara',
      'said/VERB/say',
      'delegations/NOUN/delegation',
      'would/AUX/would',
    ])
      expect(got).toContain(want);
  });

  it('gives Russian case, gender and number', async () => {
    const got = await tagged(RU, 'ru');
    // surface, UPOS, lemma, features that must be among the token's FEATS
    const want: [string, string, string, string[]][] = [
      ['В', 'ADP', 'в', []],
      ['Кремле', 'PROPN', 'Кремль', ['Case=Loc', 'Gender=Masc', 'Number=Sing']],
      ['заявили', 'VERB', 'заявить', ['Number=Plur']],
      ['Москва', 'PROPN', 'Москва', ['Case=Nom', 'Number=Sing']],
      ['Киевом', 'PROPN', 'Киев', ['Case=Ins', 'Gender=Masc', 'Number=Sing']],
      ['стран', 'NOUN', 'страна', ['Case=Gen', 'Gender=Fem', 'Number=Plur']],
    ];
    for (const [form, upos, lemma, feats] of want) {
      const hit = got.find((g) => g.startsWith(`${form}/`))!.split('/');
      expect(hit.slice(0, 3)).toEqual([form, upos, lemma]);
      // A token with no features listed has none at all.
      const has = hit[3] === '' ? [] : hit[3]!.split('|');
      expect(feats.length === 0 ? has : feats.filter((f) => has.includes(f))).toEqual(feats);
    }
  });

  it('reports a language without a model and returns empty arrays', async () => {
    const p = await createPipeline({ layers: ['syntax'] });
    const doc = p.run({
      id: 't',
      text: 'Les négociations reprennent mardi à Istanbul.',
      meta: { lang: 'fr' },
    });
    expect(doc.syntax).toEqual({ upos: [], lemma: [] });
    expect(doc.diagnostics.map((d) => d.code)).toContain('I_SYNTAX_LANGUAGE');
  });

  it('tags pre-tokenised words the same way (the parse command)', () => {
    const model = syntaxModelFor('en')!;
    const a = analyzeWords(model, ['Officials', 'said', 'talks', 'resumed', '.']);
    expect(a.upos).toEqual(['NOUN', 'VERB', 'NOUN', 'VERB', 'PUNCT']);
    expect(a.lemma).toEqual(['official', 'say', 'talk', 'resume', '.']);
    expect(a.feats).toBeUndefined();
  });

  it.each([
    ['en', EN],
    ['ru', RU],
    ['ru', RU_TAGS],
  ])('tags %s the same with the run-time cache as feature by feature', (lang, text) => {
    const file = JSON.parse(
      readFileSync(fileURLToPath(modelUrl(`syntax/syntax-${lang}.json`)), 'utf8'),
    ) as SyntaxModelFile;
    const cols = file.heads.reduce((n, h) => n + h.labels.length, 0);
    // A float copy of the same weights takes the general (training) path.
    const slow = new SyntaxTagger(file.heads, file.bits, Float32Array.from(denseTable(file, cols)));
    const model = syntaxModelFor(lang)!;
    // Twice: the second time every word comes from the cache.
    for (const line of [...text.split(/(?<=\.) |\n+/), ...text.split(/(?<=\.) |\n+/)]) {
      const forms = line.split(/\s+|(?=[.,])/).filter(Boolean);
      const want = slow.tag(prepareSyntax(forms, model.lexicon, model.hashtags, model.lexPairs));
      const got = analyzeWords(model, forms);
      expect(got.upos).toEqual(Array.from(want[0]!, (t) => file.heads[0]!.labels[t]));
      if (lang === 'ru') {
        const feats = forms.map((_, i) =>
          file.heads
            .slice(1)
            .map((h, k) => (h.labels[want[k + 1]![i]!] ? `${h.name}=${h.labels[want[k + 1]![i]!]}` : ''))
            .filter(Boolean)
            .join('|'),
        );
        expect(got.feats).toEqual(feats);
      }
    }
  });
});

describe('the Russian model lexicon', () => {
  it('gives dictionary forms their OpenCorpora classes and guesses others by suffix', () => {
    const lexicon = syntaxModelFor('ru')!.lexicon!;
    expect(lexicon('стекло')).toBe('NOUN|VERB');
    // A place name's reading is marked apart from the common noun's.
    expect(lexicon('сочи')).toBe('NOUN*|VERB');
    expect(lexicon('красиво')).toBe('ADJS|ADVB');
    // Not in the dictionary: the verb endings decide.
    expect(lexicon('хрюкотали')).toBe('VERB');
    expect(lexicon('#море')).toBe('#NOUN|NOUN*');
    // Words run together are no headword of the dictionary: their guessed class is marked.
    expect(lexicon('#спорт')).toBe('#NOUN');
    expect(lexicon('#рыбалканаволге')).toBe('#~NOUN');
    expect(lexicon('news')).toBeUndefined();
    expect(syntaxModelFor('en')!.lexicon).toBeUndefined();
  });
});

describe('SyntaxRunner word cache', () => {
  it('tags and lemmatises the same after the cache of forms has started over', () => {
    const file = JSON.parse(
      readFileSync(fileURLToPath(modelUrl('syntax/syntax-ru.json')), 'utf8'),
    ) as SyntaxModelFile;
    const cols = file.heads.reduce((n, h) => n + h.labels.length, 0);
    const slow = new SyntaxTagger(file.heads, file.bits, Float32Array.from(denseTable(file, cols)));
    const model = syntaxModelFor('ru')!;
    const probe = ['Делегации', 'двух', 'стран', 'встретились', 'во', 'вторник', '.'];
    const first = analyzeWords(model, probe);
    // 40,000 new forms: more than the cache holds, so its slots are reused for other words.
    const stems = ['стол', 'город', 'книг', 'реш', 'говор'];
    const ends = ['ами', 'ов', 'ила', 'ает', 'ую'];
    for (let i = 0; i < 40_000; i += 50) {
      const forms = Array.from({ length: 50 }, (_, k) => `${stems[k % 5]}${i + k}${ends[(i + k) % 5]}`);
      const got = analyzeWords(model, forms);
      expect(got.lemma).toEqual(forms.map((f, k) => model.lemmatizer.lemma(f, got.upos[k]!)));
      if (i % 8_000 === 0 || i >= 39_900) {
        const want = slow.tag(prepareSyntax(forms, model.lexicon, model.hashtags, model.lexPairs));
        expect(got.upos).toEqual(Array.from(want[0]!, (t) => file.heads[0]!.labels[t]));
      }
    }
    expect(analyzeWords(model, probe)).toEqual(first);
  });
});

describe('hideWord (training on rare words as unknown)', () => {
  it('hides the identity of a word and keeps its affixes and shape', () => {
    const [a, b] = prepareSyntax(['столами', 'ногами']).words as [Uint32Array, Uint32Array];
    const ha = hideWord(a);
    const hb = hideWord(b);
    expect(ha[0]).not.toBe(a[0]);
    expect(ha[1]).not.toBe(a[1]);
    // The two words differ as themselves and agree once hidden.
    expect(a[0]).not.toBe(b[0]);
    expect([ha[0], ha[1]]).toEqual([hb[0], hb[1]]);
    expect(Array.from(ha.slice(2))).toEqual(Array.from(a.slice(2)));
    // The cached fields of the word itself are left as they were.
    expect(prepareSyntax(['столами']).words[0]).toBe(a);
  });
});

describe('hashtags read through their body', () => {
  const fields = (form: string, reading?: 'body') => {
    const out = new Uint32Array(WORD_FIELDS);
    hashWord(form, out, 0, (l) => (l.startsWith('#') ? `#${l.slice(1, 2)}` : 'w'), reading);
    return Array.from(out);
  };

  it('gives `#рыбалка` the word fields of `рыбалка`, and a hashtag shape and lexicon class', () => {
    const tag = fields('#Рыбалка', 'body');
    const word = fields('Рыбалка', 'body');
    // Lower-cased and exact form, suffixes and prefixes: fields 0, 1 and 3–9.
    expect([tag[0], tag[1], ...tag.slice(3, 10)]).toEqual([word[0], word[1], ...word.slice(3, 10)]);
    expect(tag[2]).not.toBe(word[2]);
    expect(tag[10]).not.toBe(word[10]);
    // Read whole (English, older models), the hashtag shares none of the word's identity.
    expect(fields('#Рыбалка')[0]).not.toBe(word[0]);
  });

  it('tells a one-word body from a longer run-together one by its shape', () => {
    expect(fields('#рыбалка', 'body')[2]).not.toBe(fields('#рыбалканаволге', 'body')[2]);
    // Bodies of 6–8 letters share a shape class; 5 letters or fewer are another.
    expect(fields('#рыбалка', 'body')[2]).toBe(fields('#досуга', 'body')[2]);
    expect(fields('#рыбалка', 'body')[2]).not.toBe(fields('#спорт', 'body')[2]);
    // Latin bodies have shapes of their own (X in Russian text, whatever the word).
    expect(fields('#fishing', 'body')[2]).not.toBe(fields('#рыбалка', 'body')[2]);
  });

  it('decides a hashtag without the tags before it, other tokens with them', () => {
    const p = prepareSyntax(['Снова', '#море', '#sea', 'море'], undefined, 'body');
    expect(Array.from(p.fresh!)).toEqual([0, 1, 1, 0]);
    const feats = (i: number, prev: number, prev2: number) => {
      const out = new Int32Array(64);
      return Array.from(out.subarray(0, posFeatures(p, i, prev, prev2, 0xffff, out)));
    };
    expect(feats(1, 3, 7)).toEqual(feats(1, 16, 16));
    expect(feats(3, 3, 7)).not.toEqual(feats(3, 16, 16));
    // Read whole, nothing is decided apart.
    expect(prepareSyntax(['Снова', '#море']).fresh).toBeUndefined();
  });

  it('reads a lone `#`, `#1` and mentions as whole forms', () => {
    for (const f of ['#', '##', '#1', '@user']) expect(fields(f, 'body')).toEqual(fields(f));
  });
});

describe('lexicon pair templates (`lexPairs`)', () => {
  const lex = (l: string) => (l.endsWith('ами') ? 'NOUN' : l === 'под' ? 'PREP' : undefined);
  const feats = (forms: string[], i: number, prev: number, lexPairs?: boolean, lexicon = lex) => {
    const out = new Int32Array(64);
    const p = prepareSyntax(forms, lexicon, undefined, lexPairs);
    return Array.from(out.subarray(0, posFeatures(p, i, prev, 16, 0xffff, out)));
  };

  it('reads the class with the tag before it and with the neighbours’ classes, when asked', () => {
    const plain = feats(['под', 'столами'], 1, 1);
    const pairs = feats(['под', 'столами'], 1, 1, true);
    expect(pairs.slice(0, plain.length)).toEqual(plain);
    expect(pairs).toHaveLength(plain.length + 3);
    // The tag before changes the class-and-tag template; the neighbour's class another.
    expect(feats(['под', 'столами'], 1, 2, true).slice(-3)[0]).not.toBe(pairs.slice(-3)[0]);
    expect(feats(['над', 'столами'], 1, 1, true).slice(-3)[1]).not.toBe(pairs.slice(-3)[1]);
  });

  it('adds nothing for a word without a class, or without a lexicon (English)', () => {
    expect(feats(['под', 'стол'], 1, 1, true)).toEqual(feats(['под', 'стол'], 1, 1));
    const none = () => undefined;
    expect(feats(['under', 'tables'], 1, 1, true, none)).toEqual(
      feats(['under', 'tables'], 1, 1, false, none),
    );
  });
});
