import { describe, expect, it } from 'vitest';
import { escapeControl, pictureControls } from './escape.js';

describe('escapeControl', () => {
  it.each([
    ['clear \x1b[2J screen', 'clear \\x1b[2J screen'],
    ['osc \x1b]8;;http://x\x07link', 'osc \\x1b]8;;http://x\\x07link'],
    ['bell\x07 del\x7f c1\x9b', 'bell\\x07 del\\x7f c1\\x9b'],
    ['bidi \u202eevil', 'bidi \\u202eevil'],
    ['two\nlines\ttab', 'two\\x0alines\\x09tab'],
    ['plain Ünïcödé — “quotes”', 'plain Ünïcödé — “quotes”'],
  ])('%j → %j', (input, out) => {
    expect(escapeControl(input)).toBe(out);
  });

  it('keeps newlines and tabs when multiline', () => {
    expect(escapeControl('a\nb\tc\x1b', true)).toBe('a\nb\tc\\x1b');
  });
});

describe('pictureControls', () => {
  it('shows controls as pictures of the same length, keeping spans valid', () => {
    const s = 'A\x1b[2J\x00b\nc\u202e\x7f';
    const p = pictureControls(s);
    expect(p).toBe('A␛[2J␀b\nc\ufffd␡');
    expect(p.length).toBe(s.length);
  });
});
