import { describe, expect, it } from 'vitest';
import { readTooShort, tooShortMessage } from './too-short.js';

const doc = (code: string, message: string) => ({
  diagnostics: [{ code, severity: 'info' as const, message }],
});

describe('readTooShort', () => {
  it('reads back the counts the message gives, for the layer named', () => {
    const d = doc('I_FRAMES_TOO_SHORT', tooShortMessage('frames', 59, 100, 'en'));
    expect(d.diagnostics[0]!.message).toBe(
      'frames not given: the text has 59 words, fewer than the 100 the frames model needs in "en" (option minWords)',
    );
    expect(readTooShort(d, 'frames')).toEqual({ words: 59, minWords: 100 });
    expect(readTooShort(d, 'genre')).toBeUndefined();
    // One word; a message of before the per-language minimums (no language).
    expect(readTooShort(doc('I_GENRE_TOO_SHORT', tooShortMessage('genre', 1, 200)), 'genre')).toEqual({
      words: 1,
      minWords: 200,
    });
  });

  it('says too short without counts when the message has none', () => {
    expect(readTooShort(doc('I_GENRE_TOO_SHORT', 'short'), 'genre')).toEqual({ words: 0, minWords: 0 });
    expect(readTooShort({ diagnostics: [] }, 'genre')).toBeUndefined();
  });
});
