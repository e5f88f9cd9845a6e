import type { NewsDocument } from '@newsprism/core';

/**
 * An output format of `analyze`. `render` turns one analysed document into output text and
 * keeps no state, so it can run in a worker thread (`--jobs`); `write`, when present, frames
 * the rendered documents in input order on the main thread (commas of a JSON array, separator
 * lines); `begin` and `end` frame the whole run. `layers` names the layers the format needs, so
 * the pipeline computes them even when `--layers` did not ask.
 */
export interface OutputFormat {
  name: string;
  description: string;
  layers?: readonly string[];
  /** Analyzer options the format needs, e.g. `{genre: {minWords: 0}}` to decide every article. */
  options?: Record<string, Record<string, unknown>>;
  begin?(): string;
  render(doc: NewsDocument, ctx: FormatContext): string;
  write?(rendered: string, id: string): string;
  /** Pieces are written one after the other (a huge document's JSON is not copied to add a newline). */
  end?(): string | readonly string[];
}

/** What a format knows about the run. */
export interface FormatContext {
  /** Layers selected for output. */
  layers: ReadonlySet<string>;
  /** Colour escapes allowed (terminal). */
  color: boolean;
  /**
   * The analyzer options the document was made with that are not the defaults, as `--set`
   * spells them (`genre.prior=news-wire`): `show` knows them from the stored producers.
   */
  options?: readonly string[];
}
