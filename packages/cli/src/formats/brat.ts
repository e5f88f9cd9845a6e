import type { NewsDocument, Quote, Span } from '@newsprism/core';
import type { OutputFormat } from './format.js';

/** Maps UTF-16 offsets to code points, as brat (and PolNeAR) count them. */
function toCodePoints(text: string): (u: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (u) => u;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) map[++i] = cp;
    cp++;
  }
  map[text.length] = cp;
  return (u) => map[u]!;
}

/**
 * Brat standoff annotations of a document's attributions, as in PolNeAR: `Source`, `Cue` and
 * `Content` text-bound annotations (discontinuous content as `start end;start end`), an
 * `Attribution` trigger on the cue, and an `Attribution` event linking them. Scare quotes are
 * left out. Offsets count code points into the document text.
 */
export function bratAnnotations(doc: NewsDocument): string {
  const text = doc.text;
  const cp = toCodePoints(text);
  const lines: string[] = [];
  let t = 0;
  let e = 0;
  const tb = (label: string, spans: readonly Span[]): string => {
    const id = `T${++t}`;
    const offsets = spans.map((s) => `${cp(s.start)} ${cp(s.end)}`).join(';');
    const surface = spans
      .map((s) => text.slice(s.start, s.end))
      .join(' ')
      .replace(/\s+/g, ' ');
    lines.push(`${id}\t${label} ${offsets}\t${surface}`);
    return id;
  };
  const quotes: readonly Quote[] = doc.quotes ?? [];
  for (const q of quotes) {
    if (q.kind === 'scare') continue;
    const args: string[] = [];
    const source = q.source ? tb('Source', [q.source]) : undefined;
    const cue = q.cue ? tb('Cue', [q.cue]) : undefined;
    const content = tb('Content', q.parts ?? [{ start: q.start, end: q.end }]);
    const trigger = tb('Attribution', [q.cue ?? { start: q.start, end: q.end }]);
    args.push(`Attribution:${trigger}`, `Content:${content}`);
    if (cue) args.push(`Cue:${cue}`);
    if (source) args.push(`Source:${source}`);
    lines.push(`E${++e}\t${args.join(' ')}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * `--format brat`: attribution relations as brat standoff. One document gives a plain `.ann`
 * body; with several, every document (the first too) starts with a `# <id>` line (split them
 * into files per document). The first is held back until the second shows which.
 */
export function bratFormat(): OutputFormat {
  let n = 0;
  let first = { id: '', body: '' };
  return {
    name: 'brat',
    description: 'attributions as brat standoff (Source, Cue, Content, Attribution event), as PolNeAR',
    layers: ['quotes'],
    render: (doc) => bratAnnotations(doc),
    write(body, id) {
      n++;
      if (n === 1) {
        first = { id, body };
        return '';
      }
      const head = n === 2 ? `# ${first.id}\n${first.body}` : '';
      return `${head}# ${id}\n${body}`;
    },
    end: () => (n === 1 ? first.body : ''),
  };
}
