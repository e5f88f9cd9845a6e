// Built from strings: a regex literal with control characters is easy to misread.
const RANGES = '\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069';
/** Controls but tab, newline and carriage return. */
const CONTROLS = new RegExp(`[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f${RANGES}]`, 'g');
const ALL_CONTROLS = new RegExp(`[\\x00-\\x1f${RANGES}]`, 'g');

/**
 * Makes text from an input safe to print on a terminal: C0 and C1 control characters (ESC
 * starts screen-clearing and hyperlink sequences), DEL and the bidirectional overrides become
 * visible escapes such as `\x1b` and `\u202e`; tabs and, unless `multiline`, newlines too.
 */
export function escapeControl(s: string, multiline = false): string {
  return s.replace(multiline ? CONTROLS : ALL_CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/**
 * Replaces each control character with a visible one of the same UTF-16 length — C0 controls
 * and DEL with their Control Pictures (`\x1b` → `␛`), C1 controls and bidirectional overrides
 * with U+FFFD — keeping tabs and newlines, so spans into the text still point at the same
 * places. For reports that print slices of a document on a terminal.
 */
export function pictureControls(s: string): string {
  return s.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}
