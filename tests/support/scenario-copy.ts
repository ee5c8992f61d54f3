import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';

/** The password the shipped scenarios' service accounts (CONTOSO\svc-async, STORE01\svc-cdx…) accept. */
export const REHEARSAL_ACCOUNT_PASSWORD = 'Rehearsal-Svc-Pa55!';

/**
 * A copy of the default rehearsal scenario, changed by `patch` and written to `dir` (a fresh temp folder when
 * absent). Its certificate paths are made absolute, so the copy still finds the shipped PEM files.
 */
export function defaultScenarioCopy(patch: (scenario: Record<string, any>) => void = () => {}, dir?: string): string {
  const source = path.join(scenariosRoot(), 'default', 'scenario.json');
  const scenario = JSON.parse(readFileSync(source, 'utf8'));
  for (const c of scenario.certificates as { certificate: string; privateKey?: string }[]) {
    c.certificate = path.join(path.dirname(source), c.certificate);
    if (c.privateKey) c.privateKey = path.join(path.dirname(source), c.privateKey);
  }
  patch(scenario);
  const file = path.join(dir ?? mkdtempSync(path.join(os.tmpdir(), 'cdx-scenario-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  return file;
}
