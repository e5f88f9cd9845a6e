import { NewsprismError } from '@newsprism/core/schema';

/**
 * The layers a request asks for (`?layers=quotes,sources`), checked against those the server
 * produces; undefined (all) when not given.
 */
export function requestedLayers(
  param: string | undefined,
  available: readonly string[],
): Set<string> | undefined {
  if (param === undefined || param.trim() === '' || param === 'all') return undefined;
  const wanted = param
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const unknown = wanted.find((l) => !available.includes(l));
  if (unknown !== undefined)
    throw new NewsprismError(
      'E_UNKNOWN_LAYER',
      `no layer "${unknown.slice(0, 60)}" on this server; layers: ${available.join(', ')}`,
    );
  return new Set(wanted);
}
