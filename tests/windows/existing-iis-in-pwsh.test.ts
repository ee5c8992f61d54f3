import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { InstallService } from '../../electron/engine/install/install-service';
import { appPoolOperation } from '../../electron/engine/components/async-server/iis';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import type { Settings } from '../../shared/components/async-server/parameters';
import { CANARY, CHOICES, goodSettings, snapshot } from '../install/support';
import { fakeWindows, type FakeState, type FakeWindows } from '../support/fake-windows';

/**
 * Installing on a Windows IIS that already has things (Default Web Site with other bindings, an app pool of the same
 * name, no website at all), with the real WindowsHost running its scripts in pwsh against the fake Windows.
 */
const OURS = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';
/** The expired certificate of the default scenario, with its private key: what another site's HTTPS uses here. */
const OTHER = '5EC1C8BBA6F09557FFB3733C93CFDC1138EFA0DB';
const IIS_APP_ID = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An install here runs some fifty scripts in pwsh; on a loaded two-core machine that takes tens of seconds. */
const SLOW = { timeout: 180_000 };

const computers: FakeWindows[] = [];
afterAll(() => computers.forEach((w) => w.host.close()));

function computer(patch: (state: FakeState) => void = () => {}): FakeWindows {
  const w = fakeWindows({ patch });
  computers.push(w);
  return w;
}

async function serviceOn(w: FakeWindows) {
  return new InstallService({ host: w.host, supportDir: await supportDirOf(w), toolVersion: 'test' });
}

async function supportDirOf(w: FakeWindows) {
  return new SupportFiles(w.host).realDir();
}

/**
 * Through the one door, prerequisite gate included, as deploy installs. The fake computer has no sqlcmd.exe
 * (docs/windows.md), which an admin may overrule as --skip-check sqlcmd does.
 */
const FAKE_SKIPS = ['sqlcmd'];
async function install(w: FakeWindows, settings: Settings) {
  return (await serviceOn(w)).install({ settings, choices: CHOICES }, { secrets: { appPoolPassword: CANARY }, skipChecks: FAKE_SKIPS });
}

async function uninstall(w: FakeWindows, name = 'AsyncServer') {
  return (await serviceOn(w)).uninstall(name, { secrets: {} });
}

/** Default Web Site as a server that already serves HTTPS on 443 and WCF over net.tcp has it. */
function withDefaultWebSiteInUse(state: FakeState) {
  const site = state.iis.sites[0];
  site.bindings.push({ protocol: 'https', bindingInformation: '*:443:', sslFlags: 0 }, { protocol: 'net.tcp', bindingInformation: '808:*', sslFlags: 0 });
  site.applications[0].enabledProtocols = 'http,net.tcp';
  state.httpSys.sslCertificates.push({ ipPort: '0.0.0.0:443', certificateHash: OTHER, certificateStoreName: 'My', appId: IIS_APP_ID });
}

const onDefaultWebSite = (patch: Partial<Settings> = {}) => goodSettings({ WebSiteName: 'Default Web Site', WebSiteWorkingFolder: 'C:\\inetpub\\wwwroot', WebSiteTcpPort: '809', ...patch });
const bindingsOf = (w: FakeWindows, site: string) => w.readState().iis.sites.find((s: { name: string }) => s.name === site).bindings;

describe('installing on Default Web Site, which has other HTTPS and net.tcp bindings (6f)', SLOW, () => {
  it('adds only its own bindings and certificate, and uninstall gives back exactly what was there', async () => {
    const w = computer(withDefaultWebSiteInUse);
    const supportDir = await supportDirOf(w);
    const before = snapshot(w.sandbox, supportDir);
    expect((await install(w, onDefaultWebSite())).outcome).toBe('installed');
    expect(bindingsOf(w, 'Default Web Site')).toEqual([
      { protocol: 'http', bindingInformation: '*:80:', sslFlags: 0 },
      { protocol: 'https', bindingInformation: '*:443:', sslFlags: 0 },
      { protocol: 'net.tcp', bindingInformation: '808:*', sslFlags: 0 },
      { protocol: 'https', bindingInformation: '*:8443:', sslFlags: 0 },
      { protocol: 'net.tcp', bindingInformation: '809:*', sslFlags: 0 },
    ]);
    expect(w.readState().httpSys.sslCertificates.map((c: { ipPort: string; certificateHash: string }) => [c.ipPort, c.certificateHash])).toEqual([
      ['0.0.0.0:443', OTHER],
      ['0.0.0.0:8443', OURS],
    ]);
    expect(w.readState().iis.sites[0].applications[0]).toMatchObject({ physicalPath: '%SystemDrive%\\inetpub\\wwwroot', applicationPool: 'DefaultAppPool', enabledProtocols: 'http,net.tcp,https' });
    expect((await install(w, onDefaultWebSite())).outcome).toBe('unchanged');

    expect((await uninstall(w)).outcome).toBe('uninstalled');
    expect(snapshot(w.sandbox, supportDir)).toEqual(before);
  });

  it('replaces the certificate another site left on its port, and gives it back when a later step fails', async () => {
    const w = computer((state) => {
      withDefaultWebSiteInUse(state);
      state.iis.sites[0].bindings.push({ protocol: 'https', bindingInformation: '*:8443:', sslFlags: 0 });
      state.httpSys.sslCertificates.push({ ipPort: '0.0.0.0:8443', certificateHash: OTHER, certificateStoreName: 'My', appId: IIS_APP_ID });
      state.faults = [{ command: 'New-NetFirewallRule', occurrence: 1, message: 'Injected: the firewall service is stopped.' }];
    });
    const before = snapshot(w.sandbox, await supportDirOf(w));
    const result = await install(w, onDefaultWebSite());
    expect(result.outcome).toBe('rolled-back');
    expect(result.failure?.message).toMatch(/Injected: the firewall service is stopped/);
    expect(snapshot(w.sandbox, await supportDirOf(w))).toEqual(before);
  });
});

