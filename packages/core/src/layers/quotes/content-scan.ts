import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markAround } from './search.js';
import { isWordy, type Tok } from './tok.js';

/**
 * Tables over a document's token view that let the content scans of `content.ts` answer in
 * constant or logarithmic time what they used to find by scanning from a cue to the sentence
 * end, once per cue: a single long sentence with many cues made the quotes layer quadratic
 * (docs/benchmarks.md, session 9 — pathological inputs). Each table is built once per token
 * array (right to left, or by prefix sums) and kept in a WeakMap keyed by that array; token
 * arrays are never changed after tokenization.
 *
 * On ordinary articles contents are short and building the tables cost more than the scans they
 * save: each function first scans directly, as the code it replaced did, and turns to the tables
 * only past `SHORT` tokens (the `short` argument, which tests set to 0 to check the tables).
 */

/** How many tokens a direct scan covers before the per-document tables are used. */
export const SHORT = 48;

interface Tables {
  /** The index of the first `)` from `k` on that no `(` from `k` on matches (`toks.length` when none). */
  close: Int32Array;
  /** For a dash token at `k`: the index of the next token of the same form (`toks.length` when none). */
  nextSame: Int32Array;
  /** The number of words and numbers among tokens `[0, k)`. */
  wordy: Int32Array;
}

const DASHES = new Set(['—', '–', '--']);
const tables = new WeakMap<readonly Tok[], Tables>();

function tablesOf(toks: readonly Tok[]): Tables {
  let t = tables.get(toks);
  if (t) return t;
  const n = toks.length;
  const close = new Int32Array(n + 1);
  const nextSame = new Int32Array(n);
  const wordy = new Int32Array(n + 1);
  close[n] = n;
  const last = new Map<string, number>();
  for (let k = n - 1; k >= 0; k--) {
    const w = toks[k]!.w;
    if (w === ')') close[k] = k;
    else if (w === '(') {
      // The `)` that closes this one, then the first unmatched one after it.
      const m = close[k + 1]!;
      close[k] = m < n ? close[m + 1]! : n;
    } else close[k] = close[k + 1]!;
    if (DASHES.has(w)) {
      nextSame[k] = last.get(w) ?? n;
      last.set(w, k);
    }
  }
  for (let k = 0; k < n; k++) wordy[k + 1] = wordy[k]! + (isWordy(toks[k]!) ? 1 : 0);
  t = { close, nextSame, wordy };
  tables.set(toks, t);
  return t;
}

/** The index of the first token from `p` on that is a `)` not matched by a `(` from `p` on. */
export function unmatchedCloseFrom(toks: readonly Tok[], p: number, short = SHORT): number {
  const n = toks.length;
  const lim = Math.min(n, p + short);
  for (let k = p, depth = 0; k < lim; k++) {
    const w = toks[k]!.w;
    if (w === '(') depth++;
    else if (w === ')' && depth-- === 0) return k;
  }
  return lim === n ? n : tablesOf(toks).close[p]!;
}

