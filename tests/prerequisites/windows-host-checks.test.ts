import { afterAll, describe, expect, it } from 'vitest';
import { WindowsHost } from '../../electron/engine/hosts/windows/windows-host';
import type { PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';
import { ALL_CHECKS } from '../../electron/engine/prerequisites/checks/index';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import { fakeWindows, type FakeWindows } from '../support/fake-windows';
import { afterConfigure, chosenSettings } from './helpers';

const computers: FakeWindows[] = [];
afterAll(() => Promise.all(computers.map((w) => w.host.close())));

/**
 * A Windows Server 2012 R2 missing WCF HTTP activation, with a Restricted policy, a pending restart, .NET 4.6.2, no
 * sqlcmd and no CONTOSO\svc-aos: the fake Windows, so every answer is what the scripts print in pwsh.
 */
function lackingComputer(): FakeWindows {
  const w = fakeWindows({
    patch: (state) => {
      state.computer.os.caption = 'Microsoft Windows Server 2012 R2 Standard';
      state.computer.executionPolicy = { LocalMachine: 'Restricted' };
      state.registry['SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full'] = { Release: 394802 };
      state.registry['SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending'] = {};
      state.features = state.features.filter((f: string) => f !== 'NET-WCF-HTTP-Activation45');
      state.accounts = state.accounts.filter((a: { name: string }) => a.name !== 'CONTOSO\\svc-aos');
    },
  });
  computers.push(w);
  return w;
}

describe('the Windows host\'s checks, its scripts run in pwsh against the fake Windows', () => {
  it('reports what the computer lacks, each with its fix', { timeout: 180_000 }, async () => {
    const windowsOnly = ALL_CHECKS.filter((c) => ['elevated', 'os-version', 'dotnet-framework', 'iis-role-services', 'sqlcmd', 'execution-policy', 'certificate', 'accounts', 'setup-running', 'pending-reboot'].includes(c.id));
    const report = await validatePrerequisites(afterConfigure(chosenSettings()), { host: lackingComputer().host, toolVersion: 't', checks: windowsOnly });
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