describe('installing on an IIS whose last website was removed (6h)', SLOW, () => {
  it('creates the website with an id of its own, which New-Website needs there', async () => {
    const w = computer((state) => (state.iis.sites = []));
    const supportDir = await supportDirOf(w);
    const before = snapshot(w.sandbox, supportDir);
    const result = await install(w, goodSettings());
    expect(result.failure?.message).toBeUndefined();
    expect(result.outcome).toBe('installed');
    expect(w.readState().iis.sites.map((s: { name: string; id: number }) => [s.name, s.id])).toEqual([['AsyncServerSite', 1]]);
    expect((await uninstall(w)).outcome).toBe('uninstalled');
    expect(snapshot(w.sandbox, supportDir)).toEqual(before);
  });
});

describe('installing with an application pool of that name already there (6j)', SLOW, () => {
  const pool = (userName: string, password: string, runtime = 'v4.0') => (state: FakeState) => {
    state.iis.appPools.push({
      name: 'AsyncServer', managedRuntimeVersion: runtime, managedPipelineMode: 'Integrated', autoStart: true, startMode: 'OnDemand', state: 'Started',
      processModel: { identityType: 'SpecificUser', userName, passwordSha256: sha256(password) },
    });
  };

  it('keeps a pool that runs as the settings user with its own password, through install and uninstall', async () => {
    const w = computer(pool('CONTOSO\\svc-async', 'their-own-password', 'v2.0'));
    const supportDir = await supportDirOf(w);
    const before = snapshot(w.sandbox, supportDir);
    expect((await install(w, goodSettings())).outcome).toBe('installed');
    const installed = w.readState().iis.appPools.find((p: { name: string }) => p.name === 'AsyncServer');
    expect(installed).toMatchObject({ managedRuntimeVersion: 'v4.0', processModel: { identityType: 'SpecificUser', userName: 'CONTOSO\\svc-async', passwordSha256: sha256('their-own-password') } });
    expect((await uninstall(w)).outcome).toBe('uninstalled');
    expect(snapshot(w.sandbox, supportDir)).toEqual(before);
  });

  it('never writes another user with the new password: a pool running as someone else is refused before any change', async () => {
    const w = computer(pool('CONTOSO\\svc-aos', 'their-own-password'));
    const before = snapshot(w.sandbox, await supportDirOf(w));
    const result = await install(w, goodSettings());
    // The prerequisite gate's accounts check names it first.
    expect(result.outcome).toBe('refused');
    expect(result.failedChecks?.find((c) => c.id === 'accounts')?.details).toMatch(/^The application pool AsyncServer already runs as CONTOSO\\svc-aos\./);
    expect(snapshot(w.sandbox, await supportDirOf(w))).toEqual(before);
    // And the operation itself, should the pool appear after the gate: it writes nothing.
    const ctx = { host: w.host, supportDir: await supportDirOf(w), secrets: { appPoolPassword: CANARY }, signal: new AbortController().signal, log: () => {} };
    await expect(appPoolOperation('AsyncServer', { written: 'CONTOSO\\svc-async', name: 'CONTOSO\\svc-async', builtIn: null, virtual: false }).apply(ctx)).rejects.toThrow(/already runs as CONTOSO\\svc-aos/);
    expect(w.readState().iis.appPools[1].processModel).toEqual({ identityType: 'SpecificUser', userName: 'CONTOSO\\svc-aos', passwordSha256: sha256('their-own-password') });
    expect(snapshot(w.sandbox, await supportDirOf(w))).toEqual(before);
  });
});
