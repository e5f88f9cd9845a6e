import { numberOption } from '@newsprism/core';
import { findReuse, type ReuseDocument } from '@newsprism/core/corpus';
import type { Task, TaskOptions } from '../task.js';
import { pairKey, unrelatedArticles } from './corpus.js';

/** The republication cases built from an article: each a function of its title and paragraphs. */
const CASES: Record<string, (title: string, paras: string[]) => string> = {
  // A dateline crediting the wire, and a credit line at the end.
  dateline: (t, p) =>
    [t, '', `MOSCOW (Newsroom Daily / Wire - 22nd May, 2023) ${p[0]}`, ...p.slice(1), 'Source: Wire'].join(
      '\n',
    ),
  // The title repeated above the body, as aggregators print it.
  title: (t, p) => [t, '', t, ...p].join('\n'),
  // Every third body paragraph dropped.
  dropped: (t, p) => [t, '', ...p.filter((_, k) => p.length < 3 || k % 3 !== 2)].join('\n'),
  // The body paragraphs in another order.
  reordered: (t, p) =>
    [t, '', ...p.slice(Math.ceil(p.length / 2)), ...p.slice(0, Math.ceil(p.length / 2))].join('\n'),
  // The first half of the text, cut mid-sentence.
  truncated: (t, p) => {
    const body = p.join('\n');
    return [t, '', body.slice(0, Math.max(200, Math.floor(body.length / 2)))].join('\n');
  },
  // All at once: dateline credit, dropped paragraphs and truncation.
  combined: (t, p) => {
    const kept = p.filter((_, k) => p.length < 3 || k % 3 !== 2);
    const body = [`KYIV (Newsroom Daily / Wire) ${kept[0]}`, ...kept.slice(1)].join('\n');
    return [t, '', t, body.slice(0, Math.max(200, Math.floor(body.length * 0.6)))].join('\n');
  },
};

/**
 * `newsprism eval reuse-copies`: republication cases built from SemEval-2023 articles (en, ru):
 * every `--set every=N`-th article (default 5) gets one copy per case (dateline and credit added,
 * repeated title, dropped paragraphs, reordered paragraphs, truncated, all combined), put among
 * all the articles. Reports per case the share of copies found as `copy` or `partial` with their
 * original, how many of the dateline copies get the direction original → copy, and false pairs: a
 * copy paired with any article its original is not paired with (pre-existing reuse in the data is
 * inherited by the copies and not counted).
 */
export const reuseCopiesEval: Task = {
  name: 'reuse-copies',
  description:
    'reuse detection of planted republications (datelines, titles, dropped/reordered paragraphs, truncation)',
  async run(o: TaskOptions) {
    const every = numberOption(o.extra, 'every', 5);
    const articles = unrelatedArticles(o.data, ['en', 'ru']);
    const docs: ReuseDocument[] = articles.map((a) => ({ ...a, meta: { outlet: 'Wire' } }));
    const planted = new Map<string, { original: string; kind: string }>();
    articles.forEach((a, k) => {
      if (k % every !== 0) return;
      const lines = a.text.split(/\r?\n/).map((l) => l.trim());
      const title = lines[0] ?? '';
      const paras = lines.slice(1).filter(Boolean);
      if (paras.length < 2) return;
      for (const [kind, make] of Object.entries(CASES)) {
        const id = `${a.id}~${kind}`;
        planted.set(id, { original: a.id, kind });
        docs.push({ id, text: make(title, paras), meta: { outlet: 'Newsroom Daily' } });
      }
    });
    const started = Date.now();
    const pairs = findReuse(docs);
    o.log(
      `${docs.length} documents, ${pairs.length} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const found = new Map(pairs.map((p) => [pairKey(p.a, p.b), p]));
    const partners = new Map<string, Set<string>>();
    for (const p of pairs) {
      partners.set(p.a, (partners.get(p.a) ?? new Set()).add(p.b));
      partners.set(p.b, (partners.get(p.b) ?? new Set()).add(p.a));
    }
    const byCase: Record<string, { n: number; hit: number; copy: number }> = {};
    let directed = 0;
    let datelines = 0;
    for (const [id, { original, kind }] of planted) {
      const c = byCase[kind] ?? { n: 0, hit: 0, copy: 0 };
      byCase[kind] = c;
      c.n++;
      const p = found.get(pairKey(id, original));
      if (p && (p.kind === 'copy' || p.kind === 'partial')) c.hit++;
      if (p?.kind === 'copy') c.copy++;
      if (kind === 'dateline') {
        datelines++;
        const right = p && (p.a === original ? p.direction === 'a→b' : p.direction === 'b→a');
        if (right) directed++;
      }
    }
    // A planted copy's pairs other than with its original, its siblings and its original's partners.
    let wrong = 0;
    const examples: string[] = [];
    for (const p of pairs) {
      for (const [x, y] of [
        [p.a, p.b],
        [p.b, p.a],
      ] as const) {
        const info = planted.get(x);
        if (!info) continue;
        const other = planted.get(y)?.original ?? y;
        if (other === info.original || partners.get(info.original)?.has(other)) continue;
        wrong++;
        if (examples.length < 10) examples.push(`${x} ~ ${y} ${p.kind}`);
      }
    }
    const originals = new Set([...planted.values()].map((p) => p.original)).size;
    const unrelatedPairs = planted.size * (docs.length - Object.keys(CASES).length);
    const total = Object.values(byCase).reduce((s, c) => s + c.hit, 0);
    return {
      title: `reuse: planted republications (${originals} originals × ${Object.keys(CASES).length} cases among ${docs.length} documents)`,
      metrics: {
        copy_or_partial_recall: total / planted.size,
        dateline_direction_right: datelines ? directed / datelines : 0,
        false_pairs: wrong,
        unrelated_pairs: unrelatedPairs,
        false_per_10k: (wrong / unrelatedPairs) * 10000,
      },
      table: [
        ['case', 'copies', 'found', 'recall', 'as copy'],
        ...Object.entries(byCase).map(([k, c]) => [k, c.n, c.hit, c.hit / c.n, c.copy]),
      ],
      notes: [`false pairs (first 10): ${examples.join('; ') || 'none'}`],
    };
  },
};
