import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan, type Plan } from '../../electron/engine/plan/build-plan';
import type { OperationContext } from '../../electron/engine/plan/operation';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import type { Settings } from '../../shared/components/async-server/parameters';
import { CANARY, CHOICES, goodSettings } from '../install/support';
import { fakeWindows, type FakeState, type FakeWindows } from '../support/fake-windows';
import { defaultScenarioCopy } from '../support/scenario-copy';

/**
 * The accounts as the real WindowsHost resolves and grants them: its PowerShell in pwsh against the fake Windows, which
 * refuses what Windows refuses (`.\user` in NTAccount, an English built-in name on a German Windows, an unknown name).
 */
const SLOW = { timeout: 180_000 };
const computers: FakeWindows[] = [];
afterAll(() => Promise.all(computers.map((w) => w.host.close())));

function computer(patch: (state: FakeState) => void = () => {}, scenario?: (s: Record<string, any>) => void, env?: Record<string, string>) {
  const w = fakeWindows({ patch, scenarioFile: scenario ? defaultScenarioCopy(scenario) : undefined, env });
  computers.push(w);
  return w;
}

const german = (state: FakeState) => (state.computer.language = 'de-DE');

/** Plans on the fake computer and applies every step in order, as the executor does (without its journal). */
async function installOn(w: FakeWindows, patch: Partial<Settings>): Promise<Plan> {
  const supportDir = await new SupportFiles(w.host).realDir();
  const plan = await buildPlan(w.host, supportDir, { settings: goodSettings(patch), choices: CHOICES, passwordProvided: true });
  const ctx: OperationContext = { host: w.host, supportDir, secrets: { appPoolPassword: CANARY }, signal: new AbortController().signal, log: () => {} };
  for (const op of plan.operations) if (!(await op.isDone(ctx))) await op.apply(ctx);
  return plan;
}

const aclOf = (w: FakeWindows, folder: string) => (w.readState().acl[folder.toLowerCase()] ?? []) as { identity: string; sid: string; rights: string }[];
const sqlLogins = (w: FakeWindows, server = 'sqlhq01') => JSON.parse(readFileSync(path.join(w.sandbox, 'state', 'sql.json'), 'utf8')).servers[server].logins as string[];
const APP = 'C:\\inetpub\\AsyncServerSite\\AsyncServer';

describe('the built-in accounts by their well-known SIDs, on a German Windows (6c)', () => {
  it('resolves S-1-5-20 to the German name, and refuses the English one as German Windows does', SLOW, async () => {
    const w = computer(german);
    expect(await w.host.facts.resolveAccounts(['S-1-5-20', 'NT AUTHORITY\\NETWORK SERVICE'])).toEqual({
      'S-1-5-20': { name: 'NT-AUTORITÄT\\NETZWERKDIENST', sid: 'S-1-5-20' },
      'NT AUTHORITY\\NETWORK SERVICE': null,
    });
  });

  // One spelling of the many (each maps to the same account: tests/accounts/service-accounts.test.ts), installed.
  it(
    'installs with NT AUTHORITY\\NetworkService: the pool runs as Network Service and the folder grant is to S-1-5-20',
    async () => {
      const w = computer(german);
      const plan = await installOn(w, { AppPoolUser: 'NT AUTHORITY\\NetworkService', AOSServiceUser: 'CONTOSO\\svc-aos' });
      expect(plan.operations.find((o) => o.kind === 'iis.app-pool')?.details.identityType).toBe('NetworkService');
      expect(w.readState().iis.appPools.find((p: { name: string }) => p.name === 'AsyncServer').processModel.identityType).toBe('NetworkService');
      expect(aclOf(w, APP)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ identity: 'NT-AUTORITÄT\\NETZWERKDIENST', sid: 'S-1-5-20' }),
          expect.objectContaining({ identity: 'CONTOSO\\svc-aos' }),
        ]),
      );
      expect(await w.host.machine.readAccess(APP, 'S-1-5-20')).toEqual({ path: APP, identity: 'S-1-5-20', rights: 'ReadAndExecute' });
      await w.host.machine.removeAccess(APP, 'S-1-5-20');
      expect(aclOf(w, APP).map((r) => r.sid)).not.toContain('S-1-5-20');
    },
    SLOW.timeout,
  );
});

