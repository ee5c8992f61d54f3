import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosRoot } from '../../../electron/engine/hosts/create-host';
import { InstallService } from '../../../electron/engine/install/install-service';
import type { PlanChoices } from '../../../electron/engine/plan/build-plan';
import { SupportFiles } from '../../../electron/engine/support-files/support-files';
import type { ClientSettings } from '../../../shared/components/async-client/parameters';
import { DEFAULT_DATABASE_CHOICE } from '../../../shared/settings/install-defaults';
import { commandLines } from '../../install/machines';
import { allFiles, snapshot } from '../../install/support';
import { fakeWindows, type FakeState } from '../../support/fake-windows';
import { clientSettings } from './helpers';

/**
 * Async Client installed by the real WindowsHost on Windows in PowerShell: its scripts in pwsh against the fake
 * Windows of the store computer (the shipped store scenario), its databases on the rehearsal's simulated SQL Server.
 */
const CANARY = 'Canary-Client-Windows-Pa55!';
const SECRETS = { servicePassword: CANARY, connectionPassword: `${CANARY}-connection` };
const CHOICES: PlanChoices = { configure: true, components: ['async-client'], database: DEFAULT_DATABASE_CHOICE };
const SERVICE = 'CommerceDataExchangeAsyncClientService';
const SECOND: Partial<ClientSettings> = { ServiceName: 'CDXAsyncClient2', ServiceInstallFolder: 'C:\\AsyncClientService2', ChannelDatabaseName: 'RetailChannelDatabase2', ChannelMessageDatabaseName: 'ChannelMessageDB2', DataStoreName: 'Dallas' };

/** The store computer, whose STORE01\svc-cdx has the canary for its password (a digest in the fake's state). */
async function storeOnWindows(patch?: (state: FakeState) => void) {
  const w = fakeWindows({
    scenarioFile: path.join(scenariosRoot(), 'store', 'scenario.json'),
    patch: (s) => {
      // Both service accounts accept the canary (the gate signs each in once, and the service logs on with it).
      for (const a of s.accounts as { name: string; passwordSha256?: string }[]) {
        if (a.name === 'STORE01\\svc-cdx' || a.name === 'CONTOSO\\svc-cdx-store') a.passwordSha256 = createHash('sha256').update(CANARY).digest('hex');
      }
      patch?.(s);
    },
  });
  const supportDir = await new SupportFiles(w.host).realDir();
  const service = new InstallService({ host: w.host, supportDir, toolVersion: 'test' });
  const install = (patch: Partial<ClientSettings> = {}, options: Parameters<InstallService['install']>[1] = { secrets: SECRETS }) =>
    service.install({ component: 'async-client', settings: clientSettings(patch), choices: CHOICES }, options);
  return { w, supportDir, service, install, close: () => w.host.close() };
}

const sid = (state: FakeState, name: string) => state.accounts.find((a: { name: string }) => a.name === name).sid;

