import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pwshPath } from '../support/windows-tools';

/**
 * deploy/configmgr/Invoke-CdxSetup.ps1 in real PowerShell, against a fake cdx-setup.ps1 that reports its arguments and
 * the password variables it sees. The task sequence environment is a COM object only a task sequence has; here a
 * New-Object function answers for Microsoft.SMS.TSEnvironment alone, as the task sequence would.
 */
const SECRET = 'Ts-Canary-Pa55!';
const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-configmgr-'));
copyFileSync('deploy/configmgr/Invoke-CdxSetup.ps1', path.join(dir, 'Invoke-CdxSetup.ps1'));
const fake = path.join(dir, 'cdx-setup.ps1');
writeFileSync(fake, `[Console]::Out.WriteLine((ConvertTo-Json -Compress -InputObject @{ args = @($args); password = $env:CDX_SETUP_PASSWORD; sql = $env:CDX_SETUP_SQL_PASSWORD }))\nexit [int]$env:FAKE_EXIT\n`);
const taskSequence = `function New-Object { param([string]$ComObject, [Parameter(ValueFromRemainingArguments)]$Rest)
  if ($ComObject -ne 'Microsoft.SMS.TSEnvironment') { throw "Retrieving the COM class factory for $ComObject failed." }
  $ts = [pscustomobject]@{}; $ts | Add-Member ScriptMethod Value { param($n) @{ CDXSetupAppPoolPassword = '${SECRET}' }[$n] }; $ts }`;

function run(args: string, options: { exit?: number; inTaskSequence?: boolean } = {}) {
  const command = `${options.inTaskSequence ? taskSequence : ''}\n& '${path.join(dir, 'Invoke-CdxSetup.ps1')}' ${args} -CdxSetup '${fake}'; "exit=$LASTEXITCODE"; "after=[$env:CDX_SETUP_PASSWORD]"`;
  const result = spawnSync(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', command], { encoding: 'utf8', env: { ...process.env, FAKE_EXIT: String(options.exit ?? 0) } });
  const lines = result.stdout.trim().split(/\r?\n/);
  return { seen: lines[0].startsWith('{') ? JSON.parse(lines[0]) : null, exit: lines.find((l) => l.startsWith('exit='))!, after: lines.at(-1), stderr: result.stderr };
}

describe('the Configuration Manager program', () => {
  it('deploys the settings beside it with --json, the password from the task sequence in cdx-setup\'s environment only', () => {
    const r = run('-Settings ss-settings.xml', { inTaskSequence: true });
    expect(r.seen).toEqual({ args: ['deploy', '--settings', path.join(dir, 'ss-settings.xml'), '--json'], password: SECRET, sql: null });
    expect(r.exit).toBe('exit=0');
    expect(r.after).toBe('after=[]');
  }, 60_000);

  it('hands cdx-setup\'s exit codes 1, 2 and 3 to Configuration Manager as they are', () => {
    for (const code of [1, 2, 3]) expect(run('-Settings ss-settings.xml', { exit: code }).exit).toBe(`exit=${code}`);
  }, 60_000);

  it('uninstalls one instance, and refuses an uninstall without one (exit 2)', () => {
    expect(run('-Uninstall -Instance AsyncServer').seen.args).toEqual(['uninstall', '--instance', 'AsyncServer']);
    const refused = run('-Uninstall');
    expect(refused.exit).toBe('exit=2');
    expect(refused.stderr).toContain('-Uninstall needs -Instance NAME');
  }, 60_000);
});
