import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import type { InstalledService } from '../../electron/engine/hosts/machine/machine';
import { fakeWindows } from '../support/fake-windows';

const CANARY = 'Canary-Service-Pa55!-4b1e';
const RIGHT = 'SeServiceLogonRight';
const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/** Async Client's Windows service and Log on as a service, through the production scripts in pwsh against the fake. */
describe('the installed service and user right scripts, in pwsh against the fake Windows', () => {
  // secedit's temporary template, export and database go to pwsh's temp folder, which must be empty afterwards.
  const temp = mkdtempSync(path.join(os.tmpdir(), 'cdx-rights-temp-'));
  // STORE01\svc-cdx's password is the canary (as a digest, the way the scenario's account passwords reach the fake).
  const w = fakeWindows({
    scenarioFile: path.join(scenariosRoot(), 'store', 'scenario.json'),
    env: { TMPDIR: temp },
    patch: (s) => (s.accounts.find((a: { name: string }) => a.name === 'STORE01\\svc-cdx').passwordSha256 = digest(CANARY)),
  });
  const m = w.host.machine;
  afterAll(() => w.host.close());
  const service: InstalledService = {
    name: 'CommerceDataExchangeAsyncClientService',
    displayName: 'Commerce Data Exchange: Async Client (CommerceDataExchangeAsyncClientService)',
    binaryPath: '"C:\\AsyncClientService\\AsyncClientService.exe"',
    account: 'STORE01\\svc-cdx',
    startType: 'Automatic',
    recovery: { restart: true, restartDelaySeconds: 60, resetSeconds: 86400 },
    status: 'Stopped',
  };
  const stored = () => w.readState().services.find((s: { name: string }) => s.name === service.name);

  it('creates the service with its account and recovery, refuses to start it as Windows would, starts it, reconfigures and deletes it, leaving the state as it was', async () => {
    const before = readFileSync(w.stateFile);
    expect(await m.readInstalledService(service.name)).toBeNull();
    await expect(m.writeInstalledService(service)).rejects.toThrow(/cannot be created for STORE01\\svc-cdx without its password/);
    await m.writeInstalledService(service, CANARY);
    expect(await m.readInstalledService(service.name)).toEqual(service);
    // The SCM keeps the password; the fake a digest of it, which shows it arrived intact and only there.
    expect(stored()).toMatchObject({ account: 'STORE01\\svc-cdx', passwordSha256: digest(CANARY), recovery: { resetSeconds: 86400, actions: [{ type: 'RESTART', delayMs: 60000 }, { type: 'RESTART', delayMs: 60000 }, { type: 'RESTART', delayMs: 60000 }] } });
    expect(readFileSync(w.stateFile, 'utf8')).not.toContain(CANARY);
    // Written again as read: nothing is asked of Windows.
    const calls = w.calls().length;
    await m.writeInstalledService(service);
    expect(w.calls().length).toBe(calls);

    // Error 2: the executable is not there yet; error 1069: the account does not hold Log on as a service.
    await expect(m.writeInstalledService({ ...service, status: 'Running' })).rejects.toThrow(/cannot be started due to the following error: .* The system cannot find the file specified/);
    mkdirSync(w.host.realPath('C:\\AsyncClientService'), { recursive: true });
    writeFileSync(w.host.realPath('C:\\AsyncClientService\\AsyncClientService.exe'), '');
    await expect(m.writeInstalledService({ ...service, status: 'Running' })).rejects.toThrow(/did not start due to a logon failure/);
    await m.writeAccountRight(service.account, RIGHT, true);
    await m.writeInstalledService({ ...service, status: 'Running' });
    expect(await m.readInstalledService(service.name)).toMatchObject({ status: 'Running' });

    // Reconfigured through Win32_Service.Change: start type, display name, path, recovery; the password stays.
    const changed: InstalledService = { ...service, startType: 'Manual', displayName: 'CDX Async Client', recovery: { restart: false, restartDelaySeconds: 0, resetSeconds: 0 }, status: 'Stopped' };
    await m.writeInstalledService(changed);
    expect(await m.readInstalledService(service.name)).toEqual(changed);
    expect(stored()).toMatchObject({ passwordSha256: digest(CANARY), recovery: { resetSeconds: 0, actions: [] } });
    // Another account needs its password; a built-in account has none.
    await expect(m.writeInstalledService({ ...changed, account: 'CONTOSO\\svc-cdx-store' })).rejects.toThrow(/cannot log on as CONTOSO\\svc-cdx-store without its password/);
    await m.writeInstalledService({ ...changed, account: 'NT Authority\\Network Service' });
    expect(await m.readInstalledService(service.name)).toMatchObject({ account: 'NT AUTHORITY\\NetworkService' });
    expect(stored().passwordSha256).toBe('');
    await m.writeInstalledService({ ...changed, status: 'Running' }, CANARY);
    expect(stored()).toMatchObject({ account: 'STORE01\\svc-cdx', passwordSha256: digest(CANARY), status: 'Running' });

    // Deleted while it runs: stopped first.
    await m.removeInstalledService(service.name);
    expect(await m.readInstalledService(service.name)).toBeNull();
    await m.removeInstalledService(service.name);
    await m.writeAccountRight(service.account, RIGHT, false);
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
  });

  it('grants and revokes Log on as a service through secedit by SID, leaving the other rights and holders, and no temporary file', async () => {
    const rights = () => w.readState().lsa.rights;
    const others = { ...rights() };
    expect(await m.readAccountRight('STORE01\\svc-cdx', RIGHT)).toBe(false);
    await m.writeAccountRight('STORE01\\svc-cdx', RIGHT, true);
    const sid = w.readState().accounts.find((a: { name: string }) => a.name === 'STORE01\\svc-cdx').sid;
    expect(rights()).toEqual({ ...others, SeServiceLogonRight: ['*S-1-5-80-0', `*${sid}`] });
    // The same account however it is written: .\user is this computer's, the case does not count.
    expect(await m.readAccountRight('.\\svc-cdx', RIGHT)).toBe(true);
    expect(await m.readAccountRight('store01\\SVC-CDX', RIGHT)).toBe(true);
    const calls = w.calls().length;
    await m.writeAccountRight('STORE01\\svc-cdx', RIGHT, true);
    expect(w.calls().length).toBe(calls);
    // A built-in account by its well-known SID, in any spelling.
    await m.writeAccountRight('NT Authority\\Network Service', RIGHT, true);
    expect(rights().SeServiceLogonRight).toEqual(['*S-1-5-80-0', `*${sid}`, '*S-1-5-20']);
    expect(await m.readAccountRight('NetworkService', RIGHT)).toBe(true);
    await m.writeAccountRight('NETWORK SERVICE', RIGHT, false);
    await m.writeAccountRight('STORE01\\svc-cdx', RIGHT, false);
    expect(rights()).toEqual(others);
    await expect(m.readAccountRight('STORE01\\nobody', RIGHT)).rejects.toThrow(/could not be translated/);
    // (.NET's own pipes live there too.)
    expect(readdirSync(temp).filter((f) => f.startsWith('cdx-rights-'))).toEqual([]);
  });

  it('shows the fake refusing what Windows refuses: a name that exists, an unknown account, an account a Change cannot use, a wrong password at start', async () => {
    const ps = w.host.powershell;
    const error = async (script: string, data: unknown = {}) => {
      const outcome = await ps.run<unknown>(script, data);
      expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
      return outcome.ok ? '' : outcome.error;
    };
    expect(await error("New-Service -Name W3SVC -BinaryPathName 'C:\\x.exe' | Out-Null")).toBe("Service 'W3SVC (W3SVC)' cannot be created due to the following error: The specified service already exists");
    const credential = "$c = New-Object System.Management.Automation.PSCredential($Data.user, (ConvertTo-SecureString $Data.password -AsPlainText -Force));";
    expect(await error(`${credential} New-Service -Name S1 -BinaryPathName 'C:\\x.exe' -Credential $c | Out-Null`, { user: 'STORE01\\nobody', password: 'x' })).toMatch(/The account name is invalid or does not exist/);
    expect(await ps.run("(Invoke-CimMethod -InputObject (Get-CimInstance Win32_Service -Filter \"Name = 'WAS'\") -MethodName Change -Arguments @{ StartName = 'STORE01\\nobody'; StartPassword = 'x' }).ReturnValue")).toEqual({ ok: true, value: 22 });
    expect(await ps.run('& sc.exe qfailure NoSuchService | Out-Null; $LASTEXITCODE')).toEqual({ ok: true, value: 1060 });
    // A password that is not the account's (the scenario may say which is: accounts[].passwordSha256) fails at start, as 1069.
    w.patchState((s) => {
      s.accounts.find((a: { name: string }) => a.name === 'STORE01\\svc-cdx').passwordSha256 = digest('the-real-one');
      s.lsa.rights.SeServiceLogonRight.push(`*${s.accounts.find((a: { name: string }) => a.name === 'STORE01\\svc-cdx').sid}`);
    });
    mkdirSync(w.host.realPath('C:\\AsyncClientService'), { recursive: true });
    writeFileSync(w.host.realPath('C:\\AsyncClientService\\AsyncClientService.exe'), '');
    await m.writeInstalledService(service, 'not-the-real-one');
    await expect(m.writeInstalledService({ ...service, status: 'Running' })).rejects.toThrow(/did not start due to a logon failure/);
    await m.writeInstalledService({ ...service, status: 'Running' }, 'the-real-one');
    expect(await m.readInstalledService(service.name)).toMatchObject({ status: 'Running' });
    await m.removeInstalledService(service.name);
  });
});
