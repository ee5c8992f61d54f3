import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP, envelope } from '../../electron/engine/hosts/windows/powershell';
import { pwshPath } from '../support/windows-tools';

/**
 * On Windows PowerShell 2.0 (2008 R2 as shipped) or 3.0 (2012) the bootstrap stops before reading any script and says
 * why. pwsh's $PSVersionTable is a constant, so the version it reads is replaced, in this one expression, by an older one.
 */
describe('the bootstrap on a Windows PowerShell older than 4.0', () => {
  const run = (version: string) => {
    const bootstrap = BOOTSTRAP.replace('$version = $PSVersionTable.PSVersion;', `$version = [version]'${version}';`);
    expect(bootstrap).not.toBe(BOOTSTRAP);
    return spawnSync(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', bootstrap], { input: `${envelope("'ran'", {}, '1')}\n`, encoding: 'utf8' });
  };

  it.each(['2.0', '3.0'])('stops on %s with a message that names the version and the fix, running nothing', (version) => {
    const result = run(version);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Windows PowerShell ${version} is older than 4.0, which CDX Setup needs: install Windows Management Framework 5.1 (or 4.0).`);
    expect(result.stdout).not.toContain('ran');
  });

  it('runs the script on 4.0', () => {
    const result = run('4.0');
    expect(result.stdout).toContain('"value":"ran"');
  });
});
