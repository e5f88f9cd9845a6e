import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarise } from './library.js';

describe('the library example (docs/library.md)', () => {
  it('lists speakers, naming choices and the claims to check first', async () => {
    const text = readFileSync(new URL('./kherson-bridge.txt', import.meta.url), 'utf8');
    const lines = await summarise('kherson-bridge', text);
    expect(lines).toContainEqual(
      expect.stringMatching(/^quote {2}direct {3}Serhiy Khlan \(person\) told: "The bridge/),
    );
    expect(lines).toContain('naming Kyiv: Kiev ×3');
    const claims = lines.filter((l) => l.startsWith('claim'));
    expect(claims).toHaveLength(3);
    expect(claims[0]).toMatch(/\$40 million/);
  });
});
