/**
 * A one-line progress meter on stderr (count, documents per second, and the ETA when the total
 * is known), redrawn at most four times a second; silent when stderr is not a terminal.
 */
export class Progress {
  private readonly t0 = performance.now();
  private last = 0;
  private shown = false;
  constructor(
    private readonly label: string,
    private readonly total?: number,
    private readonly tty = process.stderr.isTTY === true,
  ) {}

  update(done: number): void {
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.last < 250) return;
    this.last = now;
    const secs = (now - this.t0) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    let line = `${this.label} ${done.toLocaleString('en')}${this.total ? `/${this.total.toLocaleString('en')}` : ''}  ${rate.toFixed(1)} docs/s`;
    if (this.total && rate > 0) line += `  ETA ${Math.ceil((this.total - done) / rate)} s`;
    process.stderr.write(`\r${line}\u001b[K`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
  }
}
