import { NewsprismError } from '@newsprism/core/schema';
import { stemWord } from '../stem.js';

/**
 * A parsed search query. Words are already stemmed as the index is; `typed` holds a word's (or a
 * phrase's words') letters as the query typed them, when `parseQuery` is asked for them.
 */
export type QueryNode =
  | { kind: 'term'; stem: string; typed?: string }
  | { kind: 'prefix'; stem: string }
  | { kind: 'phrase'; stems: string[]; typed?: string[] }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

type Tok =
  | { t: 'word'; text: string; prefix: boolean; col: number }
  | { t: 'phrase'; text: string; col: number }
  | { t: 'and' | 'or' | 'not' | '(' | ')'; col: number };

const WORDS = /[\p{L}\p{N}]+/gu;

/** What is wrong, where, and how to fix it: `unclosed ( at column 1 of "(war"; add a ) after its terms`. */
function bad(query: string, col: number, what: string, fix: string): NewsprismError {
  return new NewsprismError('E_BAD_QUERY', `${what} at column ${col} of "${query}"; ${fix}`);
}

const OPERATOR: Record<string, string> = { and: 'AND', or: 'OR', not: 'NOT', '(': '(', ')': ')' };

/** The fix for a token where a term should be (`prev` the token before it, if any). */
function unexpectedFix(t: Tok, prev: Tok | undefined): string {
  if (t.t === ')')
    return prev?.t === '(' ? 'put a term between ( and )' : 'remove it, or open it with a ( before';
  const op = OPERATOR[t.t]!;
  return prev && prev.t !== '('
    ? `remove one of the two operators, or put a term between them`
    : `put a term before ${op} (e.g. war ${op} peace), or remove it`;
}

function lex(q: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    const col = i + 1;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')') {
      out.push({ t: c, col });
      i++;
    } else if (c === '"') {
      const close = q.indexOf('"', i + 1);
      if (close < 0) throw bad(q, col, 'unclosed quote "', 'close the quote after the phrase, or remove it');
      out.push({ t: 'phrase', text: q.slice(i + 1, close), col });
      i = close + 1;
    } else {
      let j = i;
      while (j < q.length && !/[\s()"]/.test(q[j]!)) j++;
      const text = q.slice(i, j);
      i = j;
      if (text === 'AND' || text === 'OR' || text === 'NOT')
        out.push({ t: text.toLowerCase() as 'and', col });
      else if (text.endsWith('*')) out.push({ t: 'word', text: text.slice(0, -1), prefix: true, col });
      else out.push({ t: 'word', text, prefix: false, col });
    }
  }
  return out;
}

const HARD_END = /[бвгджзклмнпрстфхцчшщ]$/u;
/** What Snowball takes for an adjective's ending on a noun stem (`режим` → `реж`, `геро` → `гер`). */
const ADJ_END = /^(им|ем|ой|ей|ом|о)$/u;

/**
 * The stems a query word is searched by: its own, and for a Russian word the stems of its other
 * forms that Snowball's Russian stemmer reads apart — it takes `-им`, `-ем`, `-ой`, … of a noun
 * for an adjective's ending (`режим` → `реж`, but `режима`, `режимом` → `режим`; `героя` →
 * `геро`, `герой` → `гер`; `времени` → `времен`, `время` → `врем`). A stem that stems further
 * adds that stem (`режима` also finds `режим`); a word ending in a hard consonant that its
 * genitive keeps as the stem adds itself (`режим` also finds `режима`). The further stem is added
 * only when the letters it drops are such an ending (`им`, `ем`, `ой`, `ей`, `ом`, `о`): a
 * derivational suffix is a different word (`сообщение` → `сообщен` → `сообщ` would find every
 * `сообщил`; `годовой` → `годов` → `год`, `работать` → `работа` → `работ`).
 */
export function stemAlternatives(word: string): string[] {
  const s = stemWord(word);
  const lower = word.toLowerCase().replaceAll('ё', 'е');
  if (!/[\u0400-\u04ff]/u.test(lower)) return [s];
  const out = new Set([s]);
  const again = stemWord(s);
  if (again !== s && s.length >= 4 && ADJ_END.test(s.slice(again.length))) out.add(again);
  if (again === s && lower !== s && HARD_END.test(lower) && stemWord(`${lower}а`) === lower) out.add(lower);
  return [...out];
}

/**
 * Parses a search query: words (stemmed, so `sanction` finds `sanctions` and `Украины` finds
 * `Украина`), `"phrases"`, `prefix*`, `AND` (also implied between terms), `OR`, `NOT`, and
 * parentheses. Throws `E_BAD_QUERY` with the column of the problem. `NOT` must exclude from
 * something: `sanctions NOT oil`, not `NOT oil` alone. With `typed`, each word and phrase keeps
 * its words as typed (what `expandNames` reads the case of).
 *
 * @example
 * parseQuery('"White House" AND sanction* NOT oil');
 */
