import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { allFiles } from '../install/support';
import { cliIo, instancesOn, settingsXml } from './support';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';

// The password the scenario's service account accepts (the gate checks it), and the canary searched for.
const POOL = REHEARSAL_ACCOUNT_PASSWORD;
/** The password of the SQL login cdx_setup on SQLHQ01 in the default scenario. */
const SQL_PASSWORD = 'Rehearsal-Only-Pa55';
const SQL_AUTH = '<CdxSetup xmlns="urn:cdx-setup:choices" configure="true" components="async-server" databaseMode="create" databaseAuthentication="sql" sqlLogin="cdx_setup" trustServerCertificate="false" partition="initial" />';

function write(text: string, name = 'ss-settings.xml') {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdx-choices-')), name);
  writeFileSync(file, text);
  return file;
}

function sandbox() {
  return mkdtempSync(path.join(os.tmpdir(), 'cdx-cli-choices-'));
}

async function planKinds(file: string, extra: string[] = []) {
  const run = cliIo();
  expect(await runCli(['plan', '--settings', file, '--rehearsal', '--sandbox', sandbox(), '--json', ...extra], run.io), run.err.join('\n')).toBe(0);
  const plan = JSON.parse(run.out.join(''));
  return { kinds: plan.operations.map((o: { kind: string }) => o.kind) as string[], choices: plan.choices, err: run.err.join('\n') };
}

