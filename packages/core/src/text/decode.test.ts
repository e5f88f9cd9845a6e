import { describe, expect, it } from 'vitest';
import { parseNewsDate } from './dates.js';
import { decodeText } from './decode.js';

describe('decodeText', () => {
  it('keeps a UTF-8 BOM so offsets match the file', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'f');
    expect(r.text).toBe('\uFEFFA');
  });
  it('rejects binary data with a stable code', () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'img.png')).toThrow(
      /img.png is a binary file/,
    );
  });
  it('reads invalid UTF-8 as Windows-1251 Cyrillic with a diagnostic', () => {
    const bytes = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]); // "Привет мир"
    const r = decodeText(bytes, 'f');
    expect(r.text).toBe('Привет мир');
    expect(r.diagnostics[0]!.code).toBe('W_ENCODING_GUESSED');
  });
});

describe('parseNewsDate', () => {
  it.each([
    ['22nd May, 2023', '2023-05-22'],
    ['May 22, 2023', '2023-05-22'],
    ['22 мая 2023', '2023-05-22'],
    ['22.05.2023', '2023-05-22'],
    ['Friday', undefined],
  ])('%s', (s, iso) => expect(parseNewsDate(s)).toBe(iso));
});
