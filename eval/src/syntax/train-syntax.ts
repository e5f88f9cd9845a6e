import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsprismError, numberOption } from '@newsprism/core';
import { FormClasses } from '@newsprism/core/train';
import { isValidation } from '../split.js';
import type { Task, TaskOptions } from '../task.js';
import { dictionaryUpos, harmoniseSocial } from './conventions.js';
import { type FitSettings, fitSyntax } from './fit-syntax.js';
import { buildFormClasses, type LexiconSettings } from './lexicon.js';
import { meanSd } from './mean-sd.js';
import { type SyntaxScores, scoreSyntax } from './score-syntax.js';
import { trainParser } from './train-parser.js';
import { devSentences, loadTreebanks, TREEBANKS, type UdSentence, udLanguages } from './ud.js';

/** Where the shipped model of a language lives. */
const shippedPath = (lang: string) =>
  fileURLToPath(new URL(`../../../models/syntax/syntax-${lang}.json`, import.meta.url));

/**
 * The OpenCorpora dictionary of the `az` package, a devDependency of this workspace (`npm ci`
 * installs it): its `dicts` folder, or a one-line `E_DATA` error when it is not installed.
 */
const defaultLexiconDir = (): string => {
  try {
    return join(dirname(fileURLToPath(import.meta.resolve('az/package.json'))), 'dicts');
  } catch {
    throw new NewsprismError(
      'E_DATA',
      "the az package (devDependency of the eval workspace) is not installed: run npm ci, or give --set lexicon=DIR (az's dicts folder) or lexicon=none",
    );
  }
};

const fold = (lang: string, doc: string, k: number) =>
  createHash('sha1').update(`ud-${lang}:${doc}`).digest().readUInt32BE(0) % k;

/**
 * A table row of scores: tokens, UPOS, lemma, then Case, Gender, Number and all three (four
 * decimals: the variants compared differ by tenths of a point).
 */
export const scoreRow = (name: string, s: SyntaxScores): (string | number)[] => [
  name,
  s.tokens,
  s.upos.toFixed(4),
  s.lemma.toFixed(4),
  ...['Case', 'Gender', 'Number', 'all'].map((f) => (f in s.feats ? s.feats[f]!.toFixed(4) : '-')),
];

/**
 * `newsprism train syntax`: for each language (`--lang en|ru`, default both), fits on the
 * project's training part of the UD train files (documents split by hash) and scores the
 * validation part; with `--set folds=K` also K-fold cross-validation by document (mean ± sd);
 * then, unless `--set write=0`, fits on all train files and writes the shipped model (`--out`
 * may hold `{lang}`). `--set epochs=N bits=B prune=X` (default prune 1 for English, 1.5 for Russian).
 */
