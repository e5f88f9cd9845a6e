import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { lightStem, NewsprismError } from '@newsprism/core';
import type { Task, TaskOptions } from '../task.js';

const DICT = '/usr/share/dictd/mueller7.dict.dz';
const OUT = fileURLToPath(new URL('../../../packages/core/src/corpus/lexicon.ru-en.json', import.meta.url));
const CYR_WORD = /^[\u0400-\u04ff-]+$/;
const LATIN = /[a-z]/i;

/**
 * Russian single-word translations of each English headword of a Mueller-format dictd file:
 * from the first four senses, the comma-separated items of each sense's leading segments, up to
 * the first example phrase (a segment with Latin letters). Multi-word equivalents are skipped.
 */
export function parseMueller(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = text.split('\n');
  let head: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (head && /^[a-z]+$/.test(head)) {
      const joined = body.join(' ').replace(/\[[^\]]*\]/g, ' ');
      const senses = joined.split(/\s\d+[.)]\s/).slice(0, 5);
      const words: string[] = [];
      for (const sense of senses) {
        const clean = sense.replace(/\([^)]*\)/g, ' ').replace(/_[^\s.]+\./g, ' ');
        for (const segment of clean.split(';').slice(0, 2)) {
          if (LATIN.test(segment)) break;
          for (const item of segment.split(',')) {
            const w = item.trim().toLowerCase().replace(/ё/g, 'е');
            if (CYR_WORD.test(w) && w.length > 2 && !words.includes(w)) words.push(w);
          }
        }
      }
      if (words.length) out.set(head, words);
    }
    body = [];
  };
  for (const line of lines) {
    if (line.startsWith(' ')) body.push(line.trim());
    else {
      flush();
      head = line.trim();
    }
  }
  flush();
  return out;
}

/** Stem frequencies over the article texts under `dirs`, to keep the lexicon to words news uses. */
function stemCounts(data: string, dirs: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rel of dirs) {
    const dir = join(data, rel);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8').toLowerCase();
      for (const m of text.matchAll(/[\p{L}]+/gu)) {
        const s = lightStem(m[0].replace(/ё/g, 'е'));
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/**
 * `newsprism train reuse-lexicon`: builds `packages/core/src/corpus/lexicon.ru-en.json`, the
 * Russian → English stem lexicon the reuse detector uses to compare a Russian article with an
 * English one, from the Mueller English–Russian dictionary (Debian `mueller7-dict`, GPL-2+;
 * `--set dict=<path>` for another copy), keeping the English stems that occur at least twice
 * in the shared English news articles and the Russian stems that occur in the Russian ones.
 */
export const reuseLexiconTrain: Task = {
  name: 'reuse-lexicon',
  description: 'build the Russian→English stem lexicon of reuse detection from the Mueller dictionary',
  async run(o: TaskOptions) {
    const dict = o.extra.dict ?? DICT;
    if (!existsSync(dict))
      throw new NewsprismError(
        'E_NO_DATA',
        `${dict} not found; apt-get install mueller7-dict or --set dict=<path>`,
      );
    const raw = readFileSync(dict);
    const byEn = parseMueller(gunzipSync(raw).toString('utf8'));
    const en = stemCounts(o.data, [
      'semeval2023-task3/en/train-articles',
      'polnear/train/text',
      'semeval2025-task10/EN/documents',
    ]);
    const ru = stemCounts(o.data, ['semeval2023-task3/ru/train-articles', 'semeval2025-task10/RU/documents']);
    // Rank of each English stem among a Russian stem's translations: earlier senses first.
    const byRu = new Map<string, Map<string, number>>();
    for (const [head, words] of byEn) {
      const e = lightStem(head);
      if ((en.get(e) ?? 0) < 2) continue;
      words.forEach((w, rank) => {
        const r = lightStem(w);
        if ((ru.get(r) ?? 0) < 1) return;
        const m = byRu.get(r) ?? new Map<string, number>();
        m.set(e, Math.min(m.get(e) ?? Infinity, rank));
        byRu.set(r, m);
      });
    }
    const entries: Record<string, string[]> = {};
    for (const r of [...byRu.keys()].sort()) {
      const ranked = [...byRu.get(r)!].sort(
        (a, b) => a[1] - b[1] || (en.get(b[0]) ?? 0) - (en.get(a[0]) ?? 0),
      );
      entries[r] = ranked.slice(0, 4).map(([e]) => e);
    }
    const file = {
      format: 'newsprism-lexicon/1',
      description:
        'Russian stem → English stems (lightStem of both), from the Mueller English–Russian dictionary (7th ed., S. Starostin, E. S. Cymbalyuk; Debian mueller7-dict), GPL-2.0-or-later; built by `newsprism train reuse-lexicon`.',
      licence: 'GPL-2.0-or-later',
      // GPL-2 §1–2: the original notices kept, the change and its date stated (see lexicon.ru-en.md).
      copyright: 'Copyright (C) 1996 S. Starostin; Copyright (C) 1999-2000 E. S. Cymbalyuk',
      changes: `Derived by newsprism (train reuse-lexicon) on ${new Date().toISOString().slice(0, 10)}: Russian single-word equivalents of the first senses of each English headword, both sides stemmed, filtered by the stems of news articles, reversed to Russian → English.`,
      source: `Debian mueller7-dict (source package mueller), ${dict.split('/').pop()} sha256 ${createHash('sha256').update(raw).digest('hex')}`,
      licenceText: 'lexicon.ru-en.COPYING (GNU General Public License version 2)',
      entries,
    };
    const out = o.out ?? OUT;
    writeFileSync(out, `${JSON.stringify(file)}\n`);
    o.log(`wrote ${out}`);
    return {
      title: 'reuse lexicon (Russian → English stems)',
      metrics: { headwords: byEn.size, russian_stems: Object.keys(entries).length },
    };
  },
};
