import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { griffelCssExtraction } from './scripts/griffel-css-extraction';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build loads from file:// in Electron and from the console over HTTP.
  base: './',
  // Fluent UI's styles as a style sheet built with the bundle, not rules inserted one by one at run time.
  plugins: [react(), griffelCssExtraction()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
    // Fluent UI is most of the bundle; its size is watched by `npm run bench` (aim ≤ 250 KB gzipped), not here.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'first-page', tags: ['$initial'] }] } } },
  },
});
