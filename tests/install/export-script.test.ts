import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { buildPlan } from '../../electron/engine/plan/build-plan';
import { exportPlanScript } from '../../electron/engine/plan/export-script';
import { cliIo } from '../support/cli-io';
import { parseAsWindowsPowerShell, parsePowerShell } from '../support/pwsh-parse';
import { CHOICES, goodSettings, rehearsal } from './support';

describe('the plan exported as a PowerShell script', () => {
  it('takes or asks for the credential, holds no password, and quotes every value as a literal', async () => {
    const env = await rehearsal();
    const settings = goodSettings({ WebSiteName: "O'Brien Site", WebSiteWorkingFolder: 'C:\\inetpub\\a$b`c', WebApplicationWorkingFolder: '[WebSiteWorkingFolder]\\app' });
    const plan = await buildPlan(env.host, env.supportDir, { settings, choices: CHOICES, passwordProvided: true });
    const script = exportPlanScript(plan, 'test');
    expect(script).toMatch(/^\uFEFF# Commerce Data Exchange/);
    expect(script).toMatch(/^param\(\[string\]\$PayloadFolder = '.*', \[System\.Management\.Automation\.PSCredential\]\$AppPoolCredential\)\r$/m);
    expect(script).toContain("if (-not $AppPoolCredential) { $AppPoolCredential = Get-Credential -UserName 'CONTOSO\\svc-async'");
    expect(script).toContain('password = $AppPoolCredential.GetNetworkCredential().Password');
    expect(script).toContain("New-Website -Id (Get-CdxFreeSiteId) -Name 'O''Brien Site' -PhysicalPath 'C:\\inetpub\\a$b`c'");
    expect(script).toContain("Set-CdxBinding 'O''Brien Site' @{ protocol = 'https'; bindingInformation = '*:8443:'");
    expect(script).toContain("New-NetFirewallRule -Name 'CDX-AsyncServer-O''Brien Site-HTTPS'");
    expect(script).toContain("$acl = Get-Acl -LiteralPath 'C:\\inetpub\\a$b`c\\app'");
    // The certificate's private key: found on the server and given Read for the app pool user, as deploy does.
    expect(script).toContain("Grant-CdxKeyRead 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B' 'My' 'CONTOSO\\svc-async'");
    // Every line that is not a comment and uses a value uses it single-quoted: no double-quoted string holds a value.
    for (const line of script.split('\r\n').filter((l) => !l.startsWith('#'))) expect(line).not.toMatch(/"[^"]*(O'Brien|inetpub)[^"]*"/);
    // One step per operation, numbered as the plan.
    expect(script.match(/^# \d+\. /gm)).toHaveLength(plan.operations.length);
    const parsed = parsePowerShell(script.slice(1));
    expect(parsed.errors).toEqual([]);
    expect(parsed.strings).toContain("O'Brien Site");
    expect(parsed.strings).toContain('C:\\inetpub\\a$b`c');
  });

  it('is written with a byte order mark, so Windows PowerShell 5.1 reads a ł in a value as ł', async () => {
    const box = mkdtempSync(path.join(os.tmpdir(), 'cdx-export-'));
    const file = path.join(box, 'plan.ps1');
    const settings = path.resolve('tests/install/fixtures/ss-settings-non-ascii.xml');
    const run = cliIo();
    expect(await runCli(['plan', '--settings', settings, '--rehearsal', '--sandbox', path.join(box, 'machine'), '--export-script', file], run.io)).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const read = parseAsWindowsPowerShell(bytes);
    expect(read.errors).toEqual([]);
    expect(read.strings).toContain('Witryna Wrocław');
    // Without the mark, 5.1 reads ł's second byte as a quotation mark (U+201A), which the parser takes for a quote.
    const withoutMark = parseAsWindowsPowerShell(bytes.subarray(3));
    expect(withoutMark.strings).not.toContain('Witryna Wrocław');
    expect(withoutMark.errors.join(' ')).toMatch(/string|terminator|token/i);
  });
});
