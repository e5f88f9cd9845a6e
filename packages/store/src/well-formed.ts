/**
 * Replaces lone UTF-16 surrogates and NUL characters in every string of a JSON-like value with
 * U+FFFD, in a copy (the value itself is left alone). A lone surrogate (a span cut inside a surrogate pair, a broken input) is legal in
 * a JavaScript string but not in UTF-8 storage: PostgreSQL's `jsonb` rejects the whole
 * statement, which would fail the batch, and rejects NUL in any text. Both backends store the
 * same repaired text so that they return the same documents. U+FFFD is one code unit, so every span offset into
 * the text stays valid.
 */
export function wellFormed<T>(value: T): T {
  return fix(value) as T;
}

// ES2024 string methods, present in Node 20 but not in the project's ES2023 lib.
declare global {
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

function fix(v: unknown): unknown {
  if (typeof v === 'string') {
    const w = v.isWellFormed() ? v : v.toWellFormed();
    return w.includes('\0') ? w.replaceAll('\0', '\uFFFD') : w;
  }
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const f = fix(v[i]);
      if (f !== v[i]) {
        out ??= v.slice();
        out[i] = f;
      }
    }
    return out ?? v;
  }
  if (v !== null && typeof v === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [k, x] of Object.entries(v)) {
      const f = fix(x);
      const key = k.isWellFormed() ? k : k.toWellFormed();
      if (f !== x || key !== k) {
        out ??= { ...(v as Record<string, unknown>) };
        if (key !== k) delete out[k];
        out[key] = f;
      }
    }
    return out ?? v;
  }
  return v;
}
