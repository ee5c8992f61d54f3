import { describe, expect, it } from 'vitest';
import { WindowsHost } from '../../electron/engine/hosts/windows/windows-host';
import { COMPUTER_FACTS_SCRIPT, COMPUTER_IDENTITY_SCRIPT, IIS_ROLE_SERVICES_SCRIPT, RESOLVE_ACCOUNTS_SCRIPT } from '../../electron/engine/hosts/windows/facts-scripts';
import { LIST_CERTIFICATES_SCRIPT } from '../../electron/engine/hosts/windows/certificates';
import { parsePowerShellOutput, type PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';
import { ALL_CHECKS } from '../../electron/engine/prerequisites/checks/index';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import { afterConfigure, chosenSettings } from './helpers';

/** Outputs recorded from powershell.exe on a Windows Server 2012 R2 missing WCF HTTP activation, with a Restricted policy. */
const RECORDED: Record<string, string> = {
  [COMPUTER_FACTS_SCRIPT]:
    '##CDX-RESULT##{"ok":true,"value":{"elevated":true,"powershellVersion":"4.0","caption":"Microsoft Windows Server 2012 R2 Standard","version":"6.3.9600","productType":3,"dotNetRelease":394802,"executionPolicy":"Restricted","sqlcmd":null,"pendingReboot":true,"setupRunning":false}}',
  [IIS_ROLE_SERVICES_SCRIPT]: '##CDX-RESULT##{"ok":true,"value":["Web-Server","Web-Asp-Net45","NET-WCF-TCP-Activation45","Web-Scripting-Tools"]}',
  [RESOLVE_ACCOUNTS_SCRIPT]: '##CDX-RESULT##{"ok":true,"value":{"CONTOSO\\\\svc-async":{"name":"CONTOSO\\\\svc-async","sid":"S-1-5-21-1-2-3-1105"},"CONTOSO\\\\svc-aos":null}}',
  [COMPUTER_IDENTITY_SCRIPT]: '##CDX-RESULT##{"ok":true,"value":{"name":"CDX-HQ01","dnsDomain":"contoso.com","machineAccount":"CONTOSO\\\\CDX-HQ01$","dnsNames":["CDX-HQ01","CDX-HQ01.contoso.com"],"addresses":"10.0.0.21"}}',
  [LIST_CERTIFICATES_SCRIPT]:
    '##CDX-RESULT##{"ok":true,"value":{"thumbprint":"D0743827EFD9BFA20059CE80157DF8B8B74EE50B","subject":"CN=cdx-hq01.contoso.com, O=Contoso","issuer":"CN=Contoso Test Root CA, O=Contoso","friendlyName":"","notBefore":"2024-01-01T00:00:00.0000000Z","notAfter":"2036-01-01T00:00:00.0000000Z","hasPrivateKey":true,"ekus":["1.3.6.1.5.5.7.3.1"],"dnsNames":["cdx-hq01.contoso.com"]}}',
};

const recordedRunner: PowerShellRunner = {
  async run<T>(script: string) {
    const output = RECORDED[script];
    if (!output) throw new Error('unexpected script');
    return parsePowerShellOutput<T>(output);
  },
};

describe('the Windows host\'s checks over recorded PowerShell outputs', () => {
  it('reports what the recorded computer lacks, each with its fix', async () => {
    const windowsOnly = ALL_CHECKS.filter((c) => ['elevated', 'os-version', 'dotnet-framework', 'iis-role-services', 'sqlcmd', 'execution-policy', 'certificate', 'accounts', 'setup-running', 'pending-reboot'].includes(c.id));
    const report = await validatePrerequisites(afterConfigure(chosenSettings()), { host: new WindowsHost(recordedRunner), toolVersion: 't', checks: windowsOnly });
    const status = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
    expect(status).toEqual({
      elevated: 'passed',
      'os-version': 'passed',
      'dotnet-framework': 'passed',
      'iis-role-services': 'error',
      sqlcmd: 'error',
      'execution-policy': 'warning',
      certificate: 'passed',
      accounts: 'error',
      'setup-running': 'passed',
      'pending-reboot': 'warning',
    });
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(byId['dotnet-framework'].details).toContain('4.6.2');
    expect(byId['execution-policy'].fix).toContain('Set-ExecutionPolicy RemoteSigned');
    expect(byId.accounts.details).toContain('CONTOSO\\svc-aos (AOSServiceUser) cannot be found');
  });

  it('makes every Windows check an error that says PowerShell failed, when it does', async () => {
    const failing: PowerShellRunner = { run: async () => ({ ok: false, error: 'PowerShell could not be started: spawn powershell.exe ENOENT' }) };
    const report = await validatePrerequisites(afterConfigure(), { host: new WindowsHost(failing), toolVersion: 't', checks: ALL_CHECKS.filter((c) => c.id === 'sqlcmd') });
    expect(report.results[0]).toMatchObject({ status: 'error', details: expect.stringContaining('spawn powershell.exe ENOENT') });
  });
});
