import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli';
import { writeSettingsXml } from '../../../electron/engine/settings-files/write';
import { readInstances } from '../../../electron/engine/instances/registry';
import { RehearsalHost } from '../../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../../electron/engine/hosts/rehearsal/scenario';
import { scenariosRoot } from '../../../electron/engine/hosts/create-host';
import { InstallService } from '../../../electron/engine/install/install-service';
import { SupportFiles } from '../../../electron/engine/support-files/support-files';
import type { PlanChoices } from '../../../electron/engine/plan/build-plan';
import { DEFAULT_DATABASE_CHOICE } from '../../../shared/settings/install-defaults';
import type { ClientSettings } from '../../../shared/components/async-client/parameters';
import { allFiles, snapshot } from '../../install/support';
import { cliIo } from '../../support/cli-io';
import { clientSettings } from './helpers';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../../support/scenario-copy';

const CANARY = 'Canary-Client-Pa55!';
const SECRETS = { servicePassword: CANARY, connectionPassword: `${CANARY}-connection` };
const CHOICES: PlanChoices = { configure: true, components: ['async-client'], database: DEFAULT_DATABASE_CHOICE };
const store = (patch: Partial<ClientSettings> = {}) => clientSettings({ ServiceUser: 'STORE01\\svc-cdx', ...patch });

/** A fresh store computer (the shipped store scenario), its faults given; its STORE01\svc-cdx accepts the canary. */
async function storeComputer(faults: { operation: string; message?: string }[] = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-store-'));
  const scenario = JSON.parse(readFileSync(path.join(scenariosRoot(), 'store', 'scenario.json'), 'utf8'));
  const file = path.join(dir, 'scenario.json');
  const accounts = scenario.accounts.map((a: string | { name: string }) => (typeof a === 'object' && a.name === 'STORE01\\svc-cdx' ? { ...a, password: CANARY } : a));
  writeFileSync(file, JSON.stringify({ ...scenario, accounts, faults }));
  const sandbox = path.join(dir, 'machine');
  const host = new RehearsalHost(loadScenario(file), sandbox);
  const supportDir = await new SupportFiles(host).realDir();
  return { host, sandbox, supportDir, service: new InstallService({ host, supportDir, toolVersion: 'test' }) };
}