describe('Async Client on Windows in PowerShell (the fake store computer)', () => {
  it('installs the service of its account with Log on as a service, running, restarted on failure; the second time changes nothing; the canary is nowhere', async () => {
    const env = await storeOnWindows();
    try {
      const result = await env.install();
      expect(result.outcome, result.message).toBe('installed');
      const state = env.w.readState();
      const service = state.services.find((s: { name: string }) => s.name === SERVICE);
      expect(service).toMatchObject({
        status: 'Running',
        startType: 'Automatic',
        account: 'STORE01\\svc-cdx',
        binaryPath: '"C:\\AsyncClientService\\Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe"',
        recovery: { resetSeconds: 86400, actions: [{ type: 'RESTART', delayMs: 60000 }, { type: 'RESTART', delayMs: 60000 }, { type: 'RESTART', delayMs: 60000 }] },
      });
      expect(state.lsa.rights.SeServiceLogonRight).toEqual(['*S-1-5-80-0', `*${sid(state, 'STORE01\\svc-cdx')}`]);
      const config = readFileSync(env.w.host.realPath('C:\\AsyncClientService\\Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config'), 'utf8');
      expect(config).toContain('value="https://cdxhq01:8443/AsyncServer"');
      // The file with the encrypted password inherits nothing from C:\AsyncClientService: Administrators, SYSTEM and the service account only.
      const configKey = 'c:\\asyncclientservice\\microsoft.dynamics.retail.commercedataexchange.asyncclientservice.exe.config';
      expect(state.aclProtected).toContain(configKey);
      expect(state.acl[configKey].map((r: { sid: string; rights: string }) => [r.sid, r.rights])).toEqual([
        ['S-1-5-32-544', 'FullControl'],
        ['S-1-5-18', 'FullControl'],
        [sid(state, 'STORE01\\svc-cdx'), 'Read, Synchronize'],
      ]);

      const before = snapshot(env.w.sandbox, env.supportDir);
      const calls = env.w.calls().length;
      const again = await env.install();
      expect(again.outcome, again.message).toBe('unchanged');
      // Nothing asked of Windows but the gate's one sign-in with the service user's password and the Application log's record of the run.
      expect(env.w.calls().slice(calls).map((c) => c.command)).toEqual(['ValidateCredentials', 'Write-EventLog']);
      expect(snapshot(env.w.sandbox, env.supportDir)).toEqual(before);

      // The fake's state and change log, every file of the sandbox (journal, log, record), the pwsh command line.
      for (const file of [...allFiles(env.w.sandbox), env.w.callsFile]) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);
      for (const line of commandLines(env.w.host)) expect(line).not.toContain(CANARY);
    } finally {
      await env.close();
    }
  });

  it('installs a second instance beside the first, refuses a collision, uninstalls it leaving the first running, then the last back to the computer as it was', async () => {
    const env = await storeOnWindows();
    try {
      const empty = snapshot(env.w.sandbox, env.supportDir);
      expect((await env.install()).outcome).toBe('installed');
      const afterFirst = snapshot(env.w.sandbox, env.supportDir);
      await expect(env.install({ ServiceName: 'CDXAsyncClient2', ChannelDatabaseName: 'RetailChannelDatabase2' })).rejects.toThrow(/already uses the folder C:\\AsyncClientService/);
      const second = await env.install(SECOND);
      expect(second.outcome, second.message).toBe('installed');
      expect(env.w.readState().services.filter((s: { binaryPath?: string }) => s.binaryPath?.includes('AsyncClientService')).map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([
        [SERVICE, 'Running'],
        ['CDXAsyncClient2', 'Running'],
      ]);
      const removed = await env.service.uninstall('CDXAsyncClient2', { secrets: {} });
      expect(removed.outcome, removed.message).toBe('uninstalled');
      // The first instance, its service running and its account's right, stay as they were.
      expect(snapshot(env.w.sandbox, env.supportDir)).toEqual(afterFirst);
      const last = await env.service.uninstall(SERVICE, { secrets: {} });
      expect(last.outcome, last.message).toBe('uninstalled');
      expect(snapshot(env.w.sandbox, env.supportDir)).toEqual(empty);
    } finally {
      await env.close();
    }
  });

  it('refuses, before any change, a ServiceName that a service of Windows has', async () => {
    const env = await storeOnWindows();
    try {
      const before = snapshot(env.w.sandbox, env.supportDir);
      const result = await env.install({ ServiceName: 'w3svc' });
      expect(result.outcome).toBe('refused');
      expect(result.failedChecks?.map((c) => [c.id, c.details])).toEqual([['service-name', 'A Windows service named w3svc already exists on STORE01 (running C:\\Windows\\system32\\svchost.exe -k iissvcs).']]);
      expect(snapshot(env.w.sandbox, env.supportDir)).toEqual(before);
    } finally {
      await env.close();
    }
  });

  it('a modify of its configuration stops the running service (Stop-Service) before writing it and starts it again last', async () => {
    const env = await storeOnWindows();
    try {
      expect((await env.install()).outcome).toBe('installed');
      const calls = env.w.calls().length;
      const moved = await env.install({ ChannelDatabaseName: 'RetailChannelDatabase2' });
      expect(moved.outcome, moved.message).toBe('installed');
      const commands = env.w.calls().slice(calls).map((c) => c.command);
      expect(commands.filter((c) => c === 'Stop-Service' || c === 'Start-Service')).toEqual(['Stop-Service', 'Start-Service']);
      expect(env.w.readState().services.find((s: { name: string }) => s.name === SERVICE)).toMatchObject({ status: 'Running', account: 'STORE01\\svc-cdx' });
      const config = readFileSync(env.w.host.realPath('C:\\AsyncClientService\\Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config'), 'utf8');
      expect(config).toContain('Initial Catalog=RetailChannelDatabase2;');
    } finally {
      await env.close();
    }
  });

  it('refuses, before any change, a modify that would give the service another named account: its password could not be given back', async () => {
    const env = await storeOnWindows();
    try {
      expect((await env.install()).outcome).toBe('installed');
      const before = snapshot(env.w.sandbox, env.supportDir);
      const result = await env.service.install({ component: 'async-client', settings: clientSettings({ ServiceUser: 'CONTOSO\\svc-cdx-store' }), choices: CHOICES }, { secrets: SECRETS });
      expect(result.outcome).toBe('refused');
      expect(result.failedChecks?.map((c) => c.id)).toEqual(['service-name']);
      expect(result.failedChecks?.[0].details).toMatch(/already logs on as STORE01\\svc-cdx\. CDX Setup does not replace it by CONTOSO\\svc-cdx-store/);
      expect(snapshot(env.w.sandbox, env.supportDir)).toEqual(before);
    } finally {
      await env.close();
    }
  });
});

