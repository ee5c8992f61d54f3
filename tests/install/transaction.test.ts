import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../electron/engine/executor/journal';
import { readInstances } from '../../electron/engine/instances/registry';
import { buildPlan, PlanError } from '../../electron/engine/plan/build-plan';
import { commandLines, EXISTING, MACHINES, type TestMachine } from './machines';
import { allFiles, CANARY, CHOICES, goodSettings, install, rehearsal, serviceOn, SHARED_DATABASE, snapshot } from './support';

const uninstall = (env: Pick<TestMachine, 'host' | 'supportDir'>, name: string) => serviceOn(env).uninstall(name, { secrets: {} });

describe('the installation plan', () => {
  it('lists every step in order, with the net.tcp binding only when a TCP port is set', async () => {
    const env = await rehearsal();
    const plan = await buildPlan(env.host, env.supportDir, { settings: goodSettings(), choices: CHOICES, passwordProvided: true });
    // The message database feature's operations come between the firewall rules and the instance record.
    const kinds = plan.operations.map((o) => o.kind);
    const ours = new Set(['folder', 'files', 'app-config', 'service', 'iis.app-pool', 'iis.site', 'certificate-key', 'iis.net-tcp', 'iis.application', 'acl', 'firewall', 'instance']);
    expect(kinds.filter((k) => ours.has(k))).toEqual([
      'folder', 'folder', 'files', 'folder', 'files', 'app-config', 'service', 'service', 'service', 'service', 'iis.app-pool', 'iis.site', 'certificate-key', 'iis.net-tcp', 'iis.application', 'acl', 'acl', 'firewall', 'firewall', 'instance',
    ]);
    const database = kinds.map((k, i) => (ours.has(k) ? -1 : i)).filter((i) => i >= 0);
    for (const i of database) expect(i).toBeGreaterThan(kinds.lastIndexOf('firewall'));
    expect(plan.notes.join(' ')).toMatch(/sample payload/);
    const noTcp = await buildPlan(env.host, env.supportDir, { settings: goodSettings({ WebSiteTcpPort: '' }), choices: CHOICES, passwordProvided: true });
    expect(noTcp.operations.map((o) => o.kind)).not.toContain('iis.net-tcp');
  });

  it('only places the files when Configure Async Server by using Setup is cleared', async () => {
    const env = await rehearsal();
    const plan = await buildPlan(env.host, env.supportDir, { settings: goodSettings({ WebSiteHttpsPort: '' }), choices: { ...CHOICES, configure: false }, passwordProvided: false });
    expect(new Set(plan.operations.map((o) => o.kind))).toEqual(new Set(['folder', 'files', 'programs-entry', 'instance']));
  });

  it('refuses bad settings with the field named', async () => {
    const env = await rehearsal();
    const err = await buildPlan(env.host, env.supportDir, { settings: goodSettings({ WebSiteHttpsPort: '70000' }), choices: CHOICES, passwordProvided: true }).catch((e) => e);
    expect(err).toBeInstanceOf(PlanError);
    expect(err.message).toMatch(/WebSiteHttpsPort/);
  });
});

// Windows in PowerShell starts pwsh for each machine and runs every change as a script: minutes, not milliseconds.
const SLOW = { timeout: 300_000 };

