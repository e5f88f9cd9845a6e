/**
 * Nesting of overlapping highlight spans into a tree that HTML can hold.
 *
 * Findings of several layers overlap freely (a technique span across the end of a quotation), but
 * elements must nest. Spans are placed outermost-first; a span that crosses the end of the
 * span it starts inside is cut there and its remainder placed after it, so every piece is an
 * element whose text is exactly `text.slice(start, end)` (the piece's own offsets), and each
 * piece still carries the whole finding.
 */

/** A finding to highlight: a half-open UTF-16 range into the document's text. */
export interface Mark {
  start: number;
  end: number;
  /** Layer name (`quotes`, `techniques`, …): the `data-layer` of its elements. */
  layer: string;
  /** Label within the layer (`Loaded_Language`, `anonymous`, …): the `data-label`. */
  label: string;
  /** Stable id of the finding, shared by all its pieces. */
  id: string;
  /** Order among marks of equal range: lower is outer. */
  lane: number;
}

/** One element of the tree: a piece of a mark, with the pieces nested inside it. */
export interface MarkNode {
  mark: Mark;
  start: number;
  end: number;
  children: MarkNode[];
}

function outerFirst(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end || a.lane - b.lane || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Inserts `item` into `queue` (sorted by `outerFirst` on the piece) keeping it sorted. */
function insertSorted(queue: Piece[], item: Piece): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePieces(queue[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, item);
}

interface Piece {
  mark: Mark;
  start: number;
  end: number;
}

function comparePieces(a: Piece, b: Piece): number {
  return a.start - b.start || b.end - a.end || outerFirst(a.mark, b.mark);
}

/**
 * Builds the element tree of `marks` within `[from, to)` (a paragraph): marks outside are
 * dropped, marks crossing the range are clipped to it, empty ranges are ignored.
 *
 * @example
 * nestMarks([{start: 0, end: 10, …}, {start: 5, end: 15, …}], 0, 20)
 * // → [ {0–10, children: [{5–10}]}, {10–15} ]
 */
export function nestMarks(marks: readonly Mark[], from: number, to: number): MarkNode[] {
  const queue: Piece[] = [];
  for (const m of marks) {
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    if (end > start) queue.push({ mark: m, start, end });
  }
  queue.sort(comparePieces);
  const roots: MarkNode[] = [];
  const stack: MarkNode[] = [];
  while (queue.length) {
    const p = queue.shift()!;
    while (stack.length && stack[stack.length - 1]!.end <= p.start) stack.pop();
    const parent = stack[stack.length - 1];
    let end = p.end;
    if (parent && end > parent.end) {
      // Crosses the end of the span it starts in: cut here, place the rest later.
      insertSorted(queue, { mark: p.mark, start: parent.end, end });
      end = parent.end;
    }
    const node: MarkNode = { mark: p.mark, start: p.start, end, children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** A run of the tree flattened for rendering: plain text or a node. */
export type Run = { text: string; start: number } | { node: MarkNode };

/** The runs inside `[from, to)` given the nodes placed there: text between nodes, then nodes. */
export function runs(nodes: readonly MarkNode[], from: number, to: number, text: string): Run[] {
  const out: Run[] = [];
  let at = from;
  for (const n of nodes) {
    if (n.start > at) out.push({ text: text.slice(at, n.start), start: at });
    out.push({ node: n });
    at = n.end;
  }
  if (to > at) out.push({ text: text.slice(at, to), start: at });
  return out;
}