describe('Async Client on the rehearsal store computer', () => {
  it("refuses a wrong service user's password before the first change, naming the account", async () => {
    const env = await storeComputer();
    const before = snapshot(env.sandbox, env.supportDir);
    const wrong = `${CANARY}-wrong`;
    const result = await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: { ...SECRETS, servicePassword: wrong } });
    expect(result.outcome).toBe('refused');
    expect(result.failedChecks?.map((c) => [c.id, c.details])).toEqual([
      ['service-account-password', 'The password for STORE01\\svc-cdx is not correct: this computer refuses it (or the account is disabled or locked out). With it, the Async Client service would not start (Windows refuses its logon).'],
    ]);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
    for (const file of allFiles(env.sandbox)) expect(readFileSync(file, 'utf8'), file).not.toContain(wrong);
  });

  it('installs the files, configuration, Log on as a service, the service and both databases, and starts the service last', async () => {
    const env = await storeComputer();
    const result = await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: SECRETS });
    expect(result.outcome, result.message).toBe('installed');
    // The service starts after every change of its own; only the frame's Programs and Features entry and the record follow.
    const ids = result.steps.map((s) => s.id);
    expect(ids.slice(ids.indexOf('installed-service.start:CommerceDataExchangeAsyncClientService') + 1).map((id) => id.split(':')[0])).toEqual(['programs-entry', 'instance']);
    const service = await env.host.machine.readInstalledService('CommerceDataExchangeAsyncClientService');
    expect(service).toMatchObject({ status: 'Running', startType: 'Automatic', account: 'STORE01\\svc-cdx', recovery: { restart: true } });
    expect(await env.host.machine.readAccountRight('STORE01\\svc-cdx', 'SeServiceLogonRight')).toBe(true);
    const config = readFileSync(env.host.realPath('C:\\AsyncClientService\\Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config'), 'utf8');
    expect(config).toContain('value="https://cdxhq01:8443/AsyncServer"');
    expect(config).toContain('value="Houston"');
    expect(config).toContain('Initial Catalog=ChannelMessageDB');
    const sql = await env.host.sql.connect({ server: 'STORE01', instance: null, authentication: 'windows', login: '', trustServerCertificate: false, serverField: '', namedInstanceField: '', databaseField: '' }, undefined);
    expect((await sql.principal('RetailChannelDatabase', 'STORE01\\svc-cdx')).roles).toEqual(['RetailDataSyncUsers']);
    expect((await sql.principal('ChannelMessageDB', 'STORE01\\svc-cdx')).roles.sort()).toEqual(['db_datareader', 'db_datawriter', 'db_executor']);
    await sql.close();
    expect(readInstances(env.supportDir).map((r) => [r.name, r.component])).toEqual([['CommerceDataExchangeAsyncClientService', 'async-client']]);
    // No password anywhere on the computer: state, configuration, journal, log, instance record.
    for (const file of allFiles(env.sandbox)) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);
  });

  it('installs nothing new the second time', async () => {
    const env = await storeComputer();
    await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: SECRETS });
    const before = snapshot(env.sandbox, env.supportDir);
    const again = await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: SECRETS });
    expect(again.outcome, again.message).toBe('unchanged');
    expect(again.changed).toBe(false);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('a modify that changes what the service reads stops the running service first and starts it again last', async () => {
    const env = await storeComputer();
    const name = 'CommerceDataExchangeAsyncClientService';
    await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: SECRETS });
    const applied: string[] = [];
    const moved = await env.service.install(
      { component: 'async-client', settings: store({ ChannelDatabaseName: 'RetailChannelDatabase2' }), choices: CHOICES },
      { secrets: SECRETS, onProgress: (p) => p.phase === 'apply' && p.status === 'applied' && applied.push(p.operationId.split(':')[0]) },
    );
    expect(moved.outcome, moved.message).toBe('installed');
    // Stopped before its configuration is written, started once every change of its own is made: it reads the new one.
    expect(applied).toEqual(['installed-service.stop', 'file.content', 'app-config.protected', 'sql.login', 'installed-service.start', 'instance']);
    expect(await env.host.machine.readInstalledService(name)).toMatchObject({ status: 'Running', account: 'STORE01\\svc-cdx' });
    const config = readFileSync(env.host.realPath('C:\\AsyncClientService\\Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config'), 'utf8');
    expect(config).toContain('Initial Catalog=RetailChannelDatabase2;');
  });

  it.each(['installed-service.stop:CommerceDataExchangeAsyncClientService', 'sql.login:STORE01\\svc-cdx@RetailChannelDatabase2'])('a modify that fails at %s, the service stopped, rolls back to the service running with its configuration as it was', async (operation) => {
    const env = await storeComputer([{ operation, message: 'injected fault' }]);
    await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: SECRETS });
    const before = snapshot(env.sandbox, env.supportDir);
    const failed = await env.service.install({ component: 'async-client', settings: store({ ChannelDatabaseName: 'RetailChannelDatabase2' }), choices: CHOICES }, { secrets: SECRETS });
    expect(failed.outcome, failed.message).toBe('rolled-back');
    expect(failed.steps.map((s) => s.id)[0]).toBe('installed-service.stop:CommerceDataExchangeAsyncClientService');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
    expect((await env.host.machine.readInstalledService('CommerceDataExchangeAsyncClientService'))?.status).toBe('Running');
  });

  it('refuses a channel database that does not exist before any change: Setup never creates one', async () => {
    const env = await storeComputer();
    const before = snapshot(env.sandbox, env.supportDir);
    const result = await env.service.install({ component: 'async-client', settings: store({ ChannelDatabaseName: 'NoSuchChannel' }), choices: CHOICES }, { secrets: SECRETS });
    expect(result.outcome).toBe('refused');
    expect(result.failedChecks?.map((c) => [c.id, c.details])).toEqual([['channel-database', expect.stringMatching(/has no database NoSuchChannel\. Setup never creates a channel database/)]]);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('installs a second instance beside the first with its own service name, refuses a collision, and uninstalls one', async () => {
    const env = await storeComputer();
    const first = await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: SECRETS });
    expect(first.outcome, first.message).toBe('installed');
    const afterFirst = snapshot(env.sandbox, env.supportDir);
    const clash = env.service.install(
      { component: 'async-client', settings: store({ ServiceName: 'CDXAsyncClient2', ChannelDatabaseName: 'RetailChannelDatabase2' }), choices: CHOICES },
      { secrets: SECRETS },
    );
    await expect(clash).rejects.toThrow(/already uses the folder C:\\AsyncClientService/);
    const second = await env.service.install(
      {
        component: 'async-client',
        settings: store({ ServiceName: 'CDXAsyncClient2', ServiceInstallFolder: 'C:\\AsyncClientService2', ChannelDatabaseName: 'RetailChannelDatabase2', ChannelMessageDatabaseName: 'ChannelMessageDB2', DataStoreName: 'Dallas' }),
        choices: CHOICES,
      },
      { secrets: SECRETS },
    );
    expect(second.outcome, second.message).toBe('installed');
    expect((await env.host.machine.readInstalledService('CDXAsyncClient2'))?.status).toBe('Running');
    const removed = await env.service.uninstall('CDXAsyncClient2', { secrets: {} });
    expect(removed.outcome, removed.message).toBe('uninstalled');
    expect(await env.host.machine.readInstalledService('CDXAsyncClient2')).toBeNull();
    // The first instance, the Retail Salt Utility and the service user's right stay as they were.
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(afterFirst);
    expect((await env.host.machine.readInstalledService('CommerceDataExchangeAsyncClientService'))?.status).toBe('Running');
  });

  it('uninstalls the last instance back to the computer as it was', async () => {
    const env = await storeComputer();
    const before = snapshot(env.sandbox, env.supportDir);
    await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: SECRETS });
    const removed = await env.service.uninstall('CommerceDataExchangeAsyncClientService', { secrets: {} });
    expect(removed.outcome, removed.message).toBe('uninstalled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('refuses, before any change, a ServiceName that a service of Windows has: one service manager for both', async () => {
    const env = await storeComputer();
    const before = snapshot(env.sandbox, env.supportDir);
    const result = await env.service.install({ component: 'async-client', settings: store({ ServiceName: 'w3svc' }), choices: CHOICES }, { secrets: SECRETS });
    expect(result.outcome).toBe('refused');
    expect(result.failedChecks?.map((c) => [c.id, c.details])).toEqual([['service-name', 'A Windows service named w3svc already exists on STORE01 (running C:\\Windows\\system32\\svchost.exe -k iissvcs).']]);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('only places the files when Configure Async Client by using Setup is cleared', async () => {
    const env = await storeComputer();
    const plan = await env.service.plan({ component: 'async-client', settings: store(), choices: { ...CHOICES, configure: false } }, false);
    expect(new Set(plan.operations.map((o) => o.kind))).toEqual(new Set(['folder', 'files', 'programs-entry', 'instance']));
  });
});

