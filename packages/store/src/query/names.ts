import { type GazetteerEntry, shippedEntries } from '@newsprism/core/node';
import { stemWord } from '../stem.js';
import { FUNCTION_WORDS } from './function-words.js';
import { parseQuery, type QueryNode } from './parse.js';

/** One name of a query expanded to all of its entity's names (a search's `allNames`). */
export interface NameExpansion {
  /** The gazetteer's form the query's word or phrase matched (`Bakhmut`). */
  matched: string;
  /** The gazetteer entity's id (`bakhmut`: the id `--entity` takes). */
  entity: string;
  /** Its display name. */
  name: string;
  /**
   * Every name searched for it, one per distinct stemmed form (`Bakhmut`, `Artyomovsk`, `Бахмут`,
   * …): not a name that is a function word (`US`, `UN`, `Того`) unless the query typed it.
   */
  names: string[];
}

/** A gazetteer name as the index holds it: its words' stems. */
interface NameForm {
  form: string;
  stems: string[];
  /** A one-word name that is a function word too (`US` — *us*): never searched for another name. */
  common: boolean;
}

/** Each entity's distinct names (forms in every language, contested variants, a person's surnames), by stems. */
interface NameIndex {
  /** Entities whose names include these stems (joined by spaces). */
  byKey: Map<string, { entry: GazetteerEntry; form: string }[]>;
  /** An entity's names, one per distinct key. */
  forms: Map<string, NameForm[]>;
  /** The most words a name has. */
  longest: number;
}

const WORDS = /[\p{L}\p{N}]+/gu;

let functionStems: Set<string> | undefined;

/** Whether one word, as stemmed, is a function word's (`us`, `того`, `un`). */
function isFunctionWord(stem: string): boolean {
  functionStems ??= new Set([...FUNCTION_WORDS].map(stemWord));
  return functionStems.has(stem);
}

/**
 * Whether a query word that is short or a function word was typed as the name is written: in
 * capitals where the name is all capitals (`US`, `РФ`), with a capital first where the name has
 * one (`Xi`, `Того`).
 */
function typedAsName(typed: string, form: string): boolean {
  const upper = (s: string) => s !== s.toLowerCase() && s === s.toUpperCase();
  const first = (s: string) => s.charAt(0);
  if (form.length > 1 && upper(form)) return upper(typed);
  return !upper(first(form)) || upper(first(typed));
}

/** A query word the index cannot tell from a common word: under three letters, or a function word. */
const ambiguous = (typed: string, stem: string): boolean =>
  [...typed.matchAll(/\p{L}/gu)].length < 3 || isFunctionWord(stem);

let index: NameIndex | undefined;

/** The shipped gazetteer's names, stemmed as the index stems them (made on first use). */
function nameIndex(): NameIndex {
  if (index) return index;
  const byKey: NameIndex['byKey'] = new Map();
  const forms: NameIndex['forms'] = new Map();
  let longest = 1;
  for (const entry of shippedEntries().values()) {
    const own: NameForm[] = [];
    const seen = new Set<string>();
    // A person is also named by surname alone (`Песков`), as the gazetteer derives it.
    const surnames =
      entry.type === 'PER'
        ? entry.forms.flatMap(({ form }) => {
            const parts = form.split(' ');
            const last = parts[parts.length - 1]!;
            return parts.length > 1 && last.length > 2 ? [last] : [];
          })
        : [];
    for (const form of [...entry.forms.map((f) => f.form), ...Object.keys(entry.variants), ...surnames]) {
      const stems = [...form.matchAll(WORDS)].map((m) => stemWord(m[0]));
      const key = stems.join(' ');
      if (stems.length === 0 || seen.has(key)) continue;
      seen.add(key);
      own.push({ form, stems, common: stems.length === 1 && isFunctionWord(stems[0]!) });
      longest = Math.max(longest, stems.length);
      const list = byKey.get(key) ?? [];
      list.push({ entry, form });
      byKey.set(key, list);
    }
    forms.set(entry.id, own);
  }
  index = { byKey, forms, longest };
  return index;
}

/**
 * The ids of the shipped gazetteer's entities one of whose names is `name` (any language, a
 * contested variant, a person's surname; stemmed, so `Киева` too): what `--entity Kiev`,
 * `--entity Киев`, `--entity Zelensky` select besides an entity whose stored name is `name`.
 */
export function entityIdsNamed(name: string): string[] {
  const stems = [...name.matchAll(WORDS)].map((m) => stemWord(m[0]));
  if (stems.length === 0) return [];
  return [...new Set((nameIndex().byKey.get(stems.join(' ')) ?? []).map((x) => x.entry.id))];
}

