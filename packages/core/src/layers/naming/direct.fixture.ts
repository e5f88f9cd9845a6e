// The naming layer without a pipeline, for unit tests: paragraphs are the text's non-blank
// lines (all body), tokens come from the tokenizer, quotations from the marks and dash speech
// as the analyzer finds them, entities and quotes are given by the test. What `naming` does in
// a pipeline of `['naming']` (terms.test.ts checks both on the same cases), at a fraction of
// the cost: mutation runs repeat these tests for every mutant.
import type { Paragraph } from '../../schema.js';
import type { Gazetteer, GazetteerFile } from '../entities/gazetteer.js';
import curated from '../entities/gazetteer.json' with { type: 'json' };
import type { Entity } from '../entities/group.js';
import type { Quote } from '../quotes/types.js';
import { tokenize } from '../tokens/tokenize.js';
import { buildNaming, type NamingLayer, quotations } from './naming.js';

/** The text's non-blank lines, trimmed, as body paragraphs (`duplicates`: indices of repeats of paragraph 0). */
export function lineParagraphs(text: string, duplicates: readonly number[] = []): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    const p: Paragraph = { start: m.index + lead, end: m.index + lead + body.length, role: 'body' };
    if (duplicates.includes(out.length)) p.duplicateOf = 0;
    out.push(p);
  }
  return out;
}

let gazetteer: Gazetteer | undefined;

/**
 * What naming reads of a gazetteer — the entries' spelling variants and the provenances, all in
 * the curated file — without compiling the shipped name lists for matching (seconds a test
 * file, which a mutation run pays for every mutant).
 */
function namingGazetteer(): Gazetteer {
  const file = curated as unknown as GazetteerFile;
  gazetteer ??= {
    entries: new Map(
      file.entries.map((e) => [e.id, { ...e, forms: [], variants: e.variants ?? {}, roles: [] }]),
    ),
    provenances: file.provenances ?? {},
    byFirstKey: new Map(),
    byKeys: new Map(),
    roles: new Map(),
  } as unknown as Gazetteer;
  return gazetteer;
}

/** The naming layer of `text` in `lang`. */
export function namingOf(
  text: string,
  lang: string,
  opts: { entities?: Entity[]; quotes?: Quote[]; terms?: string[]; duplicates?: number[] } = {},
): NamingLayer {
  const paras = lineParagraphs(text, opts.duplicates);
  return buildNaming(text, lang, opts.entities ?? [], paras, namingGazetteer(), {
    terms: opts.terms,
    tokens: tokenize(text, lang, paras),
    quoted: quotations(text, paras, lang, opts.quotes),
  });
}

/** Every term mention as `surface | concept | form | pole | voice [| rule]`, in text order. */
export function termRows(text: string, layer: NamingLayer): string[] {
  const rows = layer.terms.flatMap((t) =>
    t.mentions.map((m) => ({
      at: m.start,
      row: [text.slice(m.start, m.end), t.concept, t.form, t.pole, t.voice, ...(m.rule ? [m.rule] : [])].join(
        ' | ',
      ),
    })),
  );
  return rows.sort((a, b) => a.at - b.at).map((r) => r.row);
}
