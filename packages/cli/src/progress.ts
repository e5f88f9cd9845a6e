import { escapeControl } from '@newsprism/core/node';

/** A stream progress lines go to (stderr). */
export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

const secs = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

/**
 * Progress of a batch on a terminal: count, rate and, when the total is known, percentage and
 * ETA, redrawn at most five times a second on one line; nothing when stderr is not a terminal
 * (a log file gets only the warnings and the summary). `clear` wipes the line before another
 * message is written and at the end.
 */
export class Progress {
  private shown = false;
  private last = 0;
  private readonly t0: number;
  done = 0;
  skipped = 0;

  constructor(
    private readonly out: ProgressStream,
    private readonly total?: number,
    private readonly now: () => number = Date.now,
  ) {
    this.t0 = now();
  }

  /** Counts one finished input (analysed or skipped) and redraws when due. */
  tick(ok: boolean): void {
    if (ok) this.done++;
    else this.skipped++;
    if (!this.out.isTTY) return;
    const t = this.now();
    if (t - this.last < 200) return;
    this.last = t;
    this.out.write(`\r\x1b[2K${this.line(t)}`);
    this.shown = true;
  }

  /** The progress line: `120/2,000 documents (6%), 35.2/s, ETA 53 s`. */
  line(t: number = this.now()): string {
    const n = this.done + this.skipped;
    const elapsed = Math.max(1, t - this.t0);
    const rate = (n * 1000) / elapsed;
    let s = `newsprism: ${n}${this.total ? `/${this.total}` : ''} document${n === 1 ? '' : 's'}`;
    if (this.total) s += ` (${Math.floor((100 * n) / this.total)}%)`;
    s += `, ${rate.toFixed(1)}/s`;
    if (this.total && rate > 0 && n < this.total) s += `, ETA ${secs(((this.total - n) / rate) * 1000)}`;
    if (this.skipped) s += `, ${this.skipped} skipped`;
    return s;
  }

  /** Wipes the progress line so a warning or the summary prints on a clean line. */
  clear(): void {
    if (this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }

  /** The one-line summary that ends every run. */
  summary(codes: readonly string[], t: number = this.now()): string {
    const d = this.done;
    let s = `analyzed ${d} document${d === 1 ? '' : 's'}`;
    if (this.skipped) s += `, skipped ${this.skipped} (${escapeControl(codes.join(', '))})`;
    return `${s} in ${secs(t - this.t0)}`;
  }
}
