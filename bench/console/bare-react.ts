import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** The baseline page (bench/bare-react), built by Vite into a folder of its own. */
export async function buildBareReact(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'cdx-bare-react-'));
  await build({ root: path.resolve('bench/bare-react'), base: './', plugins: [react()], logLevel: 'silent', build: { outDir, emptyOutDir: true, target: 'chrome120' } });
  return outDir;
}
