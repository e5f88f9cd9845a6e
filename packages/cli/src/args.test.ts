import { describe, expect, it } from 'vitest';
import { parse } from './args.js';

const options = {
  limit: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  all: { type: 'boolean' },
} as const;

describe('parse: usage errors say the flag and what it needs', () => {
  it.each([
    [
      ['--limit', '-3'],
      'E_USAGE --limit needs a value, and the word after it starts with a dash; write a value that starts with a dash as --limit=-…; see `newsprism search --help`',
    ],
    [['q', '--limit'], 'E_USAGE --limit needs a value; see `newsprism search --help`'],
    [['-j'], 'E_USAGE --jobs needs a value; see `newsprism search --help`'],
    [['--all=yes'], 'E_USAGE --all takes no value; see `newsprism search --help`'],
    [
      ['-j', '-1'],
      'E_USAGE --jobs needs a value, and the word after it starts with a dash; write a value that starts with a dash as --jobs=-…; see `newsprism search --help`',
    ],
    [['--help=x'], 'E_USAGE --help takes no value; see `newsprism search --help`'],
    // A flag one or two letters off names the one meant (`--layer` for `--layers`).
    [
      ['--lmit', '3'],
      "E_USAGE Unknown option '--lmit' (did you mean --limit?); see `newsprism search --help`",
    ],
    [
      ['--limits', '3'],
      "E_USAGE Unknown option '--limits' (did you mean --limit?); see `newsprism search --help`",
    ],
    // Two neighbouring letters swapped are one edit (`--fromat` for `--format`).
    [
      ['--lmiit', '3'],
      "E_USAGE Unknown option '--lmiit' (did you mean --limit?); see `newsprism search --help`",
    ],
    [
      ['--ilmit', '3'],
      "E_USAGE Unknown option '--ilmit' (did you mean --limit?); see `newsprism search --help`",
    ],
    [['--al'], "E_USAGE Unknown option '--al'; see `newsprism search --help`"],
    [['--bogus'], "E_USAGE Unknown option '--bogus'; see `newsprism search --help`"],
  ])('%j', (argv, want) => {
    let got = '';
    try {
      parse('search', argv, options);
    } catch (err) {
      got = `${(err as { code: string }).code} ${(err as Error).message}`;
    }
    expect(got).toBe(want);
  });

  it('a value that starts with a dash, written with =, is read', () => {
    expect(parse('search', ['--limit=-3'], options).values.limit).toBe('-3');
  });
});
