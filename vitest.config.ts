import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the `source` export condition), so
// tests need no build; they must be inlined, or Node would load them itself from dist/.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // The web UI's components are Preact JSX (packages/web).
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/web/src/**/*.test.tsx',
      'eval/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
      'examples/*.test.ts',
    ],
    // One temporary directory a run, removed at its end (scripts/vitest-tmp.ts).
    globalSetup: ['./scripts/vitest-tmp.ts'],
    pool: 'threads',
    // One module cache per worker thread, not per test file: the pipeline's models are parsed
    // once per thread instead of once per file (the suite's CPU time drops by about 4× for the
    // core layers). Safe because no test mocks modules (vi.mock) or leaves globals changed; tests
    // that register a command or format remove it again (afterEach).
    // Every core runs test files: Vitest's default leaves one core to its main process, which on
    // a 2-core machine ran the whole suite in one thread (160 s wall at 49 % CPU, against 50 s).
    poolOptions: {
      threads: { isolate: false, minThreads: 1, maxThreads: Math.max(2, availableParallelism()) },
    },
    // Timeouts are not speed checks: on 2 cores shared by many, a CLI test waits seconds for CPU.
    testTimeout: 30_000,
    server: { deps: { inline: [/@newsprism\//] } },
  },
});
