import { afterAll, describe, expect, it } from 'vitest';
import { fakeWindows } from '../support/fake-windows';

const THUMBPRINT = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';

/** The fake is only worth its tests if it refuses what Windows refuses; each refusal here is one Windows makes. */
describe('the fake Windows refuses what Windows refuses', () => {
  const w = fakeWindows();
  const ps = w.host.powershell;
  afterAll(() => w.host.close());
  const run = (script: string, data: unknown = {}) => ps.run<unknown>(script, data);
  const error = async (script: string, data: unknown = {}) => {
    const outcome = await run(script, data);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
    return outcome.ok ? '' : outcome.error;
  };

  it('has no IIS:\\ drive before Import-Module WebAdministration', async () => {
    expect(await error("Test-Path 'IIS:\\AppPools\\DefaultAppPool'")).toBe("Cannot find drive. A drive with the name 'IIS' does not exist.");
    expect(await run("Import-Module WebAdministration; Test-Path 'IIS:\\AppPools\\DefaultAppPool'")).toEqual({ ok: true, value: true });
  });

  it('refuses a second certificate on one ip:port, through netsh and through AddSslCertificate', async () => {
    const add = `& netsh.exe http add sslcert ipport=0.0.0.0:9443 certhash=${THUMBPRINT} appid='{4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=My | Out-String; $LASTEXITCODE`;
    const first = (await run(add)) as { ok: true; value: unknown[] };
    expect(first.value).toEqual([expect.stringContaining('SSL Certificate successfully added'), 0]);
    const second = (await run(add)) as { ok: true; value: unknown[] };
    expect(second.value).toEqual([expect.stringContaining('Cannot create a file when that file already exists'), 1]);
    await run("Import-Module WebAdministration; New-Website -Name 'S1' -PhysicalPath 'C:\\inetpub\\wwwroot' -Port 9443 -Ssl | Out-Null");
    expect(await error(`Import-Module WebAdministration; (Get-WebBinding -Name 'S1' -Protocol https).AddSslCertificate('${THUMBPRINT}', 'My')`)).toMatch(/already exists/);
    expect(await run("& netsh.exe http delete sslcert ipport=0.0.0.0:9443 | Out-Null; & netsh.exe http delete sslcert ipport=0.0.0.0:9443 | Out-Null; $LASTEXITCODE")).toEqual({ ok: true, value: 1 });
    await run("Import-Module WebAdministration; Remove-Website -Name 'S1'");
  });

  it('refuses a certificate that is not in the store or has no private key', async () => {
    await run("Import-Module WebAdministration; New-Website -Name 'S2' -PhysicalPath 'C:\\inetpub\\wwwroot' -Port 9444 -Ssl | Out-Null");
    expect(await error("Import-Module WebAdministration; (Get-WebBinding -Name 'S2' -Protocol https).AddSslCertificate('5003223A83C72CAF73C10884D1DD72F1CFBD0BD7', 'My')")).toMatch(/logon session does not exist/);
    await run("Import-Module WebAdministration; Remove-Website -Name 'S2'");
  });

  it('refuses New-Website on an IIS without any site unless -Id is given (the WebAdministration bug)', async () => {
    await run("Import-Module WebAdministration; Remove-Website -Name 'Default Web Site'");
    expect(await error("Import-Module WebAdministration; New-Website -Name 'First' -PhysicalPath 'C:\\inetpub\\wwwroot' -Port 81 | Out-Null")).toBe('Index was outside the bounds of the array.');
    expect(await run("Import-Module WebAdministration; (New-Website -Name 'First' -Id 7 -PhysicalPath 'C:\\inetpub\\wwwroot' -Port 81).id")).toEqual({ ok: true, value: 7 });
  });

  it('refuses a binding another site has, and a name that exists', async () => {
    expect(await error("Import-Module WebAdministration; New-Website -Name 'Second' -PhysicalPath 'C:\\inetpub\\wwwroot' -Port 81 | Out-Null")).toMatch(/already used by the website 'First'/);
    expect(await error("Import-Module WebAdministration; New-Website -Name 'First' -PhysicalPath 'C:\\inetpub\\wwwroot' -Port 82 | Out-Null")).toMatch(/Destination element already exists/);
    expect(await error("Import-Module WebAdministration; New-WebAppPool -Name DefaultAppPool | Out-Null")).toMatch(/Destination element already exists/);
  });

  it('refuses New-WebBinding -BindingInformation (WebAdministration has none) and a binding a site already has', async () => {
    expect(await error("Import-Module WebAdministration; New-WebBinding -Name 'First' -Protocol net.tcp -BindingInformation '808:*'")).toMatch(/A parameter cannot be found that matches parameter name 'BindingInformation'/);
    const add = "Import-Module WebAdministration; New-ItemProperty -LiteralPath 'IIS:\\Sites\\First' -Name bindings -Value @{ protocol = 'net.tcp'; bindingInformation = '808:*' } | Out-Null; @(Get-WebBinding -Name 'First' -Protocol net.tcp).Count";
    expect(await run(add)).toEqual({ ok: true, value: 1 });
    expect(await error(add)).toMatch(/Cannot add duplicate collection entry of type 'binding'/);
    expect(await run("Import-Module WebAdministration; Remove-WebBinding -Name 'First' -Protocol net.tcp -BindingInformation '808:*'; @(Get-WebBinding -Name 'First' -Protocol net.tcp).Count")).toEqual({ ok: true, value: 0 });
  });

  it('refuses a property IIS objects do not have, and a value IIS does not take', async () => {
    expect(await error("Import-Module WebAdministration; Set-ItemProperty 'IIS:\\Sites\\First' -Name physicalPth -Value 'C:\\x'")).toMatch(/^Property physicalPth is not found on \\\\CDX-HQ01\\Sites\\First\./);
    expect(await error("Import-Module WebAdministration; Set-ItemProperty 'IIS:\\AppPools\\DefaultAppPool' -Name processModel.identityType -Value NetworkServic")).toMatch(/not a valid value for the property identityType/);
    expect(await error("Import-Module WebAdministration; Set-ItemProperty 'IIS:\\Sites\\First' -Name physicalPath -Value 'C:\\does\\not\\exist'")).toBe("Parameter 'PhysicalPath' should point to existing path.");
  });

  it('refuses an account Windows cannot map: NTAccount.Translate, Set-Acl, the app pool user', async () => {
    expect(await error("(New-Object System.Security.Principal.NTAccount('CONTOSO\\nobody')).Translate([System.Security.Principal.SecurityIdentifier])")).toMatch(/Some or all identity references could not be translated/);
    expect(await run("(New-Object System.Security.Principal.NTAccount('NT Authority\\Network Service')).Translate([System.Security.Principal.SecurityIdentifier]).Value")).toEqual({ ok: true, value: 'S-1-5-20' });
    const grant = "$acl = Get-Acl -LiteralPath 'C:\\inetpub\\wwwroot'; $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($Data.who, 'ReadAndExecute', 'ContainerInherit,ObjectInherit', 'None', 'Allow'))); Set-Acl -LiteralPath 'C:\\inetpub\\wwwroot' -AclObject $acl";
    expect(await error(grant, { who: 'CONTOSO\\nobody' })).toMatch(/could not be translated/);
    expect(await error("Import-Module WebAdministration; Set-ItemProperty 'IIS:\\AppPools\\DefaultAppPool' -Name processModel -Value @{ userName = 'CONTOSO\\nobody'; password = 'x'; identityType = 3 }")).toMatch(/identity of application pool DefaultAppPool is invalid/);
    // An app pool's virtual account exists while its pool does.
    expect(await run("(New-Object System.Security.Principal.NTAccount('IIS AppPool\\DefaultAppPool')).Translate([System.Security.Principal.SecurityIdentifier]).Value")).toEqual({ ok: true, value: expect.stringMatching(/^S-1-5-82-/) });
  });

  it('refuses to remove what does not exist, where Windows does', async () => {
    expect(await error("Import-Module WebAdministration; Remove-WebAppPool -Name Nope")).toMatch(/Cannot find path 'IIS:\\AppPools\\Nope'/);
    expect(await error("Import-Module NetSecurity; Remove-NetFirewallRule -Name Nope")).toMatch(/No MSFT_NetFirewallRule objects found/);
    expect(await run("Import-Module NetSecurity; Remove-NetFirewallRule -Name Nope -ErrorAction SilentlyContinue; 'quiet'")).toEqual({ ok: true, value: 'quiet' });
  });

  it('fails the call its state names as a fault, before changing anything', async () => {
    w.patchState((s) => (s.faults = [{ command: 'New-WebAppPool', occurrence: 1, message: 'Injected: the configuration is locked.' }]));
    const before = w.readState().iis.appPools.length;
    expect(await error("Import-Module WebAdministration; New-WebAppPool -Name Faulty | Out-Null")).toBe('Injected: the configuration is locked.');
    expect(w.readState().iis.appPools).toHaveLength(before);
    expect(await run("Import-Module WebAdministration; (New-WebAppPool -Name Faulty).name")).toEqual({ ok: true, value: 'Faulty' });
  });
});
