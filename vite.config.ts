import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fluentThemeCss } from './scripts/fluent-theme-css';
import { griffelCssExtraction } from './scripts/griffel-css-extraction';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build loads from file:// in Electron and from the console over HTTP.
  base: './',
  // Fluent UI's styles and its theme's variables as a style sheet built with the bundle, not rules inserted at run time.
  plugins: [react(), griffelCssExtraction(), fluentThemeCss()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
    // Fluent UI is most of the bundle; its size is watched by `npm run bench` (aim ≤ 250 KB gzipped), not here.
    chunkSizeWarningLimit: 1024,
    // What the first page needs in one file: split into the chunks it shares with later pages, it came as nine,
    // which over HTTP/1.1's six connections per host arrived 40-70 ms after the bare page's one (docs/benchmarks.md).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'first-page', tags: ['$initial'] }] } } },
  },
});
