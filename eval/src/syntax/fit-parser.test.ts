import { describe, expect, it } from 'vitest';
import { baseRelation, fitParser, oracleReaches, type ParseSentence } from './fit-parser.js';
import { scoreParse } from './score-parse.js';

/** Short gold trees written for this test: `form/UPOS/head/deprel` (heads 1-based, 0 root). */
const GOLD = [
  'Officials/NOUN/2/nsubj said/VERB/0/root talks/NOUN/4/nsubj resume/VERB/2/ccomp ./PUNCT/2/punct',
  'The/DET/2/det minister/NOUN/3/nsubj resigned/VERB/0/root on/ADP/5/case Monday/PROPN/3/obl ./PUNCT/3/punct',
  'Prices/NOUN/2/nsubj rose/VERB/0/root sharply/ADV/2/advmod ./PUNCT/2/punct',
  'She/PRON/2/nsubj said/VERB/0/root prices/NOUN/5/nsubj:pass were/AUX/5/aux:pass raised/VERB/2/ccomp ./PUNCT/2/punct',
  'The/DET/2/det talks/NOUN/3/nsubj failed/VERB/0/root ./PUNCT/3/punct',
  'Police/NOUN/2/nsubj arrested/VERB/0/root two/NUM/4/nummod men/NOUN/2/obj ./PUNCT/2/punct',
].map((line, i): ParseSentence => {
  const w = line.split(' ').map((t) => t.split('/'));
  return {
    doc: `d${i}`,
    forms: w.map((x) => x[0]!),
    tags: w.map((x) => x[1]!),
    heads: w.map((x) => Number(x[2]) - 1),
    deprels: w.map((x) => x[3]!),
  };
});

/** Whether a tree is well-formed: one root, heads in range, no word its own ancestor. */
function wellFormed(head: readonly number[]): boolean {
  if (head.filter((h) => h === -1).length !== 1) return false;
  return head.every((h, i) => {
    if (h < -1 || h >= head.length) return false;
    let at = i;
    for (let steps = 0; steps <= head.length; steps++) {
      at = head[at]!;
      if (at === -1) return true;
    }
    return false;
  });
}

describe('fitParser', () => {
  const fit = fitParser('en', GOLD, { epochs: 12, bits: 14, prune: 0, seed: 7, morph: false });

  it('learns its training trees, labels cut to base relations', () => {
    expect(fit.parser.labels).toEqual([
      'advmod',
      'aux',
      'case',
      'ccomp',
      'det',
      'nsubj',
      'nummod',
      'obj',
      'obl',
      'punct',
    ]);
    for (const s of GOLD) {
      const got = fit.parser.parseWords(s.forms, s.tags);
      expect(got.head).toEqual(s.heads);
      expect(got.deprel).toEqual(s.deprels.map((d, i) => (s.heads[i] === -1 ? 'root' : baseRelation(d))));
    }
    const all = scoreParse(
      fit.parser,
      GOLD,
      GOLD.map((s) => s.tags),
    );
    expect([all.uas, all.las, all.uasNoPunct]).toEqual([1, 1, 1]);
  });

  it('gives a well-formed tree for any sentence, even one of unseen words and tags', () => {
    const forms = 'Yesterday , the committee in Brussels said nothing at all about it'.split(' ');
    const tags = 'NOUN PUNCT DET NOUN ADP PROPN VERB PRON ADP DET ADP PRON'.split(' ');
    const got = fit.parser.parseWords(forms, tags);
    expect(got.head).toHaveLength(forms.length);
    expect(wellFormed(got.head)).toBe(true);
    expect(got.deprel.filter((d) => d === 'root')).toHaveLength(1);
    expect(wellFormed(fit.parser.parseWords(['Yes'], ['INTJ']).head)).toBe(true);
  });

  it('ships a compact file whose parser decides as the float one on its training trees', () => {
    const c = fit.compact(0);
    expect(c.file.format).toBe('newsprism-deps/1');
    for (const s of GOLD) expect(c.parser.parseWords(s.forms, s.tags).head).toEqual(s.heads);
  });

  it('scores punctuation apart, and a wrong label only in LAS', () => {
    const s = GOLD[2]!;
    const wrong = { ...s, heads: [1, -1, 1, 0], deprels: ['nsubj', 'root', 'obj', 'punct'] };
    const got = scoreParse(fit.parser, [wrong], [s.tags]);
    // Word 3 (sharply) right head, wrong label; the full stop's head is wrong.
    expect([got.words, got.uas, got.las]).toEqual([4, 0.75, 0.5]);
    expect([got.wordsNoPunct, got.uasNoPunct, got.lasNoPunct]).toEqual([3, 1, 2 / 3]);
  });

  it('reads Russian case with morph, telling subject from object where word order cannot', () => {
    // Short Russian trees written for this test: `form/UPOS/Case/head/deprel`, the subject
    // before or after the verb, the object the other side.
    const ru = [
      'Брата/NOUN/Acc/2/obj видит/VERB/_/0/root сестра/NOUN/Nom/2/nsubj',
      'Брат/NOUN/Nom/2/nsubj видит/VERB/_/0/root сестру/NOUN/Acc/2/obj',
      'Дом/NOUN/Acc/2/obj строит/VERB/_/0/root город/NOUN/Nom/2/nsubj',
      'Страна/NOUN/Nom/2/nsubj ждёт/VERB/_/0/root решения/NOUN/Acc/2/obj',
      'Закон/NOUN/Acc/2/obj принял/VERB/_/0/root парламент/NOUN/Nom/2/nsubj',
      'Суд/NOUN/Nom/2/nsubj отклонил/VERB/_/0/root иск/NOUN/Acc/2/obj',
    ].map((line, i): ParseSentence => {
      const w = line.split(' ').map((t) => t.split('/'));
      return {
        doc: `r${i}`,
        forms: w.map((x) => x[0]!),
        tags: w.map((x) => x[1]!),
        feats: w.map((x) => (x[2] === '_' ? '_' : `Case=${x[2]}`)),
        heads: w.map((x) => Number(x[3]) - 1),
        deprels: w.map((x) => x[4]!),
      };
    });
    const settings = { epochs: 12, bits: 14, prune: 0, seed: 7 };
    const withMorph = fitParser('ru', ru, { ...settings, morph: true }).compact(0);
    const without = fitParser('ru', ru, { ...settings, morph: false }).compact(0);
    expect([withMorph.file.morph, without.file.morph]).toEqual([true, undefined]);
    // Words never seen, the same tags in the same order: only the case says who acts.
    const forms = ['Отца', 'знает', 'мать'];
    const tags = ['NOUN', 'VERB', 'NOUN'];
    const ovs = ['Case=Acc', '_', 'Case=Nom'];
    const svo = ['Case=Nom', '_', 'Case=Acc'];
    expect(withMorph.parser.parseWords(forms, tags, ovs).deprel).toEqual(['obj', 'root', 'nsubj']);
    expect(withMorph.parser.parseWords(forms, tags, svo).deprel).toEqual(['nsubj', 'root', 'obj']);
    // Without morphology both readings get one parse.
    expect(without.parser.parseWords(forms, tags, ovs)).toEqual(without.parser.parseWords(forms, tags, svo));
  });

  it('trains only on the trees its oracle reaches', () => {
    expect(oracleReaches([1, -1])).toBe(true);
    expect(oracleReaches([2, 3, 3, -1])).toBe(false);
  });
});
