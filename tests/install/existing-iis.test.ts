import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/components/async-server/parameters';
import { CANARY, CHOICES, goodSettings, install as installThrough, rehearsal, serviceOn, snapshot } from './support';

type Env = Awaited<ReturnType<typeof rehearsal>>;

const OTHER_THUMBPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';
const OURS = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';

/** IIS as installed, with WCF's net.tcp binding and an HTTPS site of its own on 443. */
async function defaultWebSite(env: Env) {
  await env.host.machine.writeSite({
    name: 'Default Web Site',
    physicalPath: 'C:\\inetpub\\wwwroot',
    appPool: 'DefaultAppPool',
    enabledProtocols: 'http,net.tcp',
    bindings: [
      { protocol: 'http', bindingInformation: '*:80:' },
      { protocol: 'https', bindingInformation: '*:443:', certificateThumbprint: OTHER_THUMBPRINT, certificateStore: 'My' },
      { protocol: 'net.tcp', bindingInformation: '808:*' },
    ],
  });
}

async function install(env: Env, settings: Settings) {
  return installThrough(env, settings, { secrets: { appPoolPassword: CANARY } }, CHOICES);
}

const iis = (env: Env) => JSON.parse(readFileSync(`${env.sandbox}/state/iis.json`, 'utf8'));
const onDefaultWebSite = (patch: Partial<Settings> = {}) => goodSettings({ WebSiteName: 'Default Web Site', WebSiteWorkingFolder: 'C:\\inetpub\\wwwroot', WebSiteTcpPort: '809', ...patch });

describe('installing on an existing website', () => {
  it('adds only its own bindings to Default Web Site and uninstall gives back exactly what was there', async () => {
    const env = await rehearsal();
    await defaultWebSite(env);
    const before = snapshot(env.sandbox, env.supportDir);
    expect((await install(env, onDefaultWebSite())).outcome).toBe('installed');
    const site = iis(env).sites['default web site'];
    expect(site.bindings).toEqual([
      { protocol: 'http', bindingInformation: '*:80:' },
      { protocol: 'https', bindingInformation: '*:443:', certificateThumbprint: OTHER_THUMBPRINT, certificateStore: 'My' },
      { protocol: 'net.tcp', bindingInformation: '808:*' },
      { protocol: 'https', bindingInformation: '*:8443:', certificateThumbprint: OURS, certificateStore: 'My' },
      { protocol: 'net.tcp', bindingInformation: '809:*' },
    ]);
    expect(site).toMatchObject({ physicalPath: 'C:\\inetpub\\wwwroot', appPool: 'DefaultAppPool', enabledProtocols: 'http,net.tcp,https' });
    expect((await install(env, onDefaultWebSite())).outcome).toBe('unchanged');

    expect((await serviceOn(env).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('shares the net.tcp binding the site already has, and keeps it on uninstall', async () => {
    const env = await rehearsal();
    await defaultWebSite(env);
    const before = snapshot(env.sandbox, env.supportDir);
    expect((await install(env, onDefaultWebSite({ WebSiteTcpPort: '808' }))).outcome).toBe('installed');
    expect(iis(env).sites['default web site'].bindings.filter((b: { protocol: string }) => b.protocol === 'net.tcp')).toEqual([{ protocol: 'net.tcp', bindingInformation: '808:*' }]);
    expect((await serviceOn(env).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('replaces the certificate on its own port and gives the one that was there back on rollback', async () => {
    const env = await rehearsal([{ operation: 'iis.application:Default Web Site/AsyncServer' }]);
    await defaultWebSite(env);
    await env.host.machine.writeBinding('Default Web Site', { protocol: 'https', bindingInformation: '*:8443:', certificateThumbprint: OTHER_THUMBPRINT, certificateStore: 'My' });
    const before = snapshot(env.sandbox, env.supportDir);
    const result = await install(env, onDefaultWebSite());
    expect(result.outcome).toBe('rolled-back');
    expect(result.failure?.operationId).toBe('iis.application:Default Web Site/AsyncServer');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it.each(['iis.site:Default Web Site', 'iis.net-tcp:Default Web Site'])('a fault at %s leaves Default Web Site as it was', async (id) => {
    const env = await rehearsal([{ operation: id }]);
    await defaultWebSite(env);
    const before = snapshot(env.sandbox, env.supportDir);
    expect((await install(env, onDefaultWebSite())).outcome).toBe('rolled-back');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });
});

describe('installing with an existing application pool', () => {
  it('keeps a pool that runs as the settings user, and its password, through install and uninstall', async () => {
    const env = await rehearsal();
    await env.host.machine.writeAppPool({ name: 'AsyncServer', identityType: 'SpecificUser', userName: 'contoso\\SVC-ASYNC', managedRuntimeVersion: 'v2.0', pipelineMode: 'Classic' }, 'their-own-password');
    const before = snapshot(env.sandbox, env.supportDir);
    expect((await install(env, goodSettings())).outcome).toBe('installed');
    // Same account in another case: no change of identity, so no password is written.
    expect(iis(env).appPools.asyncserver).toEqual({
      name: 'AsyncServer', identityType: 'SpecificUser', userName: 'contoso\\SVC-ASYNC', passwordOf: 'contoso\\SVC-ASYNC', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated',
    });
    // Undo writes the pool back without a password, which keeps the user's own.
    expect((await serviceOn(env).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('refuses to replace another specific user, whose password it could not give back, and changes nothing', async () => {
    const env = await rehearsal();
    await env.host.machine.writeAppPool({ name: 'AsyncServer', identityType: 'SpecificUser', userName: 'CONTOSO\\someone-else', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' }, 'their-own-password');
    const before = snapshot(env.sandbox, env.supportDir);
    const result = await install(env, goodSettings());
    // The prerequisite gate's accounts check finds it before the first change.
    expect(result.outcome).toBe('refused');
    const accounts = result.failedChecks?.find((c) => c.id === 'accounts');
    expect(`${accounts?.details} ${accounts?.fix}`).toMatch(/already runs as CONTOSO\\someone-else.*Set AppPoolUser to CONTOSO\\someone-else, choose another AppPoolName/);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('gives a built-in identity back without the password it was given', async () => {
    const env = await rehearsal([{ operation: 'iis.site:AsyncServerSite' }]);
    await env.host.machine.writeAppPool({ name: 'AsyncServer', identityType: 'NetworkService', userName: '', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' });
    const before = snapshot(env.sandbox, env.supportDir);
    expect((await install(env, goodSettings())).outcome).toBe('rolled-back');
    expect(iis(env).appPools.asyncserver).toEqual({ name: 'AsyncServer', identityType: 'NetworkService', userName: '', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' });
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });
});
