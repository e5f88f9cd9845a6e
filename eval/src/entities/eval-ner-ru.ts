import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline, NewsprismError } from '@newsprism/core';
import { inSplit } from '../split.js';
import type { Task, TaskOptions } from '../task.js';

/** Annotated entity strings per document of a SemEval-2025 Task 10 language folder. */
export function loadEntityStrings(dir: string): Map<string, Set<string>> {
  const file = join(dir, 'subtask-1-annotations.txt');
  if (!existsSync(file))
    throw new NewsprismError(
      'E_DATA',
      `${file} not found; --data should be ../shared/data/semeval2025-task10`,
    );
  const out = new Map<string, Set<string>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [doc, entity] = line.split('\t');
    if (!doc || !entity?.trim()) continue;
    const set = out.get(doc) ?? new Set<string>();
    set.add(entity.trim());
    out.set(doc, set);
  }
  return out;
}

const norm = (s: string) =>
  s
    .replace(/[«»“”"]/g, '"')
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * `newsprism eval ner-ru`: for each document of SemEval-2025 Task 10 (`--lang ru` by default),
 * the share of its annotated entity strings that the `entities` layer marks as a mention with
 * exactly that surface (quotes, `ё` and spacing normalised), averaged over documents. The
 * release's RU offsets are shifted, so matching is by surface, not offset. `overlap` is looser:
 * some occurrence of the string overlaps a mention; `with_references` also accepts an entity's
 * role references (`президент России`). `--split val|train` uses the project split.
 */
export const evalNerRu: Task = {
  name: 'ner-ru',
  description:
    'Russian entity coverage on SemEval-2025 Task 10 RU annotations (--data ../shared/data/semeval2025-task10)',
  async run(o: TaskOptions) {
    const lang = (o.lang ?? 'ru').toUpperCase();
    const dir = join(o.data, lang);
    const strings = loadEntityStrings(dir);
    const pipeline = await createPipeline({ layers: ['entities'] });
    let exactSum = 0;
    let refSum = 0;
    let overlapSum = 0;
    let docs = 0;
    let strs = 0;
    let full = 0;
    const missed = new Map<string, number>();
    for (const [file, set] of strings) {
      if (!inSplit('semeval2025-task10', file, o.split)) continue;
      const path = join(dir, 'documents', file);
      if (!existsSync(path)) continue;
      const text = readFileSync(path, 'utf8');
      const doc = pipeline.run({ id: file, text, meta: { lang: lang.toLowerCase() } });
      const mentions = doc.entities!.flatMap((e) => e.mentions);
      const surfaces = new Set(mentions.map((m) => norm(text.slice(m.start, m.end))));
      const refs = new Set(doc.entities!.flatMap((e) => (e.references ?? []).map((m) => norm(m.text ?? ''))));
      let exact = 0;
      let withRefs = 0;
      let overlap = 0;
      for (const s of set) {
        if (surfaces.has(norm(s))) exact++;
        else missed.set(s, (missed.get(s) ?? 0) + 1);
        if (surfaces.has(norm(s)) || refs.has(norm(s))) withRefs++;
        let at = text.indexOf(s);
        let hit = false;
        while (at >= 0 && !hit) {
          hit = mentions.some((m) => m.start < at + s.length && at < m.end);
          at = text.indexOf(s, at + 1);
        }
        if (hit) overlap++;
      }
      exactSum += exact / set.size;
      refSum += withRefs / set.size;
      overlapSum += overlap / set.size;
      if (exact === set.size) full++;
      docs++;
      strs += set.size;
    }
    const worst = [...missed.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    return {
      title: `Entity coverage — SemEval-2025 Task 10 ${lang}, split ${o.split ?? 'all'} (${docs} documents, ${strs} entity strings)`,
      metrics: {
        coverage_exact: docs ? exactSum / docs : 0,
        coverage_overlap: docs ? overlapSum / docs : 0,
        coverage_with_references: docs ? refSum / docs : 0,
        docs_fully_covered: docs ? full / docs : 0,
      },
      notes: [`most often missed: ${worst.map(([s, n]) => `${s}${n > 1 ? ` ×${n}` : ''}`).join(' | ')}`],
    };
  },
};
