/**
 * A model's reasons name a word prefix as the feature has it, cut off (`"weste…"`: the words
 * that start so). Shown to a reader, each such reason becomes the word the text itself uses
 * most that starts with the prefix, as it is written there (`"Western"`); a prefix no word of
 * the text starts with stays as it is.
 */
const CUT = /^"([^"\s]+)…"$/u;
const WORDS = /[\p{L}\p{N}]+/gu;

/** `why` with each cut-off prefix (`"weste…"`) replaced by the text's word for it (`"Western"`). */
export function reasonWords(why: readonly string[], text: string): string[] {
  if (!why.some((r) => CUT.test(r))) return [...why];
  let words: string[] | undefined;
  const out = why.map((r) => {
    const m = CUT.exec(r);
    if (!m) return r;
    const prefix = m[1]!.toLowerCase();
    words ??= text.match(WORDS) ?? [];
    const counts = new Map<string, number>();
    for (const w of words) if (w.toLowerCase().startsWith(prefix)) counts.set(w, (counts.get(w) ?? 0) + 1);
    let best: string | undefined;
    // The most frequent form; on a tie the first in the text (a Map keeps the order of first use).
    for (const [w, n] of counts) if (best === undefined || n > counts.get(best)!) best = w;
    return best === undefined ? r : `"${best}"`;
  });
  return [...new Set(out)];
}
