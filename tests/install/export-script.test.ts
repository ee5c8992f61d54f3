import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../electron/engine/plan/build-plan';
import { exportPlanScript } from '../../electron/engine/plan/export-script';
import { CHOICES, goodSettings, rehearsal } from './support';

describe('the plan exported as a PowerShell script', () => {
  it('asks for the credential, holds no password, and quotes every value as a literal', async () => {
    const env = await rehearsal();
    const settings = goodSettings({ WebSiteName: "O'Brien Site", WebSiteWorkingFolder: 'C:\\inetpub\\a$b`c', WebApplicationWorkingFolder: '[WebSiteWorkingFolder]\\app' });
    const plan = await buildPlan(env.host, env.supportDir, { settings, choices: CHOICES, passwordProvided: true });
    const script = exportPlanScript(plan, 'test');
    expect(script).toContain("$AppPoolCredential = Get-Credential -UserName 'CONTOSO\\svc-async'");
    expect(script).toContain("password = $AppPoolCredential.GetNetworkCredential().Password");
    expect(script).toContain("New-Website -Name 'O''Brien Site' -PhysicalPath 'C:\\inetpub\\a$b`c'");
    expect(script).toContain("New-NetFirewallRule -Name 'CDX-AsyncServer-O''Brien Site-HTTPS'");
    expect(script).toContain("& icacls.exe 'C:\\inetpub\\a$b`c\\app' /grant 'CONTOSO\\svc-aos:(OI)(CI)RX'");
    expect(script).toMatch(/^param\(\[string\]\$PayloadFolder = '/m);
    // Every line that is not a comment and uses a value uses it single-quoted: no double-quoted string holds a value.
    for (const line of script.split('\r\n').filter((l) => !l.startsWith('#'))) expect(line).not.toMatch(/"[^"]*(O'Brien|inetpub)[^"]*"/);
    // One step per operation, numbered as the plan.
    expect(script.match(/^# \d+\. /gm)).toHaveLength(plan.operations.length);
  });
});
