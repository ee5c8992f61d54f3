import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SetupChoices } from '../../shared/contract/schemas';
import { defaultSettings, type Settings } from '../../shared/components/async-server/parameters';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { PayloadManifest, type LoadedPayload } from '../../electron/engine/payload/manifest';
import type { Operation, OperationContext, RunSecrets, UndoData } from '../../electron/engine/plan/operation';
import { defaultScenarioCopy } from '../support/scenario-copy';
import { undoKind } from '../../electron/engine/plan/undo-registry';

const SCENARIOS = path.resolve('electron/engine/hosts/rehearsal/scenarios');
export const PAYLOAD_ROOT = path.resolve('payload/async-server');

export function rehearsalHost(scenario: string): RehearsalHost {
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-db-'));
  return new RehearsalHost(loadScenario(path.join(SCENARIOS, scenario, 'scenario.json')), sandbox);
}

/** The sample payload as shipped, its database section included. */
export function samplePayload(): LoadedPayload {
  return { root: PAYLOAD_ROOT, manifest: PayloadManifest.parse(JSON.parse(readFileSync(path.join(PAYLOAD_ROOT, 'manifest.json'), 'utf8'))) };
}

export function settingsFor(over: Partial<Settings> = {}): Settings {
  return {
    ...defaultSettings(),
    HQMessageDatabaseServerName: 'SQLHQ01',
    HQMessageDatabaseServerOverride: 'SQLHQ01',
    HQMessageDatabase: 'AsyncServerMessageDB',
    AppPoolUser: 'CONTOSO\\svc-async',
    WebSiteHttpsPort: '8443',
    ...over,
  };
}

export function choiceFor(over: Partial<SetupChoices['database']> = {}): SetupChoices['database'] {
  return { mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial', ...over };
}

export interface Run {
  ctx: OperationContext;
  logs: string[];
  applied: { op: Operation; data: UndoData }[];
}

export function context(host: RehearsalHost, secrets: RunSecrets = {}): Run {
  const logs: string[] = [];
  return { ctx: { host, supportDir: host.realPath('C:\\ProgramData\\CDX Setup'), secrets, log: (level, message) => logs.push(`${level}: ${message}`), signal: new AbortController().signal }, logs, applied: [] };
}

/** What the executor does: skip what is done, apply the rest, and keep the state before. */
export async function applyAll(run: Run, ops: Operation[]): Promise<void> {
  for (const op of ops) {
    if (await op.isDone(run.ctx)) continue;
    run.applied.push({ op, data: await op.apply(run.ctx) });
  }
}

/** What rollback does: each change undone, newest first, through the undo registry from its kind, target and state before. */
export async function undoAll(run: Run): Promise<void> {
  for (const { op, data } of [...run.applied].reverse()) await undoKind(op.kind)!.undo(run.ctx, op.target, data);
}

/** A rehearsal host on a copy of the default scenario, changed by `patch` (its SQL Servers, say). */
export function patchedRehearsalHost(patch: (scenario: Record<string, any>) => void): RehearsalHost {
  const file = defaultScenarioCopy(patch);
  return new RehearsalHost(loadScenario(file), path.join(path.dirname(file), 'sandbox'));
}
