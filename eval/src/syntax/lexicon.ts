import { createRequire } from 'node:module';
import type { SyntaxLexicon } from '@newsprism/core/train';

// EXPERIMENT (not shipped): OpenCorpora through the `az` package installed outside the repo.
interface AzParse {
  tag: { POST?: string; toString(): string };
  score: number;
}
type AzMorph = ((w: string) => AzParse[]) & { init(path: string, cb: (err: unknown) => void): void };

/** Loads az's OpenCorpora dictionaries from `dir` (the package folder) and returns the lexicon. */
export async function opencorporaLexicon(dir: string): Promise<SyntaxLexicon> {
  const req = createRequire(`${dir}/`);
  const Az = req('az') as { Morph: AzMorph };
  await new Promise<void>((res, rej) =>
    Az.Morph.init(`${dir}/node_modules/az/dicts`, (e) => (e ? rej(e) : res())),
  );
  const memo = new Map<string, string | undefined>();
  return (form) => {
    if (memo.has(form)) return memo.get(form);
    if (!/[а-яё]/.test(form)) return undefined;
    const parses = Az.Morph(form);
    const classes = new Set<string>();
    for (const p of parses) if (p.score >= 0.05) classes.add(String(p.tag).split(/[ ,]/)[0]!);
    const v = classes.size ? [...classes].sort().join('|') : undefined;
    memo.set(form, v);
    return v;
  };
}
