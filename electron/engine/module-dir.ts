import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __dirname: string | undefined;

/**
 * The folder of the running module, whether it runs as ESM (sources, the CLI bundle) or as CommonJS (the Electron
 * main bundle, where import.meta.url is undefined).
 */
export function moduleDir(importMetaUrl: string | undefined): string {
  if (importMetaUrl) return path.dirname(fileURLToPath(importMetaUrl));
  if (typeof __dirname === 'string') return __dirname;
  return process.cwd();
}

/** The first of `candidates` (relative to `base`) that exists, for resources found beside sources or bundles. */
export function firstExisting(base: string, candidates: string[], exists: (p: string) => boolean): string {
  const full = candidates.map((c) => path.resolve(base, c));
  return full.find(exists) ?? full[0];
}
