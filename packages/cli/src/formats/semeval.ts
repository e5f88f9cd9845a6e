import { labelsByLine, type NewsDocument } from '@newsprism/core';
import type { OutputFormat } from './format.js';

/** The code-point offset of a UTF-16 offset in `text` (research data sets count code points). */
export function codePointOffset(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Paragraph index → technique names, from the techniques layer. */
function techniqueSets(doc: NewsDocument): Map<number, string[]> {
  return new Map(
    (doc.techniques?.paragraphs ?? []).map((p) => [p.paragraph, p.techniques.map((t) => t.technique)]),
  );
}

/**
 * `--format semeval2023-st3`: `ID \t line \t tech,tech` for every non-blank line of each
 * article (line numbers of the verbatim file, blank lines and `\r\n` counted), the SemEval-2023
 * Task 3 subtask-3 submission format.
 */
export function semevalSt3Format(): OutputFormat {
  return {
    name: 'semeval2023-st3',
    description: 'SemEval-2023 Task 3 subtask 3: ID, line, techniques for every non-blank line',
    layers: ['paragraphs', 'techniques'],
    render(doc) {
      return labelsByLine(doc.text, doc.paragraphs ?? [], techniqueSets(doc))
        .map((l) => `${doc.id}\t${l.line}\t${l.labels.join(',')}\n`)
        .join('');
    },
  };
}

/** `--format semeval2023-st2`: `ID \t frame,frame` (subtask 2). */
export function semevalSt2Format(): OutputFormat {
  return {
    name: 'semeval2023-st2',
    description: 'SemEval-2023 Task 3 subtask 2: ID, frames',
    layers: ['frames'],
    // The shared task scores every article, the short ones too: no minimum length.
    options: { frames: { minWords: 0 } },
    render: (doc) =>
      `${doc.id}\t${(doc.frames ?? [])
        .filter((f) => f.selected)
        .map((f) => f.frame)
        .join(',')}\n`,
  };
}

/** `--format semeval2023-st1`: `ID \t genre` (subtask 1). */
export function semevalSt1Format(): OutputFormat {
  return {
    name: 'semeval2023-st1',
    description: 'SemEval-2023 Task 3 subtask 1: ID, genre',
    layers: ['genre'],
    // The shared task scores every article, the short ones too: no minimum length.
    options: { genre: { minWords: 0 } },
    render: (doc) => `${doc.id}\t${doc.genre?.genre ?? ''}\n`,
  };
}

/**
 * `--format ptc-si`: `ID \t start \t end` for each propaganda span (SemEval-2020 Task 11, span
 * identification): technique spans merged where they overlap, as code-point offsets, end
 * exclusive.
 */
export function ptcSiFormat(): OutputFormat {
  return {
    name: 'ptc-si',
    description: 'SemEval-2020 Task 11 span identification: ID, start, end (code points)',
    layers: ['techniques'],
    render(doc) {
      const spans = [...(doc.techniques?.spans ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
      const merged: { start: number; end: number }[] = [];
      for (const s of spans) {
        const last = merged[merged.length - 1];
        if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
        else merged.push({ start: s.start, end: s.end });
      }
      return merged
        .map((s) => `${doc.id}\t${codePointOffset(doc.text, s.start)}\t${codePointOffset(doc.text, s.end)}\n`)
        .join('');
    },
  };
}
