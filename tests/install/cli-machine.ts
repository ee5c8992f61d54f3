import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';

/** A rehearsal machine for in-process CLI runs, as the host's first start makes it, before any run. */
export async function cliMachine() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-cli-machine-'));
  const sandbox = path.join(root, 'machine');
  const host = new RehearsalHost(loadScenario(path.join(scenariosRoot(), 'default', 'scenario.json')), sandbox);
  // Setup's support files folder (logs, journal, registry) is Setup's own, not the machine a snapshot compares.
  mkdirSync(supportDirOf(sandbox), { recursive: true });
  return { root, sandbox, host };
}

/** Where the rehearsal CLI keeps its support files (logs, journal, instance registry) in a sandbox. */
export function supportDirOf(sandbox: string): string {
  return path.join(sandbox, 'drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup');
}

export function writeSettings(root: string, xml: string, name = 'ss-settings.xml'): string {
  const file = path.join(root, name);
  writeFileSync(file, xml);
  return file;
}
