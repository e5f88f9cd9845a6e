import type { Analyzer, OptionRule } from './analyzer.js';
import { NewsprismError } from './errors.js';

const kindOf = (v: unknown): string =>
  Array.isArray(v)
    ? 'array'
    : v === null
      ? 'null'
      : typeof v === 'number' && !Number.isFinite(v)
        ? 'NaN'
        : typeof v;

const describe = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

const article = (kind: string): string => `${/^[aeio]/.test(kind) ? 'an' : 'a'} ${kind}`;

/**
 * The value that gives an option back its analyzer's default (`--set genre.prior=default`, a
 * request's `{"genre": {"prior": "default"}}`): laid over options that set it (`serve --set`),
 * it unsets them. No option takes the word as a value of its own (a file option's path
 * `default` is `./default`).
 */
export const OPTION_DEFAULT = 'default';

/**
 * An analyzer's effective options: its defaults overridden key by key by `given`. Each given
 * key must be one of the defaults' (`E_UNKNOWN_OPTION`, naming the valid ones), of the default
 * value's type (`E_OPTION_TYPE`) and pass the analyzer's rule for it (`E_OPTION_VALUE`, saying
 * what is expected); {@link OPTION_DEFAULT} keeps the default.
 */
export function effectiveOptions(a: Analyzer, given: Record<string, unknown> | undefined): object {
  if (given === undefined) return a.defaults;
  if (kindOf(given) !== 'object')
    throw new NewsprismError(
      'E_OPTION_TYPE',
      `options of analyzer "${a.name}" must be an object of option values, got ${describe(given)}`,
    );
  const defaults = a.defaults as Record<string, unknown>;
  const rules = (a.rules ?? {}) as Record<string, OptionRule | undefined>;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    if (!(key in defaults)) {
      const known = Object.keys(defaults).join(', ') || 'none';
      throw new NewsprismError(
        'E_UNKNOWN_OPTION',
        `analyzer "${a.name}" has no option "${key}"; its options: ${known}`,
      );
    }
    if (value === OPTION_DEFAULT) continue;
    out[key] = value;
    const rule = rules[key];
    const want = rule?.kinds ?? [kindOf(defaults[key])];
    if (!want.includes(kindOf(value)))
      throw new NewsprismError(
        'E_OPTION_TYPE',
        `option "${key}" of analyzer "${a.name}" must be ${want.map(article).join(' or ')}, got ${kindOf(value)} ${describe(value)}`,
      );
    if (rule?.valid && !rule.valid(value))
      throw new NewsprismError(
        'E_OPTION_VALUE',
        `option "${key}" of analyzer "${a.name}" must be ${rule.expects ?? 'a valid value'}, got ${describe(value)}`,
      );
  }
  return out;
}

/** The options of a producer entry: those that change output, file options left out. */
export function provenanceOptions(a: Analyzer, options: object): Record<string, unknown> | undefined {
  const rules = (a.rules ?? {}) as Record<string, { file?: boolean } | undefined>;
  const out: Record<string, unknown> = {};
  // An option left unset (`genre.prior`: undefined) is no key: JSON drops it anyway, and a
  // comparison by keys would see a difference that is none.
  for (const [k, v] of Object.entries(options)) if (!rules[k]?.file && v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

const wholeCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;

/** Option rules shared by several analyzers. */
export const rules = {
  /** How many reasons a finding gives. */
  why: { valid: (v: unknown) => Number.isInteger(v) && (v as number) >= 0, expects: 'a whole number ≥ 0' },
  /** A minimum length in words: one for every language, or one per language code. */
  minWords: {
    kinds: ['number', 'object'],
    valid: (v: unknown) =>
      typeof v === 'number'
        ? wholeCount(v)
        : Object.entries(v as object).every(([lang, n]) => /^[a-z]{2,3}$/.test(lang) && wholeCount(n)),
    expects: 'a whole number ≥ 0, or one per language code ({"en": 50, "fr": 300})',
  },
  /** A probability-like threshold. */
  unit: { valid: (v: unknown) => (v as number) >= 0 && (v as number) <= 1, expects: 'a number from 0 to 1' },
  /** A model file path; '' for the shipped one. */
  model: { file: true },
  /** A list of file paths. */
  files: {
    valid: (v: unknown) => (v as unknown[]).every((x) => typeof x === 'string' && x !== ''),
    expects: 'a list of file paths',
    file: true,
  },
} as const;

/** Bounds for {@link numberOption}. */
export interface NumberBounds {
  min?: number;
  max?: number;
  int?: boolean;
}

/**
 * A number given as `--set key=value` (trainers and evals): `fallback` when the key is absent,
 * else the value parsed strictly (`abc`, `1e-2x`, `''` are errors, not NaN), checked against
 * `bounds`. Throws `E_OPTION_VALUE` naming the key and what is expected.
 */
export function numberOption<F extends number | undefined>(
  extra: Readonly<Record<string, string | undefined>>,
  key: string,
  fallback: F,
  bounds: NumberBounds = {},
): number | F {
  const raw = extra[key];
  if (raw === undefined) return fallback;
  const s = raw.trim();
  const n = s === '' ? Number.NaN : Number(s);
  const { min, max, int } = bounds;
  const ok =
    !Number.isNaN(n) &&
    (!int || Number.isInteger(n)) &&
    (min === undefined || n >= min) &&
    (max === undefined || n <= max);
  if (!ok) {
    const range =
      min !== undefined && max !== undefined
        ? ` from ${min} to ${max}`
        : min !== undefined
          ? ` ≥ ${min}`
          : max !== undefined
            ? ` ≤ ${max}`
            : '';
    const what = `${int ? 'a whole number' : 'a number'}${range}`;
    throw new NewsprismError(
      'E_OPTION_VALUE',
      `--set ${key}=${raw.length > 40 ? `${raw.slice(0, 37)}...` : raw} must be ${what}`,
    );
  }
  return n;
}
