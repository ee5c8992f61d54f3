import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli';
import { scenariosRoot } from '../../../electron/engine/hosts/create-host';
import { RehearsalHost } from '../../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../../electron/engine/hosts/rehearsal/scenario';
import { InstallService } from '../../../electron/engine/install/install-service';
import { loadPayload } from '../../../electron/engine/payload/manifest';
import type { PlanChoices } from '../../../electron/engine/plan/build-plan';
import { writeSettingsXml } from '../../../electron/engine/settings-files/write';
import { SupportFiles } from '../../../electron/engine/support-files/support-files';
import type { ClientSettings } from '../../../shared/components/async-client/parameters';
import { DEFAULT_DATABASE_CHOICE } from '../../../shared/settings/install-defaults';
import { allFiles, snapshot } from '../../install/support';
import { cliIo } from '../../support/cli-io';
import { clientSettings } from './helpers';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../../support/scenario-copy';

const CANARY = 'Canary-Connection-Pa55!-9c1e';
const CHANGED = 'Canary-Changed-Pa55!-4d2b';
const CHOICES: PlanChoices = { configure: true, components: ['async-client'], database: DEFAULT_DATABASE_CHOICE };
const CONFIG = 'C:\\AsyncClientService\\Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config';
const STEP = `app-config.protected:${CONFIG}#DataStorePassword`;
const store = (patch: Partial<ClientSettings> = {}) => clientSettings({ ServiceUser: 'STORE01\\svc-cdx', ...patch });
// The service user's password is the one the store scenario's STORE01\svc-cdx accepts (the gate checks it).
const secrets = (connectionPassword: string) => ({ servicePassword: REHEARSAL_ACCOUNT_PASSWORD, connectionPassword });

function storeComputer(faults: { operation: string; message?: string }[] = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-secret-'));
  const scenario = JSON.parse(readFileSync(path.join(scenariosRoot(), 'store', 'scenario.json'), 'utf8'));
  const file = path.join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify({ ...scenario, faults }));
  const sandbox = path.join(dir, 'machine');
  const host = new RehearsalHost(loadScenario(file), sandbox);
  return { dir, file, host, sandbox };
}

async function withService(env: ReturnType<typeof storeComputer>) {
  const supportDir = await new SupportFiles(env.host).realDir();
  return { ...env, supportDir, service: new InstallService({ host: env.host, supportDir, toolVersion: 'test' }) };
}

/** The DataStorePassword value the service reads, as written in its configuration file. */
function storedValue(host: RehearsalHost): string {
  const config = readFileSync(host.realPath(CONFIG), 'utf8');
  const match = /<add key="DataStorePassword" value="([^"]*)" \/>/.exec(config);
  if (!match) throw new Error(`No DataStorePassword in ${config}`);
  return match[1];
}

const noCanary = (root: string, ...canaries: string[]) => {
  for (const file of allFiles(root)) for (const canary of canaries) expect(readFileSync(file, 'latin1'), file).not.toContain(canary);
};

