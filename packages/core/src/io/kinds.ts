import { basename } from 'node:path';
import type { InputKind } from './types.js';

const EXTENSIONS: [string, InputKind][] = [
  ['.html.gz', 'html'],
  ['.htm.gz', 'html'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.jsonl.gz', 'jsonl'],
  ['.ndjson.gz', 'jsonl'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
  ['.txt.gz', 'text'],
  ['.txt', 'text'],
];

/** The kind of a file by its name, or undefined for an unknown extension. */
export function kindOf(path: string): InputKind | undefined {
  const l = path.toLowerCase();
  return EXTENSIONS.find(([ext]) => l.endsWith(ext))?.[1];
}

/** The file name without its known extension (`.txt`, `.html.gz`, …) or, failing that, its last one. */
export function stripExtension(name: string): string {
  const l = name.toLowerCase();
  const ext = EXTENSIONS.find(([e]) => l.endsWith(e))?.[0];
  return ext ? name.slice(0, -ext.length) : name.replace(/\.[^./]+$/, '');
}

/** The document id of a file: `<ID>` for `article<ID>.txt`, else the name without extensions. */
export function documentId(path: string): string {
  const stem = stripExtension(basename(path));
  const m = /^article(.+)$/.exec(stem);
  return m ? m[1]! : stem;
}

const HTML_START =
  /^(<!doctype html|<html|<head|<body|<article|<main|<section|<div|<p[ >]|<meta|<title|<link|<h1)/i;

/**
 * Guesses what a stream holds from its first few kilobytes. JSON Lines is a majority vote of
 * the first non-blank lines, not the first line alone: a feed whose first line is broken is
 * still a feed, and each bad line is then reported on its own.
 */
export function sniff(head: string): InputKind {
  // Pages often open with a BOM, an XML declaration or comments before the first tag.
  const start = head
    .slice(0, 4000)
    .replace(/^\uFEFF?(\s*(<\?xml[^>]*>|<!--[\s\S]*?-->))*/, '')
    .trimStart();
  if (HTML_START.test(start)) return 'html';
  const lines = head
    .split('\n')
    .slice(0, 50)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // The last line of a head may be cut off mid-record; it still starts with a brace.
  const records = lines.filter((l) => l.startsWith('{')).length;
  const whole = lines.slice(0, -1).some((l) => isObject(l)) || (lines.length === 1 && isObject(lines[0]!));
  return records > 0 && records * 2 >= lines.length && whole ? 'jsonl' : 'text';
}

function isObject(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}
