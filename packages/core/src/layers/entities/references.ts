import type { Token } from '../../schema.js';
import type { Gazetteer } from './gazetteer.js';
import type { Entity, Mention } from './group.js';
import { tokenKey, tokenStems } from './keys.js';
import { adjacent } from './match.js';

/**
 * Adds `references` to linked entities: descriptions from the gazetteer's `roles` that name the
 * entity (`the Ukrainian president`, `президент России`). A role counts only when the entity is
 * also named in the document — the same words meant someone else in another year — so the
 * reference is resolvable. Matching ignores case and tolerates Russian declension.
 */
export function addReferences(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  entities: Entity[],
  gaz: Gazetteer,
): void {
  const present = new Map<string, Entity>();
  for (const e of entities)
    if (e.gazetteer && gaz.entries.get(e.gazetteer)?.roles.length) present.set(e.gazetteer, e);
  if (present.size === 0) return;
  const keys: (string | undefined)[] = new Array(tokens.length);
  const stems: (string[] | undefined)[] = new Array(tokens.length);
  const key = (k: number) => {
    keys[k] ??= tokenKey(words[k]!.toLowerCase());
    return keys[k]!;
  };
  const same = (k: number, want: string) => {
    if (key(k) === want) return true;
    stems[k] ??= tokenStems(words[k]!) ?? [];
    return stems[k]!.includes(want);
  };
  const found = new Map<Entity, Mention[]>();
  const starts = roleStarts(gaz);
  for (let i = 0; i < tokens.length; i++) {
    const w = words[i]!;
    // A cheap test on the first two letters keeps most words from being lower-cased.
    if (tokens[i]!.kind !== 'word' || w.length < 3 || !starts.has(pair(w))) continue;
    const cands = gaz.roles.get(key(i)) ?? (tokenStems(w) ?? []).flatMap((s) => gaz.roles.get(s) ?? []);
    for (const c of cands) {
      const e = present.get(c.entry.id);
      if (!e || i + c.keys.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < c.keys.length && ok; k++)
        ok = same(i + k, c.keys[k]!) && adjacent(text, tokens, i + k - 1);
      if (!ok) continue;
      const end = tokens[i + c.keys.length - 1]!.end;
      const list = found.get(e) ?? [];
      list.push({ start: tokens[i]!.start, end, text: text.slice(tokens[i]!.start, end) });
      found.set(e, list);
      i += c.keys.length - 1;
      break;
    }
  }
  for (const [e, refs] of found) e.references = refs;
}

const fold = (c: number): number =>
  (c >= 65 && c <= 90) || (c >= 0x410 && c <= 0x42f) ? c + 32 : c === 0x401 ? 0x435 : c === 0x451 ? 0x435 : c;
const pair = (w: string): number => fold(w.charCodeAt(0)) * 65536 + fold(w.charCodeAt(1));
const startsOf = new WeakMap<Gazetteer, Set<number>>();

/** The folded first two letters of every role's first word. */
function roleStarts(gaz: Gazetteer): Set<number> {
  let set = startsOf.get(gaz);
  if (!set) {
    set = new Set();
    for (const e of gaz.entries.values()) for (const r of e.roles) set.add(pair(r));
    startsOf.set(gaz, set);
  }
  return set;
}
