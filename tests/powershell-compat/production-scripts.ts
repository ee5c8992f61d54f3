import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NamedScript } from './ps4-checker';

/**
 * The PowerShell that CDX Setup sends to a computer, found in the source rather than listed by hand, so that a script
 * added later is checked without anyone remembering to: every module under electron/ that reads the envelope's
 * `$Data` or runs PowerShell (imports windows/powershell) is a script module, and each of its exported strings, and
 * each string of an exported object of strings (SCRIPTS), is a script.
 */
export function scriptModuleFiles(root = path.resolve('electron')): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(root);
  return files.filter((f) => {
    const source = readFileSync(f, 'utf8');
    return /\$Data\b/.test(source) || /from '[^']*windows\/powershell'|from '\.\/powershell'/.test(source);
  });
}

export async function productionScripts(): Promise<NamedScript[]> {
  const scripts: NamedScript[] = [];
  for (const file of scriptModuleFiles()) {
    const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'string') scripts.push({ name: `${rel} ${name}`, text: value });
      else if (value && typeof value === 'object' && !Array.isArray(value)) {
        const entries = Object.entries(value as Record<string, unknown>);
        if (entries.length > 0 && entries.every(([, v]) => typeof v === 'string')) {
          for (const [key, text] of entries) scripts.push({ name: `${rel} ${name}.${key}`, text: text as string });
        }
      }
    }
  }
  return scripts;
}
