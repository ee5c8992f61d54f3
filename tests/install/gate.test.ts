import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { settingsXml } from '../cli-install/support';
import { cliIo } from '../support/cli-io';
import { defaultScenarioCopy } from '../support/scenario-copy';
import { CANARY, snapshot } from './support';
import { cliMachine, supportDirOf, writeSettings } from './cli-machine';

/**
 * The prerequisite gate: `deploy` runs the checks of `validate --settings` before its first change. A settings file
 * that fails any of them exits 3 with the sandbox exactly as before, printing the same table as `validate`.
 */
async function deploy(box: string, file: string, extra: string[] = [], scenario?: string) {
  const run = cliIo({ CDX_SETUP_PASSWORD: CANARY });
  const code = await runCli(['deploy', '--settings', file, scenario ? `--rehearsal=${scenario}` : '--rehearsal', '--sandbox', box, ...extra], run.io);
  return { code, out: run.out.join('\n'), err: run.err.join('\n') };
}

const REFUSED = [
  {
    name: 'a SQL Server named instance that does not exist',
    patch: { HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\NOSUCH' },
    check: 'SQL Server reachable with the rights needed',
    found: /NOSUCH/,
  },
  {
    name: 'a partition that already has another message database',
    // SQLHQ01\AX holds AsyncServerMessageDB, the message database of partition initial.
    patch: { HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\AX', HQMessageDatabase: 'AsyncServerSecondDB' },
    check: 'SQL Server reachable with the rights needed',
    found: /Partition initial already has the message database AsyncServerMessageDB/,
  },
  { name: 'an HTTPS port another program holds', patch: { WebSiteHttpsPort: '1433' }, check: 'HTTPS and TCP ports free', found: /1433/ },
  { name: 'an app pool account that does not exist', patch: { AppPoolUser: 'CONTOSO\\nobody' }, check: 'App pool account and AOS service user', found: /CONTOSO\\nobody/ },
];

describe('deploy runs the full prerequisite validation before its first change', () => {
  it.each(REFUSED)('$name: exit 3, the failed check in the table, the machine unchanged', async ({ patch, check, found }) => {
    const m = await cliMachine();
    const file = writeSettings(m.root, settingsXml(patch));
    const before = snapshot(m.sandbox, supportDirOf(m.sandbox));
    const run = await deploy(m.sandbox, file);
    expect(run.code, run.err).toBe(3);
    expect(run.out).toMatch(/^Prerequisite validation results: /m);
    expect(run.out).toMatch(new RegExp(`^Error +${check.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(run.out).toMatch(found);
    expect(run.out).toMatch(/Prerequisites are not met/);
    expect(snapshot(m.sandbox, supportDirOf(m.sandbox))).toEqual(before);
    // The refusal is a run of its own: its log says what the gate found.
    const log = run.err.match(/^Log: (.*)$/m)?.[1];
    expect(log && readFileSync(log, 'utf8')).toMatch(/Prerequisite validation, before any change/);
  });

  it('deploy --json: one object with the outcome, the failed checks and no password', async () => {
    const m = await cliMachine();
    const file = writeSettings(m.root, settingsXml(REFUSED[0].patch));
    const run = await deploy(m.sandbox, file, ['--json']);
    expect(run.code).toBe(3);
    const result = JSON.parse(run.out);
    expect(result).toMatchObject({ outcome: 'refused', instance: 'AsyncServer', changed: false, asyncServerUrl: 'https://CDX-HQ01:8443/AsyncServer' });
    expect(result.logFile).toMatch(/cdx-setup-.*\.log$/);
    expect(result.failedChecks.map((c: { id: string }) => c.id)).toEqual(['sql-server']);
    expect(run.out).not.toContain(CANARY);
  });
});

describe('--skip-check', () => {
  const oldDotNet = () => defaultScenarioCopy((s) => (s.computer.dotNetRelease = 30319));

  it('overrules a check an admin may know better; it is recorded in the log and the result', async () => {
    const m = await cliMachine();
    const file = writeSettings(m.root, settingsXml({}));
    const scenario = oldDotNet();
    const refused = await deploy(m.sandbox, file, ['--json'], scenario);
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.out).failedChecks.map((c: { id: string }) => c.id)).toEqual(['dotnet-framework']);

    const run = await deploy(m.sandbox, file, ['--json', '--skip-check', 'dotnet-framework'], scenario);
    expect(run.code, run.err).toBe(0);
    const result = JSON.parse(run.out);
    expect(result).toMatchObject({ outcome: 'installed', changed: true, skippedChecks: ['dotnet-framework'] });
    expect(readFileSync(result.logFile, 'utf8')).toMatch(/Skipped on request \(--skip-check dotnet-framework\): \.NET Framework 4\.5 or later, which found: error/);
    expect(run.out).not.toContain(CANARY);
  });

  it('refuses a check whose failure makes the install fail for certain, and an unknown id (exit 2), naming those allowed', async () => {
    const m = await cliMachine();
    const file = writeSettings(m.root, settingsXml({}));
    const unskippable = await deploy(m.sandbox, file, ['--skip-check', 'sql-server']);
    expect(unskippable.code).toBe(2);
    expect(unskippable.err).toMatch(/--skip-check sql-server: "SQL Server reachable with the rights needed" cannot be skipped.*pending-reboot/);
    const unknown = await deploy(m.sandbox, file, ['--skip-check', 'no-such-check']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no prerequisite check with that id/);
  });

  it('deploy --help lists the checks that can be skipped and only those', async () => {
    const run = cliIo();
    expect(await runCli(['deploy', '--help'], run.io)).toBe(0);
    const help = run.out.join('\n');
    for (const id of ['os-version', 'dotnet-framework', 'sqlcmd', 'execution-policy', 'disk-space', 'setup-running', 'pending-reboot']) expect(help).toMatch(new RegExp(`^  ${id} `, 'm'));
    for (const id of ['sql-server', 'certificate', 'ports', 'elevated']) expect(help).not.toMatch(new RegExp(`^  ${id} `, 'm'));
  });
});

describe('deploy and uninstall --json on success', () => {
  it('give the outcome, the instance, whether anything changed, the Async Server URL and the log; the text ends with the URL', async () => {
    const m = await cliMachine();
    const file = writeSettings(m.root, settingsXml({}));
    const first = await deploy(m.sandbox, file, ['--json']);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ outcome: 'installed', instance: 'AsyncServer', changed: true, asyncServerUrl: 'https://CDX-HQ01:8443/AsyncServer' });
    const again = await deploy(m.sandbox, file);
    expect(again.code).toBe(0);
    expect(again.out.trimEnd().split('\n').at(-1)).toBe('Async Server URL: https://CDX-HQ01:8443/AsyncServer');
    const again2 = await deploy(m.sandbox, file, ['--json']);
    expect(JSON.parse(again2.out)).toMatchObject({ outcome: 'unchanged', changed: false });

    const removed = cliIo();
    expect(await runCli(['uninstall', '--instance', 'AsyncServer', '--json', '--rehearsal', '--sandbox', m.sandbox], removed.io)).toBe(0);
    const result = JSON.parse(removed.out.join(''));
    expect(result).toMatchObject({ outcome: 'uninstalled', instance: 'AsyncServer', changed: true, asyncServerUrl: 'https://CDX-HQ01:8443/AsyncServer' });
    expect(path.basename(result.logFile)).toMatch(/^cdx-setup-.*\.log$/);
    const missing = cliIo();
    expect(await runCli(['uninstall', '--instance', 'AsyncServer', '--json', '--rehearsal', '--sandbox', m.sandbox], missing.io)).toBe(2);
    expect(JSON.parse(missing.out.join(''))).toMatchObject({ outcome: 'not-found', changed: false });
  });
});
