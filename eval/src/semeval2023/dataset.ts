import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '@newsprism/core';
import { inSplit } from '../split.js';

/** Data set directories of SemEval-2023 Task 3 and the ISO 639-1 code of each. */
export const SEMEVAL_LANGS: Record<string, string> = {
  en: 'en',
  ru: 'ru',
  fr: 'fr',
  ge: 'de',
  it: 'it',
  po: 'pl',
};

/** A technique span of the data set, converted to UTF-16 offsets into `text`. */
export interface GoldSpan {
  technique: string;
  start: number;
  end: number;
}

/** One article of the data set with every label it has. */
export interface SemevalArticle {
  id: string;
  /** Data set directory (`en`, `ge`, …). */
  dir: string;
  /** ISO 639-1 language code (`de` for `ge`). */
  lang: string;
  /** The file text, verbatim (BOM and `\r\n` kept), so offsets match the file. */
  text: string;
  genre?: string;
  frames?: string[];
  /** Techniques per 1-based line number, for the lines the subtask-3 file lists. */
  lines?: Map<number, string[]>;
  spans?: GoldSpan[];
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Converts code-point offsets to UTF-16 offsets for `text` (the data set counts code points). */
export function codePointIndex(text: string): (cp: number) => number {
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    map.push(i);
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  map.push(text.length);
  return (cp) => map[Math.min(cp, map.length - 1)]!;
}

function readTsv(path: string): string[][] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/\r$/, '').split('\t'));
}

/**
 * Loads one language of the data set (`dir` is `en`, `ru`, `ge`, …), keeping the articles of
 * `split` (the project's validation split by article: `train`, `val` or `all`).
 */
export function loadSemevalLanguage(root: string, dir: string, split?: string): SemevalArticle[] {
  const base = join(root, dir);
  const articlesDir = join(base, 'train-articles');
  if (!existsSync(articlesDir))
    throw new NewsprismError('E_DATA_MISSING', `no ${articlesDir}; --data must point at semeval2023-task3`);
  const byId = new Map<string, SemevalArticle>();
  for (const f of readdirSync(articlesDir).sort()) {
    const m = /^article(.+)\.txt$/.exec(f);
    if (!m || !inSplit(`semeval2023-task3/${dir}`, m[1]!, split)) continue;
    const text = utf8.decode(readFileSync(join(articlesDir, f)));
    byId.set(m[1]!, { id: m[1]!, dir, lang: SEMEVAL_LANGS[dir] ?? dir, text });
  }
  for (const [id, genre] of readTsv(join(base, 'train-labels-subtask-1.txt'))) {
    const a = byId.get(id!);
    if (a) a.genre = genre;
  }
  for (const [id, frames] of readTsv(join(base, 'train-labels-subtask-2.txt'))) {
    const a = byId.get(id!);
    if (a) a.frames = frames ? frames.split(',').filter(Boolean) : [];
  }
  for (const [id, line, techs] of readTsv(join(base, 'train-labels-subtask-3.txt'))) {
    const a = byId.get(id!);
    if (!a) continue;
    a.lines ??= new Map();
    a.lines.set(Number(line), techs ? techs.split(',').filter(Boolean) : []);
  }
  const spanDir = join(base, 'train-labels-subtask-3-spans');
  for (const a of byId.values()) {
    if (!a.lines) continue;
    const rows = readTsv(join(spanDir, `article${a.id}-labels-subtask-3.txt`));
    const at = codePointIndex(a.text);
    a.spans = rows
      .map(([, technique, s, e]) => ({ technique: technique!, start: at(Number(s)), end: at(Number(e)) }))
      .filter((s) => s.end > s.start);
  }
  return [...byId.values()];
}

/** Loads several languages (`all` or a comma list of directories or ISO codes). */
export function loadSemeval(root: string, langs: string | undefined, split?: string): SemevalArticle[] {
  const dirs =
    !langs || langs === 'all'
      ? Object.keys(SEMEVAL_LANGS)
      : langs
          .split(',')
          .map((l) => Object.keys(SEMEVAL_LANGS).find((d) => d === l || SEMEVAL_LANGS[d] === l) ?? l);
  return dirs.flatMap((d) => loadSemevalLanguage(root, d, split));
}
