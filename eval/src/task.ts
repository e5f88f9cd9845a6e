/** Options every evaluation or training run understands. */
export interface TaskOptions {
  /** Directory of the data set (e.g. `../shared/data/semeval2023-task3`). */
  data: string;
  /** Which part to use: `train`, `dev`, `val` (the project's own validation split), `all`, … */
  split?: string;
  /** Language code where a data set has several (`en`, `ru`). */
  lang?: string;
  /** Where a trainer writes its model (default: the shipped location under `models/`). */
  out?: string;
  /** A model file to evaluate instead of the shipped one. */
  model?: string;
  /** Free-form extra options (`--set key=value`). */
  extra: Record<string, string>;
  /** Progress lines go here (stderr in the CLI). */
  log(line: string): void;
}

/** A printable result: a title, a table of rows, and headline figures. */
export interface Report {
  title: string;
  /** Headline figures by name (`micro_f1`, `macro_f1`, …). */
  metrics: Record<string, number>;
  /** Rows of a per-label table; the first row is the header. */
  table?: (string | number)[][];
  notes?: string[];
}

/** An evaluation (`newsprism eval <name>`) or training (`newsprism train <name>`) task. */
export interface Task {
  name: string;
  description: string;
  run(options: TaskOptions): Promise<Report>;
}

/** Formats a report for the terminal, with figures rounded to 3 decimals. */
export function formatReport(r: Report): string {
  const fmt = (v: string | number) =>
    typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v;
  const lines = [r.title, ''];
  for (const [k, v] of Object.entries(r.metrics)) lines.push(`${k.padEnd(24)} ${fmt(v)}`);
  if (r.table?.length) {
    const rows = r.table.map((row) => row.map(fmt));
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
    lines.push('');
    for (const row of rows)
      lines.push(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  }
  for (const n of r.notes ?? []) lines.push('', n);
  return `${lines.join('\n')}\n`;
}
