import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError, type ReuseDocument, type ReusePair } from '@newsprism/core';

/** Unrelated articles for reuse evaluation: the SemEval-2023 task 3 training articles of `langs`. */
export function unrelatedArticles(data: string, langs: readonly string[], limit = Infinity): ReuseDocument[] {
  const out: ReuseDocument[] = [];
  for (const lang of langs) {
    const dir = join(data, 'semeval2023-task3', lang, 'train-articles');
    if (!existsSync(dir))
      throw new NewsprismError('E_NO_DATA', `${dir} not found; pass --data ../shared/data`);
    for (const f of readdirSync(dir).sort().slice(0, limit))
      out.push({
        id: `semeval-${lang}-${f.replace(/\.txt$/, '')}`,
        text: readFileSync(join(dir, f), 'utf8'),
      });
  }
  return out;
}

/** Pair key independent of order. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

/** Pairs found among documents of different groups, by the kinds they were given. */
export function falsePairs(
  pairs: readonly ReusePair[],
  group: (id: string) => string,
): { count: number; examples: string[] } {
  const wrong = pairs.filter((p) => group(p.a) !== group(p.b));
  return {
    count: wrong.length,
    examples: wrong.slice(0, 10).map((p) => `${p.a} ~ ${p.b} ${p.kind} ${p.score}`),
  };
}
