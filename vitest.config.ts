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
    pool: 'threads',
    server: { deps: { inline: [/@newsprism\//] } },
  },
});
