import { existsSync } from 'node:fs';
import path from 'node:path';
import { firstExisting, moduleDir } from '../engine/module-dir';

/** The built renderer: beside the bundle in dist/, or dist/renderer when running from sources. */
export function rendererRoot(env: Record<string, string | undefined>): string {
  if (env.CDX_SETUP_RENDERER) return path.resolve(env.CDX_SETUP_RENDERER);
  return firstExisting(moduleDir(import.meta.url), ['renderer', '../../dist/renderer'], (p) => existsSync(path.join(p, 'index.html')));
}
