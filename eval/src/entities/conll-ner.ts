import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '@newsprism/core';
import type { GoldSpan, NerDoc } from './polnear-ner.js';

/**
 * Reads a CoNLL-2003 file (`token POS chunk NER`, IOB1) as documents: the text of a document
 * is its sentences one per line, tokens joined by single spaces (CoNLL ships no raw text), and
 * the gold spans are UTF-16 offsets into that text. `-DOCSTART-` separates documents.
 */
export function loadConllNer(data: string, file: 'eng.train' | 'eng.testa'): NerDoc[] {
  const path = join(data, file);
  if (!existsSync(path))
    throw new NewsprismError('E_DATA', `${path} not found; --set conll= should be the conll2003 folder`);
  const docs: NerDoc[] = [];
  let lines: string[] = [];
  let line: string[] = [];
  let gold: GoldSpan[] = [];
  let open: GoldSpan | undefined;
  let at = 0;
  const closeSpan = () => {
    if (open) gold.push(open);
    open = undefined;
  };
  const closeLine = () => {
    closeSpan();
    if (line.length) {
      lines.push(line.join(' '));
      at += line.join(' ').length + 1;
    }
    line = [];
  };
  const closeDoc = () => {
    closeLine();
    if (lines.length) docs.push({ id: `${file}:${docs.length + 1}`, text: `${lines.join('\n')}\n`, gold });
    lines = [];
    gold = [];
    at = 0;
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    if (raw.startsWith('-DOCSTART-')) {
      closeDoc();
      continue;
    }
    if (raw.trim() === '') {
      closeLine();
      continue;
    }
    const cols = raw.split(' ');
    const word = cols[0]!;
    const tag = cols[cols.length - 1]!;
    const start = at + line.reduce((n, w) => n + w.length + 1, 0);
    const type = tag === 'O' ? '' : tag.slice(2);
    if (!type || tag.startsWith('B-') || open?.type !== type) closeSpan();
    if (type) {
      if (open) open.end = start + word.length;
      else open = { start, end: start + word.length, type };
    }
    line.push(word);
  }
  closeDoc();
  return docs;
}
