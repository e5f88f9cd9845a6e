import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzeWords,
  NewsprismError,
  numberOption,
  type SyntaxModel,
  syntaxModelFor,
} from '@newsprism/core';
import { isValidation } from '../split.js';
import type { TaskOptions } from '../task.js';
import { fitParser, type ParseSentence, type ParseSettings } from './fit-parser.js';
import { meanSd } from './mean-sd.js';
import { type ParseScores, scoreParse } from './score-parse.js';
import type { UdSentence } from './ud.js';

/** A row of parse scores: words, UAS and LAS without punctuation, then with it. */
export const parseRow = (name: string, s: ParseScores): (string | number)[] => [
  name,
  s.wordsNoPunct,
  s.uasNoPunct.toFixed(4),
  s.lasNoPunct.toFixed(4),
  s.uas.toFixed(4),
  s.las.toFixed(4),
];

/** Header of {@link parseRow}'s table. */
const PARSE_HEADER = ['set', 'words (no punct)', 'UAS', 'LAS', 'UAS with punct', 'LAS with punct'];

/**
 * `newsprism train syntax --set parse=1`: the dependency parser of one language. Its training
 * tags are the tagger's predictions, jackknifed by document (`--set jack=K`, default 5: each
 * part tagged by a tagger trained on the others; `jack=0`: the shipped tagger's, which saw
 * them, `jack=gold`: gold tags); scored on the project's validation split and, with
 * `--set folds=K`, by K-fold cross-validation by document (the same document folds as the
 * jackknife when K matches, so a test fold's tags come from a tagger that never saw it); then
 * fitted on everything and written to `models/syntax/deps-<lang>.json` (or `--out`).
 */
