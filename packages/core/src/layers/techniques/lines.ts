/** A non-blank line of a file: its 1-based number and its span (a trailing `\r` excluded). */
export interface FileLine {
  line: number;
  start: number;
  end: number;
}

/**
 * The non-blank lines of `text` split on `\n`, numbered as the SemEval-2023 Task 3 label files
 * number them (every line counts, blank ones and `\r\n` endings included).
 */
export function fileLines(text: string): FileLine[] {
  const out: FileLine[] = [];
  let start = 0;
  let n = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const e = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (text.slice(start, e).trim() !== '') out.push({ line: n, start, end: e });
    n++;
    start = end + 1;
  }
  return out;
}

/**
 * The labels of every non-blank line of `text`, from labels per paragraph: a line takes the
 * labels of the paragraph that overlaps it (paragraphs are lines in the one-paragraph-per-line
 * convention of research corpora). Lines come in file order with their 1-based numbers.
 */
export function labelsByLine(
  text: string,
  paragraphs: readonly { start: number; end: number }[],
  labels: ReadonlyMap<number, readonly string[]>,
): { line: number; labels: readonly string[] }[] {
  let p = 0;
  return fileLines(text).map((l) => {
    while (p < paragraphs.length && paragraphs[p]!.end <= l.start) p++;
    const para = paragraphs[p];
    const hit = para && para.start < l.end ? (labels.get(p) ?? []) : [];
    return { line: l.line, labels: hit };
  });
}
