import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '@newsprism/core';
import { NewsprismError } from '@newsprism/core';

/** One gold attribution of PolNeAR; each part may be discontinuous (`start end;start end`). */
export interface GoldAttribution {
  content: Span[];
  cue: Span[];
  source: Span[];
}

/** One PolNeAR article with the attributions of one annotator. */
export interface PolnearDoc {
  id: string;
  text: string;
  annotator: string;
  attributions: GoldAttribution[];
}

/**
 * Maps code-point offsets to UTF-16 offsets. PolNeAR counts code points (brat over Python
 * strings); for texts without astral characters the map is the identity.
 */
export function codePointToUtf16(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[cp] ?? u;
}

/** Parses a brat `.ann` file of PolNeAR into attributions with UTF-16 spans into `text`. */
export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const conv = codePointToUtf16(text);
  const spans = new Map<string, Span[]>();
  const out: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t\S+ ([\d ;]+)\t/.exec(line);
    if (t) {
      spans.set(
        t[1]!,
        t[2]!.split(';').map((seg) => {
          const [a, b] = seg.trim().split(/\s+/).map(Number);
          return { start: conv(a!), end: conv(b!) };
        }),
      );
      continue;
    }
    if (!line.startsWith('E')) continue;
    const roles = line.split('\t')[1]?.trim().split(/\s+/) ?? [];
    const g: GoldAttribution = { content: [], cue: [], source: [] };
    for (const r of roles) {
      const [role, id] = r.split(':');
      const s = spans.get(id!) ?? [];
      if (role === 'Content' || role === 'Content2') g.content.push(...s);
      else if (role === 'Cue') g.cue.push(...s);
      else if (role === 'Source') g.source.push(...s);
    }
    if (g.content.length) out.push(g);
  }
  return out;
}

/**
 * Loads a PolNeAR split (`train`, `dev`). Articles annotated by several annotators are read once,
 * with the alphabetically first annotator's file, so each article counts once.
 */
export function loadPolnear(dir: string, split: string): PolnearDoc[] {
  const base = join(dir, split);
  if (!existsSync(join(base, 'attributions')))
    throw new NewsprismError('E_DATA', `no PolNeAR split at ${base}; pass --data pointing at …/polnear`);
  const files = readdirSync(join(base, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const out: PolnearDoc[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const m = /^(.*)_([0-9a-f]+)\.ann$/.exec(f);
    if (!m || seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    const textPath = join(base, 'text', `${m[1]}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const ann = readFileSync(join(base, 'attributions', f), 'utf8');
    out.push({ id: m[1]!, text, annotator: m[2]!, attributions: parseAnn(ann, text) });
  }
  return out;
}
