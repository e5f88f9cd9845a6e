import { type ParseArgsConfig, parseArgs } from 'node:util';
import { NewsprismError } from '@newsprism/core/node';
import { LANGUAGE_CODES, languageCode } from '@newsprism/core/schema';

/** Option declarations in `node:util` parseArgs form. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed flags and positionals. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses `argv` strictly: an unknown flag or a missing value throws `E_USAGE` with the command's
 * help hint, never a stack trace.
 */
export function parse(command: string, argv: string[], options: OptionSpec): Parsed {
  try {
    const r = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (err) {
    throw new NewsprismError(
      'E_USAGE',
      `${usageMessage((err as Error).message, Object.keys(options))}; see \`newsprism ${command} --help\``,
    );
  }
}

/**
 * `node:util`'s parse error in the words of the other usage errors: the flag, what it needs, and
 * how to give it (`--limit -3` reads `-3` as a flag: Node calls that "ambiguous").
 */
function usageMessage(message: string, flags: readonly string[] = []): string {
  const first = message.split('\n')[0]!;
  const unknown = /^Unknown option '--([\w-]+)'/.exec(first);
  const near = unknown ? nearest(unknown[1]!, flags) : undefined;
  if (near) return `Unknown option '--${unknown![1]}' (did you mean --${near}?)`;
  const ambiguous = /^Option '(-[^']+)' argument is ambiguous/.exec(first);
  if (ambiguous) {
    // `-j -1`: advise the long form (`-j=-1` would read as the value `=-1`).
    const flag = /use '(--[\w-]+)=-XYZ'/.exec(message)?.[1] ?? ambiguous[1]!;
    return `${flag} needs a value, and the word after it starts with a dash; write a value that starts with a dash as ${flag}=-…`;
  }
  const missing = /^Option '(?:-\w, )?(--?[\w-]+)[^']*' argument missing/.exec(first);
  if (missing) return `${missing[1]} needs a value`;
  const noValue = /^Option '(?:-\w, )?(--?[\w-]+)' does not take an argument/.exec(first);
  if (noValue) return `${noValue[1]} takes no value`;
  return first.replace(/\. To specify a positional argument.*$/, '');
}

/**
 * The command's flag a mistyped one most likely meant (`--layer` for `--layers`, `--outlett` for
 * `--outlet`): at most two edits away, and fewer than a third of the longer name; else none.
 */
function nearest(typed: string, flags: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const f of flags) {
    const cost = editDistance(typed, f);
    if (cost < bestCost && cost <= 2 && cost * 3 < Math.max(typed.length, f.length)) {
      best = f;
      bestCost = cost;
    }
  }
  return best;
}

/** Edits from `a` to `b`, a swap of two neighbouring letters counting one (optimal string alignment). */
function editDistance(a: string, b: string): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cur[j] = Math.min(cur[j]!, prev2[j - 2]! + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Reads a flag that must be one of `allowed`. */
export function choice<T extends string>(flag: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new NewsprismError(
      'E_USAGE',
      `--${flag} must be one of ${allowed.join(', ')} (got "${String(value)}")`,
    );
  }
  return value as T;
}

/** Parses a size such as `20MB`, `512kb` or `1000000` into bytes. */
export function parseSize(flag: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m)
    throw new NewsprismError('E_USAGE', `--${flag} takes a size such as 20MB or 500kb (got "${value}")`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * mult);
}

/**
 * The default of `--max-text` (analyze, ingest): a document's analysis needs about 0.25 GB of
 * memory a MB of text, so a 5 MB text peaks near 1.4 GB and one of 20 MB near 4 GB (measured:
 * docs/benchmarks.md, session 14); news articles are under 100 kB.
 */
const DEFAULT_MAX_TEXT = 5 * 1024 * 1024;

/** Reads `--max-text`: a size as `--max-size` takes it, `0` for no limit; the default when not given. */
export function maxTextOption(value: unknown): number | undefined {
  if (value === undefined) return DEFAULT_MAX_TEXT;
  const max = parseSize('max-text', String(value));
  return max === 0 ? undefined : max;
}

/**
 * Reads `--lang`: a language code in any case, a region subtag read as its language (`EN`,
 * `en-GB` → `en`), as the store's language filter reads it; `E_USAGE` listing the codes otherwise.
 */
export function langOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const code = typeof value === 'string' ? languageCode(value) : undefined;
  if (code === undefined)
    throw new NewsprismError(
      'E_USAGE',
      `--lang takes a language code such as en or ru (one of ${LANGUAGE_CODES.join(', ')}; got "${String(value).slice(0, 40)}")`,
    );
  return code;
}
