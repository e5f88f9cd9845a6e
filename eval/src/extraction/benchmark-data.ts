import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeDeclaredCharset, decodeText, NewsprismError } from '@newsprism/core';
import { isValidation } from '../split.js';

/** One page of the extraction benchmark. */
export interface BenchmarkPage {
  key: string;
  url: string;
  html: string;
  /** The human-made article body. */
  truth: string;
  /** Host of the page; the validation split is drawn by host so one site never sits in both. */
  host: string;
}

/** The data set name used to salt the validation split. */
export const EXTRACTION_DATASET = 'extraction-benchmark';

/**
 * Loads `html/<key>.html.gz` and `ground-truth.json` of the article-extraction benchmark,
 * decoding each page as the CLI does (`decodeText`, then the declared charset), in key order.
 */
export function loadExtractionBenchmark(dir: string): BenchmarkPage[] {
  const gtPath = join(dir, 'ground-truth.json');
  if (!existsSync(gtPath)) {
    throw new NewsprismError(
      'E_DATA_NOT_FOUND',
      `${gtPath} not found; point --data at the extraction-benchmark folder (ground-truth.json, html/)`,
    );
  }
  const gt = JSON.parse(readFileSync(gtPath, 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  const files = new Set(readdirSync(join(dir, 'html')));
  const pages: BenchmarkPage[] = [];
  for (const key of Object.keys(gt).sort()) {
    const name = `${key}.html.gz`;
    if (!files.has(name)) continue;
    const bytes = gunzipSync(readFileSync(join(dir, 'html', name)));
    const html = decodeDeclaredCharset(bytes, decodeText(bytes, name)).text;
    const url = gt[key]!.url ?? '';
    const host = /^https?:\/\/([^/]+)/.exec(url)?.[1]?.replace(/^www\./, '') ?? key;
    pages.push({ key, url, html, truth: gt[key]!.articleBody ?? '', host });
  }
  return pages;
}

/** The split a page belongs to: `val` (about a fifth of the hosts) or `train`. */
export function pageSplit(page: BenchmarkPage): 'train' | 'val' {
  return isValidation(EXTRACTION_DATASET, page.host) ? 'val' : 'train';
}
