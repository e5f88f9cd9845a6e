import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository root, from packages/cli/src.
const ROOT = join(import.meta.dirname, '..', '..', '..');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const sources = readdirSync(join(ROOT, 'packages'))
  .map((pkg) => join(ROOT, 'packages', pkg, 'src'))
  .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory())
  .flatMap(walk)
  .filter((f) => /\.tsx?$/.test(f));
const isTest = (f: string) => /\.test\.tsx?$/.test(f);

/** Every code of a `new NewsprismError('E_…'` in production code, with the first file throwing it. */
function thrownCodes(): Map<string, string> {
  const thrown = new Map<string, string>();
  for (const f of sources.filter((f) => !isTest(f)))
    for (const m of readFileSync(f, 'utf8').matchAll(/new NewsprismError\(\s*'(E_[A-Z0-9_]+)'/g))
      if (!thrown.has(m[1]!)) thrown.set(m[1]!, f.slice(ROOT.length + 1));
  return thrown;
}

const codesIn = (text: string) => new Set([...text.matchAll(/`(E_[A-Z0-9_]+)`/g)].map((m) => m[1]!));

// The user-facing documents (not benchmarks.md or testing.md, which only mention codes).
const USER_DOCS = [
  'cli.md',
  'api.md',
  'library.md',
  'store.md',
  'data-model.md',
  'analyzers.md',
  'architecture.md',
];
const read = (doc: string) => readFileSync(join(ROOT, 'docs', doc), 'utf8');

// Thrown but never shown to anyone: the abort reason of Ctrl-C, which `analyze` catches to exit 130.
const INTERNAL = new Set(['E_INTERRUPTED']);
// Named in docs/cli.md only as the old names in its "Changed" note.
const RENAMED = new Set(['E_MODEL', 'E_BAD_MODEL']);

describe('error codes: thrown, documented, tested', () => {
  it('every code thrown with new NewsprismError is documented in docs/', () => {
    const documented = new Set(
      USER_DOCS.flatMap((d) => [...read(d).matchAll(/\bE_[A-Z0-9_]+\b/g)].map((m) => m[0])),
    );
    const missing = [...thrownCodes()].filter(([c]) => !documented.has(c) && !INTERNAL.has(c));
    expect(missing).toEqual([]);
  });

  it('every code docs/cli.md names is asserted by code in some test', () => {
    const tests = sources.filter(isTest).map((f) => readFileSync(f, 'utf8'));
    const untested = [...codesIn(read('cli.md'))].filter(
      (c) => !RENAMED.has(c) && !tests.some((t) => new RegExp(`\\b${c}\\b`).test(t)),
    );
    expect(untested).toEqual([]);
  });

  it('the old model codes are thrown nowhere', () => {
    expect([...thrownCodes().keys()].filter((c) => RENAMED.has(c))).toEqual([]);
  });
});
