/**
 * CoNLL-U reading and writing (https://universaldependencies.org/format.html): enough to tag a
 * gold-tokenised treebank and write it back with the same lines, comments and multiword-token
 * ranges, only the annotated columns changed.
 */

/** One sentence of a CoNLL-U file. */
export interface ConlluSentence {
  /** Comment lines (`# sent_id = …`, `# text = …`) in file order, with their `#`. */
  comments: string[];
  /** Every token line split into its 10 columns: words, multiword ranges (`1-2`) and empty nodes (`8.1`). */
  rows: string[][];
  /** Indices into `rows` of the syntactic words (integer ids), in order. */
  words: number[];
}

/** Column indices of a CoNLL-U row. */
export const COL = {
  id: 0,
  form: 1,
  lemma: 2,
  upos: 3,
  xpos: 4,
  feats: 5,
  head: 6,
  deprel: 7,
  deps: 8,
  misc: 9,
} as const;

/**
 * Splits CoNLL-U text into sentences. A token line that does not have 10 tab-separated columns
 * is reported through `bad` (its 1-based line number) and skipped; the sentence keeps the rest.
 */
export function readConllu(text: string, bad?: (line: number, reason: string) => void): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { comments: [], rows: [], words: [] };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.endsWith('\r') ? lines[n]!.slice(0, -1) : lines[n]!;
    if (line.trim() === '') {
      if (cur.rows.length) out.push(cur);
      cur = { comments: [], rows: [], words: [] };
      continue;
    }
    if (line.startsWith('#')) {
      cur.comments.push(line);
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) {
      bad?.(n + 1, `expected 10 tab-separated columns, found ${cols.length}`);
      continue;
    }
    if (/^\d+$/.test(cols[0]!)) cur.words.push(cur.rows.length);
    cur.rows.push(cols);
  }
  if (cur.rows.length) out.push(cur);
  return out;
}

/** The word forms of a sentence (syntactic words, not multiword tokens). */
export const sentenceForms = (s: ConlluSentence): string[] => s.words.map((r) => s.rows[r]![COL.form]!);

/** Writes sentences back as CoNLL-U: comments, rows, a blank line after each sentence. */
export function writeConllu(sentences: readonly ConlluSentence[]): string {
  let out = '';
  for (const s of sentences) {
    for (const c of s.comments) out += `${c}\n`;
    for (const r of s.rows) out += `${r.join('\t')}\n`;
    out += '\n';
  }
  return out;
}

/**
 * The document a sentence belongs to, for splitting by document: `# newdoc id`, else the
 * `sent_id` without its trailing number (`GUM_news_iodine-3` → `GUM_news_iodine`); a bare
 * numeric `sent_id` (Taiga) falls in a block of 50 consecutive ids, so neighbouring sentences
 * of one text stay together. `lastDoc` is the previous sentence's document.
 */
export function sentenceDocId(s: ConlluSentence, lastDoc: string): string {
  for (const c of s.comments) {
    const m = /^#\s*newdoc id\s*=\s*(.+)$/.exec(c);
    if (m) return m[1]!.trim();
  }
  for (const c of s.comments) {
    const m = /^#\s*sent_id\s*=\s*(.+)$/.exec(c);
    if (m) {
      const id = m[1]!.trim();
      if (/^\d+$/.test(id)) return `block-${Math.floor(Number(id) / 50)}`;
      const doc = id.replace(/[-_.]?\d+$/, '');
      return doc && doc !== id ? doc : lastDoc || id;
    }
  }
  return lastDoc;
}
