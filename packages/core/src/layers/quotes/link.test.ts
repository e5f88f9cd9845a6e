import { describe, expect, it } from 'vitest';
import type { Entity } from '../entities/entities.js';
import { linkSpeakers } from './link.js';
import type { Quote, Speaker } from './types.js';

const text = 'Harbour chief Tom Reed of the Port Authority said a senior Port Authority official agreed.';
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const entities: Entity[] = [
  { id: 'tom-reed', type: 'PER', name: 'Tom Reed', aliases: [], mentions: [span('Tom Reed')] },
  {
    id: 'port',
    type: 'ORG',
    name: 'Port Authority',
    aliases: [],
    mentions: [span('Port Authority'), { start: 55, end: 69 }],
  },
] as unknown as Entity[];

describe('linkSpeakers', () => {
  it.each([
    {
      name: 'named person by name span',
      speaker: { name: 'Tom Reed', type: 'person', mention: span('Tom Reed') },
      want: 'tom-reed',
    },
    {
      name: 'most shared characters win',
      speaker: {
        name: 'Port Authority',
        type: 'organization',
        mention: span('Tom Reed of the Port Authority'),
      },
      want: 'port',
    },
    {
      name: 'anonymous descriptions stay unlinked',
      speaker: {
        name: 'senior Port Authority official',
        type: 'anonymous',
        mention: span('a senior Port Authority official'),
      },
      want: undefined,
    },
  ] as { name: string; speaker: Speaker; want?: string }[])('$name', ({ speaker, want }) => {
    expect(text.slice(speaker.mention!.start, speaker.mention!.end).length).toBeGreaterThan(0);
    const q: Quote = { start: 0, end: 5, kind: 'indirect', speaker, signals: [], rule: 't' };
    expect(linkSpeakers([q], entities).get(speaker)).toBe(want);
  });
});
