import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/engine/hosts/host';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { buildPlan } from '../../electron/engine/plan/build-plan';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import { fakeWindows, sqlcmdOnPath } from '../support/fake-windows';
import { defaultScenarioCopy } from '../support/scenario-copy';
import { CHOICES, goodSettings, install, serviceOn, SHARED_DATABASE, snapshot } from './support';

const THUMBPRINT = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';
const OP = `certificate-key:${THUMBPRINT}:contoso\\svc-async`;
const SLOW = { timeout: 300_000 };

interface KeyMachine {
  host: Host;
  supportDir: string;
  sandbox: string;
  close(): Promise<void>;
}

/** Both machines, from one scenario: the rehearsal host, and Windows in PowerShell against the fake. */
const MACHINES: { name: string; make(scenarioFile: string): Promise<KeyMachine> }[] = [
  {
    name: 'the rehearsal host',
    async make(scenarioFile) {
      const sandbox = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdx-key-')), 'machine');
      const host = new RehearsalHost(loadScenario(scenarioFile), sandbox);
      return { host, supportDir: await new SupportFiles(host).realDir(), sandbox, close: async () => {} };
    },
  },
  {
    name: 'Windows in PowerShell',
    async make(scenarioFile) {
      const w = fakeWindows({ scenarioFile, env: sqlcmdOnPath() });
      return { host: w.host, supportDir: await new SupportFiles(w.host).realDir(), sandbox: w.sandbox, close: () => w.host.close() };
    },
  },
];

/** The default scenario with the Async Server certificate's key stored as `key` says. */
const scenarioWithKey = (key: Record<string, unknown>) =>
  defaultScenarioCopy((s) => {
    s.certificates[0].key = key;
  });

