import { describe, expect, it } from 'vitest';
import { COMPUTER_FACTS_SCRIPT, IIS_ROLE_SERVICES_SCRIPT, parseComputerFacts, parseIisRoleServices, parseResolvedAccounts, RESOLVE_ACCOUNTS_SCRIPT } from '../../electron/engine/hosts/windows/facts-scripts';
import { envelope, parsePowerShellOutput, powershellArgs, type PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';
import { WindowsFacts } from '../../electron/engine/hosts/windows/windows-facts';

/** What powershell.exe printed on a Windows Server 2012 R2 (recorded), result line after the marker. */
const RECORDED_COMPUTER = [
  'WARNING: some module printed this first',
  '##CDX-RESULT##{"ok":true,"value":{"elevated":true,"powershellVersion":"4.0","caption":"Microsoft Windows Server 2012 R2 Datacenter ","version":"6.3.9600","productType":3,"dotNetRelease":379893,"executionPolicy":"Undefined","sqlcmd":"C:\\\\Program Files\\\\Microsoft SQL Server\\\\110\\\\Tools\\\\Binn\\\\SQLCMD.EXE","pendingReboot":false,"setupRunning":false}}',
].join('\r\n');

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

describe('parsing recorded outputs', () => {
  it('reads the computer facts, applying Windows\' default execution policy when no scope sets one', () => {
    const outcome = parsePowerShellOutput<unknown>(RECORDED_COMPUTER);
    expect(outcome.ok).toBe(true);
    const facts = parseComputerFacts((outcome as { value: unknown }).value);
    expect(facts).toEqual({
      elevated: true,
      os: { caption: 'Microsoft Windows Server 2012 R2 Datacenter', version: '6.3.9600', server: true },
      powershellVersion: '4.0',
      dotNetRelease: 379893,
      executionPolicy: 'RemoteSigned',
      sqlcmd: 'C:\\Program Files\\Microsoft SQL Server\\110\\Tools\\Binn\\SQLCMD.EXE',
      pendingReboot: false,
      setupRunning: false,
    });
  });

  it('treats an undefined policy on Windows Server 2008 R2 as Restricted, and a workstation as not a server', () => {
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
