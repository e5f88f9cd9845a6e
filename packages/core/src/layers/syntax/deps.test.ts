import { describe, expect, it } from 'vitest';
import { createModelStore } from '../../models/registry.js';
import { createPipeline } from '../../pipeline.js';
import { depsParserFor, shippedDepsParser } from './deps-model.js';
import { loadShippedSyntaxModel } from './model.js';
import { PartialParse, parseSentences } from './syntax.js';

const EN = `Port talks resume

The negotiators didn’t meet on Tuesday. Officials in Ankara said the two delegations would return to the table next week.`;

const RU = 'Делегации встретились во вторник.';

describe('syntax layer with dependencies (deps: true)', () => {
  it('gives every token a head in its own sentence and every sentence one root', async () => {
    const p = await createPipeline({ layers: ['syntax'], options: { syntax: { deps: true } } });
    const doc = p.run({ id: 't', text: EN, meta: { lang: 'en' } });
    const tokens = doc.tokens!;
    const { head, deprel } = doc.syntax!;
    expect(head).toHaveLength(tokens.length);
    expect(deprel).toHaveLength(tokens.length);
    const sentenceOf = (i: number) =>
      doc.sentences!.findIndex((s) => s.start <= tokens[i]!.start && tokens[i]!.end <= s.end);
    const roots = head!.flatMap((h, i) => (h === -1 ? [sentenceOf(i)] : []));
    expect(roots).toEqual(doc.sentences!.map((_, s) => s));
    head!.forEach((h, i) => {
      if (h === -1) expect(deprel![i]).toBe('root');
      else
        expect([sentenceOf(h), deprel![i]]).toEqual([sentenceOf(i), expect.not.stringMatching(/^root$|:/)]);
    });
    const at = (form: string) => tokens.findIndex((t) => EN.slice(t.start, t.end) === form);
    // The reporting verb heads the sentence, its subject and the reported clause.
    expect(deprel![at('said')]).toBe('root');
    expect([head![at('Officials')], deprel![at('Officials')]]).toEqual([at('said'), 'nsubj']);
    expect([head![at('return')], deprel![at('return')]]).toEqual([at('said'), 'ccomp']);
  });

  it('leaves heads out by default', async () => {
    const plain = await createPipeline({ layers: ['syntax'] });
    expect(plain.run({ id: 't', text: EN, meta: { lang: 'en' } }).syntax!.head).toBeUndefined();
    const ru = plain.run({ id: 'r', text: RU, meta: { lang: 'ru' } });
    expect(ru.syntax!.upos.length).toBeGreaterThan(0);
    expect(ru.syntax!.head).toBeUndefined();
  });

  it('parses Russian with deps: true', async () => {
    const deps = await createPipeline({ layers: ['syntax'], options: { syntax: { deps: true } } });
    const doc = deps.run({ id: 'r', text: RU, meta: { lang: 'ru' } });
    const tokens = doc.tokens!;
    const { head, deprel } = doc.syntax!;
    const at = (form: string) => tokens.findIndex((t) => RU.slice(t.start, t.end) === form);
    expect(head).toHaveLength(tokens.length);
    expect(head!.filter((h) => h === -1)).toHaveLength(1);
    // "Делегации встретились во вторник.": the verb heads its subject and the day.
    expect(deprel![at('встретились')]).toBe('root');
    expect([head![at('Делегации')], deprel![at('Делегации')]]).toEqual([at('встретились'), 'nsubj']);
    expect([head![at('во')], deprel![at('во')]]).toEqual([at('вторник'), 'case']);
    expect([head![at('вторник')], deprel![at('вторник')]]).toEqual([at('встретились'), 'obl']);
  });

  it('parses pre-tokenised words (the parse command)', () => {
    const got = depsParserFor('en')!.parseWords(
      ['Officials', 'said', 'the', 'talks', 'had', 'resumed', '.'],
      ['NOUN', 'VERB', 'DET', 'NOUN', 'AUX', 'VERB', 'PUNCT'],
    );
    expect(got.head).toEqual([1, -1, 3, 5, 5, 1, 1]);
    expect(got.deprel).toEqual(['nsubj', 'root', 'det', 'nsubj', 'aux', 'ccomp', 'punct']);
  });

  it('parses a subset of sentences as the whole layer does, and marks the rest unparsed', async () => {
    const text = `${EN} The minister denied it. Talks will resume.`;
    const full = await createPipeline({ layers: ['syntax'], options: { syntax: { deps: true } } });
    const doc = full.run({ id: 't', text, meta: { lang: 'en' } });
    const tokens = doc.tokens!;
    const sentences = doc.sentences!;
    expect(sentences.length).toBeGreaterThanOrEqual(4);
    const inSentence = (i: number, s: number) =>
      sentences[s]!.start <= tokens[i]!.start && tokens[i]!.end <= sentences[s]!.end;
    const which = [1, 3];
    const got = parseSentences(depsParserFor('en')!, text, tokens, sentences, doc.syntax!, which);
    tokens.forEach((_, i) => {
      if (which.some((s) => inSentence(i, s)))
        expect([got.head[i], got.deprel[i]]).toEqual([doc.syntax!.head![i], doc.syntax!.deprel![i]]);
      else expect([got.head[i], got.deprel[i]]).toEqual([-1, '']);
    });
    expect(got.deprel.filter((d) => d === 'root')).toHaveLength(2);
  });

  it('tags and parses a few sentences of an untagged document as the layer does (PartialParse)', async () => {
    const text = `${EN} The minister denied it. Talks will resume.`;
    const full = await createPipeline({ layers: ['syntax'], options: { syntax: { deps: true } } });
    const doc = full.run({ id: 't', text, meta: { lang: 'en' } });
    const { tokens, sentences, syntax } = doc as Required<typeof doc>;
    const registry = createModelStore().scope();
    const p = new PartialParse(
      loadShippedSyntaxModel(registry, 'en')!,
      shippedDepsParser(registry, 'en')!,
      text,
      tokens,
    );
    const [from, to] = p.tagSentence(sentences[1]!);
    p.parse(from, to);
    const [from3, to3] = p.tagSentence(sentences[3]!);
    // A prefix is parsed as a sentence of its own: heads inside it, the rest untouched.
    p.parse(from3, to3 - 1);
    tokens.forEach((_, i) => {
      if (i >= from && i < to) {
        expect([p.upos[i], p.head[i], p.deprel[i]]).toEqual([
          syntax.upos[i],
          syntax.head![i],
          syntax.deprel![i],
        ]);
      } else if (i >= from3 && i < to3 - 1) {
        expect(p.upos[i]).toBe(syntax.upos[i]);
        const h = p.head[i]!;
        expect(h === -1 || (h >= from3 && h < to3 - 1)).toBe(true);
      } else expect([p.head[i], p.deprel[i]]).toEqual([-1, '']);
    });
    expect(p.deprel.slice(from3, to3 - 1).filter((d) => d === 'root')).toHaveLength(1);
    expect(p.upos[to3 - 1]).toBe(syntax.upos[to3 - 1]);
    expect(p.upos.slice(0, from)).toEqual(new Array(from).fill(''));
  });
});
