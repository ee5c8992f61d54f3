import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { InstallService } from '../../electron/engine/install/install-service';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import { CANARY, CHOICES, goodSettings, snapshot } from '../install/support';
import { cliIo } from '../support/cli-io';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { writeSettingsXml } from '../../electron/engine/settings-files/write';
import { clientSettings } from '../components/async-client/helpers';
import { FAKE_WINDOWS_LOADER, fakeWindows, type FakeState, type FakeWindows } from '../support/fake-windows';

/**
 * `cdx-setup plan --export-script` as an admin uses it: the .ps1 written from a settings file, run in pwsh against the
 * fake Windows (Windows PowerShell 4.0 and 5.1 run the same text; the walk of its syntax is another test's). The
 * credential comes in -AppPoolCredential, built from an environment variable: never in the file or a command line.
 */
const SLOW = { timeout: 180_000 };
const SETTINGS = path.resolve('tests/install/fixtures/ss-settings.xml');
const OURS = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const computers: FakeWindows[] = [];
afterAll(() => computers.forEach((w) => w.host.close()));
function computer(patch: (state: FakeState) => void = () => {}, scenarioFile?: string) {
  const w = fakeWindows({ patch, scenarioFile });
  computers.push(w);
  return w;
}

async function exportScript(settingsFile: string, scenario?: string): Promise<string> {
  const box = mkdtempSync(path.join(os.tmpdir(), 'cdx-export-'));
  const file = path.join(box, 'plan.ps1');
  const run = cliIo();
  // The rehearsal's default computer is the fake's: same name, domain and drives.
  const rehearsal = scenario ? ['--rehearsal', scenario] : ['--rehearsal'];
  expect(await runCli(['plan', '--settings', settingsFile, ...rehearsal, '--sandbox', path.join(box, 'machine'), '--export-script', file], run.io), run.err.join('\n')).toBe(0);
  return file;
}