describe.each(MACHINES)('installing on $name', SLOW, (kind) => {
  const machines: TestMachine[] = [];
  const fresh = async () => {
    const m = await kind.fresh();
    machines.push(m);
    return m;
  };
  afterEach(async () => {
    await Promise.all(machines.splice(0).map((m) => m.close()));
  });

  it('installs, then changes nothing the second time and says so', async () => {
    const env = await fresh();
    const first = await install(env);
    expect(first.outcome, first.message).toBe('installed');
    const after = snapshot(env.sandbox, env.supportDir);
    expect(after['drives/C/inetpub/AsyncServerSite/AsyncServer/web.config']).toBeDefined();
    expect((await env.host.machine.readSite('AsyncServerSite'))?.bindings).toEqual([
      { protocol: 'https', bindingInformation: '*:8443:', certificateThumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B', certificateStore: 'My' },
      { protocol: 'net.tcp', bindingInformation: '808:*' },
    ]);
    const second = await install(env);
    expect(second.outcome).toBe('unchanged');
    expect(second.message).toMatch(/Nothing changed/);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(after);
  });

  it('keeps the canary password out of every file, log and journal, and off every command line', async () => {
    const env = await fresh();
    const lines: string[] = [];
    const result = await install(env, goodSettings(), { onProgress: () => lines.push(...commandLines(env.host)) });
    expect(result.outcome, result.message).toBe('installed');
    await install(env);
    for (const file of [...allFiles(env.sandbox), ...env.outsideFiles]) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);
    if (env.host.kind === 'windows') expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(CANARY);
  });

  it('runs two instances side by side and uninstalls one, leaving the other intact', async () => {
    const env = await fresh();
    const before = snapshot(env.sandbox, env.supportDir);
    expect((await install(env)).outcome).toBe('installed');
    const onlyFirst = snapshot(env.sandbox, env.supportDir);
    const second = goodSettings({ WebApplicationName: 'AsyncServer2', AppPoolName: 'AsyncServer2' });
    expect((await install(env, second, {}, SHARED_DATABASE)).outcome).toBe('installed');
    expect(readInstances(env.supportDir).map((i) => i.name)).toEqual(['AsyncServer', 'AsyncServer2']);

    const removed = await uninstall(env, 'AsyncServer2');
    expect(removed.outcome, removed.message).toBe('uninstalled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(onlyFirst);
    expect((await uninstall(env, 'AsyncServer')).outcome).toBe('uninstalled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('refuses an instance that would collide with an installed one', async () => {
    const env = await fresh();
    await install(env);
    const clash = goodSettings({ WebApplicationName: 'Other', WebSiteName: 'OtherSite', WebSiteWorkingFolder: 'C:\\inetpub\\Other' });
    const err = await buildPlan(env.host, env.supportDir, { settings: clash, choices: CHOICES, passwordProvided: true }).catch((e) => e);
    expect(err.kind).toBe('conflict');
    expect(err.message).toMatch(/Port 8443 is already used/);
  });

  it('cancelled before the end undoes everything it did', async () => {
    const env = await fresh();
    const before = snapshot(env.sandbox, env.supportDir);
    const controller = new AbortController();
    const result = await install(env, goodSettings(), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.operationId.startsWith('iis.site') && p.status === 'applied') controller.abort();
      },
    });
    expect(result.outcome).toBe('cancelled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });
});

describe.each(MACHINES)('a fault at any operation on $name', SLOW, async (kind) => {
  const { cases, untestable } = await kind.faultCases();
  it('fails every operation that changes the computer through the machine it runs on', () => {
    // Windows in PowerShell cannot fail what does not go through PowerShell: files, folders and the application's
    // configuration file (Node's fs), the message database (the rehearsal's SQL) and the instance record. The
    // rehearsal host fails every operation.
    const elsewhere = new Set(['folder', 'files', 'app-config', 'instance', 'sql.database', 'sql.instance', 'sql.login', 'sql.role', 'sql.script']);
    expect(untestable.filter((id) => !elsewhere.has(id.split(':')[0]))).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });
  // Each case is a machine of its own, so they run side by side.
  it.concurrent.for(cases)('$operationId: rolls the machine back to exactly its state before', async ({ operationId: id, machine }, { expect }) => {
    const faulty = await machine();
    try {
      const otherPlan = await buildPlan(faulty.host, faulty.supportDir, { settings: EXISTING, choices: CHOICES, passwordProvided: true });
      // Where the first instance shares the faulty operation (the Retail Salt Utility), the machine starts empty instead.
      const installed = !otherPlan.operations.some((o) => o.id === id);
      if (installed) expect((await install(faulty, EXISTING)).outcome).toBe('installed');
      const before = snapshot(faulty.sandbox, faulty.supportDir);
      const result = await install(faulty, goodSettings(), {}, installed ? SHARED_DATABASE : CHOICES);
      expect(result.outcome, result.message).toBe('rolled-back');
      expect(result.failure).toEqual({ operationId: id, message: expect.stringContaining(`Injected fault at ${id}`) });
      expect(snapshot(faulty.sandbox, faulty.supportDir)).toEqual(before);
      const journal = readJournal(result.journalFile);
      expect(journal.at(-1)).toMatchObject({ type: 'run.end', outcome: 'rolled-back' });
    } finally {
      await faulty.close();
    }
  });
});
