import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { neededServices, serviceOperation } from '../../electron/engine/plan/operations/services';
import { install, rehearsal, serviceOn, snapshot, STOPPED_SERVICES } from './support';

describe('the services an installation needs', () => {
  it('starts stopped services with a start mode that survives a restart; uninstall gives back their modes and states', async () => {
    const env = await rehearsal([], STOPPED_SERVICES);
    const before = snapshot(env.sandbox, env.supportDir);
    expect((await install(env)).outcome).toBe('installed');
    const services = await Promise.all(['WAS', 'W3SVC', 'NetTcpPortSharing', 'NetTcpActivator'].map((n) => env.host.machine.readService(n)));
    expect(services).toEqual([
      { name: 'WAS', startMode: 'Manual', running: true },
      { name: 'W3SVC', startMode: 'Automatic', running: true },
      { name: 'NetTcpPortSharing', startMode: 'Manual', running: true },
      { name: 'NetTcpActivator', startMode: 'Automatic', running: true },
    ]);
    // One service manager (state/scm.json) for the services of Windows and those an installation creates.
    expect(JSON.parse(readFileSync(`${env.sandbox}/state/scm.json`, 'utf8')).services.nettcpportsharing).toMatchObject({ name: 'NetTcpPortSharing', startType: 'Manual', status: 'Running', account: 'NT AUTHORITY\\LocalService' });
    expect((await install(env)).outcome).toBe('unchanged');
    expect((await serviceOn(env).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(await env.host.machine.readService('NetTcpPortSharing')).toEqual({ name: 'NetTcpPortSharing', startMode: 'Disabled', running: false });
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('refuses, before any change, a machine where a service is not installed, naming the role service', async () => {
    const env = await rehearsal([], { WAS: null });
    const before = snapshot(env.sandbox, env.supportDir);
    const result = await install(env);
    expect(result.outcome).toBe('refused');
    expect(result.failedChecks?.map((c) => [c.id, c.details])).toEqual([['services', 'The Windows Process Activation Service (WAS) is not installed; it starts the application pool.']]);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
    // The operation itself says the same, should the service go between the gate and its step.
    const ctx = { host: env.host, supportDir: env.supportDir, secrets: {}, signal: new AbortController().signal, log: () => {} };
    await expect(serviceOperation(neededServices('')[0]).apply(ctx)).rejects.toThrow(/Windows Process Activation Service \(WAS\) is not installed.*Install-WindowsFeature WAS-Process-Model/);
  });
});
