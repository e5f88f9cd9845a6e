import type { Decoded } from '../text/decode.js';

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/** The charset a page declares in its first 4 KB (`<meta charset>` or `http-equiv`), lowercased. */
export function declaredCharset(head: string): string | undefined {
  return CHARSET.exec(head.slice(0, 4096))?.[1]?.toLowerCase();
}

/**
 * Re-decodes an HTML page whose bytes were not valid UTF-8 with the charset the page declares
 * (`windows-1251`, `koi8-r`, `shift_jis`, `gbk`, …), instead of the guess `decodeText` made.
 * Pages that decoded as UTF-8, or declare UTF-8 or an unknown charset, are returned as they are.
 *
 * @param bytes the page's bytes
 * @param decoded what `decodeText` made of them
 */
export function decodeDeclaredCharset(bytes: Uint8Array, decoded: Decoded): Decoded {
  if (decoded.encoding === 'utf-8' || decoded.encoding.startsWith('utf-16')) return decoded;
  const charset = declaredCharset(decoded.text);
  if (!charset || charset === 'utf-8' || charset === 'utf8') return decoded;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return decoded;
  }
  if (decoder.encoding === decoded.encoding) return decoded;
  return {
    text: decoder.decode(bytes),
    encoding: decoder.encoding,
    diagnostics: [
      {
        code: 'I_ENCODING_DECLARED',
        severity: 'info',
        message: `the page is not UTF-8; read it as ${decoder.encoding}, the charset it declares`,
        source: 'input',
      },
    ],
  };
}
