import type { Credit, Dateline, DocumentMeta } from '../../schema.js';
import { datelineDate } from '../../text/dates.js';
import type { Layout } from './layout.js';
import type { KnownNames } from './outlets.js';

const shift = (at: number, r: { start: number; end: number } | undefined) =>
  r && { start: at + r.start, end: at + r.end };
/** `The Liberty Daily` and `TheLibertyDaily.com` name one outlet. */
const squash = (name: string | undefined): string =>
  (name ?? '')
    .toLowerCase()
    .replace(/\.(com|ru|org|net)$/, '')
    .replace(/^the\s*/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The document dateline of a layout, in absolute offsets, its date read with `docDate`'s year,
 * its outlets under their canonical names.
 */
export function datelineOf(layout: Layout, known: KnownNames, docDate?: string): Dateline | undefined {
  if (!layout.dateline) return undefined;
  const canonical = (name: string): string => known.outlet(name) ?? name;
  const { at, match: m } = layout.dateline;
  // The first dateline has no date: the second one's date and place, its agencies after the first's.
  const second = layout.second?.match;
  const d: Dateline = {
    start: at,
    end: at + m.length,
    place: m.place ?? second?.place,
    placeSpan: m.placeSpan ? shift(at, m.placeSpan) : shift(layout.second?.at ?? 0, second?.placeSpan),
    agencies: [...m.agencies, ...(second?.agencies ?? [])],
    outlets: [...m.agencies, ...(second?.agencies ?? [])].map(canonical),
    date: m.date ?? second?.date,
    isoDate: (m.date ?? second?.date) ? datelineDate((m.date ?? second?.date)!, docDate) : undefined,
    author: m.author,
    authorSpan: shift(at, m.authorSpan),
    rule: m.rule,
  };
  for (const k of Object.keys(d) as (keyof Dateline)[]) if (d[k] === undefined) delete d[k];
  return d;
}

/** The closing credits of a layout in absolute offsets, outlets under canonical names. */
export function creditsOf(layout: Layout, known: KnownNames): Credit[] {
  const canonical = (name: string): string => known.outlet(name) ?? name;
  return layout.credits.map(({ at, match: c }) => {
    const credit: Credit = {
      start: at + c.start,
      end: at + c.end,
      kind: c.kind,
      names: c.kind === 'author' ? c.names : c.names.map(canonical),
      cue: c.cue,
    };
    if (c.distributor) credit.distributor = canonical(c.distributor);
    if (c.relayed) credit.relayed = canonical(c.relayed);
    if (c.authors?.length) credit.authors = c.authors;
    return credit;
  });
}

/**
 * What a dateline and closing credits say about the document: the outlet (the dateline's first
 * outlet, else the outlet a `Source:`/`©` credit names), the other outlet in the chain (a second
 * dateline outlet, a distributor, an agency credited for input), the author and the full date.
 */
export function metaFromDateline(
  dl: Dateline | undefined,
  credits: readonly Credit[],
): Pick<DocumentMeta, 'outlet' | 'agency' | 'byline' | 'published'> {
  const named = credits.filter((c) => c.kind === 'outlet' || c.kind === 'copyright').flatMap((c) => c.names);
  // An outlet that says it republished an agency's copy is the publisher, whatever the dateline credits.
  const relay = credits.find((c) => c.relayed && c.names.length);
  const outlet = relay?.names[0] ?? dl?.outlets?.[0] ?? named[0];
  const others = [
    ...(relay ? [relay.relayed!] : []),
    ...(dl?.outlets ?? []),
    ...named,
    ...credits.flatMap((c) => (c.distributor ? [c.distributor] : [])),
    ...credits.filter((c) => c.kind === 'input').flatMap((c) => c.names),
  ].filter((o) => squash(o) !== squash(outlet));
  // Contributors (`Additional reporting by`, `X contributed`) are no authors.
  const authors = credits.flatMap((c) =>
    c.kind === 'author' && !/additional|contributed/.test(c.cue) ? c.names : (c.authors ?? []),
  );
  const published = dl?.isoDate && /^\d{4}/.test(dl.isoDate) ? dl.isoDate : undefined;
  return {
    outlet,
    agency: others[0],
    byline: dl?.author ?? (authors.length ? authors.join(', ') : undefined),
    published,
  };
}
