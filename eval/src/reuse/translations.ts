import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError, numberOption } from '@newsprism/core';
import { findReuse, type ReuseDocument } from '@newsprism/core/corpus';
import type { Task, TaskOptions } from '../task.js';
import { falsePairs, pairKey, unrelatedArticles } from './corpus.js';

interface Triple {
  id: string;
  ru: string;
  en_human: string;
  en_machine: string;
}

/**
 * `newsprism eval reuse-translations`: each version of the WMT22 documents (Russian original,
 * human and machine English) as its own document among unrelated SemEval-2023 articles (en, ru);
 * reports the share of original ↔ translation pairs found as `translation`, of human ↔ machine
 * pairs found as `rewrite` or `copy`, and false pairs per 10,000 unrelated pairs. Nothing is
 * fitted on this data (thresholds are fixed defaults), so there is no cross-validation.
 */
export const reuseTranslationsEval: Task = {
  name: 'reuse-translations',
  description:
    'reuse detection of translations and rewordings (translations-ru-en among SemEval-2023 articles)',
  async run(o: TaskOptions) {
    const file = join(o.data, 'translations-ru-en', 'documents.jsonl');
    if (!existsSync(file))
      throw new NewsprismError('E_NO_DATA', `${file} not found; pass --data ../shared/data`);
    const triples = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Triple);
    const docs: ReuseDocument[] = [];
    for (const t of triples)
      docs.push(
        { id: `${t.id}.ru`, text: t.ru },
        { id: `${t.id}.en-human`, text: t.en_human },
        { id: `${t.id}.en-machine`, text: t.en_machine },
      );
    const unrelated = unrelatedArticles(o.data, ['en', 'ru'], numberOption(o.extra, 'unrelated', Infinity));
    docs.push(...unrelated);
    const started = Date.now();
    const pairs = findReuse(docs);
    o.log(
      `${docs.length} documents, ${pairs.length} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const found = new Map(pairs.map((p) => [pairKey(p.a, p.b), p]));
    let translations = 0;
    let rewrites = 0;
    const misses: string[] = [];
    for (const t of triples) {
      for (const en of ['en-human', 'en-machine']) {
        const p = found.get(pairKey(`${t.id}.ru`, `${t.id}.${en}`));
        if (p?.kind === 'translation') translations++;
        else misses.push(`${t.id} ru~${en}: ${p?.kind ?? 'not found'}`);
      }
      const p = found.get(pairKey(`${t.id}.en-human`, `${t.id}.en-machine`));
      if (p && (p.kind === 'rewrite' || p.kind === 'copy')) rewrites++;
      else misses.push(`${t.id} human~machine: ${p?.kind ?? 'not found'}`);
    }
    const wmt = (id: string) => !id.startsWith('semeval-');
    const group = (id: string) => (wmt(id) ? id.replace(/\.(ru|en-human|en-machine)$/, '') : id);
    // Pairs with a WMT22 version on either side and another group are known unrelated (other
    // events, other outlets). Pairs inside the SemEval set are not: it holds wire stories several
    // outlets ran and the same statements quoted verbatim; they are counted apart, by kind.
    const wrong = falsePairs(
      pairs.filter((p) => wmt(p.a) || wmt(p.b)),
      group,
    );
    const n = docs.length;
    const m = unrelated.length;
    const knownUnrelated = (n * (n - 1)) / 2 - (m * (m - 1)) / 2 - triples.length * 3;
    const inside: Record<string, number> = {};
    for (const p of pairs) if (!wmt(p.a) && !wmt(p.b)) inside[p.kind] = (inside[p.kind] ?? 0) + 1;
    return {
      title: `reuse: translations and rewordings (${triples.length} WMT22 documents × 3 versions, ${m} unrelated articles)`,
      metrics: {
        original_translation_found: translations / (triples.length * 2),
        human_machine_rewrite_or_copy: rewrites / triples.length,
        false_pairs: wrong.count,
        unrelated_pairs: knownUnrelated,
        false_per_10k: (wrong.count / knownUnrelated) * 10000,
        ...Object.fromEntries(Object.entries(inside).map(([k, v]) => [`semeval_internal_${k}`, v])),
      },
      notes: [
        `misses: ${misses.length ? misses.join('; ') : 'none'}`,
        `false pairs (first 10): ${wrong.examples.join('; ') || 'none'}`,
      ],
    };
  },
};
