import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { threadClock, threadId } from './thread-clock.js';

describe('threadClock', () => {
  it.runIf(existsSync('/proc/thread-self'))('counts the CPU time of this thread on Linux', () => {
    const tid = threadId();
    expect(tid).toMatch(/^\d+$/);
    expect(existsSync(`/proc/self/task/${tid}`)).toBe(true);
    const clock = threadClock(tid);
    const t0 = clock();
    // Burn CPU until the thread's clock has moved by 30 ms (a frozen clock would time out).
    let spins = 0;
    while (clock() - t0 < 30) spins++;
    expect(spins).toBeGreaterThan(0);
    // CPU time, not an epoch: far below Date.now().
    expect(clock()).toBeLessThan(Date.now() / 1000);
  });

  it('falls back to the wall clock without a thread id', () => {
    expect(threadClock(undefined)).toBe(Date.now);
  });
});
