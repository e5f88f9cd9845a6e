import { defineConfig } from 'vite';

// A static single-page app served by `newsprism serve` from dist/. Everything is bundled
// (no CDN, no external fonts); plots are a separate chunk loaded when a page draws one.
export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { conditions: ['source'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
});