const asNode = (stems: readonly string[]): QueryNode =>
  stems.length === 1 ? { kind: 'term', stem: stems[0]! } : { kind: 'phrase', stems: [...stems] };

const keyOf = (n: QueryNode): string | undefined =>
  n.kind === 'term' ? n.stem : n.kind === 'phrase' ? n.stems.join(' ') : undefined;

/**
 * Expands each word or phrase of a parsed query that is a name of a shipped gazetteer entity
 * into an OR of the query's own term and every name of that entity, in every language
 * (`Bakhmut` → `Bakhmut OR Artyomovsk OR "Artemovsk" OR Бахмут OR Артёмовск OR …`), each name
 * a phrase of stems as the index stems it. Consecutive plain words that form a name (`Chasiv
 * Yar` without quotes) are expanded together. The rest of the query (AND/OR, prefixes, words
 * inside a longer phrase, and whatever NOT excludes) is kept as it is. A name several entities share expands to
 * the names of all of them.
 *
 * The index is case-folded, so a name that is also a common word is taken with care. A query word
 * of fewer than three letters or that is a function word (`query/function-words.ts`) is a name
 * only as typed with the name's capitals (`US` expands to the United States, `us` stays literal;
 * `Xi`, `Того`; the words as typed come from `parseQuery(q, {typed: true})`, and a word without
 * them is taken as typed in lower case). And a name that is a function word (`US`, `UN`, `Того`)
 * is never searched for another name: `"United States"` does not search *us*.
 *
 * @example
 * expandNames(parseQuery('Bakhmut AND assault')).expansions[0].entity; // 'bakhmut'
 */
export function expandNames(node: QueryNode): { node: QueryNode; expansions: NameExpansion[] } {
  const idx = nameIndex();
  const expansions: NameExpansion[] = [];
  const done = new Set<string>();
  /** The OR of `original` and the names of the entities of `key`, or undefined for no name. */
  const expand = (key: string, original: QueryNode): QueryNode | undefined => {
    let owners = idx.byKey.get(key);
    if (!owners) return undefined;
    if (original.kind === 'term') {
      const typed = original.typed ?? original.stem;
      if (ambiguous(typed, original.stem)) owners = owners.filter((o) => typedAsName(typed, o.form));
    }
    const children: QueryNode[] = [original];
    const keys = new Set([keyOf(original)]);
    for (const { entry, form } of owners) {
      const names = idx.forms.get(entry.id)!.filter((n) => !n.common || n.stems.join(' ') === key);
      for (const n of names) {
        const k = n.stems.join(' ');
        if (keys.has(k)) continue;
        keys.add(k);
        children.push(asNode(n.stems));
      }
      if (!done.has(`${key}\u0001${entry.id}`)) {
        done.add(`${key}\u0001${entry.id}`);
        expansions.push({
          matched: form,
          entity: entry.id,
          name: entry.name,
          names: names.map((n) => n.form),
        });
      }
    }
    return children.length === 1 ? original : { kind: 'or', children };
  };
  const walk = (n: QueryNode): QueryNode => {
    switch (n.kind) {
      case 'term':
      case 'phrase':
        return expand(keyOf(n)!, n) ?? n;
      // What NOT excludes stays literal: `Bakhmut NOT Artyomovsk` finds the town's articles that
      // do not use that name.
      case 'prefix':
      case 'not':
        return n;
      case 'or':
        return { kind: 'or', children: n.children.map(walk) };
      case 'and': {
        const out: QueryNode[] = [];
        const kids = n.children;
        for (let i = 0; i < kids.length; ) {
          // The longest run of plain words from here that is a name of several words.
          let taken = 0;
          for (let len = Math.min(idx.longest, kids.length - i); len >= 2 && taken === 0; len--) {
            const run = kids.slice(i, i + len);
            if (!run.every((c) => c.kind === 'term')) continue;
            const key = run.map((c) => (c as { stem: string }).stem).join(' ');
            const got = idx.byKey.has(key) ? expand(key, { kind: 'and', children: run }) : undefined;
            if (got) {
              out.push(got);
              taken = len;
            }
          }
          if (taken > 0) i += taken;
          else out.push(walk(kids[i++]!));
        }
        return out.length === 1 ? out[0]! : { kind: 'and', children: out };
      }
    }
  };
  return { node: walk(node), expansions };
}

/**
 * What a search with `allNames` expands `query` to, without searching: for a front end that
 * says so beside a report or an export (a search's result carries its own `expansions`).
 * Throws `E_BAD_QUERY` as a search would.
 */
export function queryExpansions(query: string): NameExpansion[] {
  return expandNames(parseQuery(query, { typed: true })).expansions;
}
