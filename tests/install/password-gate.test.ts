import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { dispatch } from '../../electron/engine/api/dispatch';
import { createEngineContext } from '../../electron/engine/engine';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { settingsXml } from '../cli-install/support';
import { cliIo } from '../support/cli-io';
import { defaultScenarioCopy, REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';
import { cliMachine, supportDirOf, writeSettings } from './cli-machine';
import { allFiles, CHOICES, goodSettings, rehearsal, serviceOn, snapshot } from './support';

/**
 * The app pool password is checked against its domain before the first change (10 item 7d): a wrong one is refused by
 * the gate with the machine exactly as before, instead of an installation whose pool stops at its first request.
 */
const WRONG = 'Wrong-Canary-Pa55!-e5';

describe('the gate checks the app pool password before the first change', () => {
  it('refuses a wrong password, naming Password and the account, with nothing changed on the machine', async () => {
    const env = await rehearsal();
    const before = snapshot(env.sandbox, env.supportDir);
    const run = await serviceOn(env).install({ settings: goodSettings(), choices: CHOICES }, { secrets: { appPoolPassword: WRONG } });
    expect(run.outcome).toBe('refused');
    expect(run.changed).toBe(false);
    expect(run.failedChecks?.map((c) => c.id)).toEqual(['app-pool-password']);
    expect(run.failedChecks?.[0].details).toMatch(/^The password for CONTOSO\\svc-async is not correct/);
    expect(run.failedChecks?.[0].fix).toMatch(/in Password on Configure Async Server/);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
    // The wrong password is in no file the refusal wrote (log, journal) nor in its answer.
    for (const file of allFiles(env.sandbox)) expect(readFileSync(file, 'utf8'), file).not.toContain(WRONG);
    expect(JSON.stringify(run)).not.toContain(WRONG);
  });

  it('installs with the password the domain accepts, the check passed in the log', async () => {
    const env = await rehearsal();
    const run = await serviceOn(env).install({ settings: goodSettings(), choices: CHOICES }, { secrets: { appPoolPassword: REHEARSAL_ACCOUNT_PASSWORD } });
    expect(run.outcome, run.message).toBe('installed');
    expect(readFileSync(run.logFile!, 'utf8')).toMatch(/passed +app-pool-password: The password for CONTOSO\\svc-async is correct/);
  });

  it('goes on, with a warning, when no domain controller answers', async () => {
    const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-install-'));
    const file = defaultScenarioCopy((s) => (s.computer.domainControllerReachable = false), sandbox);
    const host = new RehearsalHost(loadScenario(file), path.join(sandbox, 'machine'));
    const env = { host, supportDir: path.join(sandbox, 'machine', 'drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup') };
    const run = await serviceOn(env).install({ settings: goodSettings(), choices: CHOICES }, { secrets: { appPoolPassword: REHEARSAL_ACCOUNT_PASSWORD } });
    expect(run.outcome, run.message).toBe('installed');
    expect(readFileSync(run.logFile!, 'utf8')).toMatch(/warning +app-pool-password: The password for CONTOSO\\svc-async could not be checked: no domain controller of CONTOSO could be contacted/);
  });

  it('deploy: exit 3 with the failed check in the table, the machine unchanged', async () => {
    const m = await cliMachine();
    const file = writeSettings(m.root, settingsXml({}));
    const before = snapshot(m.sandbox, supportDirOf(m.sandbox));
    const run = cliIo({ CDX_SETUP_PASSWORD: WRONG });
    const code = await runCli(['deploy', '--settings', file, '--rehearsal', '--sandbox', m.sandbox], run.io);
    expect(code, run.err.join('\n')).toBe(3);
    const out = run.out.join('\n');
    expect(out).toMatch(/^Error +App pool password$/m);
    expect(out.replace(/\s+/g, ' ')).toContain('The password for CONTOSO\\svc-async is not correct');
    expect(snapshot(m.sandbox, supportDirOf(m.sandbox))).toEqual(before);
    expect(`${out}${run.err.join('\n')}`).not.toContain(WRONG);
  });

  it('validate --settings checks the password given by --credential-file or CDX_SETUP_PASSWORD, and skips it without one', async () => {
    const m = await cliMachine();
    const file = writeSettings(m.root, settingsXml({}));
    const validate = async (env: Record<string, string>, extra: string[] = []) => {
      const run = cliIo(env);
      const code = await runCli(['validate', '--settings', file, '--rehearsal', '--sandbox', m.sandbox, '--json', ...extra], run.io);
      return { code, result: JSON.parse(run.out.join('')).results.find((r: { id: string }) => r.id === 'app-pool-password'), text: run.out.join('') + run.err.join('') };
    };
    const wrong = await validate({ CDX_SETUP_PASSWORD: WRONG });
    expect(wrong.code).toBe(3);
    expect(wrong.result.status).toBe('error');
    expect(wrong.text).not.toContain(WRONG);
    const credential = writeSettings(m.root, `${REHEARSAL_ACCOUNT_PASSWORD}\n`, 'pool.txt');
    expect((await validate({}, ['--credential-file', credential])).result.status).toBe('passed');
    const none = await validate({});
    expect(none.code).toBe(0);
    expect(none.result).toMatchObject({ status: 'not-applicable', details: 'No password was given for CONTOSO\\svc-async, so it was not checked.' });
  });
});

describe('the canary app pool password of a validation goes nowhere', () => {
  it('prerequisites.run: not in the answer, the kept report (JSON and HTML), the support files or the support bundle', async () => {
    const canary = 'Canary-Prereq-Pa55!-f6';
    const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-prereq-canary-'));
    const file = defaultScenarioCopy((s) => (s.accounts[0].password = canary), sandbox);
    const host = new RehearsalHost(loadScenario(file), path.join(sandbox, 'machine'));
    const ctx = createEngineContext({ host, toolVersion: 'test' });
    const request = { runId: 'canary', stage: 'after-configure' as const, components: ['async-server' as const], settings: goodSettings(), configure: true, passwordProvided: true };
    const events: unknown[] = [];
    ctx.subscribe((name, payload) => events.push({ name, payload }));
    const right = await dispatch(ctx, 'prerequisites.run', { ...request, appPoolPassword: canary });
    expect(right).toMatchObject({ ok: true, value: { report: { secrets: { AppPoolPassword: 'entered (not shown)' } } } });
    const check = (right as { value: { report: { results: { id: string; status: string }[] } } }).value.report.results.find((r) => r.id === 'app-pool-password');
    expect(check?.status).toBe('passed');
    const wrongCanary = `${canary}-wrong`;
    const wrong = await dispatch(ctx, 'prerequisites.run', { ...request, appPoolPassword: wrongCanary });
    expect((wrong as { value: { report: { results: { id: string; status: string }[] } } }).value.report.results.find((r) => r.id === 'app-pool-password')?.status).toBe('error');
    expect(JSON.stringify([right, wrong, events])).not.toContain(canary);
    const made = await dispatch(ctx, 'diagnostics.create', {});
    expect(made.ok).toBe(true);
    const zip = Buffer.from((made as { value: { zipBase64: string } }).value.zipBase64, 'base64');
    const zipFile = path.join(sandbox, 'bundle.zip');
    writeFileSync(zipFile, zip);
    const unzipped = spawnSync('unzip', ['-p', zipFile], { encoding: 'utf8' });
    expect(unzipped.stdout).toContain('prerequisites');
    expect(unzipped.stdout).not.toContain(canary);
    for (const f of allFiles(path.join(sandbox, 'machine'))) {
      expect(readFileSync(f).includes(canary), f).toBe(false);
      if (f.endsWith('.zip')) expect(spawnSync('unzip', ['-p', f], { encoding: 'utf8' }).stdout, f).not.toContain(canary);
    }
  });
});
