import { NewsprismError } from '@newsprism/core/schema';

/**
 * Analyzer options given as `--set <analyzer>.<option>=<value>` (repeatable), as `createPipeline`
 * takes them: `--set genre.prior=news-wire`, `--set genre.minWords=0`,
 * `--set 'genre.prior={"reporting":0.7,"opinion":0.28,"satire":0.02}'`. A value that reads as
 * JSON (a number, an object, `true`) is that value, else the text itself. The pipeline checks
 * names and values (`E_UNKNOWN_OPTION`, `E_OPTION_TYPE`, `E_OPTION_VALUE`).
 */
export function analyzerSets(
  sets: readonly string[] | undefined,
): Record<string, Record<string, unknown>> | undefined {
  if (!sets?.length) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of sets) {
    const m = /^([a-z][\w-]*)\.([A-Za-z]\w*)=(.*)$/s.exec(s);
    if (!m)
      throw new NewsprismError(
        'E_USAGE',
        `--set takes <analyzer>.<option>=<value>, e.g. --set genre.prior=news-wire (got "${s}")`,
      );
    const [, analyzer, key, raw] = m as unknown as [string, string, string, string];
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: the text itself (a preset name, a path).
    }
    out[analyzer] = { ...out[analyzer], [key]: value };
  }
  return out;
}
