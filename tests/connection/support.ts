import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { ConnectionReport, ConnectionStep } from '../../shared/contract/methods/connection';
import { dispatch } from '../../electron/engine/api/dispatch';
import { createEngineContext } from '../../electron/engine/engine';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';

const hosts: RehearsalHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.network.close()));
});

export function connectionHost(scenario = 'async-client-connection'): RehearsalHost {
  const host = new RehearsalHost(loadScenario(path.join(scenariosRoot(), scenario, 'scenario.json')), mkdtempSync(path.join(os.tmpdir(), 'cdx-probe-')));
  hosts.push(host);
  return host;
}

export async function testConnection(host: RehearsalHost, request: Record<string, unknown>): Promise<ConnectionReport> {
  const r = await dispatch(createEngineContext({ host, toolVersion: 'test' }), 'connection.test', request);
  if (!r.ok) throw new Error(`connection.test failed: ${r.error.message}`);
  return r.value as ConnectionReport;
}

export function step(report: ConnectionReport, id: ConnectionStep['id']): ConnectionStep {
  const found = report.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

export const statuses = (report: ConnectionReport) => Object.fromEntries(report.steps.map((s) => [s.id, s.status]));