describe('the settings file\'s CdxSetup choices in plan and deploy', () => {
  it('configure="false" places the files only; --files-only clears Configure in a file that selects it', async () => {
    const filesOnly = await planKinds(write(settingsXml({}, '<CdxSetup xmlns="urn:cdx-setup:choices" configure="false" />')));
    expect(filesOnly.choices.configure).toBe(false);
    expect(filesOnly.kinds).not.toContain('iis.site');
    expect(filesOnly.kinds).toContain('files');

    const configured = write(settingsXml({}, '<CdxSetup xmlns="urn:cdx-setup:choices" configure="true" />'));
    expect((await planKinds(configured)).kinds).toContain('iis.site');
    const overridden = await planKinds(configured, ['--files-only']);
    expect(overridden.choices.configure).toBe(false);
    expect(overridden.kinds).not.toContain('iis.site');
  });

  it('takes the database choices from the file, and the wizard\'s defaults for what it leaves out', async () => {
    const { choices } = await planKinds(write(settingsXml({}, '<CdxSetup xmlns="urn:cdx-setup:choices" databaseMode="existing" partition="retail" />')));
    expect(choices.database).toEqual({ mode: 'existing', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'retail' });
    const defaults = await planKinds(write(settingsXml({})));
    expect(defaults.choices).toEqual({ configure: true, components: ['async-server'], database: { mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial' } });
  });

  it('prints warnings as file:line: warning and goes on; errors stop with exit 2', async () => {
    const warned = write(settingsXml({}).replace('</Settings>', '  <Notes author="ops" />\n</Settings>'));
    const { err, kinds } = await planKinds(warned);
    expect(err).toMatch(new RegExp(`${warned.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: warning: Notes is not a setting`));
    expect(kinds).toContain('iis.site');

    const bad = write(settingsXml({}, '<CdxSetup xmlns="urn:cdx-setup:choices" databaseMode="maybe" />'));
    const run = cliIo();
    expect(await runCli(['plan', '--settings', bad, '--rehearsal', '--sandbox', sandbox()], run.io)).toBe(2);
    expect(run.err.join('\n')).toMatch(/ss-settings\.xml:\d+: error: CdxSetup databaseMode is "maybe"; use "create" or "existing"\./);
  });
});

describe('the SQL login password when the file chooses SQL Server authentication', () => {
  it('deploy says how to give it when it is missing, and changes nothing (exit 2)', async () => {
    const box = sandbox();
    const run = cliIo({ CDX_SETUP_PASSWORD: POOL });
    expect(await runCli(['deploy', '--settings', write(settingsXml({}, SQL_AUTH)), '--rehearsal', '--sandbox', box], run.io)).toBe(2);
    expect(run.err.join('\n')).toContain(
      'The password of the SQL login cdx_setup is needed (the settings file chooses SQL Server authentication for the message database): give --sql-credential-file FILE, set CDX_SETUP_SQL_PASSWORD, or run on a terminal to be asked.',
    );
    expect(allFiles(box).filter((f) => f.includes('inetpub'))).toEqual([]);
  });

  it('deploy signs in with it from --sql-credential-file, CDX_SETUP_SQL_PASSWORD or the prompt, and writes it nowhere', async () => {
    const file = write(settingsXml({}, SQL_AUTH));
    const credential = write(`${SQL_PASSWORD}\r\nignored second line\n`, 'sql.txt');
    const fromFile = sandbox();
    const run = cliIo({ CDX_SETUP_PASSWORD: POOL });
    expect(await runCli(['deploy', '--settings', file, '--sql-credential-file', credential, '--rehearsal', '--sandbox', fromFile], run.io), run.out.join('\n')).toBe(0);
    expect(await instancesOn(fromFile)).toEqual(['AsyncServer']);
    for (const f of allFiles(fromFile)) expect(readFileSync(f, 'utf8'), f).not.toContain(SQL_PASSWORD);

    const fromEnv = cliIo({ CDX_SETUP_PASSWORD: POOL, CDX_SETUP_SQL_PASSWORD: SQL_PASSWORD });
    expect(await runCli(['deploy', '--settings', file, '--rehearsal', '--sandbox', sandbox()], fromEnv.io), fromEnv.out.join('\n')).toBe(0);

    const questions: string[] = [];
    const prompted = cliIo({ CDX_SETUP_PASSWORD: POOL }, { interactive: true, readSecret: async (q) => (questions.push(q), SQL_PASSWORD) });
    expect(await runCli(['deploy', '--settings', file, '--rehearsal', '--sandbox', sandbox()], prompted.io)).toBe(0);
    expect(questions).toEqual(['Password of the SQL login cdx_setup: ']);
  });

  it('a wrong SQL password is refused by the prerequisite gate before any change (exit 3), and the password is in no log', async () => {
    const wrong = 'Wrong-Sql-Canary-77!';
    const box = sandbox();
    const run = cliIo({ CDX_SETUP_PASSWORD: POOL, CDX_SETUP_SQL_PASSWORD: wrong });
    expect(await runCli(['deploy', '--settings', write(settingsXml({}, SQL_AUTH)), '--rehearsal', '--sandbox', box], run.io)).toBe(3);
    expect(run.out.join('\n')).toMatch(/Error +SQL Server reachable with the rights needed/);
    expect(allFiles(box).filter((f) => f.includes('inetpub'))).toEqual([]);
    expect(await instancesOn(box)).toEqual([]);
    for (const f of allFiles(box)) expect(readFileSync(f, 'utf8'), f).not.toContain(wrong);
    expect([...run.out, ...run.err].join('\n')).not.toContain(wrong);
  });

  it('deploy --resume of a run a crash cut off asks for it again (exit 2 without it) and finishes with it', async () => {
    const box = sandbox();
    const env = { CDX_SETUP_PASSWORD: POOL, CDX_SETUP_SQL_PASSWORD: SQL_PASSWORD };
    expect(await runCli(['deploy', '--settings', write(settingsXml({}, SQL_AUTH)), '--rehearsal', '--sandbox', box], cliIo(env).io)).toBe(0);
    // As if the power went off while the instance record was written: its start is journaled, its end is not.
    const journalDir = path.join(box, 'drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup', 'journal');
    const journal = path.join(journalDir, readdirSync(journalDir)[0]);
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    writeFileSync(journal, `${lines.slice(0, -2).join('\n')}\n`);

    const missing = cliIo({ CDX_SETUP_PASSWORD: POOL });
    expect(await runCli(['deploy', '--resume', '--rehearsal', '--sandbox', box], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/The password of the SQL login cdx_setup is needed/);
    const resumed = cliIo(env);
    expect(await runCli(['deploy', '--resume', '--rehearsal', '--sandbox', box], resumed.io), resumed.out.join('\n')).toBe(0);
    expect(await instancesOn(box)).toEqual(['AsyncServer']);
  });

  it('is refused as an argument', async () => {
    const run = cliIo();
    expect(await runCli(['deploy', '--settings', write(settingsXml({}, SQL_AUTH)), '--sql-password', 'x', '--rehearsal', '--sandbox', sandbox()], run.io)).toBe(2);
    expect(run.err.join('')).toMatch(/--sql-password is not accepted.*--sql-credential-file, the CDX_SETUP_SQL_PASSWORD environment variable or the prompt/);
  });

  it('validate --settings asks for it too, and signs in with it for the SQL Server check', async () => {
    const file = write(settingsXml({}, SQL_AUTH));
    const missing = cliIo();
    expect(await runCli(['validate', '--settings', file, '--rehearsal', '--sandbox', sandbox(), '--json'], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/The password of the SQL login cdx_setup is needed .*CDX_SETUP_SQL_PASSWORD/);

    const given = cliIo({ CDX_SETUP_SQL_PASSWORD: SQL_PASSWORD });
    await runCli(['validate', '--settings', file, '--rehearsal', '--sandbox', sandbox(), '--json'], given.io);
    const report = JSON.parse(given.out.join(''));
    const sql = report.results.filter((r: { id: string }) => /sql/i.test(r.id));
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.every((r: { status: string }) => r.status !== 'error'), JSON.stringify(sql)).toBe(true);

    const wrong = cliIo({ CDX_SETUP_SQL_PASSWORD: 'Wrong-Validate-Canary' });
    await runCli(['validate', '--settings', file, '--rehearsal', '--sandbox', sandbox(), '--json'], wrong.io);
    expect(wrong.out.join('')).not.toContain('Wrong-Validate-Canary');
    const failed = JSON.parse(wrong.out.join('')).results.filter((r: { id: string; status: string }) => /sql/i.test(r.id) && r.status === 'error');
    expect(failed.length, wrong.out.join('')).toBeGreaterThan(0);
  });
});