describe('a fault at every operation of Async Client', async () => {
  const probe = await storeComputer();
  const plan = await probe.service.plan({ component: 'async-client', settings: store(), choices: CHOICES });
  // On a fresh computer there is no service to stop: that step's faults are a modify's (above).
  const changing = plan.operations.filter((o) => o.kind !== 'installed-service.stop');
  it.each(changing.map((o) => o.id))('%s: rolls the store computer back to exactly its state before', async (id) => {
    const env = await storeComputer([{ operation: id, message: 'injected fault' }]);
    const before = snapshot(env.sandbox, env.supportDir);
    const result = await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: SECRETS });
    expect(result.outcome, result.message).toBe('rolled-back');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });
});

describe('cdx-setup deploy --settings sc-settings.xml', () => {
  it('installs Async Client on the rehearsal store, asks for both passwords by their own means, and uninstalls it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-sc-'));
    const file = path.join(dir, 'sc-settings.xml');
    writeFileSync(file, writeSettingsXml({ component: 'async-client', values: store() }));
    const sandbox = path.join(dir, 'sandbox');
    // The shipped store scenario: its STORE01\svc-cdx accepts the shipped scenarios' password.
    const deploy = cliIo({ CDX_SETUP_PASSWORD: REHEARSAL_ACCOUNT_PASSWORD, CDX_SETUP_CONNECTION_PASSWORD: `${CANARY}-c` });
    const code = await runCli(['deploy', '--settings', file, '--rehearsal', 'store', '--sandbox', sandbox, '--json'], deploy.io);
    expect(code, deploy.err.join('\n')).toBe(0);
    expect(JSON.parse(deploy.out.join('\n'))).toMatchObject({ outcome: 'installed', instance: 'CommerceDataExchangeAsyncClientService', asyncServerUrl: null });
    const missing = cliIo({});
    expect(await runCli(['deploy', '--settings', file, '--rehearsal', 'store', '--sandbox', path.join(dir, 'other')], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/the Async Client service user STORE01\\svc-cdx is needed/);
    const un = cliIo({});
    expect(await runCli(['uninstall', '--instance', 'CommerceDataExchangeAsyncClientService', '--rehearsal', 'store', '--sandbox', sandbox], un.io), un.err.join('\n')).toBe(0);
    expect(existsSync(path.join(sandbox, 'state', 'scm.json'))).toBe(false);
  });
});