/** The index of the first token ending after `end` (`toks.length` when none). */
export function tokenEndingAfter(toks: readonly Tok[], end: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (toks[mid]!.end <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of words and numbers among the tokens from index `from` that end by `end`. */
export function wordyCount(toks: readonly Tok[], from: number, end: number, short = SHORT): number {
  const n = toks.length;
  const lim = Math.min(n, from + short);
  let c = 0;
  let k = from;
  for (; k < lim && toks[k]!.end <= end; k++) if (isWordy(toks[k]!)) c++;
  if (k < lim || k === n || toks[k]!.end > end) return c;
  const e = tokenEndingAfter(toks, end);
  const { wordy } = tablesOf(toks);
  return e > from ? wordy[e]! - wordy[from]! : 0;
}

/**
 * The clause-end scan of `clauseEnd` from token `k`, in a state (inside a dash aside or not), for
 * one sentence end `b` and content end `end`: its answer is the same for every cue whose scan
 * passes `k` in that state, so answers are remembered per (b, end) and each token is scanned
 * once per content end instead of once per cue.
 */
interface ClauseMemo {
  quotes: readonly QuoteMarkSpan[];
  lex: Lexicon;
  byEnd: Map<string, Map<number, number>>;
}
const clauseMemos = new WeakMap<readonly Tok[], ClauseMemo>();

/**
 * `…, and more than 4 in 10 said …`, `…, however …`: a new clause (a comma before a
 * conjunction, or an unpaired dash) ends reported content that starts at token `p`.
 */
export function clauseEnd(
  toks: readonly Tok[],
  p: number,
  b: number,
  end: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
  short = SHORT,
): number {
  const w = lex.words;
  // The direct scan, for contents of up to `short` tokens without a dash to pair.
  const lim0 = Math.min(b - 1, p + 3 + short);
  let k0 = p + 3;
  for (; k0 < lim0 && toks[k0]!.end <= end; k0++) {
    const tk = toks[k0]!;
    if (DASHES.has(tk.w) && toks[k0 - 1]!.end < tk.start && !w.dashCopula.has(toks[k0 + 1]!.lw)) break;
    const clause =
      tk.w === ',' &&
      ((w.clauseAfterComma.has(toks[k0 + 1]!.lw) && !w.that.has(toks[k0 + 2]?.lw ?? '')) ||
        w.trailers.has(toks[k0 + 1]!.lw));
    if (clause && markAround(quotes, tk.start) === undefined) return tk.start;
  }
  if (k0 >= b - 1 || toks[k0]!.end > end) return end;
  let memo = clauseMemos.get(toks);
  if (!memo || memo.quotes !== quotes || memo.lex !== lex) {
    memo = { quotes, lex, byEnd: new Map() };
    clauseMemos.set(toks, memo);
  }
  const key = `${b}:${end}`;
  let seen = memo.byEnd.get(key);
  if (!seen) {
    seen = new Map();
    memo.byEnd.set(key, seen);
  }
  const { nextSame } = tablesOf(toks);
  // Tokens before `lim` end by `end` and lie in the sentence; the scan stops before `b - 1`.
  const lim = Math.min(b, tokenEndingAfter(toks, end));
  const stop = Math.min(b - 1, lim);
  const path: number[] = [];
  let aside = false;
  let result = end;
  for (let k = p + 3; k < stop; k++) {
    const state = 2 * k + (aside ? 1 : 0);
    const known = seen.get(state);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(state);
    const tk = toks[k]!;
    const dash = DASHES.has(tk.w) && toks[k - 1]!.end < tk.start && !w.dashCopula.has(toks[k + 1]!.lw);
    // `…, but that he would not …` continues the reported clause; `…, but he …` starts a new one.
    const clause =
      tk.w === ',' &&
      ((w.clauseAfterComma.has(toks[k + 1]!.lw) && !w.that.has(toks[k + 2]?.lw ?? '')) ||
        w.trailers.has(toks[k + 1]!.lw));
    // A pair of dashes sets off an aside inside the content (`“…” — itself a rebuttal — was …`):
    // a dash is paired inside an aside, or when a token of its form follows (from `k + 2`).
    let paired = false;
    if (dash) {
      if (aside) paired = true;
      else {
        let j = nextSame[k]!;
        if (j === k + 1) j = nextSame[j]!;
        paired = j < lim;
      }
    }
    if (dash && paired) aside = !aside;
    if ((dash || clause) && !paired && markAround(quotes, tk.start) === undefined) {
      result = tk.start;
      break;
    }
  }
  for (const s of path) seen.set(s, result);
  return result;
}

/** Tokens a subordinate clause's opener may lie before the cue, and its comma after the content start. */
const SUB_BACK = 12;

/**
 * Whether content starting at token `p` (in the sentence from token `a`) follows a cue inside an
 * adverbial clause: the clause's first word (after `and`/`but`/`even` …), at the sentence start or
 * after a clause mark and within {@link SUB_BACK} tokens before `p`, is a subordinator; a
 * preposition-like one (`after`, `since` …) only when a subject follows it.
 */
export function inSubordinateClause(toks: readonly Tok[], p: number, a: number, lex: Lexicon): boolean {
  const w = lex.words;
  if (!w.subordinators.size) return false;
  // `When asked, he said …`: content after a comma lies outside the clause.
  if (CLAUSE_MARKS.has(toks[p - 1]?.w ?? ',')) return false;
  let s = p - 1;
  const back = Math.max(a, p - 1 - SUB_BACK);
  while (s > back && !CLAUSE_MARKS.has(toks[s - 1]!.w)) s--;
  if (s > a && !CLAUSE_MARKS.has(toks[s - 1]!.w)) return false;
  while (s < p - 1 && LEADS.has(toks[s]!.lw)) s++;
  if (s >= p - 1 || !w.subordinators.has(toks[s]!.lw)) return false;
  return !w.prepositionalSubordinators.has(toks[s]!.lw) || subjectFollows(toks, s + 1, p, lex);
}

/**
 * `Although Weiner admitted [that they had been friends], he claimed …`, `while he said [he'd
 * hold a hearing], it's unlikely …`: content after a cue inside an adverbial clause
 * ({@link inSubordinateClause}) ends at the comma that closes that clause; a comma just inside a
 * closing quotation mark ends it after the mark. A comma that starts a list (`Paris, London and
 * Berlin`) or an aside closed by a comma before a verb (`the deal, signed in May, was dead`) does
 * not close the clause. Both scans are bounded (the opener within {@link SUB_BACK} tokens of the content
 * start `p`, the comma within `short` tokens), so a long sentence stays linear.
 */
export function subordinateEnd(
  toks: readonly Tok[],
  p: number,
  a: number,
  b: number,
  end: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
  short = SHORT,
): number {
  const w = lex.words;
  if (!inSubordinateClause(toks, p, a, lex)) return end;
  const lim = Math.min(b - 1, p + short);
  for (let k = p + 1; k < lim && toks[k]!.end <= end; k++) {
    const tk = toks[k]!;
    if (tk.w !== ',' || listComma(toks, p, k, lim, lex)) continue;
    // `the deal, signed in May, was dead`: an aside closed by a comma before a verb goes on.
    const close = asideClose(toks, k, lim);
    if (close > 0 && w.finiteVerbs.has(toks[close + 1]!.lw)) {
      k = close;
      continue;
    }
    const q = markAround(quotes, tk.start);
    // The clause goes on after the comma (past the closing mark of a quotation it ends).
    const next = toks[q !== undefined && q.end <= tk.end + 1 ? k + 2 : k + 1];
    if (!next || !isWordy(next)) continue;
    if (q === undefined) return tk.start;
    if (q.end <= tk.end + 1 && q.end < end) return q.end;
  }
  return end;
}
const CLAUSE_MARKS = new Set([',', ';', '—', '–', ':']);
const LEADS = new Set(['and', 'but', 'or', 'even', 'just', 'only']);
/** Words that close a list (`X, Y and Z`); the rule runs only for English (`subordinators`). */
const LIST_ENDS = new Set(['and', 'or']);

/** A determiner or subject pronoun: the start of a noun phrase. */
function npStart(lw: string, lex: Lexicon): boolean {
  const w = lex.words;
  return w.articles.has(lw) || w.possessives.has(lw) || w.subjectPronouns.has(lw);
}

/**
 * `After Holt said …`, `after the captain criticized …` but not `After weeks of talks the union
 * said …`, `Once again …`, `Until recently …`: the tokens from `k` to the content start `p` begin
 * with a subject (a pronoun, a determiner or a capitalized word that is no month or day) and hold
 * no second noun phrase, i.e. no determiner or pronoun after a word that is neither name glue
 * (`the leader of the union`) nor a verb (`told the reporters`).
 */
function subjectFollows(toks: readonly Tok[], k: number, p: number, lex: Lexicon): boolean {
  const w = lex.words;
  const first = toks[k]!;
  if (w.subjectPronouns.has(first.lw)) return true;
  const capital = /^\p{Lu}/u.test(first.w) && !w.timeUnits.has(first.lw) && !w.eventTimes.has(first.lw);
  if (!capital && !npStart(first.lw, lex)) return false;
  for (let j = k + 1; j < p; j++) {
    if (!npStart(toks[j]!.lw, lex)) continue;
    const prev = toks[j - 1]!.lw;
    if (!isVerb(prev, lex) && !w.nameGlue.has(prev) && !w.speakerPreps.has(prev)) return false;
  }
  return true;
}

/**
 * A verb form: a reporting verb, a finite or past form, or a word in `-ed` (`walked`, `welcomed`)
 * that is no noun or adjective of `edNotVerbs` (`hundred`, `speed`).
 */
function isVerb(lw: string, lex: Lexicon): boolean {
  const w = lex.words;
  return (
    lex.verbs.has(lw) ||
    w.finiteVerbs.has(lw) ||
    w.pastVerbs.has(lw) ||
    (lw.endsWith('ed') && !w.edNotVerbs.has(lw))
  );
}

/**
 * `wages, pensions and working hours`, `Dover, Calais, and Ostend`: the comma at `k` is followed
 * by up to three items of one to three words (no determiner, pronoun or verb) and `and`/`or`.
 * A list whose last item a verb follows is a subject: the content's own only when it starts the
 * content (`that Dover, Calais and Ostend had agreed`, the first item at most three words after
 * `p` and its `that`); otherwise it is the main clause's (`taxes would rise, unions and employers
 * welcomed …`, `the deal was dead, Paris, London and Berlin kept talking`) and the comma ends
 * the clause.
 */
function listComma(toks: readonly Tok[], p: number, k: number, lim: number, lex: Lexicon): boolean {
  const w = lex.words;
  let words = 0;
  let items = 0;
  for (let j = k + 1; j < lim; j++) {
    const t = toks[j]!;
    if (LIST_ENDS.has(t.lw)) {
      if (words === 0 && toks[j - 1]!.w !== ',') return false;
      return !verbAfterItem(toks, j, lim, lex) || leadingItem(toks, p, k, lex);
    }
    if (t.w === ',') {
      if (words === 0 || ++items > 2) return false;
      words = 0;
    } else if (!isWordy(t) || npStart(t.lw, lex) || w.finiteVerbs.has(t.lw) || ++words > 3) return false;
  }
  return false;
}

/** Whether a verb follows the one to three words of the item after the `and`/`or` at `j`. */
function verbAfterItem(toks: readonly Tok[], j: number, lim: number, lex: Lexicon): boolean {
  for (let i = j + 2; i < Math.min(lim, j + 5); i++) {
    const t = toks[i]!;
    if (!isWordy(t)) return false;
    if (isVerb(t.lw, lex)) return true;
  }
  return false;
}

/** Whether tokens `[p, k)`, past a leading `that`, are one to three words and no verb: a list's first item. */
function leadingItem(toks: readonly Tok[], p: number, k: number, lex: Lexicon): boolean {
  const s = toks[p]?.lw === 'that' ? p + 1 : p;
  if (k - s < 1 || k - s > 3) return false;
  for (let i = s; i < k; i++) if (!isWordy(toks[i]!) || isVerb(toks[i]!.lw, lex)) return false;
  return true;
}

/** The comma that closes an aside opened by the comma at `k`, within 8 tokens and before any other clause mark (0 when none). */
function asideClose(toks: readonly Tok[], k: number, lim: number): number {
  for (let j = k + 2; j < Math.min(lim, k + 9); j++) {
    const t = toks[j]!.w;
    if (t === ',') return j;
    if (CLAUSE_MARKS.has(t)) return 0;
  }
  return 0;
}
