import {
  analyzeWords,
  depsParserFor,
  loadSyntaxModel,
  NewsprismError,
  type SyntaxModel,
  syntaxModelFor,
} from '@newsprism/core';
import type { Task, TaskOptions } from '../task.js';
import { scoreParse } from './score-parse.js';
import { scoreSyntax } from './score-syntax.js';
import { parseRow } from './train-parser.js';
import { scoreRow } from './train-syntax.js';
import { loadTreebanks, TREEBANKS, type UdSentence, udLanguages } from './ud.js';

/**
 * The parser's rows for one dev set: UAS/LAS (without punctuation, then with) parsing from the
 * tagger's predicted tags — as `newsprism parse` does — and from gold tags, for reference.
 */
function parseRows(
  name: string,
  key: string,
  model: SyntaxModel,
  gold: readonly UdSentence[],
  parsePath: string,
  metrics: Record<string, number>,
): (string | number)[][] {
  const parser = depsParserFor(model.lang, parsePath);
  if (!parser) return [];
  const trees = gold.filter((s) => s.heads);
  // Tags and FEATS (read by a parser with morphology): the tagger's, or gold.
  const as = (tagged: (s: UdSentence) => { upos: string[]; feats?: string[] }) =>
    trees.map((s) => {
      const t = tagged(s);
      return {
        doc: s.doc,
        forms: s.forms,
        tags: t.upos,
        ...(t.feats ? { feats: t.feats } : {}),
        heads: s.heads!,
        deprels: s.deprels!,
      };
    });
  const upos = trees.map((s) => s.upos);
  const pred = scoreParse(
    parser,
    as((s) => analyzeWords(model, s.forms)),
    upos,
  );
  const withGold = scoreParse(
    parser,
    as((s) => s),
    upos,
  );
  metrics[`${key}_uas`] = pred.uasNoPunct;
  metrics[`${key}_las`] = pred.lasNoPunct;
  // Columns: words without punctuation, UAS, LAS, then UAS and LAS with punctuation.
  return [
    [...parseRow(`  ${name}: parse (words, UAS, LAS; with punct)`, pred), ''],
    [...parseRow(`  ${name}: parse, gold tags`, withGold), ''],
  ];
}

/**
 * `newsprism eval syntax`: UPOS, lemma and (Russian) case/gender/number accuracy of the shipped
 * models — or `--model` with one `--lang` — on the UD dev files, gold tokens.
 */
export const evalSyntax: Task = {
  name: 'syntax',
  description:
    'UPOS / lemma / morphology accuracy on the UD dev sets, gold tokens (--data ../shared/data/ud)',
  async run(o: TaskOptions) {
    const langs = udLanguages(o.lang);
    if (o.model && langs.length > 1)
      throw new NewsprismError('E_USAGE', '--model needs --lang en or --lang ru');
    const table: (string | number)[][] = [
      ['dev set', 'tokens', 'UPOS', 'lemma', 'Case', 'Gender', 'Number', 'all 3'],
    ];
    const metrics: Record<string, number> = {};
    for (const lang of langs) {
      const model = o.model ? loadSyntaxModel(o.model) : syntaxModelFor(lang);
      if (!model)
        throw new NewsprismError(
          'E_MODEL_MISSING',
          `no syntax model for ${lang}; run \`newsprism train syntax\``,
        );
      for (const [name, file] of Object.entries(TREEBANKS[lang]!.dev)) {
        const gold = loadTreebanks(o.data, [file]);
        const s = scoreSyntax(model, gold);
        table.push(scoreRow(`${lang} ${name}`, s));
        const key = `${lang}_${name.toLowerCase().replace(/\W+/g, '_')}`;
        // `--set deps=FILE`: a parser of one's own instead of the shipped one.
        table.push(...parseRows(name, key, model, gold, o.extra.deps ?? '', metrics));
        metrics[`${key}_upos`] = s.upos;
        metrics[`${key}_lemma`] = s.lemma;
        if (s.feats.all !== undefined) metrics[`${key}_feats`] = s.feats.all;
        // Where the errors are: genres and hashtags/mentions, UPOS only. A group shown has 50
        // tokens or more and is not the whole set; `other` only beside the hashtags it excludes.
        const shown = Object.entries(s.groups)
          .filter(([, x]) => x.tokens >= 50 && x.tokens < s.tokens)
          .sort(([a], [b]) => a.localeCompare(b));
        const tags = shown.some(([g]) => g === 'hashtag-or-mention');
        for (const [g, x] of shown) {
          if (g === 'other' && !tags) continue;
          table.push([`  ${name}: ${g}`, x.tokens, x.upos.toFixed(4), '', '', '', '', '']);
          metrics[`${key}_upos_${g.replace(/\W+/g, '_')}`] = x.upos;
        }
      }
    }
    return {
      title: 'Syntax tagger — UD dev sets, gold tokens (as `newsprism parse` sees them)',
      metrics,
      table,
    };
  },
};