/** Runs the exported script non-interactively (a Get-Credential prompt would fail), with or without a credential. */
function runScript(w: FakeWindows, file: string, credential: boolean, as = { user: 'CONTOSO\\svc-async', parameter: 'AppPoolCredential' }) {
  const call = credential
    ? `$credential = New-Object System.Management.Automation.PSCredential('${as.user}', (ConvertTo-SecureString $env:CDX_TEST_POOL_PASSWORD -AsPlainText -Force)); & $env:CDX_TEST_SCRIPT -${as.parameter} $credential`
    : '& $env:CDX_TEST_SCRIPT';
  const result = spawnSync(w.command.executable, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', `. '${FAKE_WINDOWS_LOADER.replace(/'/g, "''")}'; ${call}`], {
    env: { ...w.command.env, CDX_TEST_SCRIPT: file, CDX_TEST_POOL_PASSWORD: CANARY },
    encoding: 'utf8',
    timeout: 150_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** What the script changes: IIS, http.sys, the firewall, the ACLs, and the files it places. */
function installedState(w: FakeWindows) {
  const state = w.readState();
  const files = Object.fromEntries(Object.entries(snapshot(w.sandbox, '')).filter(([k]) => /^drives\/C\/(inetpub|Program Files)\//.test(k)));
  return { iis: state.iis, httpSys: state.httpSys, firewall: state.firewall, acl: state.acl, files };
}

describe('the exported script, run in pwsh against the fake Windows (item 2)', SLOW, () => {
  it('installs on the first run, as deploy does, and changes nothing on the second, which asks for no password', async () => {
    const file = await exportScript(SETTINGS);
    expect(readFileSync(file, 'utf8')).not.toContain(CANARY);
    const w = computer();
    const first = runScript(w, file, true);
    expect(first.output).not.toMatch(/Exception|error/i);
    expect(first.status).toBe(0);

    const state = w.readState();
    const site = state.iis.sites.find((s: { name: string }) => s.name === 'AsyncServerSite');
    expect(site.bindings).toEqual([
      { protocol: 'https', bindingInformation: '*:8443:', sslFlags: 0 },
      { protocol: 'net.tcp', bindingInformation: '808:*', sslFlags: 0 },
    ]);
    expect(site.applications.map((a: { path: string; enabledProtocols: string }) => [a.path, a.enabledProtocols])).toEqual([['/', 'https,net.tcp'], ['/AsyncServer', 'https,net.tcp']]);
    expect(state.httpSys.sslCertificates).toEqual([expect.objectContaining({ ipPort: '0.0.0.0:8443', certificateHash: OURS })]);
    expect(state.iis.appPools.find((p: { name: string }) => p.name === 'AsyncServer').processModel).toEqual({ identityType: 'SpecificUser', userName: 'CONTOSO\\svc-async', passwordSha256: sha256(CANARY) });
    expect(state.firewall.rules.map((r: { name: string }) => r.name)).toEqual(['CDX-AsyncServer-AsyncServerSite-HTTPS', 'CDX-AsyncServer-AsyncServerSite-NetTcp']);
    expect(Object.keys(state.acl).length).toBeGreaterThan(0);
    // The certificate's private key (a CSP key file in MachineKeys): Read for the app pool user beside its own rules.
    const keyFile = Object.keys(state.acl).find((k) => k.includes('\\crypto\\rsa\\machinekeys\\'));
    expect(state.acl[keyFile!].map((r: { identity: string; rights: string }) => [r.identity, r.rights])).toEqual([
      ['NT AUTHORITY\\SYSTEM', 'FullControl'],
      ['BUILTIN\\Administrators', 'FullControl'],
      ['CONTOSO\\svc-async', 'Read, Synchronize'],
    ]);

    // The same settings deployed by cdx-setup on another computer leave the same IIS, http.sys, firewall, ACLs and files
    // (the fake has no sqlcmd.exe, a check an admin may skip).
    const deployed = computer();
    const service = new InstallService({ host: deployed.host, supportDir: await new SupportFiles(deployed.host).realDir(), toolVersion: 'test' });
    expect((await service.install({ settings: goodSettings(), choices: CHOICES }, { secrets: { appPoolPassword: CANARY }, skipChecks: ['sqlcmd'] })).outcome).toBe('installed');
    expect(installedState(w)).toEqual(installedState(deployed));

    const afterFirst = snapshot(w.sandbox, '');
    const second = runScript(w, file, false);
    expect(second.output).toBe('');
    expect(second.status).toBe(0);
    expect(snapshot(w.sandbox, '')).toEqual(afterFirst);
  });

  it('on Default Web Site, adds its bindings beside the ones the site has, and changes nothing on the second run', async () => {
    const box = mkdtempSync(path.join(os.tmpdir(), 'cdx-export-settings-'));
    const settings = path.join(box, 'ss-settings.xml');
    writeFileSync(
      settings,
      readFileSync(SETTINGS, 'utf8').replace(
        '</Settings>',
        '  <Setting key="WebSiteName" value="Default Web Site" />\n  <Setting key="WebSiteWorkingFolder" value="C:\\inetpub\\wwwroot" />\n</Settings>',
      ),
    );
    const file = await exportScript(settings);
    const w = computer();
    const first = runScript(w, file, true);
    expect(first.output).not.toMatch(/Exception|error/i);
    expect(first.status).toBe(0);
    expect(w.readState().iis.sites[0].bindings).toEqual([
      { protocol: 'http', bindingInformation: '*:80:', sslFlags: 0 },
      { protocol: 'https', bindingInformation: '*:8443:', sslFlags: 0 },
      { protocol: 'net.tcp', bindingInformation: '808:*', sslFlags: 0 },
    ]);
    expect(w.readState().iis.sites[0].applications[0]).toMatchObject({ physicalPath: '%SystemDrive%\\inetpub\\wwwroot', enabledProtocols: 'http,https,net.tcp' });
    const afterFirst = snapshot(w.sandbox, '');
    const second = runScript(w, file, false);
    expect(second.output).toBe('');
    expect(second.status).toBe(0);
    expect(snapshot(w.sandbox, '')).toEqual(afterFirst);
  });

  it('Async Client: installs its files, configuration (restricted to Administrators, SYSTEM and the service account), Log on as a service and its running service as deploy does (-ServiceCredential), and changes nothing on the second run', async () => {
    const store = path.join(scenariosRoot(), 'store', 'scenario.json');
    const box = mkdtempSync(path.join(os.tmpdir(), 'cdx-export-sc-'));
    const settings = path.join(box, 'sc-settings.xml');
    writeFileSync(settings, writeSettingsXml({ component: 'async-client', values: clientSettings() }));
    const file = await exportScript(settings, 'store');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(CANARY);
    expect(text).toMatch(/^param\(\[string\]\$PayloadFolder = '.*', \[System\.Management\.Automation\.PSCredential\]\$ServiceCredential\)\r$/m);
    // STORE01\svc-cdx's password is the canary, as the fake's accounts keep one (a digest).
    const canaryAccount = (s: FakeState) => (s.accounts.find((a: { name: string }) => a.name === 'STORE01\\svc-cdx').passwordSha256 = sha256(CANARY));
    const w = computer(canaryAccount, store);
    const first = runScript(w, file, true, { user: 'STORE01\\svc-cdx', parameter: 'ServiceCredential' });
    expect(first.output).not.toMatch(/Exception|error/i);
    expect(first.status).toBe(0);
    const service = w.readState().services.find((s: { name: string }) => s.name === 'CommerceDataExchangeAsyncClientService');
    expect(service).toMatchObject({ status: 'Running', account: 'STORE01\\svc-cdx', startType: 'Automatic', passwordSha256: sha256(CANARY) });

    // deploy on another store computer leaves the same service, rights and files (the databases are deploy's only).
    const deployed = computer(canaryAccount, store);
    const install = new InstallService({ host: deployed.host, supportDir: await new SupportFiles(deployed.host).realDir(), toolVersion: 'test' });
    const result = await install.install({ component: 'async-client', settings: clientSettings(), choices: { ...CHOICES, components: ['async-client'] } }, { secrets: { servicePassword: CANARY, connectionPassword: `${CANARY}-c` } });
    expect(result.outcome, result.message).toBe('installed');
    // The connection password, encrypted for the computer, is deploy's alone: the script says so, and leaves its
    // value empty in an otherwise identical configuration file.
    expect(text).toContain('# Not exported (app-config.protected): run cdx-setup deploy for this step.');
    const config = 'C:\\AsyncClientService\\Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config';
    const withoutPassword = (x: FakeWindows) => readFileSync(x.host.realPath(config), 'utf8').replace(/(key="DataStorePassword" value=")[^"]*"/, '$1"');
    expect(readFileSync(w.host.realPath(config), 'utf8')).toMatch(/key="DataStorePassword" value=""/);
    expect(readFileSync(deployed.host.realPath(config), 'utf8')).toMatch(/key="DataStorePassword" value="[^"]+"/);
    expect(withoutPassword(w)).toBe(withoutPassword(deployed));
    const clientState = (x: FakeWindows) => {
      const state = x.readState();
      const files = Object.fromEntries(Object.entries(snapshot(x.sandbox, '')).filter(([k]) => /^drives\/C\/(AsyncClientService|Program Files)\//.test(k) && !k.endsWith('.exe.config')));
      return { services: state.services, lsa: state.lsa, acl: state.acl, aclProtected: state.aclProtected, files };
    };
    expect(clientState(w)).toEqual(clientState(deployed));
    // The configuration file, before the password goes in, inherits nothing and is Administrators', SYSTEM's and the service account's.
    const key = config.toLowerCase();
    expect(w.readState().aclProtected).toContain(key);
    expect(w.readState().acl[key].map((r: { sid: string; rights: string }) => [r.sid, r.rights])).toEqual([
      ['S-1-5-32-544', 'FullControl'],
      ['S-1-5-18', 'FullControl'],
      [w.readState().accounts.find((a: { name: string }) => a.name === 'STORE01\\svc-cdx').sid, 'Read, Synchronize'],
    ]);

    const afterFirst = snapshot(w.sandbox, '');
    const second = runScript(w, file, false);
    expect(second.output).toBe('');
    expect(second.status).toBe(0);
    expect(snapshot(w.sandbox, '')).toEqual(afterFirst);
  });
});
