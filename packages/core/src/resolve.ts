import { NewsprismError } from './errors.js';

/** What ordering needs of an analyzer: its name, its layer and the layers it reads. */
export interface Declared {
  readonly name: string;
  readonly produces: string;
  readonly requires: readonly string[];
  readonly optional?: readonly string[];
}

/** The analyzers that produce `wanted` and, transitively, what they require. */
function collect<A extends Declared>(all: readonly A[], wanted: readonly string[]): Set<A> {
  const byLayer = new Map<string, A>();
  for (const a of all) byLayer.set(a.produces, a);
  const chosen = new Set<A>();
  const visit = (layer: string, neededBy?: string): void => {
    const a = byLayer.get(layer);
    if (!a) {
      const known = [...byLayer.keys()].join(', ');
      const who = neededBy ? ` (required by ${neededBy})` : '';
      throw new NewsprismError(
        'E_UNKNOWN_LAYER',
        `no analyzer produces layer "${layer}"${who}; known layers: ${known}`,
      );
    }
    if (chosen.has(a)) return;
    chosen.add(a);
    for (const r of a.requires) visit(r, a.name);
  };
  for (const w of wanted) visit(w);
  return chosen;
}

/**
 * Orders the analyzers that produce `wanted` and everything they require, so each runs after
 * its requirements and after the optional inputs that are in the set. The order depends only on
 * the set and on the order of `all`, never on the order of `wanted`: at each step the first
 * analyzer of `all` whose inputs are done runs next. Throws `E_UNKNOWN_LAYER` for a layer nobody
 * produces and `E_PIPELINE_CYCLE` for inputs that need each other.
 */
export function resolveAnalyzers<A extends Declared>(all: readonly A[], wanted: readonly string[]): A[] {
  const chosen = collect(all, wanted);
  const layers = new Set([...chosen].map((a) => a.produces as string));
  const inputs = (a: A): string[] =>
    [...a.requires, ...(a.optional ?? [])].filter((l) => layers.has(l) && l !== a.produces);
  const done = new Set<string>();
  const order: A[] = [];
  const pending = all.filter((a) => chosen.has(a));
  while (pending.length > 0) {
    const next = pending.findIndex((a) => inputs(a).every((l) => done.has(l)));
    if (next < 0)
      throw new NewsprismError(
        'E_PIPELINE_CYCLE',
        `analyzers need each other's layers in a cycle: ${pending.map((a) => a.name).join(', ')}`,
      );
    const [a] = pending.splice(next, 1);
    order.push(a!);
    done.add(a!.produces);
  }
  return order;
}

/** The layers `a` reads in a pipeline making `layers`: its requirements and present optional inputs. */
export const inputsIn = (a: Declared, layers: ReadonlySet<string>): string[] => [
  ...a.requires,
  ...(a.optional ?? []).filter((l) => layers.has(l)),
];
