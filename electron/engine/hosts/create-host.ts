import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstExisting, moduleDir } from '../module-dir';
import type { Host } from './host';
import { RehearsalHost } from './rehearsal/rehearsal-host';
import { DEFAULT_SCENARIO_FILE, loadScenario } from './rehearsal/scenario';
import { UnsupportedHost } from './unsupported-host';
import { WindowsHost } from './windows/windows-host';

export interface HostOptions {
  /** `--rehearsal`: true for the default scenario, a file path for another one. */
  rehearsal?: boolean | string;
  /** Where the rehearsal machine lives; defaults to a folder per scenario in the user's state folder. */
  sandbox?: string;
}

/** The folder of scenarios shipped with the tool (beside the sources in development, in resources when packed). */
export function scenariosRoot(): string {
  if (process.env.CDX_SETUP_SCENARIOS) return path.resolve(process.env.CDX_SETUP_SCENARIOS);
  // Sources keep them beside the rehearsal host; bundles (dist/cli.cjs, dist/electron/main.cjs) in dist/scenarios.
  return firstExisting(moduleDir(import.meta.url), ['rehearsal/scenarios', 'scenarios', '../scenarios'], isDir);
}

function isDir(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isDirectory();
}

export function defaultSandboxRoot(scenarioName: string): string {
  const base = process.env.CDX_SETUP_HOME ?? path.join(os.homedir(), '.cdx-setup');
  return path.join(base, 'rehearsal', scenarioName.replace(/[^A-Za-z0-9_.-]/g, '_'));
}

export function createHost(options: HostOptions): Host {
  if (options.rehearsal) {
    const file = typeof options.rehearsal === 'string' ? resolveScenario(options.rehearsal) : path.join(scenariosRoot(), DEFAULT_SCENARIO_FILE);
    const loaded = loadScenario(file);
    return new RehearsalHost(loaded, path.resolve(options.sandbox ?? defaultSandboxRoot(loaded.scenario.name)));
  }
  if (process.platform === 'win32') return new WindowsHost();
  return new UnsupportedHost(path.resolve(options.sandbox ?? path.join(os.tmpdir(), 'cdx-setup-unsupported')));
}

/** A scenario given by name (one shipped) or by path. */
function resolveScenario(nameOrFile: string): string {
  const shipped = path.join(scenariosRoot(), nameOrFile, 'scenario.json');
  if (!nameOrFile.includes('/') && !nameOrFile.includes('\\') && !nameOrFile.endsWith('.json') && fs.existsSync(shipped)) return shipped;
  return path.resolve(nameOrFile);
}