/**
 * A fault at every operation that changes Windows through PowerShell: a first install records the changes each
 * operation asks of the fake, and each case makes the fake refuse that operation's last one. The operations that
 * change nothing through PowerShell (folders and files, the configuration file, the databases on the rehearsal's SQL,
 * the instance record) are named; tests/components/async-client/install.test.ts fails them on the rehearsal host.
 */
describe('a fault at every operation of Async Client on Windows in PowerShell', async () => {
  const probe = await storeOnWindows();
  const started = new Map<string, number>();
  const ended = new Map<string, number>();
  const order: string[] = [];
  const run = await probe.install({}, {
    secrets: SECRETS,
    onProgress: (p) => {
      if (p.phase !== 'apply') return;
      if (p.status === 'running' && !started.has(p.operationId)) {
        started.set(p.operationId, probe.w.calls().length);
        order.push(p.operationId);
      }
      if (p.status === 'applied' || p.status === 'skipped') ended.set(p.operationId, probe.w.calls().length);
    },
  });
  const calls = probe.w.calls();
  await probe.close();
  if (run.outcome !== 'installed') throw new Error(`The probe's install: ${run.message}`);
  const cases = order.flatMap((id) => {
    const last = calls.slice(started.get(id), ended.get(id)).at(-1);
    return last ? [{ id, last }] : [];
  });

  it('changes Windows through PowerShell in the configuration file\'s permissions, the service, its right, its start and the Programs and Features entry; the other operations are named', () => {
    expect(cases.map((c) => c.id.split(':')[0])).toEqual(['file-acl', 'account-right', 'installed-service', 'installed-service.start', 'programs-entry']);
    expect(order.filter((id) => !cases.some((c) => c.id === id)).map((id) => id.split(':')[0])).toEqual(expect.arrayContaining(['folder', 'files', 'file.content', 'sql.database', 'instance']));
  });

  it.each(cases)('$id (the fake refuses $last.command): rolls the computer back to exactly its state before', async ({ id, last }) => {
    const env = await storeOnWindows((s) => (s.faults = [{ command: last.command, occurrence: last.occurrence, message: `Injected fault at ${id}` }]));
    try {
      const before = snapshot(env.w.sandbox, env.supportDir);
      const result = await env.install();
      expect(result.outcome, result.message).toBe('rolled-back');
      expect(result.message).toContain(`Injected fault at ${id}`);
      expect(snapshot(env.w.sandbox, env.supportDir)).toEqual(before);
    } finally {
      await env.close();
    }
  });
});
