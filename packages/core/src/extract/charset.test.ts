import { describe, expect, it } from 'vitest';
import { decodeText } from '../text/decode.js';
import { declaredCharset, decodeDeclaredCharset } from './charset.js';

/** Encodes text in a single-byte charset by inverting the platform decoder (tests only). */
function encode(text: string, charset: string): Uint8Array {
  const dec = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((ch) => table.get(ch)!));
}

const page = (charset: string) =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><p>Съешь же ещё этих мягких французских булок, да выпей чаю.</p></body></html>`;

describe('decodeDeclaredCharset', () => {
  it.each([
    ['<meta charset="KOI8-R">', 'koi8-r'],
    ["<meta http-equiv='content-type' content='text/html; charset=windows-1251'>", 'windows-1251'],
    ['<p>no declaration</p>', undefined],
  ])('reads the declared charset of %s', (head, expected) => {
    expect(declaredCharset(head)).toBe(expected);
  });

  it('decodes a KOI8-R page by its declaration, not by the windows-1251 guess', () => {
    const bytes = encode(page('koi8-r'), 'koi8-r');
    const guessed = decodeText(bytes, 'page.html');
    expect(guessed.text).not.toContain('французских');
    const d = decodeDeclaredCharset(bytes, guessed);
    expect(d.encoding).toBe('koi8-r');
    expect(d.text).toContain('мягких французских булок');
    expect(d.diagnostics.map((x) => x.code)).toEqual(['I_ENCODING_DECLARED']);
  });

  it('leaves UTF-8 pages and unknown charsets alone', () => {
    const utf8 = decodeText(new TextEncoder().encode(page('koi8-r')), 'p');
    expect(decodeDeclaredCharset(new Uint8Array(), utf8)).toBe(utf8);
    const bytes = encode(page('x-unknown'), 'windows-1251');
    const guessed = decodeText(bytes, 'p');
    expect(decodeDeclaredCharset(bytes, guessed)).toBe(guessed);
  });
});
