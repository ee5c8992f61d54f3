import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build loads from file:// in Electron and from the console over HTTP.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
    // Fluent UI is most of the bundle; its size is watched by `npm run bench` (aim ≤ 250 KB gzipped), not here.
    chunkSizeWarningLimit: 1024,
  },
});
