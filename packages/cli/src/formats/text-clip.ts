/** Shortens `s` to `n` characters on one line (the text report's titles, quotations and claims). */
export function clip(s: string, n = 100): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}