describe('the password for the Async Server connection on the rehearsal store computer', () => {
  it('is stored encrypted for this computer: the value opens to the password with this computer\'s key only, and the plain password is nowhere', async () => {
    const env = await withService(storeComputer());
    const result = await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: secrets(CANARY) });
    expect(result.outcome, result.message).toBe('installed');
    expect(result.steps.find((s) => s.id === STEP)).toMatchObject({
      description: `Store the password for the Async Server connection (DataStoreUserName HoustonUser), encrypted for this computer (DPAPI, local machine), as DataStorePassword in ${CONFIG}`,
    });
    const value = storedValue(env.host);
    expect(value).toMatch(/^[A-Za-z0-9+/]{40,}=*$/);
    expect(Buffer.from(value, 'base64').toString('latin1')).not.toContain(CANARY);
    expect(await env.host.dataProtection.isProtectedSecret(value, CANARY)).toBe(true);
    expect(await env.host.dataProtection.isProtectedSecret(value, `${CANARY}x`)).toBe(false);
    // Another computer (another sandbox, its own machine key) cannot open it.
    expect(await storeComputer().host.dataProtection.isProtectedSecret(value, CANARY)).toBe(false);
    // Not in the configuration, the journal, the log, the backups, the instance record or the machine's state.
    noCanary(env.sandbox, CANARY, Buffer.from(CANARY, 'utf16le').toString('latin1'));
  });

  it('is already done the second time with the same password, and rewritten with another one; uninstall takes it away with the rest', async () => {
    const env = await withService(storeComputer());
    const before = snapshot(env.sandbox, env.supportDir);
    await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: secrets(CANARY) });
    const first = storedValue(env.host);
    const installed = snapshot(env.sandbox, env.supportDir);

    const again = await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: secrets(CANARY) });
    expect(again.outcome, again.message).toBe('unchanged');
    expect(again.steps.find((s) => s.id === STEP)?.status).toBe('skipped');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(installed);

    const changed = await env.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: secrets(CHANGED) });
    expect(changed.outcome, changed.message).toBe('installed');
    // Only this step changes (the configuration file around it is in place), the service stopped around it: it reads
    // the new password when it starts again.
    expect(changed.steps.filter((s) => s.status === 'applied').map((s) => s.id.split(':')[0])).toEqual(['installed-service.stop', 'app-config.protected', 'installed-service.start', 'instance']);
    const second = storedValue(env.host);
    expect(second).not.toBe(first);
    expect(await env.host.dataProtection.isProtectedSecret(second, CHANGED)).toBe(true);
    expect(await env.host.dataProtection.isProtectedSecret(second, CANARY)).toBe(false);
    noCanary(env.sandbox, CANARY, CHANGED);

    const removed = await env.service.uninstall('CommerceDataExchangeAsyncClientService', { secrets: {} });
    expect(removed.outcome, removed.message).toBe('uninstalled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('a changed password whose run fails later is rolled back to the earlier encrypted value, to the byte', async () => {
    const env = storeComputer();
    const first = await withService(env);
    await first.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: secrets(CANARY) });
    const installed = snapshot(first.sandbox, first.supportDir);
    const value = storedValue(env.host);
    // The same sandbox, now with a fault after the step that stores the password.
    const scenario = JSON.parse(readFileSync(env.file, 'utf8'));
    writeFileSync(env.file, JSON.stringify({ ...scenario, faults: [{ operation: STEP, message: 'injected fault' }] }));
    const faulty = await withService({ ...env, host: new RehearsalHost(loadScenario(env.file), env.sandbox) });
    const result = await faulty.service.install({ component: 'async-client', settings: store(), choices: CHOICES }, { secrets: secrets(CHANGED) });
    expect(result.outcome, result.message).toBe('rolled-back');
    expect(storedValue(env.host)).toBe(value);
    expect(snapshot(env.sandbox, faulty.supportDir)).toEqual(installed);
    noCanary(env.sandbox, CANARY, CHANGED);
  });

  it('is shown on the plan before the password is asked for, never with a value, as still to do', async () => {
    const env = await withService(storeComputer());
    const preview = await env.service.preview({ component: 'async-client', settings: store(), choices: CHOICES });
    const steps = preview.steps.map((s) => s.id);
    // After the configuration file it goes into, once that file is restricted to Administrators, SYSTEM and the service account.
    expect(steps.slice(steps.indexOf(STEP) - 2, steps.indexOf(STEP))).toEqual([`file.content:${CONFIG}`, `file-acl:${CONFIG}`]);
    expect(preview.steps.find((s) => s.id === STEP)).toMatchObject({ done: false, details: { file: CONFIG, appSetting: 'DataStorePassword', protection: 'DPAPI, local machine' } });
  });

  it('is not stored, and the plan says so, when the payload\'s manifest declares no place for it', async () => {
    const env = await withService(storeComputer());
    const folder = 'C:\\Payload\\Async Client';
    cpSync(path.resolve('payload/async-client'), env.host.realPath(folder), { recursive: true });
    const manifestFile = path.join(env.host.realPath(folder), 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    delete manifest.service.secrets;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const plan = await env.service.plan({ component: 'async-client', settings: store({ ServiceBinarySourceFolder: folder }), choices: CHOICES });
    expect(plan.operations.some((o) => o.kind === 'app-config.protected')).toBe(false);
    expect(plan.notes.join('\n')).toMatch(/declares no place for the password of the Async Server connection \(service\.secrets\.connectionPassword\): it is not stored/);
  });

  it('is declared by the sample payload\'s manifest, and a manifest asking for a protection Setup does not have is refused', async () => {
    expect((await loadPayload(path.resolve('payload/async-client'))).manifest.service?.secrets).toEqual({ connectionPassword: { appSetting: 'DataStorePassword', protection: 'dpapi-localmachine' } });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-manifest-'));
    cpSync(path.resolve('payload/async-client'), dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    manifest.service.secrets.connectionPassword.protection = 'plain';
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadPayload(dir)).rejects.toThrow(/service\.secrets\.connectionPassword\.protection/);
  });
});

describe('cdx-setup deploy --settings sc-settings.xml --rehearsal store with CDX_SETUP_CONNECTION_PASSWORD', () => {
  it('stores the connection password encrypted for the rehearsal computer, and prints, logs and journals it nowhere', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-sc-secret-'));
    const file = path.join(dir, 'sc-settings.xml');
    writeFileSync(file, writeSettingsXml({ component: 'async-client', values: store() }));
    const sandbox = path.join(dir, 'sandbox');
    const plan = cliIo({});
    expect(await runCli(['plan', '--settings', file, '--rehearsal', 'store', '--sandbox', sandbox], plan.io), plan.err.join('\n')).toBe(0);
    expect(plan.out.join('\n')).toMatch(/Store the password for the Async Server connection \(DataStoreUserName HoustonUser\), encrypted for this computer \(DPAPI, local machine\)/);
    const deploy = cliIo({ CDX_SETUP_PASSWORD: REHEARSAL_ACCOUNT_PASSWORD, CDX_SETUP_CONNECTION_PASSWORD: CANARY });
    const code = await runCli(['deploy', '--settings', file, '--rehearsal', 'store', '--sandbox', sandbox], deploy.io);
    expect(code, deploy.err.join('\n')).toBe(0);
    expect([...deploy.out, ...deploy.err].join('\n')).not.toContain(CANARY);
    // The verbose log names the step and what it did, without the value.
    const log = allFiles(sandbox).filter((f) => f.endsWith('.log')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(log).toMatch(/Stored the password for the Async Server connection \(DataStoreUserName HoustonUser\) in Microsoft\.Dynamics\.Retail\.CommerceDataExchange\.AsyncClientService\.exe\.config as DataStorePassword, encrypted for this computer \(DPAPI, local machine\)\./);
    const host = new RehearsalHost(loadScenario(path.join(scenariosRoot(), 'store', 'scenario.json')), sandbox);
    expect(await host.dataProtection.isProtectedSecret(storedValue(host), CANARY)).toBe(true);
    noCanary(sandbox, CANARY);
  });
});
