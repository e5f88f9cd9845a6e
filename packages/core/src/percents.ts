/**
 * Whole percentages every view writes alike (CLI and web UI): shares rounded to 1e-9 first, so
 * that float noise (`0.535 * 100` is `53.50000000000001`, `0.285 * 100` is `28.499999999999996`)
 * never decides a tie.
 */

const nine = (x: number): number => Math.round(x * 1e9) / 1e9;
const clean = (x: number): number => nine(Math.max(0, x) * 100);

/**
 * Whole percentages of shares that add up to 1, adding up to 100: each share's floor, and the
 * points the floors lost to the largest remainders, a tie to the earlier share (so with two
 * shares the first is rounded half up and the second is what is left: 0.535 / 0.465 → 54 / 46).
 * Shares that are no whole (a part missing) are each rounded half up.
 */
export function wholePercents(values: readonly number[]): number[] {
  const raw = values.map(clean);
  const total = raw.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 100) > 0.5) return raw.map((r) => Math.round(r));
  return toTotal(raw, 100);
}

/**
 * Percentages to one decimal of shares that add up to 1, adding up to 100.0 (largest remainders
 * over tenths, as {@link wholePercents} over wholes): the store report's voice line, whose own,
 * attributed and anonymous parts each rounded alone could read 99.9 %.
 */
export function tenthPercents(values: readonly number[]): number[] {
  const raw = values.map((v) => nine(clean(v) * 10));
  const total = raw.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1000) > 0.5) return raw.map((r) => Math.round(r) / 10);
  return toTotal(raw, 1000).map((t) => t / 10);
}

/** `raw` in whole numbers adding up to `total`: floors, then largest remainders (earlier first on a tie). */
function toTotal(raw: readonly number[], total: number): number[] {
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  // Never below 0, at most one point a share: the floors lose less than one each, and a
  // total of 100 ± 0.5 (or of a part's rounded sum) adds less than one more.
  for (const [, i] of order) if (left-- > 0) out[i]!++;
  return out;
}

/** A document's voices in whole percentages: the outlet's own, the attributed, and the attributed split into named and anonymous. */
export interface VoicePercents {
  own: number;
  attributed: number;
  named: number;
  anonymous: number;
}

/**
 * The voices of a document's body in whole percentages, as the CLI report and the web UI's
 * "Who speaks" bar write them: `attributed` and `own` add up to 100 when their shares add up to 1
 * (the attributed share rounded half up: 0.535 → 54 and 46; 0.125 → 13 and 87), `named` and
 * `anonymous` add up to `attributed` (`anonymousShare` is the anonymous part of the attributed words).
 */
export function voicePercents(s: {
  attributedShare: number;
  ownVoiceShare: number;
  anonymousShare: number;
}): VoicePercents {
  const [attributed, own] = wholePercents([s.attributedShare, s.ownVoiceShare]) as [number, number];
  const anonymousRaw = clean(s.attributedShare * s.anonymousShare);
  const [named, anonymous] = toTotal(
    [nine(clean(s.attributedShare) - anonymousRaw), anonymousRaw],
    attributed,
  ) as [number, number];
  return { own, attributed, named, anonymous };
}
