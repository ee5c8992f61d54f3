import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../electron/engine/create-engine';
import { createHost } from '../../electron/engine/hosts/create-host';
import type { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';

/** A rehearsal machine in a fresh temp sandbox, from a shipped scenario name or a scenario file. */
export function rehearsalHost(scenario: string | true = true): RehearsalHost {
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-test-'));
  return createHost({ rehearsal: scenario, sandbox }) as RehearsalHost;
}

export function rehearsalEngine(scenario: string | true = true) {
  const host = rehearsalHost(scenario);
  return { host, engine: createEngine({ host, toolVersion: 'test' }) };
}
