import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'eval/src/**/*.test.ts', 'bench/src/**/*.test.ts'],
    pool: 'threads',
  },
});
