import { createHash, X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNT_RIGHT_SCRIPTS } from '../../electron/engine/hosts/machine/account-right-scripts';
import { FILE_ACCESS_SCRIPTS } from '../../electron/engine/hosts/machine/file-access-scripts';
import { INSTALLED_SERVICE_SCRIPTS } from '../../electron/engine/hosts/machine/installed-service-scripts';
import { SERVICE_SCRIPTS } from '../../electron/engine/hosts/machine/service-scripts';
import { SCRIPTS } from '../../electron/engine/hosts/machine/windows-scripts';
import * as certificateScripts from '../../electron/engine/hosts/windows/certificates';
import * as exportScripts from '../../electron/engine/hosts/windows/export-certificate';
import * as factsScripts from '../../electron/engine/hosts/windows/facts-scripts';
import * as networkScripts from '../../electron/engine/hosts/windows/windows-network';
import * as passwordScripts from '../../electron/engine/hosts/windows/password-script';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';
import { PowerShellSession, type PowerShellCommand, type PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';
import { FAKE_COMPUTER_FACTS, fakeWindows } from '../support/fake-windows';

/** Every PowerShell script the Windows host can send, by name: the machine's, the facts' and the certificate store's. */
const ALL_SCRIPTS: Record<string, string> = {
  ...SCRIPTS,
  ...SERVICE_SCRIPTS,
  ...INSTALLED_SERVICE_SCRIPTS,
  ...ACCOUNT_RIGHT_SCRIPTS,
  ...FILE_ACCESS_SCRIPTS,
  ...Object.fromEntries((Object.entries({ ...factsScripts, ...certificateScripts, ...exportScripts, ...networkScripts, ...passwordScripts }) as [string, unknown][]).filter((e): e is [string, string] => e[0].endsWith('_SCRIPT') && typeof e[1] === 'string')),
};

/** The session the host uses, recording which scripts answered and how. */
function recording(command: PowerShellCommand) {
  const session = new PowerShellSession(command);
  const runs: { script: string; ok: boolean; error?: string }[] = [];
  const runner: PowerShellRunner & { runs: typeof runs; session: PowerShellSession } = {
    runs,
    session,
    async run<T>(script: string, data?: unknown, timeoutMs?: number) {
      const outcome = await session.run<T>(script, data, timeoutMs);
      runs.push({ script, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) });
      return outcome;
    },
  };
  return runner;
}

const CANARY = 'Canary-Pa55word!-7f3a';
const THUMBPRINT = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';

