import { afterAll, describe, expect, it } from 'vitest';
import { COMPUTER_FACTS_SCRIPT, IIS_ROLE_SERVICES_SCRIPT, parseComputerFacts, parseIisRoleServices, parseResolvedAccounts, RESOLVE_ACCOUNTS_SCRIPT } from '../../electron/engine/hosts/windows/facts-scripts';
import { envelope, parsePowerShellOutput, powershellArgs, type PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';
import { WindowsFacts } from '../../electron/engine/hosts/windows/windows-facts';
import { FAKE_COMPUTER_FACTS, fakeWindows, type FakeWindows } from '../support/fake-windows';

/**
 * A line in the shape the bootstrap prints, written by hand (not captured from a server): text some module printed,
 * then the result after the marker. What COMPUTER_FACTS_SCRIPT itself prints is taken from pwsh below.
 */
const HAND_WRITTEN_OUTPUT = [
  'WARNING: some module printed this first',
  '##CDX-RESULT##{"ok":true,"value":{"elevated":true,"powershellVersion":"4.0","caption":"Microsoft Windows Server 2012 R2 Datacenter ","version":"6.3.9600","productType":3,"dotNetRelease":379893,"executionPolicy":"Undefined","sqlcmd":null,"pendingReboot":false,"setupRunning":false}}',
].join('\r\n');

const computers: FakeWindows[] = [];
afterAll(() => Promise.all(computers.map((w) => w.host.close())));

describe('the Windows facts scripts', () => {
  it('take their inputs from $Data, never from text spliced into the script', () => {
    for (const script of [IIS_ROLE_SERVICES_SCRIPT, RESOLVE_ACCOUNTS_SCRIPT]) expect(script).toContain('$Data.names');
    expect(COMPUTER_FACTS_SCRIPT).toContain("NDP\\v4\\Full");
    expect(COMPUTER_FACTS_SCRIPT).toContain("Get-ExecutionPolicy -Scope $scope");
    expect(COMPUTER_FACTS_SCRIPT).toContain('Global\\_MSIExecute');
    expect(RESOLVE_ACCOUNTS_SCRIPT).toContain('[System.Security.Principal.SecurityIdentifier]');
  });

  it('send account names on stdin inside the envelope: a hostile name is data, not code, and stays off the command line', async () => {
    const calls: { script: string; data: unknown }[] = [];
    const runner: PowerShellRunner = { run: async <T,>(script: string, data?: unknown) => (calls.push({ script, data }), { ok: true, value: { "CONTOSO\\o'brien; Remove-Item C:\\ -Recurse": null } as T }) };
    const hostile = "CONTOSO\\o'brien; Remove-Item C:\\ -Recurse";
    expect(await new WindowsFacts(runner).resolveAccounts([hostile])).toEqual({ [hostile]: null });
    expect(calls[0].script).toBe(RESOLVE_ACCOUNTS_SCRIPT);
    expect(calls[0].data).toEqual({ names: [hostile] });
    expect(powershellArgs().join(' ')).not.toContain('brien');
    expect(JSON.parse(envelope(calls[0].script, calls[0].data)).data.names[0]).toBe(hostile);
  });
});

describe('parsing what the scripts print', () => {
  it('reads the marker line after other output', () => {
    const outcome = parsePowerShellOutput<unknown>(HAND_WRITTEN_OUTPUT);
    expect(outcome.ok).toBe(true);
    expect(parseComputerFacts((outcome as { value: unknown }).value)).toMatchObject({ os: { caption: 'Microsoft Windows Server 2012 R2 Datacenter' }, executionPolicy: 'RemoteSigned' });
  });

  it('reads the computer facts COMPUTER_FACTS_SCRIPT printed in pwsh against the fake Windows, applying Windows\' default execution policy when no scope sets one', { timeout: 120_000 }, async () => {
    // WMI's caption of 2012 R2 ends with a space; no execution policy scope is set.
    const w = fakeWindows({ patch: (state) => ((state.computer.os.caption = 'Microsoft Windows Server 2012 R2 Datacenter '), (state.computer.executionPolicy = {})) });
    computers.push(w);
    const outcome = await w.host.powershell.run<unknown>(COMPUTER_FACTS_SCRIPT, {});
    expect(outcome).toMatchObject({ ok: true, value: { caption: 'Microsoft Windows Server 2012 R2 Datacenter ', executionPolicy: 'Undefined', productType: 3 } });
    expect(parseComputerFacts((outcome as { value: unknown }).value)).toEqual(FAKE_COMPUTER_FACTS);
  });

  it('treats an undefined policy on Windows Server 2008 R2 as Restricted, and a workstation as not a server', () => {
    // Written by hand in the script's shape: the fake Windows models a 2012 R2 server, not these.
    const raw = { elevated: false, powershellVersion: '2.0', caption: 'Windows 7', version: '6.1.7601', productType: 1, dotNetRelease: null, executionPolicy: 'Undefined', sqlcmd: null, pendingReboot: true, setupRunning: true };
    expect(parseComputerFacts(raw)).toMatchObject({ executionPolicy: 'Restricted', os: { server: false }, dotNetRelease: null });
  });

  it('refuses facts in an unexpected form, saying which', () => {
    expect(() => parseComputerFacts({ elevated: 'yes' })).toThrow(/unexpected form: .*elevated/);
  });

  it('reads role services whether PowerShell printed none, one or several', () => {
    expect(parseIisRoleServices(null)).toEqual([]);
    expect(parseIisRoleServices('Web-Server')).toEqual(['Web-Server']);
    expect(parseIisRoleServices(['Web-Server', 'Web-Asp-Net45', 'Something-Else'])).toEqual(['Web-Server', 'Web-Asp-Net45']);
    expect(() => parseIisRoleServices([{ Name: 'Web-Server' }])).toThrow(/unexpected form/);
  });

  it('reads the account lookup, a missing answer meaning not found', () => {
    const a = { name: 'CONTOSO\\a', sid: 'S-1-5-21-1-2-3-1105' };
    expect(parseResolvedAccounts({ 'a@contoso.com': a, 'CONTOSO\\c': null }, ['a@contoso.com', 'CONTOSO\\b', 'CONTOSO\\c'])).toEqual({ 'a@contoso.com': a, 'CONTOSO\\b': null, 'CONTOSO\\c': null });
    expect(() => parseResolvedAccounts({ 'CONTOSO\\a': true }, ['CONTOSO\\a'])).toThrow(/unexpected form/);
  });

  it('says when PowerShell failed, instead of inventing facts', async () => {
    const runner: PowerShellRunner = { run: async () => parsePowerShellOutput('##CDX-RESULT##{"ok":false,"error":"The term \'Get-WindowsFeature\' is not recognized"}') };
    await expect(new WindowsFacts(runner).iisRoleServices()).rejects.toThrow("The installed IIS role services could not be read: The term 'Get-WindowsFeature' is not recognized");
  });
});
