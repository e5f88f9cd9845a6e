import { describe, expect, it } from 'vitest';
import { shellArgs } from '../testing/run-cli.js';
import { lru, shellWord } from './kept-options.js';

describe('shellWord: an argument of the command ingest prints, as a shell reads it back (issue 14)', () => {
  it('leaves plain words alone and quotes the others so that bash reads back the very argument', () => {
    const words = [
      'genre.prior=news-wire',
      '/tmp/a b/it\'s "here".jsonl',
      'postgres://u@h/db?schema=x&y=1',
      'a\\b',
      '$HOME `x` *',
      '',
      'line\nbreak',
      'esc\x1b[2Jbell\x07',
      "tab\tand 'quote' \\ back",
      'bidi\u202eevil',
      // C1 controls (NEL) and an override followed by hex digits: their UTF-8 bytes, read back in
      // the C locale too (bash's `\u0085` is decoded only in a UTF-8 one).
      'nel\u0085c1\u009bx',
      'bidi\u202eabc\u2066',
    ];
    expect(shellWord('genre.prior=news-wire')).toBe('genre.prior=news-wire');
    expect(shellArgs(words.map(shellWord).join(' '))).toEqual(words);
  });

  it('prints no control character: a newline or ESC is escaped as the skipped line escapes it', () => {
    expect(shellWord('line\nbreak')).toBe("$'line\\x0abreak'");
    expect(shellWord("esc\x1b'")).toBe("$'esc\\x1b\\''");
    expect(shellWord('nel\u0085')).toBe("$'nel\\xc2\\x85'");
    for (const w of ['line\nbreak', 'esc\x1b[2J', 'bidi\u202eevil', 'c1\u009b'])
      expect(shellWord(w)).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
  });
});

describe('lru: the option sets a long-running worker keeps (issue 14)', () => {
  it('drops the least recently used, not the first put', () => {
    const m = new Map<string, number>();
    for (const k of ['a', 'b', 'c']) lru(m, k, 0, 3);
    lru(m, 'a', 1, 3);
    lru(m, 'd', 0, 3);
    expect([...m.keys()]).toEqual(['c', 'a', 'd']);
    expect(m.get('a')).toBe(1);
  });
});
