import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

// A news story with an emoji in the title (so code points and UTF-16 units differ), a quote with
// its speaker after it, one with the speaker before it, and one split around its cue.
const ARTICLE = `Harbour deal signed 🚢 after long talks

The city signed the harbour contract on Monday.

"This is a good day for the port," Mayor Anna Berg said at the ceremony.

Union leader Tom Hale said: "Our members will watch every step."

"We waited years," said Hale, "and we will not wait again."`;

interface Tb {
  label: string;
  frags: [number, number][];
  surface: string;
}

/** Reads brat standoff as brat does: T lines with `label start end(;start end)*`, E lines with role:id args. */
function parseAnn(ann: string): { tb: Map<string, Tb>; events: Map<string, Record<string, string>> } {
  const tb = new Map<string, Tb>();
  const events = new Map<string, Record<string, string>>();
  for (const line of ann.split('\n').filter((l) => l !== '')) {
    const [id, body, surface] = line.split('\t');
    if (id!.startsWith('T')) {
      const [label, ...rest] = body!.split(' ');
      const frags = rest
        .join(' ')
        .split(';')
        .map((f) => f.split(' ').map(Number) as [number, number]);
      tb.set(id!, { label: label!, frags, surface: surface! });
    } else if (id!.startsWith('E')) {
      events.set(id!, Object.fromEntries(body!.split(' ').map((a) => a.split(':') as [string, string])));
    } else throw new Error(`not a brat line: ${line}`);
  }
  return { tb, events };
}

describe('newsprism analyze --format brat', { timeout: 120_000 }, () => {
  it('prints standoff whose code-point spans give back its surface texts and the JSON quotes', async () => {
    const f = join(tempDir(), 'harbour.txt');
    writeFileSync(f, ARTICLE);
    const r = await runCli(['analyze', f, '-j', '0', '--format', 'brat']);
    expect(r.code).toBe(0);
    const { tb, events } = parseAnn(r.stdout);
    const cps = Array.from(ARTICLE);
    const at = (a: number, b: number) => cps.slice(a, b).join('');
    for (const t of tb.values())
      expect(
        t.frags
          .map(([a, b]) => at(a, b))
          .join(' ')
          .replace(/\s+/g, ' '),
      ).toBe(t.surface);

    const json = JSON.parse((await runCli(['analyze', f, '-j', '0', '--layers', 'quotes'])).stdout);
    const direct = json.quotes.filter((q: { kind: string }) => q.kind !== 'scare');
    expect(events.size).toBe(direct.length);
    const relations = [...events.values()].map((e) => ({
      source: e.Source && tb.get(e.Source)!.surface,
      cue: e.Cue && tb.get(e.Cue)!.surface,
      content: tb.get(e.Content!)!.surface,
      trigger: tb.get(e.Attribution!)!.label,
    }));
    expect(relations).toEqual(
      expect.arrayContaining([
        {
          source: 'Mayor Anna Berg',
          cue: 'said',
          content: expect.stringContaining('This is a good day for the port'),
          trigger: 'Attribution',
        },
        {
          source: 'Union leader Tom Hale',
          cue: 'said',
          content: expect.stringContaining('Our members will watch every step.'),
          trigger: 'Attribution',
        },
        expect.objectContaining({
          source: 'Hale',
          content: expect.stringMatching(/We waited years.* we will not wait again/),
        }),
      ]),
    );
    // The split quote is one Content with two fragments.
    const split = [...tb.values()].find((t) => t.label === 'Content' && t.surface.includes('We waited'))!;
    expect(split.frags).toHaveLength(2);
    // Every argument of an event names a text-bound annotation of the right label.
    for (const e of events.values())
      for (const [role, id] of Object.entries(e)) expect(tb.get(id)!.label).toBe(role);
  });
});