export function parseQuery(query: string, opts: { typed?: boolean } = {}): QueryNode {
  /** A term or phrase of `stems`, with the words as `typed` when asked. */
  const one = (stems: string[], typed: string[]): QueryNode => {
    if (stems.length === 1)
      return opts.typed
        ? { kind: 'term', stem: stems[0]!, typed: typed[0]! }
        : { kind: 'term', stem: stems[0]! };
    return opts.typed ? { kind: 'phrase', stems, typed } : { kind: 'phrase', stems };
  };
  const words = (list: string[]): QueryNode => {
    // A Russian word whose forms Snowball stems apart (режим → реж, режима → режим) is searched
    // by each of its stems: a phrase by each combination, at most eight.
    const alts = list.map(stemAlternatives);
    let combos: string[][] = [[]];
    for (const a of alts) {
      const next = combos.flatMap((c) => a.map((s) => [...c, s]));
      combos = next.length > 8 ? combos.map((c) => [...c, a[0]!]) : next;
    }
    return combos.length === 1
      ? one(combos[0]!, list)
      : { kind: 'or', children: combos.map((c) => one(c, list)) };
  };
  const toks = lex(query);
  if (toks.length === 0)
    throw new NewsprismError('E_BAD_QUERY', 'the query is empty; give words to search for');
  let i = 0;
  const peek = () => toks[i];
  const end = query.length + 1;
  // The query ends where a term should be: after an operator or a (.
  const missing = () => {
    const last = toks[toks.length - 1]!;
    const op = OPERATOR[last.t];
    return bad(
      query,
      end,
      'a term is missing',
      op ? `put a term after ${op}${op === '(' ? '' : ', or remove it'}` : 'put a term at the end',
    );
  };
  const orExpr = (): QueryNode => {
    const parts = [andExpr()];
    while (peek()?.t === 'or') {
      i++;
      parts.push(andExpr());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', children: parts };
  };
  const andExpr = (): QueryNode => {
    const parts = [unary()];
    for (;;) {
      const t = peek();
      if (!t || t.t === 'or' || t.t === ')') break;
      if (t.t === 'and') i++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', children: parts };
  };
  const unary = (): QueryNode => {
    const t = peek();
    if (!t) throw missing();
    if (t.t === 'not') {
      i++;
      const child = unary();
      // A double negative is the term itself (`war NOT (NOT oil)` = `war oil`).
      return child.kind === 'not' ? child.child : { kind: 'not', child };
    }
    return primary();
  };
  const primary = (): QueryNode => {
    const t = toks[i++];
    if (!t) throw missing();
    if (t.t === '(') {
      const inner = orExpr();
      if (peek()?.t !== ')') throw bad(query, t.col, 'unclosed (', 'add a ) after its terms, or remove it');
      i++;
      return inner;
    }
    if (t.t === 'phrase') {
      const list = [...t.text.matchAll(WORDS)].map((m) => m[0]);
      if (list.length === 0)
        throw bad(query, t.col, 'the phrase has no words', 'put words between the quotes, or remove them');
      return words(list);
    }
    if (t.t === 'word') {
      const list = [...t.text.matchAll(WORDS)].map((m) => m[0]);
      if (list.length === 0) {
        // A lone `*` is what one types for "everything": the filters alone do that.
        if (t.prefix && t.text === '')
          throw bad(
            query,
            t.col,
            '"*" needs the start of a word before it',
            'write it after one (украин*), or give no query: the filters alone list the documents',
          );
        throw bad(
          query,
          t.col,
          `"${t.text}${t.prefix ? '*' : ''}" has no letters or digits`,
          'remove it (only words are searched)',
        );
      }
      if (t.prefix) {
        if (list.length > 1)
          throw bad(
            query,
            t.col,
            'a prefix* must be one word',
            `quote a phrase with a hyphen ("${t.text}"), or put * after one word`,
          );
        // The index holds stems, and a word's stem is at most as long as the word: matching the
        // prefix's own stem finds every form the prefix starts.
        return { kind: 'prefix', stem: stemWord(list[0]!) };
      }
      return words(list);
    }
    throw bad(query, t.col, `unexpected ${OPERATOR[t.t]}`, unexpectedFix(t, toks[i - 2]));
  };
  const node = orExpr();
  if (i < toks.length)
    throw bad(
      query,
      toks[i]!.col,
      `unexpected ${OPERATOR[toks[i]!.t] ?? toks[i]!.t}`,
      unexpectedFix(toks[i]!, toks[i - 1]),
    );
  checkNegation(node, query);
  return node;
}

/** Both backends need something positive to subtract from; say so instead of a SQL error. */
function checkNegation(node: QueryNode, query: string): void {
  const positive = (n: QueryNode): boolean => {
    if (n.kind === 'not') return false;
    if (n.kind === 'and') return n.children.some(positive);
    if (n.kind === 'or') return n.children.every(positive);
    return true;
  };
  const walk = (n: QueryNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
    if (n.kind === 'not') walk(n.child);
    if (!positive(n) && n.kind !== 'not')
      throw new NewsprismError(
        'E_BAD_QUERY',
        `NOT needs a term to exclude from in "${query}" (e.g. sanctions NOT oil)`,
      );
  };
  if (!positive(node))
    throw new NewsprismError(
      'E_BAD_QUERY',
      `NOT needs a term to exclude from in "${query}" (e.g. sanctions NOT oil)`,
    );
  walk(node);
}

/**
 * The words, prefixes and phrases a query looks for (not under NOT): what snippets highlight.
 * `stems` holds the single words only; a phrase's words are in `phrases`, in order.
 */
export function positiveStems(node: QueryNode): {
  stems: Set<string>;
  prefixes: string[];
  phrases: string[][];
} {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  const phrases: string[][] = [];
  const walk = (n: QueryNode): void => {
    if (n.kind === 'term') stems.add(n.stem);
    else if (n.kind === 'prefix') prefixes.push(n.stem);
    else if (n.kind === 'phrase') phrases.push(n.stems);
    else if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
  };
  walk(node);
  return { stems, prefixes, phrases };
}
