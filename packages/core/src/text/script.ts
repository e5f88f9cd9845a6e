/**
 * Counts letters by script in the first `limit` code units of `text` and returns the dominant
 * ISO 15924 code (`Latn`, `Cyrl`, `Grek`, `Arab`, `Hebr`, `Hani`, …), or `Zyyy` when there are
 * no letters at all.
 */
export function dominantScript(text: string, limit = 2000): string {
  const counts = new Map<string, number>();
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let s: string | undefined;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) s = 'Latn';
    else if (c >= 0x400 && c <= 0x52f) s = 'Cyrl';
    else if (c >= 0x370 && c <= 0x3ff) s = 'Grek';
    else if (c >= 0x600 && c <= 0x6ff) s = 'Arab';
    else if (c >= 0x590 && c <= 0x5ff) s = 'Hebr';
    else if (c >= 0x900 && c <= 0x97f) s = 'Deva';
    else if (c >= 0x4e00 && c <= 0x9fff) s = 'Hani';
    else if (c >= 0x3040 && c <= 0x30ff) s = 'Jpan';
    else if (c >= 0xac00 && c <= 0xd7af) s = 'Hang';
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best = 'Zyyy';
  let max = 0;
  for (const [s, k] of counts) {
    if (k > max) {
      max = k;
      best = s;
    }
  }
  return best;
}