describe('a UPN, translated by the computer (6d)', () => {
  it('becomes CONTOSO\\svc-async for the pool, the folder and the SQL login', SLOW, async () => {
    const w = computer();
    await installOn(w, { AppPoolUser: 'svc-async@contoso.com' });
    expect(w.readState().iis.appPools.find((p: { name: string }) => p.name === 'AsyncServer').processModel.userName).toBe('CONTOSO\\svc-async');
    expect(aclOf(w, APP).map((r) => r.identity)).toContain('CONTOSO\\svc-async');
    expect(sqlLogins(w)).toContain('CONTOSO\\svc-async');
    expect(sqlLogins(w)).not.toContain('svc-async@contoso.com');
  });
});

describe('.\\user, expanded once (6e)', () => {
  it('is granted and given its login as CDX-HQ01\\svc-local, which NTAccount can read', SLOW, async () => {
    const w = computer(
      () => {},
      (s) => {
        s.accounts.push('CDX-HQ01\\svc-local');
        s.sqlServers.push({ name: 'CDX-HQ01', logins: [], databases: [] });
      },
    );
    // The fake, as Windows, cannot read the form itself.
    await expect(w.host.machine.readAccess('C:\\inetpub', '.\\svc-local')).rejects.toThrow(/could not be translated/);
    await installOn(w, { AppPoolUser: '.\\svc-local', HQMessageDatabaseServerName: 'localhost' });
    expect(aclOf(w, APP).map((r) => r.identity)).toContain('CDX-HQ01\\svc-local');
    expect(sqlLogins(w, 'cdx-hq01')).toContain('CDX-HQ01\\svc-local');
  });
});

describe('the computer account, asked of the computer (6g)', () => {
  it('is FABRIKAM\\CDX-HQ01$ on a FABRIKAM member where the admin signs in from CONTOSO', SLOW, async () => {
    const w = computer((state) => {
      state.computer.domain = 'FABRIKAM';
      state.computer.dnsDomain = 'fabrikam.example';
      state.computer.userDomain = 'CONTOSO';
    });
    expect(await w.host.environment()).toMatchObject({ USERDOMAIN: 'CONTOSO' });
    expect(await w.host.facts.computerIdentity()).toMatchObject({ machineAccount: 'FABRIKAM\\CDX-HQ01$', dnsNames: ['CDX-HQ01', 'CDX-HQ01.fabrikam.example'] });
    await installOn(w, { AOSServiceUser: 'NT Authority\\Network Service' });
    expect(sqlLogins(w)).toContain('FABRIKAM\\CDX-HQ01$');
    expect(sqlLogins(w)).not.toContain('CONTOSO\\CDX-HQ01$');
  });

  it('is none in a workgroup', SLOW, async () => {
    const w = computer((state) => (state.computer.domain = null));
    expect(await w.host.facts.computerIdentity()).toMatchObject({ dnsDomain: null, machineAccount: null });
  });
});

describe('sqlcmd, found as Windows PowerShell 4.0 can find it (6i)', () => {
  it('reports the path of sqlcmd.exe from ApplicationInfo.Path', SLOW, async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'cdx-sqlcmd-'));
    const sqlcmd = path.join(bin, 'sqlcmd.exe');
    writeFileSync(sqlcmd, '#!/bin/sh\n');
    chmodSync(sqlcmd, 0o755);
    const w = computer(() => {}, undefined, { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    expect((await w.host.facts.computer()).sqlcmd).toBe(sqlcmd);
  });
});
