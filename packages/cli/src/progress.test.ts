import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

const stream = (isTTY: boolean) => {
  const out = { isTTY, text: '', write: (s: string) => (out.text += s) };
  return out;
};

describe('Progress', () => {
  it('draws count, share, rate and ETA on a terminal, and clears the line', () => {
    let now = 0;
    const s = stream(true);
    const p = new Progress(s, 200, () => now);
    now = 10_000;
    for (let i = 0; i < 49; i++) p.tick(true);
    p.tick(false);
    expect(p.line()).toBe('newsprism: 50/200 documents (25%), 5.0/s, ETA 30 s, 1 skipped');
    expect(s.text).toContain('\r\x1b[2Knewsprism: 1/200 document (0%)');
    p.clear();
    expect(s.text.endsWith('\r\x1b[2K')).toBe(true);
    expect(p.summary(['E_EMPTY_INPUT'])).toBe('analyzed 49 documents, skipped 1 (E_EMPTY_INPUT) in 10 s');
  });

  it('shows no ETA without a total and prints nothing when stderr is not a terminal', () => {
    let now = 0;
    const s = stream(false);
    const p = new Progress(s, undefined, () => now);
    now = 2000;
    p.tick(true);
    expect(p.line()).toBe('newsprism: 1 document, 0.5/s');
    p.clear();
    expect(s.text).toBe('');
    expect(p.summary([])).toBe('analyzed 1 document in 2.0 s');
  });
});
