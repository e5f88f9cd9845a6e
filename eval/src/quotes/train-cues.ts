import { readFileSync, writeFileSync } from 'node:fs';
import { numberOption, tokenize } from '@newsprism/core';
import { inSplit } from '../split.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadPolnear, type PolnearDoc } from './polnear.js';

/** Where the English cue list lives (its `learned` part is rewritten). */
const CUES_EN = new URL('../../../packages/core/src/layers/quotes/cues.en.json', import.meta.url);

/** The English cue file's `between` words (auxiliaries, adverbs), which `strip` skips at a cue's start. */
export function betweenWords(): string[] {
  return (JSON.parse(readFileSync(CUES_EN, 'utf8')) as { between: string[] }).between;
}

/** Per word form: occurrences in the text and occurrences as (the first word of) a gold cue. */
export interface CueTally {
  total: Map<string, number>;
  cue: Map<string, number>;
}

/** Counts, over articles, how often each lower-cased word form starts a gold attribution cue. */
export function tallyCues(docs: readonly PolnearDoc[], strip: ReadonlySet<string> = new Set()): CueTally {
  const total = new Map<string, number>();
  const cue = new Map<string, number>();
  for (const d of docs) {
    const starts = new Set<number>();
    const toks = tokenize(d.text, 'en');
    for (const a of d.attributions) {
      const first = [...a.cue].sort((x, y) => x.start - y.start)[0];
      if (!first) continue;
      // With `strip` (the words allowed between a source and its cue: `has`, `is`, `been`), the
      // cue's first word after them: `has been critical of` credits `critical`.
      const inside = toks.filter((t) => t.start >= first.start && t.end <= first.end && t.kind === 'word');
      const lead = inside.find((t) => !strip.has(d.text.slice(t.start, t.end).toLowerCase()));
      starts.add(strip.size && lead ? lead.start : first.start);
    }
    for (const t of toks) {
      if (t.kind !== 'word') continue;
      const w = d.text.slice(t.start, t.end).toLowerCase();
      total.set(w, (total.get(w) ?? 0) + 1);
      if (starts.has(t.start)) cue.set(w, (cue.get(w) ?? 0) + 1);
    }
  }
  return { total, cue };
}

/**
 * Counts multi-word cue phrases (issue 18, round 3: `is confident that`, `has been critical of`,
 * `expressed concern`): the lower-cased words of each gold cue's first span when it holds 2 to
 * `maxWords` words, with how often that word sequence occurs in the text at all. Keys are the
 * words joined by a space, so the phrases join the same table as the single forms.
 */
export function tallyPhrases(
  docs: readonly PolnearDoc[],
  maxWords = 5,
  strip: ReadonlySet<string> = new Set(),
): CueTally {
  const total = new Map<string, number>();
  const cue = new Map<string, number>();
  const toks = docs.map((d) => tokenize(d.text, 'en'));
  for (const [di, d] of docs.entries()) {
    const ts = toks[di]!;
    for (const a of d.attributions) {
      const first = [...a.cue].sort((x, y) => x.start - y.start)[0];
      if (!first) continue;
      const inside = ts.filter((t) => t.start >= first.start && t.end <= first.end);
      while (inside.length && strip.has(d.text.slice(inside[0]!.start, inside[0]!.end).toLowerCase()))
        inside.shift();
      if (inside.length < 2 || inside.length > maxWords || inside.some((t) => t.kind !== 'word')) continue;
      const key = inside.map((t) => d.text.slice(t.start, t.end).toLowerCase()).join(' ');
      cue.set(key, (cue.get(key) ?? 0) + 1);
    }
  }
  for (const [di, d] of docs.entries()) {
    const ts = toks[di]!;
    for (let i = 0; i < ts.length; i++) {
      let key = '';
      for (let n = 0; n < maxWords && i + n < ts.length; n++) {
        const t = ts[i + n]!;
        if (t.kind !== 'word') break;
        key += (n ? ' ' : '') + d.text.slice(t.start, t.end).toLowerCase();
        if (n && cue.has(key)) total.set(key, (total.get(key) ?? 0) + 1);
      }
    }
  }
  return { total, cue };
}

/**
 * Keeps forms seen as a cue at least `minCount` times with reliability (cue share of all
 * occurrences) at least `minReliability`: `{form: [reliability, count]}`, most frequent first.
 */
export function learnedCues(
  t: CueTally,
  minCount = 3,
  minReliability = 0.25,
): Record<string, [number, number]> {
  const rows: [string, number, number][] = [];
  for (const [w, n] of t.cue) {
    const rel = n / (t.total.get(w) ?? n);
    if (n >= minCount && rel >= minReliability && /^\p{L}[\p{L}’'-]*(?: \p{L}[\p{L}’'-]*)*$/u.test(w))
      rows.push([w, Math.round(rel * 100) / 100, n]);
  }
  rows.sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]));
  return Object.fromEntries(rows.map(([w, r, n]) => [w, [r, n]]));
}

/**
 * `newsprism train quotes-cues --data ../shared/data/polnear`: learns cue forms and their
 * reliability from PolNeAR train (the project's train part of it; `val` articles are left out)
 * and rewrites the `learned` part of `cues.en.json` (or `--out FILE`).
 */
export const quotesCuesTrain: Task = {
  name: 'quotes-cues',
  description: 'learn reporting-cue forms and their reliability from PolNeAR train into cues.en.json',
  async run(opts: TaskOptions): Promise<Report> {
    const docs = loadPolnear(opts.data, 'train').filter((d) =>
      inSplit('polnear', d.id, opts.split ?? 'train'),
    );
    const minCount = numberOption(opts.extra, 'minCount', 3);
    const learned = learnedCues(tallyCues(docs), minCount);
    const out = opts.out ? new URL(`file://${opts.out}`) : CUES_EN;
    const file = JSON.parse(readFileSync(CUES_EN, 'utf8')) as Record<string, unknown>;
    file.learned = learned;
    writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
    opts.log(`quotes-cues: ${docs.length} articles, ${Object.keys(learned).length} forms → ${out.pathname}`);
    const top = Object.entries(learned).slice(0, 15);
    return {
      title: `quotes-cues learned from PolNeAR train (${docs.length} articles)`,
      metrics: { articles: docs.length, forms: Object.keys(learned).length },
      table: [['form', 'reliability', 'count'], ...top.map(([w, [r, n]]) => [w, r, n])],
    };
  },
};
