import { readFileSync } from 'node:fs';
import { NewsprismError } from '../../errors.js';
import type { TermConcept, TermFile } from './term-types.js';

/** Reads a terminology file of one's own (the `naming` option `terms`); usage errors name the file and the fix. */
export function readTermFile(path: string): TermFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new NewsprismError('E_TERMS', `cannot read terms file ${path}; check the path`);
  }
  let f: TermFile;
  try {
    f = JSON.parse(text) as TermFile;
  } catch {
    throw new NewsprismError('E_TERMS', `terms file ${path} is not valid JSON`);
  }
  if (f?.format !== 'newsprism-terms/1' || typeof f.lang !== 'string' || !Array.isArray(f.concepts))
    throw new NewsprismError(
      'E_TERMS',
      `${path} is not a terms file: expected {"format": "newsprism-terms/1", "lang": "…", "concepts": [...]} (see layers/naming/README.md)`,
    );
  return { ...f, provenances: f.provenances ?? {}, sources: f.sources ?? {} };
}

/**
 * Merges terminology files of one language in order: provenances and sources of later files
 * are added (and win), a concept with a known id gets the later file's forms after its own
 * (and its `marked` form, if given), a new concept is added; a later file's `referents` replace
 * the earlier ones, its `between` words are added.
 */
export function mergeTermFiles(files: readonly TermFile[]): TermFile {
  const [first, ...rest] = files;
  const out: TermFile = { ...first!, provenances: { ...first!.provenances }, sources: { ...first!.sources } };
  const concepts = new Map<string, TermConcept>(
    first!.concepts.map((c) => [c.id, { ...c, forms: [...c.forms] }]),
  );
  for (const f of rest) {
    Object.assign(out.provenances, f.provenances);
    Object.assign(out.sources, f.sources);
    if (f.referents) out.referents = f.referents;
    if (f.between) out.between = [...(out.between ?? []), ...f.between];
    for (const c of f.concepts) {
      const known = concepts.get(c.id);
      if (!known) concepts.set(c.id, { ...c, forms: [...c.forms] });
      else {
        known.forms.push(...c.forms);
        if (c.marked) known.marked = c.marked;
      }
    }
  }
  out.concepts = [...concepts.values()];
  return out;
}