describe.each(MACHINES)('the private key of the HTTPS certificate, installing on $name', SLOW, ({ make }) => {
  const machines: KeyMachine[] = [];
  const machine = async (key: Record<string, unknown>) => {
    const m = await make(scenarioWithKey(key));
    machines.push(m);
    return m;
  };
  afterEach(async () => {
    await Promise.all(machines.splice(0).map((m) => m.close()));
  });
  const keyFile = async (m: KeyMachine) => ((await m.host.machine.findCertificateKey(THUMBPRINT, 'My')) as { file: string }).file;
  const statuses = () => {
    const seen = new Map<string, string>();
    return { seen, onProgress: (p: { phase: string; operationId: string; status: string }) => p.phase === 'apply' && seen.set(p.operationId, p.status) };
  };

  it('grants the app pool identity Read on a CNG key, shown on the plan with the certificate and the identity, and uninstall takes exactly that rule away', async () => {
    const m = await machine({ provider: 'CNG', name: 'async-server-cng' });
    const plan = await buildPlan(m.host, m.supportDir, { settings: goodSettings(), choices: CHOICES, passwordProvided: true });
    const step = plan.operations.find((o) => o.id === OP)!;
    // The subject as the host's store lists it (.NET on Linux orders its parts the other way round).
    const subject = (await m.host.listCertificates('LocalMachine', 'My')).find((c) => c.thumbprint === THUMBPRINT)!.subject;
    expect(subject).toMatch(/CN=cdx-hq01\.contoso\.com/);
    expect(step.description).toBe(`Grant CONTOSO\\svc-async Read permission on the private key of the certificate "${subject}" (${THUMBPRINT}) (the application pool AsyncServer uses it for HTTPS on port 8443)`);
    const kinds = plan.operations.map((o) => o.kind);
    expect(kinds.indexOf('certificate-key')).toBeGreaterThan(kinds.indexOf('iis.site'));
    const before = snapshot(m.sandbox, m.supportDir);
    const run = statuses();
    expect((await install(m, goodSettings(), { onProgress: run.onProgress })).outcome).toBe('installed');
    expect(run.seen.get(OP)).toBe('applied');
    const file = await keyFile(m);
    expect(file).toBe('C:\\ProgramData\\Microsoft\\Crypto\\Keys\\async-server-cng');
    expect(await m.host.machine.readKeyAccess(file, 'CONTOSO\\svc-async')).toEqual({ file, identity: 'CONTOSO\\svc-async', rights: 0x120089 });
    // Installed again: every step, this one too, is found in place.
    expect((await install(m)).outcome).toBe('unchanged');
    expect((await serviceOn(m).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(await m.host.machine.readKeyAccess(file, 'CONTOSO\\svc-async')).toBeNull();
    expect(snapshot(m.sandbox, m.supportDir)).toEqual(before);
  });

  it('keeps the rule for a second instance whose pool runs as the same account when the first is uninstalled', async () => {
    const m = await machine({ provider: 'CNG', name: 'shared-key' });
    const file = await keyFile(m);
    expect((await install(m)).outcome).toBe('installed');
    const second = goodSettings({ WebApplicationName: 'Second', AppPoolName: 'Second', WebSiteName: 'SecondSite', WebSiteHttpsPort: '9443', WebSiteTcpPort: '909', WebSiteWorkingFolder: 'C:\\inetpub\\SecondSite', AppPoolUser: 'contoso\\SVC-ASYNC' });
    expect((await install(m, second, {}, SHARED_DATABASE)).outcome).toBe('installed');
    expect((await serviceOn(m).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(await m.host.machine.readKeyAccess(file, 'CONTOSO\\svc-async')).toMatchObject({ rights: 0x120089 });
  });

  it('finds the step done where the identity already has Read, and uninstall leaves that rule', async () => {
    const rules = [
      { identity: 'NT AUTHORITY\\SYSTEM', rights: 'FullControl' },
      { identity: 'BUILTIN\\Administrators', rights: 'FullControl' },
      { identity: 'CONTOSO\\svc-async', rights: 'Read' },
    ];
    const m = await machine({ provider: 'CSP', name: 'granted-before', rules });
    const file = await keyFile(m);
    const run = statuses();
    expect((await install(m, goodSettings(), { onProgress: run.onProgress })).outcome).toBe('installed');
    expect(run.seen.get(OP)).toBe('skipped');
    expect((await serviceOn(m).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(await m.host.machine.readKeyAccess(file, 'CONTOSO\\svc-async')).toEqual({ file, identity: 'CONTOSO\\svc-async', rights: 0x120089 });
  });

  it('adds Read to a rule that lacks it, and gives that rule back exactly on uninstall', async () => {
    const m = await machine({ provider: 'CSP', name: 'partial-rule' });
    const file = await keyFile(m);
    // ReadData alone (and Synchronize, which .NET adds): not enough to open the key.
    await m.host.machine.writeKeyAccess({ file, identity: 'CONTOSO\\svc-async', rights: 0x100001 });
    const before = snapshot(m.sandbox, m.supportDir);
    expect((await install(m)).outcome).toBe('installed');
    expect(await m.host.machine.readKeyAccess(file, 'CONTOSO\\svc-async')).toMatchObject({ rights: 0x120089 });
    expect((await serviceOn(m).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(await m.host.machine.readKeyAccess(file, 'CONTOSO\\svc-async')).toMatchObject({ rights: 0x100001 });
    expect(snapshot(m.sandbox, m.supportDir)).toEqual(before);
  });

  it('refuses to install when the key file is not on the computer, before anything changes, and the step itself would fail naming why', async () => {
    const m = await machine({ provider: 'CNG', name: 'on-an-hsm', onDisk: false });
    const before = snapshot(m.sandbox, m.supportDir);
    const result = await install(m);
    expect(result.outcome).toBe('refused');
    expect(result.message).toContain('Private key of the SSL certificate');
    expect(snapshot(m.sandbox, m.supportDir)).toEqual(before);
    const plan = await buildPlan(m.host, m.supportDir, { settings: goodSettings(), choices: CHOICES, passwordProvided: true });
    const step = plan.operations.find((o) => o.id === OP)!;
    const ctx = { host: m.host, supportDir: m.supportDir, secrets: {}, signal: new AbortController().signal, log: () => {} };
    await expect(step.apply(ctx)).rejects.toThrow(/is a CNG key whose file C:\\ProgramData\\Microsoft\\Crypto\\Keys\\on-an-hsm is not on this computer.*Import-PfxCertificate/);
    expect(snapshot(m.sandbox, m.supportDir)).toEqual(before);
  });
});