describe('every Windows script, run in pwsh against the fake Windows', () => {
  let runner!: ReturnType<typeof recording>;
  const w = fakeWindows({ runner: (command) => (runner = recording(command)) });
  const m = w.host.machine;
  afterAll(() => w.host.close());

  it('reads the computer\'s facts, its IIS role services, its accounts and its certificate store, and exports a certificate to serve', async () => {
    expect(await w.host.facts.computer()).toEqual(FAKE_COMPUTER_FACTS);
    expect(await w.host.facts.iisRoleServices()).toContain('Web-Asp-Net45');
    const svcAsync = { name: 'CONTOSO\\svc-async', sid: expect.stringMatching(/^S-1-5-21-/) };
    expect(await w.host.facts.resolveAccounts(['CONTOSO\\svc-async', 'svc-async@contoso.com', 'S-1-5-20', 'CONTOSO\\nobody'])).toEqual({
      'CONTOSO\\svc-async': svcAsync,
      // A UPN comes back as the down-level name, a SID as the built-in account's name.
      'svc-async@contoso.com': svcAsync,
      'S-1-5-20': { name: 'NT AUTHORITY\\NETWORK SERVICE', sid: 'S-1-5-20' },
      'CONTOSO\\nobody': null,
    });
    expect(await w.host.facts.verifyAccountPassword('CONTOSO\\svc-async', REHEARSAL_ACCOUNT_PASSWORD)).toEqual({ verdict: 'valid' });
    expect(await w.host.facts.computerIdentity()).toEqual({
      name: 'CDX-HQ01',
      dnsDomain: 'contoso.com',
      machineAccount: 'CONTOSO\\CDX-HQ01$',
      dnsNames: ['CDX-HQ01', 'CDX-HQ01.contoso.com'],
      addresses: ['10.0.0.21'],
    });
    // A port that is taken: the facts name the process that holds it (SMSvcHost: net.tcp shares the port through it).
    const listener = net.createServer().listen(0, '0.0.0.0');
    await new Promise((resolve) => listener.once('listening', resolve));
    const port = (listener.address() as net.AddressInfo).port;
    w.patchState((state) => (state.network = { listeners: [{ localPort: port, processId: 4242, processName: 'SMSvcHost' }] }));
    expect(await w.host.facts.probePorts([port])).toEqual([expect.objectContaining({ port, state: 'in-use', owner: 'SMSvcHost' })]);
    listener.close();
    w.patchState((state) => delete state.network);
    const certificates = await w.host.listCertificates('LocalMachine', 'My');
    expect(certificates.map((c) => [c.thumbprint, c.hasPrivateKey, c.expired])).toEqual([
      [THUMBPRINT, true, false],
      ['5EC1C8BBA6F09557FFB3733C93CFDC1138EFA0DB', true, true],
      ['5003223A83C72CAF73C10884D1DD72F1CFBD0BD7', false, false],
    ]);
    expect(certificates[0]).toMatchObject({ serverAuthentication: true, dnsNames: ['cdx-hq01.contoso.com', 'cdx-hq01'] });
    const served = await w.host.serverCertificate(THUMBPRINT);
    expect(served.certificate.fingerprint.replace(/:/g, '')).toBe(createHash('sha1').update(served.certificate.raw).digest('hex').toUpperCase());
    expect(served.certificate.subject).toMatch(/cdx-hq01\.contoso\.com/);
    expect('pfx' in served.tls && served.tls.pfx.length).toBeGreaterThan(0);
    await expect(w.host.serverCertificate('5003223A83C72CAF73C10884D1DD72F1CFBD0BD7')).rejects.toThrow(/has no private key/);
    // Test connection's authorities: Cert:\LocalMachine\Root (the scenario's Contoso root) first, then Node.js's public roots.
    const roots = await w.host.network.trustedRoots();
    expect(new X509Certificate(roots[0]).subject).toBe('CN=Contoso Test Root CA\nO=Contoso');
    expect(new X509Certificate(roots[0]).raw.equals(new X509Certificate(readFileSync(`${scenariosRoot()}/default/certs/contoso-root-ca.pem`)).raw)).toBe(true);
    expect(roots.length).toBe(1 + rootCertificates.length);
  });

  it('creates, reads and removes an app pool, a website with its certificate, an application, permissions and firewall rules, leaving the machine as it was', async () => {
    const before = readFileSync(w.stateFile);
    const pool = { name: 'AsyncServer', identityType: 'SpecificUser' as const, userName: 'CONTOSO\\svc-async', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' as const };
    expect(await m.readAppPool('AsyncServer')).toBeNull();
    await m.writeAppPool(pool, CANARY);
    expect(await m.readAppPool('AsyncServer')).toEqual(pool);
    // IIS keeps the password; the fake keeps a digest of it, which shows it arrived intact.
    expect(w.readState().iis.appPools[1].processModel.passwordSha256).toBe(createHash('sha256').update(CANARY).digest('hex'));

    const site = {
      name: 'AsyncServerSite',
      physicalPath: 'C:\\inetpub\\AsyncServerSite',
      appPool: 'AsyncServer',
      bindings: [
        { protocol: 'https' as const, bindingInformation: '*:8443:', certificateThumbprint: THUMBPRINT, certificateStore: 'My' },
        { protocol: 'net.tcp' as const, bindingInformation: '808:*' },
      ],
      enabledProtocols: 'https,net.tcp',
    };
    expect(await m.readSite('AsyncServerSite')).toBeNull();
    await m.writeSite(site);
    expect(await m.readSite('AsyncServerSite')).toEqual(site);
    expect(w.readState().httpSys.sslCertificates).toEqual([expect.objectContaining({ ipPort: '0.0.0.0:8443', certificateHash: THUMBPRINT, certificateStoreName: 'My' })]);
    // Written again (a re-run): the site exists, so its bindings and certificate stay as they are.
    await m.writeSite(site);
    expect(w.readState().httpSys.sslCertificates).toHaveLength(1);
    // One binding at a time: another certificate on 8443 replaces the one bound there, a second net.tcp binding joins
    // the first, and removing them leaves the others.
    const https = site.bindings[0];
    const expired = { ...https, certificateThumbprint: '5EC1C8BBA6F09557FFB3733C93CFDC1138EFA0DB' };
    await m.writeBinding(site.name, expired);
    await m.writeBinding(site.name, { protocol: 'net.tcp', bindingInformation: '809:*' });
    expect((await m.readSite(site.name))?.bindings).toEqual([expired, site.bindings[1], { protocol: 'net.tcp', bindingInformation: '809:*' }]);
    await m.removeBinding(site.name, { protocol: 'net.tcp', bindingInformation: '809:*' });
    await m.removeBinding(site.name, https);
    expect((await m.readSite(site.name))?.bindings).toEqual([site.bindings[1]]);
    expect(w.readState().httpSys.sslCertificates).toEqual([]);
    await m.writeBinding(site.name, https);
    expect(await m.readSite(site.name)).toEqual({ ...site, bindings: [site.bindings[1], https] });

    const app = { site: 'AsyncServerSite', path: '/AsyncServer', physicalPath: 'C:\\inetpub\\AsyncServerSite\\AsyncServer', appPool: 'AsyncServer', enabledProtocols: 'https,net.tcp' };
    mkdirSync(w.host.realPath(app.physicalPath), { recursive: true });
    expect(await m.readApplication(app.site, app.path)).toBeNull();
    await m.writeApplication(app);
    expect(await m.readApplication(app.site, app.path)).toEqual(app);

    for (const identity of ['IIS AppPool\\AsyncServer', 'CONTOSO\\svc-aos']) {
      expect(await m.readAccess(app.physicalPath, identity)).toBeNull();
      await m.writeAccess({ path: app.physicalPath, identity, rights: 'ReadAndExecute' });
      expect(await m.readAccess(app.physicalPath, identity)).toEqual({ path: app.physicalPath, identity, rights: 'ReadAndExecute' });
    }
    await m.writeAccess({ path: app.physicalPath, identity: 'CONTOSO\\svc-aos', rights: 'Modify' });
    expect(await m.readAccess(app.physicalPath, 'CONTOSO\\svc-aos')).toMatchObject({ rights: 'Modify' });

    // The certificate's private key (a CSP key file in MachineKeys): Read for the pool's identity, and removed again.
    const key = await m.findCertificateKey(THUMBPRINT, 'My');
    expect(key).toMatchObject({ status: 'found', provider: 'CSP', aclReadable: true });
    const keyFile = (key as { file: string }).file;
    expect(await m.readKeyAccess(keyFile, 'IIS AppPool\\AsyncServer')).toBeNull();
    await m.writeKeyAccess({ file: keyFile, identity: 'IIS AppPool\\AsyncServer', rights: 0x120089 });
    expect(await m.readKeyAccess(keyFile, 'IIS AppPool\\AsyncServer')).toEqual({ file: keyFile, identity: 'IIS AppPool\\AsyncServer', rights: 0x120089 });
    await m.removeKeyAccess(keyFile, 'IIS AppPool\\AsyncServer');
    expect(await m.readKeyAccess(keyFile, 'IIS AppPool\\AsyncServer')).toBeNull();

    const rule = { name: 'CDX-AsyncServerSite-HTTPS', displayName: 'CDX Async Server HTTPS (8443)', protocol: 'TCP' as const, localPort: 8443, direction: 'Inbound' as const, action: 'Allow' as const };
    expect(await m.readFirewallRule(rule.name)).toBeNull();
    await m.writeFirewallRule(rule);
    expect(await m.readFirewallRule(rule.name)).toEqual(rule);

    const entry = {
      key: 'CDXSetup_async-server_AsyncServer',
      displayName: 'Commerce Data Exchange: Async Server (AsyncServer)',
      displayVersion: '6.3.0.0',
      publisher: 'CDX Setup',
      installDate: '20260601',
      uninstallString: '"C:\\Program Files\\CDX Setup\\bin\\cdx-setup.cmd" uninstall --instance "AsyncServer"',
      quietUninstallString: '"C:\\Program Files\\CDX Setup\\bin\\cdx-setup.cmd" uninstall --instance "AsyncServer"',
    };
    expect(await m.readProgramsEntry(entry.key)).toBeNull();
    await m.writeProgramsEntry(entry);
    expect(await m.readProgramsEntry(entry.key)).toEqual(entry);
    expect(w.readState().registry[`SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${entry.key}`]).toMatchObject({ DisplayName: entry.displayName, NoModify: 1, NoRepair: 1 });
    await m.writeProgramsEntry({ ...entry, displayVersion: '6.3.0.1' });
    expect(await m.readProgramsEntry(entry.key)).toMatchObject({ displayVersion: '6.3.0.1' });
    await m.removeProgramsEntry(entry.key);
    expect(await m.readProgramsEntry(entry.key)).toBeNull();

    await m.removeFirewallRule(rule.name);
    for (const identity of ['IIS AppPool\\AsyncServer', 'CONTOSO\\svc-aos']) await m.removeAccess(app.physicalPath, identity);
    await m.removeApplication(app.site, app.path);
    await m.removeSite(site.name);
    await m.removeAppPool(pool.name);
    expect([await m.readFirewallRule(rule.name), await m.readApplication(app.site, app.path), await m.readSite(site.name), await m.readAppPool(pool.name)]).toEqual([null, null, null, null]);
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);

    // The Application log: the first event registers the source, the second finds it registered.
    await m.writeEvent({ source: 'CDX Setup', entryType: 'Information', eventId: 1000, message: 'Installed.\r\nLog file: C:\\x.log' });
    await m.writeEvent({ source: 'CDX Setup', entryType: 'Warning', eventId: 1003, message: 'Rolled back.' });
    const events = JSON.parse(readFileSync(path.join(path.dirname(w.stateFile), 'eventlog.json'), 'utf8'));
    expect(events.sources).toEqual(['CDX Setup']);
    expect(events.Application.map((e: { eventId: number; entryType: string }) => [e.eventId, e.entryType])).toEqual([[1000, 'Information'], [1003, 'Warning']]);
  });

  it('creates a Windows service of a named account with Log on as a service, starts and removes it, and sets a service of Windows as it was', async () => {
    // The account's password is the canary (the fake keeps an account's password as a digest).
    w.patchState((s) => (s.accounts.find((a: { name: string }) => a.name === 'CONTOSO\\svc-async').passwordSha256 = createHash('sha256').update(CANARY).digest('hex')));
    const before = readFileSync(w.stateFile);
    const w3svc = await m.readService('W3SVC');
    expect(w3svc).toEqual({ name: 'W3SVC', startMode: 'Automatic', running: true });
    await m.writeService(w3svc!);
    const service = {
      name: 'CDXAsyncClient',
      displayName: 'Commerce Data Exchange: Async Client (CDXAsyncClient)',
      binaryPath: '"C:\\AsyncClientService\\AsyncClientService.exe"',
      account: 'CONTOSO\\svc-async',
      startType: 'Automatic' as const,
      recovery: { restart: true, restartDelaySeconds: 60, resetSeconds: 86400 },
      status: 'Running' as const,
    };
    mkdirSync(w.host.realPath('C:\\AsyncClientService'), { recursive: true });
    writeFileSync(w.host.realPath(service.binaryPath.slice(1, -1)), '');
    expect(await m.readAccountRight(service.account, 'SeServiceLogonRight')).toBe(false);
    await m.writeAccountRight(service.account, 'SeServiceLogonRight', true);
    await m.writeInstalledService(service, CANARY);
    expect(await m.readInstalledService(service.name)).toEqual(service);
    expect(await m.readService(service.name)).toEqual({ name: service.name, startMode: 'Automatic', running: true });
    await m.removeInstalledService(service.name);
    await m.writeAccountRight(service.account, 'SeServiceLogonRight', false);
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
  });

  it('restricts a file to Administrators, SYSTEM and an account, inheritance removed, and writes its DACL back as it was', async () => {
    const file = 'C:\\AsyncClientService\\AsyncClientService.exe.config';
    mkdirSync(w.host.realPath('C:\\AsyncClientService'), { recursive: true });
    writeFileSync(w.host.realPath(file), '<configuration />');
    const before = readFileSync(w.stateFile);
    const inherited = await m.readFileAccess(file);
    expect(inherited).toMatchObject({ isProtected: false, rules: [] });
    await m.restrictFileAccess(file, [
      { identity: 'S-1-5-32-544', rights: 'FullControl' },
      { identity: 'S-1-5-18', rights: 'FullControl' },
      { identity: 'CONTOSO\\svc-async', rights: 'Read' },
    ]);
    expect((await m.readFileAccess(file))?.sddl).toMatch(/^D:PAI\(A;;FA;;;BA\)\(A;;FA;;;SY\)\(A;;FR;;;S-1-5-21-[\d-]+\)$/);
    await m.writeFileAccessSddl(file, inherited!.sddl);
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
  });

  it('has run every one of the scripts, each answering without an error, in one PowerShell process', () => {
    const names = Object.keys(ALL_SCRIPTS);
    const ran = names.filter((name) => runner.runs.some((r) => r.script === ALL_SCRIPTS[name] && r.ok));
    // The one refusal asked for: exporting a certificate without its private key.
    expect(runner.runs.filter((r) => !r.ok).map((r) => r.error)).toEqual([expect.stringMatching(/has no private key/)]);
    expect(names.filter((n) => !ran.includes(n))).toEqual([]);
    expect(runner.session.starts).toBe(1);
    console.log(`Windows scripts executed in pwsh against the fake Windows: ${ran.length} of ${names.length} (${runner.runs.length} runs, ${runner.session.starts} PowerShell process).`);
  });
});
