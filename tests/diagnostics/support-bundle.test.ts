import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { loadSettingsFile } from '../../electron/engine/settings-files/load';
import { cliIo, settingsXml } from '../cli-install/support';
import { defaultScenarioCopy } from '../support/scenario-copy';

/**
 * A rehearsal computer with a real history: a failed install (its error message echoing the password, as a Windows
 * error can), a successful one with SQL Server authentication, a validation with the SQL password, and a log line
 * from elsewhere that carries a connection string. Its bundle, unzipped by Debian's unzip, holds none of the secrets.
 */
const POOL = 'Pool-Canary-Pa55!-b7';
const SQL = 'Sql-Canary-Pa55!-c9';
const STRAY = 'Stray-Canary-Pa55!-d1';
const FILE_PASSWORD = 'Canary-Pa55word!';
const SQL_AUTH = '<CdxSetup xmlns="urn:cdx-setup:choices" configure="true" components="async-server" databaseMode="create" databaseAuthentication="sql" sqlLogin="cdx_setup" trustServerCertificate="false" partition="initial" />';

const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-bundle-'));
const sandbox = path.join(root, 'machine');
const scenario = (faults: unknown[]) => {
  const dir = path.join(root, `scenario-${faults.length}`);
  mkdirSync(dir, { recursive: true });
  return defaultScenarioCopy((s) => {
    s.sqlServers[0].sqlLogins = [{ login: 'cdx_setup', password: SQL }];
    // CONTOSO\svc-async accepts the canary, so the gate's password check passes with it.
    s.accounts[0].password = POOL;
    s.faults = faults;
  }, dir);
};
const settings = path.join(root, 'ss-settings.xml');
writeFileSync(settings, settingsXml({}, SQL_AUTH));
const out = path.join(root, 'out', 'support.zip');
const unzipped = path.join(root, 'unzipped');
const env = { CDX_SETUP_PASSWORD: POOL, CDX_SETUP_SQL_PASSWORD: SQL };

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile()).sort();
}

describe('cdx-setup diagnostics', () => {
  let said = '';
  beforeAll(async () => {
    const failing = cliIo(env);
    expect(await runCli(['deploy', '--settings', settings, `--rehearsal=${scenario([{ operation: 'iis.app-pool:AsyncServer', message: `Logon failure for ${POOL}` }])}`, '--sandbox', sandbox], failing.io)).toBe(1);
    const healthy = scenario([]);
    const deploy = cliIo(env);
    expect(await runCli(['deploy', '--settings', settings, `--rehearsal=${healthy}`, '--sandbox', sandbox], deploy.io), deploy.err.join('\n')).toBe(0);
    const validate = cliIo(env);
    await runCli(['validate', '--settings', settings, `--rehearsal=${healthy}`, '--sandbox', sandbox, '--json'], validate.io);
    // A line no run of ours wrote, as if from an older version or a hand-made note.
    const logs = path.join(sandbox, 'drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup', 'logs');
    appendFileSync(path.join(logs, readdirSync(logs)[0]), `note: Server=SQLHQ01;User Id=sa;Password=${STRAY};\n`);

    // No password in this process's environment: the bundle must be clean on its own.
    const run = cliIo();
    expect(await runCli(['diagnostics', '--out', out, '--settings', settings, '--settings', 'tests/fixtures/settings/password.xml', `--rehearsal=${healthy}`, '--sandbox', sandbox], run.io), run.err.join('\n')).toBe(0);
    said = run.out.join('\n');
    expect(spawnSync('unzip', ['-q', out, '-d', unzipped]).status).toBe(0);
  }, 180_000);

  it('says where it wrote the bundle, which Debian\'s unzip tests without an error', () => {
    expect(said).toMatch(new RegExp(`^Support bundle written: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ files, \\d+ KB\\)`));
    expect(spawnSync('unzip', ['-t', out], { encoding: 'utf8' }).stdout).toContain('No errors detected');
  });

  it('holds no secret in any file, in UTF-8 or UTF-16, nor in the archive itself', () => {
    const everything = files(unzipped).map((f) => readFileSync(path.join(unzipped, f)));
    everything.push(readFileSync(out));
    for (const secret of [POOL, SQL, STRAY, FILE_PASSWORD]) {
      for (const bytes of everything) {
        expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
    }
    expect(readFileSync(path.join(unzipped, 'logs', readdirSync(path.join(unzipped, 'logs'))[0]), 'utf8')).toContain('Password=********;');
  });

  it('has the latest report, the logs and journals of both runs, the registry and the settings used', () => {
    const names = files(unzipped);
    expect(names).toEqual(expect.arrayContaining(['SUMMARY.txt', 'instances.json', 'prerequisites/latest-report.html', 'prerequisites/latest-report.json', 'settings/given/ss-settings.xml', 'settings/given/password.xml']));
    expect(names.filter((n) => n.startsWith('logs/'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('journal/'))).toHaveLength(2);
    expect(names.filter((n) => /^settings\/[^/]+\.ss-settings\.xml$/.test(n))).toHaveLength(2);
    expect(JSON.parse(readFileSync(path.join(unzipped, 'prerequisites/latest-report.json'), 'utf8')).stage).toBe('after-configure');
    expect(JSON.parse(readFileSync(path.join(unzipped, 'instances.json'), 'utf8')).instances.map((i: { name: string }) => i.name)).toEqual(['AsyncServer']);
  });

  it('writes each run\'s settings as a file that reads back without a problem and replays the same values', async () => {
    const run = files(unzipped).find((n) => /^settings\/[^/]+\.ss-settings\.xml$/.test(n))!;
    const loaded = await loadSettingsFile(path.join(unzipped, run));
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const original = await loadSettingsFile(settings);
    expect(loaded.settings).toEqual(original.settings);
  });

  it('opens with a one-page summary: the instance, the failed run and why, the report\'s counts, what is inside', () => {
    const list = spawnSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).namelist()[0])', out], { encoding: 'utf8' });
    expect(list.stdout.trim()).toBe('SUMMARY.txt');
    const summary = readFileSync(path.join(unzipped, 'SUMMARY.txt'), 'utf8');
    expect(summary.split('\r\n').length).toBeLessThanOrEqual(66);
    expect(summary).toMatch(/Installed instances: 1\r\n {2}AsyncServer {2}version /);
    expect(summary).toMatch(/install of AsyncServer: installed/);
    expect(summary).toMatch(/install of AsyncServer: rolled-back|install of AsyncServer: failed/);
    expect(summary).toMatch(/failed: iis\.app-pool:AsyncServer: Logon failure for \*{8}/);
    expect(summary).toMatch(/Latest prerequisite validation: .*\(after-configure\): \d+ passed/);
    expect(summary).toContain('settings/given/password.xml: ');
    expect(summary).toContain('Contents (');
  });

  it('refuses a bundle name that is not a .zip, and a missing --out, changing nothing', async () => {
    for (const args of [['--out', path.join(root, 'bundle.txt')], []]) {
      const run = cliIo();
      expect(await runCli(['diagnostics', ...args, '--rehearsal', '--sandbox', sandbox], run.io)).toBe(2);
      expect(run.err.join('\n')).toMatch(/--out/);
    }
  });
});
