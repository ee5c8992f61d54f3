import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const CONFIG = 'build/electron-builder.yml';

/** Bare package names imported by the sources under `dir` ('electron' and Node's builtins aside). */
function importedPackages(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = path.join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry)) {
        for (const m of readFileSync(full, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^'.][^']*)'/gm)) {
          if (/^import type|^export type/.test(m[0].trim())) continue;
          const name = m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0];
          if (name !== 'electron' && !name.startsWith('node:')) found.add(name);
        }
      }
    }
  };
  walk(dir);
  return found;
}

/** Every package `roots` pull in at run time, from package-lock.json. */
function closure(roots: Iterable<string>): Set<string> {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages as Record<string, { dependencies?: Record<string, string> }>;
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    todo.push(...Object.keys(lock[`node_modules/${name}`]?.dependencies ?? {}));
  }
  return seen;
}

/** The `files` patterns, as written or as electron-builder normalises them ({ filter: [...] }). */
const filePatterns = (config: Configuration) =>
  (config.files as (string | { filter?: string | string[] })[]).flatMap((f) => (typeof f === 'string' ? [f] : [f.filter ?? []].flat()));

const topFolder = (name: string) => (name.startsWith('@') ? name.split('/')[0] : name);

describe('the electron-builder configuration', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(process.cwd(), CONFIG, null);
  });

  it('is what npm run dist uses, and passes electron-builder\'s own schema', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.dist).toBe(`npm run build && electron-builder --config ${CONFIG}`);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.productName).toBe('CDX Setup');
  });

  it('builds a Windows NSIS installer: per machine, as administrator, with a choice of folder and a license page', () => {
    const targets = (config.win!.target as { target: string; arch: string[] }[]).map((t) => t.target);
    expect(targets).toEqual(['nsis']);
    expect(config.win!.requestedExecutionLevel).toBe('requireAdministrator');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true });
    const license = config.nsis!.license!;
    expect(readFileSync(license, 'utf8')).toMatch(/license terms/);
  });

  it('builds an AppImage and a deb for Linux, with a maintainer the deb needs', () => {
    expect((config.linux!.target as { target: string }[]).map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux!.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('has a real icon of at least 256×256 pixels, as Windows needs', () => {
    for (const icon of [config.win!.icon!, config.linux!.icon!]) {
      const png = readFileSync(icon);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
    }
  });

  it('ships the sample payload and the rehearsal scenarios as extra resources', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra).toContainEqual({ from: 'payload', to: 'payload' });
    expect(extra).toContainEqual({ from: 'electron/engine/hosts/rehearsal/scenarios', to: 'scenarios' });
    expect(existsSync('electron/engine/hosts/rehearsal/scenarios/default/scenario.json')).toBe(true);
  });

  it('packs dist/ and the main entry, without source maps', () => {
    const files = filePatterns(config);
    expect(files).toContain('dist/**');
    expect(files).toContain('!dist/**/*.map');
    expect(JSON.parse(readFileSync('package.json', 'utf8')).main).toMatch(/^dist\//);
  });

  it('leaves out exactly the renderer\'s libraries (bundled by Vite) and keeps every package the engine loads', () => {
    const excludedPattern = filePatterns(config).find((f) => f.startsWith('!node_modules/{'))!;
    const excluded = new Set(/\{([^}]+)\}/.exec(excludedPattern)![1].split(','));
    const renderer = importedPackages('renderer');
    // The engine's imports, and the production dependencies the renderer does not use (they are the engine's).
    const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies);
    const runtime = closure([...importedPackages('electron'), ...importedPackages('shared'), ...dependencies.filter((d) => !renderer.has(d))]);
    const rendererOnly = [...closure(renderer)].filter((p) => !runtime.has(p));

    const missingRuntime = [...runtime].filter((p) => excluded.has(topFolder(p)));
    expect(missingRuntime, 'packages the engine needs but the app would not contain').toEqual([]);
    const shippedForNothing = [...new Set(rendererOnly.map(topFolder))].filter((p) => !excluded.has(p));
    expect(shippedForNothing, 'renderer-only packages that would be shipped twice').toEqual([]);
  });
});
