import { NewsprismError } from '../errors.js';
import type { Diagnostic } from '../schema.js';

/** Result of decoding input bytes. */
export interface Decoded {
  text: string;
  encoding: string;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when the first bytes look like a binary file (NUL bytes or many control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Decodes file bytes to text. UTF-8 (a BOM is kept, so offsets match the file) and UTF-16 with
 * a BOM are read as is; bytes that are not valid UTF-8 are read as Windows-1251 when that gives
 * Cyrillic text, else Windows-1252, with a `W_ENCODING_GUESSED` diagnostic. Binary data throws
 * `E_BINARY_INPUT`.
 *
 * @param what the input's name, used in error messages
 */
export function decodeText(bytes: Uint8Array, what: string): Decoded {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(enc).decode(bytes), encoding: enc, diagnostics: [] };
  }
  if (looksBinary(bytes)) {
    throw new NewsprismError(
      'E_BINARY_INPUT',
      `${what} is a binary file, not text or HTML; pass a .txt, .html or .jsonl file`,
    );
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', diagnostics: [] };
  } catch {
    const cyr = new TextDecoder('windows-1251').decode(bytes);
    const cyrLetters = (cyr.match(/[а-яё]/gi) ?? []).length;
    const useCyr = cyrLetters > cyr.length * 0.2;
    const encoding = useCyr ? 'windows-1251' : 'windows-1252';
    const text = useCyr ? cyr : new TextDecoder('windows-1252').decode(bytes);
    return {
      text,
      encoding,
      diagnostics: [
        {
          code: 'W_ENCODING_GUESSED',
          severity: 'warning',
          message: `${what} is not valid UTF-8; read it as ${encoding}. Convert it to UTF-8 for exact offsets`,
          source: 'input',
        },
      ],
    };
  }
}
