import { type DocumentInput, NewsprismError } from '@newsprism/core';

/**
 * Turns an HTML page into a document input: the extracted article body becomes `text`, the
 * page's title, byline, date, site and language go to `meta`.
 */
export function htmlToInput(_html: string, _id: string, source: string, _url?: string): DocumentInput {
  throw new NewsprismError(
    'E_UNSUPPORTED_INPUT',
    `${source}: HTML input is not supported yet; pass plain text`,
  );
}