export function trainParser(
  o: TaskOptions,
  lang: string,
  all: readonly UdSentence[],
  fitTagger: (part: readonly UdSentence[]) => SyntaxModel,
  fold: (doc: string, k: number) => number,
): { table: (string | number)[][]; notes: string[]; metrics: Record<string, number> } {
  const settings: ParseSettings = {
    epochs: numberOption(o.extra, 'epochs', 8),
    bits: numberOption(o.extra, 'bits', 18),
    prune: numberOption(o.extra, 'prune', 1),
    seed: numberOption(o.extra, 'seed', 7),
    morph: o.extra.morph === '1',
  };
  const gold = all.filter((s) => s.heads && s.deprels);
  const tags = new Map<UdSentence, string[]>();
  // The tagger's FEATS per sentence (Russian: case, gender, number), for `--set morph=1`.
  const feats = new Map<UdSentence, string[]>();
  const tagWith = (m: SyntaxModel, s: UdSentence) => {
    const a = analyzeWords(m, s.forms);
    tags.set(s, a.upos);
    if (a.feats) feats.set(s, a.feats);
  };
  const jack = o.extra.jack ?? '5';
  if (jack === 'gold')
    for (const s of gold) {
      tags.set(s, s.upos);
      if (s.feats) feats.set(s, s.feats);
    }
  else if (jack === '0') {
    const m = syntaxModelFor(lang);
    if (!m)
      throw new NewsprismError('E_MODEL_MISSING', `no syntax model for ${lang}; run newsprism train syntax`);
    for (const s of gold) tagWith(m, s);
  } else if (o.extra.tagcache && existsSync(o.extra.tagcache)) {
    // `--set tagcache=FILE`: the jackknifed tags (and FEATS) of an earlier run with the same
    // data and `jack`.
    const cached = JSON.parse(readFileSync(o.extra.tagcache, 'utf8')) as {
      upos: string[];
      feats?: string[];
    }[];
    if (cached.length !== gold.length || !cached[0]?.upos)
      throw new NewsprismError('E_DATA', `${o.extra.tagcache} holds tags of another data set; delete it`);
    gold.forEach((s, i) => {
      tags.set(s, cached[i]!.upos);
      if (cached[i]!.feats) feats.set(s, cached[i]!.feats!);
    });
  } else {
    const k = Number(jack);
    if (!Number.isInteger(k) || k < 2)
      throw new NewsprismError('E_USAGE', '--set jack must be a number of parts (2 or more), 0 or gold');
    for (let f = 0; f < k; f++) {
      const m = fitTagger(gold.filter((s) => fold(s.doc, k) !== f));
      for (const s of gold) if (fold(s.doc, k) === f) tagWith(m, s);
      o.log(`${lang}: jackknife part ${f + 1}/${k} tagged`);
    }
    if (o.extra.tagcache)
      writeFileSync(
        o.extra.tagcache,
        JSON.stringify(gold.map((s) => ({ upos: tags.get(s), feats: feats.get(s) }))),
      );
  }
  let right = 0;
  let words = 0;
  for (const s of gold) {
    const t = tags.get(s)!;
    s.upos.forEach((u, i) => {
      words++;
      if (t[i] === u) right++;
    });
  }
  const asParse = (s: UdSentence): ParseSentence => ({
    doc: s.doc,
    forms: s.forms,
    tags: tags.get(s)!,
    ...(feats.has(s) ? { feats: feats.get(s)! } : {}),
    heads: s.heads!,
    deprels: s.deprels!,
  });
  const fit = (part: readonly UdSentence[]) => fitParser(lang, part.map(asParse), settings, o.log);
  const score = (parser: ReturnType<typeof fit>['parser'], part: readonly UdSentence[]) =>
    scoreParse(
      parser,
      part.map(asParse),
      part.map((s) => s.upos),
    );
  const table: (string | number)[][] = [PARSE_HEADER];
  const notes = [
    `${lang} parser training tags (${jack === 'gold' ? 'gold' : jack === '0' ? 'shipped tagger' : `jackknifed in ${jack}`}): UPOS ${(right / words).toFixed(4)}`,
  ];
  const metrics: Record<string, number> = {};
  const val = gold.filter((s) => isValidation(`ud-${lang}`, s.doc));
  // `--set val=0`: no validation fit (a run that only cross-validates or writes).
  const first = o.extra.val === '0' ? undefined : fit(gold.filter((s) => !isValidation(`ud-${lang}`, s.doc)));
  const v = first ? score(first.parser, val) : undefined;
  if (v) {
    table.push(parseRow(`${lang} validation`, v));
    metrics[`${lang}_val_las`] = v.lasNoPunct;
    metrics[`${lang}_val_uas`] = v.uasNoPunct;
  }
  // `--set prunes=0.5,2`: the same weights pruned harder or softer (size against accuracy).
  for (const x of first ? (o.extra.prunes ?? '').split(',').filter(Boolean) : []) {
    const c = first!.compact(Number(x));
    const kb = JSON.stringify(c.file).length / 1024;
    table.push(
      parseRow(
        `${lang} validation, prune ${x}: ${c.file.meta.buckets} buckets, ${kb.toFixed(0)} KiB`,
        score(c.parser, val),
      ),
    );
  }
  const folds = numberOption(o.extra, 'folds', 0);
  if (folds > 1) {
    const per: ParseScores[] = [];
    // `--set cvfolds=1,2`: only these folds (1-based), to spread the folds over processes.
    const only = o.extra.cvfolds?.split(',').map(Number);
    for (let f = 0; f < folds; f++) {
      if (only && !only.includes(f + 1)) continue;
      const s = score(
        fit(gold.filter((x) => fold(x.doc, folds) !== f)).parser,
        gold.filter((x) => fold(x.doc, folds) === f),
      );
      per.push(s);
      table.push(parseRow(`${lang} fold ${f + 1}/${folds}`, s));
    }
    notes.push(
      `${lang} parser ${folds}-fold CV by document: UAS ${meanSd(per.map((s) => s.uasNoPunct))}, LAS ${meanSd(per.map((s) => s.lasNoPunct))} (no punctuation); with punctuation UAS ${meanSd(per.map((s) => s.uas))}, LAS ${meanSd(per.map((s) => s.las))}`,
    );
  }
  if (o.extra.write !== '0') {
    const full = fit(gold);
    // `--set maxmb=X` (default 6): the threshold is raised by a quarter at a time until the
    // file fits.
    const maxBytes = numberOption(o.extra, 'maxmb', 6) * 1024 * 1024;
    let prune = settings.prune;
    let { file } = full;
    while (JSON.stringify(file).length > maxBytes) {
      prune *= 1.25;
      file = full.compact(prune).file;
    }
    file.meta = {
      ...file.meta,
      command: `newsprism train syntax --data ${o.data} --lang ${lang}${Object.entries(o.extra)
        .filter(([k]) => k !== 'write')
        .map(([k, x]) => ` --set ${k}=${x}`)
        .join('')}`,
      date: new Date().toISOString().slice(0, 10),
      ...(v ? { validation: { uas: round(v.uasNoPunct), las: round(v.lasNoPunct) } } : {}),
    };
    const out = o.out
      ? o.out.replace('{lang}', lang)
      : fileURLToPath(new URL(`../../../models/syntax/deps-${lang}.json`, import.meta.url));
    mkdirSync(dirname(out), { recursive: true });
    const json = `${JSON.stringify(file)}\n`;
    writeFileSync(out, json);
    notes.push(
      `${lang} parser written to ${out} (${(json.length / 1024).toFixed(0)} KiB, ${file.meta.buckets} buckets)`,
    );
  }
  return { table, notes, metrics };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