export const trainSyntax: Task = {
  name: 'syntax',
  description:
    'train the part-of-speech / lemma / morphology tagger on UD (--data ../shared/data/ud, --lang en|ru)',
  async run(o: TaskOptions) {
    const langs = udLanguages(o.lang);
    if (o.out && langs.length > 1 && !o.out.includes('{lang}'))
      throw new NewsprismError('E_USAGE', 'with two languages, --out must contain {lang} (or give --lang)');
    // `--set lexicon=DIR`: OpenCorpora's dictionary as the az package ships it (its `dicts`
    // folder), read into the model's compact form → class table (Russian). Default: the
    // installed az devDependency; `lexicon=none` trains without a lexicon.
    const bag = numberOption(o.extra, 'bag', 1);
    if (!Number.isInteger(bag) || bag < 1)
      throw new NewsprismError('E_USAGE', '--set bag must be a whole number of runs, 1 or more');
    const names = o.extra.lexnames ?? 'mark';
    if (!['mark', 'merge', 'drop'].includes(names))
      throw new NewsprismError('E_USAGE', '--set lexnames must be mark, merge or drop');
    const lexiconDir =
      o.extra.lexicon === 'none' || !langs.includes('ru')
        ? undefined
        : (o.extra.lexicon ?? defaultLexiconDir());
    // `--set hashtags=body|whole`: Russian reads a hashtag through the word after `#` (default),
    // English as a whole form. `--set social=harmonise|keep`: Russian training tokens `#…`/`@…`
    // brought to UD Taiga's latest convention (`harmoniseSocial`, default) or left as the files
    // tag them.
    const reading = (lang: string) => o.extra.hashtags ?? (lang === 'ru' ? 'body' : 'whole');
    for (const lang of langs)
      if (!['body', 'whole'].includes(reading(lang)))
        throw new NewsprismError('E_USAGE', '--set hashtags must be body or whole');
    const social = o.extra.social ?? 'harmonise';
    if (!['harmonise', 'keep'].includes(social))
      throw new NewsprismError('E_USAGE', '--set social must be harmonise or keep');
    const lexicon =
      lexiconDir === undefined
        ? undefined
        : buildFormClasses(
            lexiconDir,
            {
              maxSuffix: numberOption(o.extra, 'lexsuffix', 6),
              names: names as LexiconSettings['names'],
              headwordBits: numberOption(o.extra, 'headbits', 8),
            },
            o.log,
          );
    const settings = (lang: string): FitSettings => ({
      epochs: numberOption(o.extra, 'epochs', 8),
      bits: numberOption(o.extra, 'bits', 18),
      // Chosen on the validation split (`--set prunes=…`): no loss, a model of 2–3 MB.
      prune: numberOption(o.extra, 'prune', lang === 'ru' ? 1.5 : 1),
      morph: lang === 'ru',
      seed: numberOption(o.extra, 'seed', 7),
      bag,
      unk: numberOption(o.extra, 'unk', 0),
      rareCount: numberOption(o.extra, 'rare', 1),
      augment: numberOption(o.extra, 'augment', 0),
      lexPairs: o.extra.lexpairs === '1',
      ...(lexicon && lang === 'ru' ? { lexicon } : {}),
      ...(reading(lang) === 'body' ? { hashtags: 'body' as const } : {}),
    });
    const folds = numberOption(o.extra, 'folds', 0);
    const table: (string | number)[][] = [
      ['set', 'tokens', 'UPOS', 'lemma', 'Case', 'Gender', 'Number', 'all 3'],
    ];
    const metrics: Record<string, number> = {};
    const notes: string[] = [];
    for (const lang of langs) {
      // `--set files=REGEX`: only the train files whose path matches (to weigh each source).
      // `--set devs=REGEX`: the dev files whose name matches join the training files (they are no
      // longer held out; the other dev files' sentences stay excluded from training).
      const devs = TREEBANKS[lang]!.dev;
      const taken = Object.entries(devs)
        .filter(([name]) => o.extra.devs && new RegExp(o.extra.devs, 'i').test(name))
        .map(([, f]) => f);
      const files = [
        ...TREEBANKS[lang]!.train.filter((f) => !o.extra.files || new RegExp(o.extra.files, 'i').test(f)),
        ...taken,
      ];
      const heldOut = Object.values(devs).filter((f) => !taken.includes(f));
      const all = loadTreebanks(o.data, files, devSentences(o.data, lang, heldOut));
      if (lang === 'ru' && social === 'harmonise') {
        const h = harmoniseSocial(
          all,
          // Only with the headword filter: without it every guess would pass as a word.
          lexicon?.headwords ? dictionaryUpos(new FormClasses(lexicon)) : undefined,
        );
        o.log(`${lang}: ${h.mentions} mentions X → PROPN, ${h.hashtags} hashtags X → their word's tag`);
      }
      const fit = (part: readonly UdSentence[]) => fitSyntax(lang, part, settings(lang), o.log);
      if (o.extra.parse === '1') {
        // The dependency parser instead of the tagger (its own table and notes).
        const r = trainParser(
          o,
          lang,
          all,
          (part) => fit(part).model,
          (doc, k) => fold(lang, doc, k),
        );
        table.splice(0, table.length, ...r.table);
        notes.push(...r.notes);
        Object.assign(metrics, r.metrics);
        continue;
      }
      const train = all.filter((s) => !isValidation(`ud-${lang}`, s.doc));
      const val = all.filter((s) => isValidation(`ud-${lang}`, s.doc));
      o.log(`${lang}: ${all.length} sentences, ${train.length} train / ${val.length} validation`);
      const first = fit(train);
      const v = scoreSyntax(first.model, val);
      table.push(scoreRow(`${lang} validation`, v));
      // `--set prunes=1,2`: the same weights pruned harder (size against accuracy).
      for (const x of (o.extra.prunes ?? '').split(',').filter(Boolean)) {
        const c = first.compact(Number(x));
        table.push(
          scoreRow(
            `${lang} validation, prune ${x}: ${c.file.meta.buckets} buckets`,
            scoreSyntax(c.model, val),
          ),
        );
      }
      metrics[`${lang}_val_upos`] = v.upos;
      metrics[`${lang}_val_lemma`] = v.lemma;
      if (folds > 1) {
        // `--set cvscore=REGEX`: each fold is scored only on its sentences whose document id
        // (`file:doc`) matches (e.g. `ru_taiga` for UD Taiga's own documents); all of the other
        // folds train.
        const only = o.extra.cvscore ? new RegExp(o.extra.cvscore, 'i') : undefined;
        const scored = (x: UdSentence) => !only || only.test(x.doc);
        const per: SyntaxScores[] = [];
        for (let f = 0; f < folds; f++) {
          const s = scoreSyntax(
            fit(all.filter((x) => fold(lang, x.doc, folds) !== f)).model,
            all.filter((x) => fold(lang, x.doc, folds) === f && scored(x)),
          );
          per.push(s);
          const tags = s.groups['hashtag-or-mention'];
          table.push(
            scoreRow(
              `${lang} fold ${f + 1}/${folds}${tags ? ` (#/@ ${tags.tokens}: ${tags.upos.toFixed(3)})` : ''}`,
              s,
            ),
          );
        }
        const other = per.map((s) => s.groups.other?.upos ?? Number.NaN);
        notes.push(
          `${lang} ${folds}-fold CV by document${o.extra.cvscore ? ` (scored on ${o.extra.cvscore})` : ''}: UPOS ${meanSd(per.map((s) => s.upos))} (other than #/@ ${meanSd(other)}), lemma ${meanSd(per.map((s) => s.lemma))}` +
            (lang === 'ru' ? `, case+gender+number ${meanSd(per.map((s) => s.feats.all!))}` : ''),
        );
      }
      if (o.extra.write !== '0') {
        const { file } = fit(all);
        file.meta = {
          ...file.meta,
          data: files.join(', '),
          command: `newsprism train syntax --data ${o.data} --lang ${lang}${Object.entries(o.extra)
            .filter(([k]) => k !== 'write')
            .map(([k, v]) => ` --set ${k}=${v}`)
            .join('')}`,
          date: new Date().toISOString().slice(0, 10),
          validation: { upos: round(v.upos), lemma: round(v.lemma), feats: v.feats },
        };
        const out = o.out ? o.out.replace('{lang}', lang) : shippedPath(lang);
        mkdirSync(dirname(out), { recursive: true });
        const json = `${JSON.stringify(file)}\n`;
        writeFileSync(out, json);
        notes.push(
          `${lang} model written to ${out} (${(json.length / 1024).toFixed(0)} KiB, ${file.meta.buckets} buckets)`,
        );
      }
    }
    return {
      title:
        'Syntax tagger (UPOS, lemma, Russian case/gender/number) — project validation split of the UD train files',
      metrics,
      table,
      notes,
    };
  },
};

const round = (x: number) => Math.round(x * 10000) / 10000;
