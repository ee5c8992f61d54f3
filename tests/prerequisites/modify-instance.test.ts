import { describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/create-engine';
import { bindingPort } from '../../electron/engine/hosts/machine/binding-port';
import { UnknownInstanceError } from '../../electron/engine/prerequisites/modified-instance';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import type { ValidationRequest } from '../../electron/engine/prerequisites/run-validation';
import type { Settings } from '../../shared/components/async-server/parameters';
import { CHOICES, goodSettings, install, rehearsal } from '../install/support';

type Env = Awaited<ReturnType<typeof rehearsal>>;

/** A rehearsal machine with the instance AsyncServer installed (website AsyncServerSite, HTTPS 8443, TCP 808). */
async function withInstalledInstance(): Promise<Env> {
  const env = await rehearsal();
  expect((await install(env)).outcome).toBe('installed');
  return env;
}

function request(settings: Settings, instance?: string): ValidationRequest {
  return { stage: 'after-configure', components: ['async-server'], settings, configure: true, passwordProvided: true, database: CHOICES.database, ...(instance ? { instance } : {}) };
}

async function validate(env: Env, settings: Settings, instance?: string) {
  return validatePrerequisites(request(settings, instance), { host: env.host, toolVersion: 't', supportDir: env.supportDir });
}

const ports = (report: Awaited<ReturnType<typeof validate>>) => report.results.find((r) => r.id === 'ports')!;

const SECOND = goodSettings({ WebApplicationName: 'AsyncServer2', WebSiteName: 'OtherSite', AppPoolName: 'AsyncServer2', WebApplicationWorkingFolder: 'C:\\inetpub\\AsyncServer2' });

describe('the ports check on a computer where an instance is installed', () => {
  it('refuses a second instance on the HTTPS port the installed website holds, as IIS would on a real server', async () => {
    const env = await withInstalledInstance();
    const result = ports(await validate(env, SECOND));
    expect(result.status).toBe('error');
    expect(result.details).toContain('HTTPS port 8443 is in use: IIS listens on it for the website AsyncServerSite.');
    // Its net.tcp port is held by the Net.Tcp Port Sharing Service, as on a real server: net.tcp shares it.
    expect(result.details).toContain('TCP port 808 is held by the Net.Tcp Port Sharing Service (SMSvcHost.exe)');
  });

  it('lets a second instance share the installed website on its ports (the plan allows it), saying it joins it', async () => {
    const env = await withInstalledInstance();
    const result = ports(await validate(env, { ...SECOND, WebSiteName: 'AsyncServerSite' }));
    expect(result.status).toBe('passed');
    expect(result.details).toContain('HTTPS port 8443 is bound by the website AsyncServerSite, which this instance joins: it is not in the way.');
  });

  it('passes a modify of that instance keeping its ports, saying they are its own binding', async () => {
    const env = await withInstalledInstance();
    const report = await validate(env, goodSettings(), 'asyncserver');
    const result = ports(report);
    expect(result.status).toBe('passed');
    expect(result.details).toContain("HTTPS port 8443 is this instance's own binding (the website AsyncServerSite of AsyncServer)");
    expect(result.details).toContain("TCP port 808 is this instance's own binding");
    // Nothing else trips on the instance's own state either: its folders, its message database (create mode) and its certificate.
    expect(report.results.filter((r) => r.status === 'error')).toEqual([]);
    expect(report.results.find((r) => r.id === 'sql-server')?.status).toBe('passed');
  });

  it('refuses a modify that moves the instance to a port another program uses', async () => {
    const env = await withInstalledInstance();
    const result = ports(await validate(env, goodSettings({ WebSiteHttpsPort: '1433' }), 'AsyncServer'));
    expect(result.status).toBe('error');
    expect(result.details).toContain('HTTPS port 1433 is in use: the scenario has a program listening on port 1433.');
    expect(result.details).toContain("TCP port 808 is this instance's own binding");
  });

  it('passes a modify to a free port, and its old binding does not matter', async () => {
    const env = await withInstalledInstance();
    const result = ports(await validate(env, goodSettings({ WebSiteHttpsPort: '9443' }), 'AsyncServer'));
    expect(result.status).toBe('passed');
    expect(result.details).toContain('HTTPS port 9443 is free.');
  });

  it('refuses a modify that moves the instance to another website on the port its old website still holds', async () => {
    const env = await withInstalledInstance();
    const result = ports(await validate(env, goodSettings({ WebSiteName: 'NewSite' }), 'AsyncServer'));
    expect(result.status).toBe('error');
    expect(result.details).toContain('the website AsyncServerSite of AsyncServer holds it, and these settings move the instance to the website NewSite');
  });

  it('refuses to validate a modify of an instance the registry does not know, naming the ones it does', async () => {
    const env = await withInstalledInstance();
    const err = await validate(env, goodSettings(), 'Nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownInstanceError);
    expect((err as Error).message).toBe('No installed instance is named Nope: the instances on this computer are AsyncServer.');
  });
});

describe('prerequisites.run with an instance', () => {
  it('answers not-found, naming the field, for an instance the registry does not know, and validates a known one', async () => {
    const env = await withInstalledInstance();
    const engine = createEngine({ host: env.host, toolVersion: 'test' });
    const base = { runId: 'r1', stage: 'after-configure', components: ['async-server'], settings: goodSettings(), configure: true, passwordProvided: true, database: CHOICES.database };
    const unknown = await engine.dispatch('prerequisites.run', { ...base, instance: 'Nope' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatchObject({ code: 'not-found', field: 'instance', message: 'No installed instance is named Nope: the instances on this computer are AsyncServer.' });
    const known = await engine.dispatch('prerequisites.run', { ...base, instance: 'AsyncServer' });
    expect(known.ok && (known.value as { report: { summary: { errors: number } } }).report.summary.errors).toBe(0);
  });
});

describe('bindingPort', () => {
  it('reads the port of IIS binding information in its https and net.tcp forms', () => {
    expect(bindingPort({ protocol: 'https', bindingInformation: '*:8443:' })).toBe(8443);
    expect(bindingPort({ protocol: 'https', bindingInformation: '10.0.0.5:443:async.contoso.com' })).toBe(443);
    expect(bindingPort({ protocol: 'net.tcp', bindingInformation: '808:*' })).toBe(808);
    expect(bindingPort({ protocol: 'net.tcp', bindingInformation: '*' })).toBeNull();
  });
});
