import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/engine/api/dispatch';
import { checkSqlAccess } from '../../electron/engine/components/async-server/message-database';
import { createEngineContext } from '../../electron/engine/engine';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { choiceFor, rehearsalHost, settingsFor } from './support';

const engine = (scenario: string) => createEngineContext({ host: rehearsalHost(scenario), toolVersion: 'test' });

describe('database.test and database.check', () => {
  it('lists only marked databases, with partition and instances', async () => {
    const r = await dispatch(engine('sql-partitions'), 'database.test', { settings: settingsFor(), database: choiceFor() });
    expect(r).toMatchObject({ ok: true, value: { server: 'SQLHQ01', canCreateDatabase: true, instance: 'CDX-HQ01/AsyncServerSite/AsyncServer' } });
    expect((r as { value: { messageDatabases: unknown[] } }).value.messageDatabases).toEqual([
      { name: 'AsyncServerMessageDB', partition: 'initial', instances: ['CDX-HQ02/AsyncServerSite/AsyncServer'] },
      { name: 'AsyncServerMessageDB_PS', partition: 'ps', instances: ['CDX-HQ03/AsyncServerSite/AsyncServer'] },
    ]);
  });

  it('names the field when the login fails, and never echoes the password', async () => {
    const canary = 'Canary-Sql-Pa55!';
    const windows = await dispatch(engine('sql-login-failed'), 'database.test', { settings: settingsFor(), database: choiceFor(), sqlPassword: '' });
    expect(windows).toMatchObject({ ok: false, error: { field: 'database.authentication' } });
    const sql = await dispatch(engine('sql-login-failed'), 'database.test', { settings: settingsFor(), database: choiceFor({ authentication: 'sql', sqlLogin: 'cdx_setup' }), sqlPassword: canary });
    expect(sql).toMatchObject({ ok: false, error: { field: 'database.sqlLogin', message: expect.stringContaining('refused the login cdx_setup') } });
    expect(JSON.stringify(sql)).not.toContain(canary);
  });

  it('warns when the server certificate is trusted without validation', async () => {
    const r = await dispatch(engine('default'), 'database.check', { settings: settingsFor(), database: choiceFor({ trustServerCertificate: true }) });
    expect(r).toMatchObject({ ok: true, value: { ok: true, warnings: [expect.stringContaining("the server's identity is not verified")] } });
  });

  it('judges the choice: partition conflict refused with the database to use instead', async () => {
    const r = await dispatch(engine('sql-partitions'), 'database.check', { settings: settingsFor({ HQMessageDatabase: 'AsyncServerMessageDB_PS' }), database: choiceFor({ mode: 'existing' }) });
    expect(r).toMatchObject({ ok: true, value: { ok: false, field: 'database.partition', suggestion: 'AsyncServerMessageDB' } });
  });

  it('names the Server name for an unknown server', async () => {
    const r = await dispatch(engine('default'), 'database.test', { settings: settingsFor({ HQMessageDatabaseServerName: 'SQLNOPE' }), database: choiceFor() });
    expect(r).toMatchObject({ ok: false, error: { field: 'HQMessageDatabaseServerName', message: 'The server SQLNOPE was not found on the network. Check the Server name.' } });
  });
});

describe('checkSqlAccess (for the prerequisite check)', () => {
  it('reports reachable, the right to create, and whether the database exists', async () => {
    expect(await checkSqlAccess(rehearsalHost('default'), settingsFor(), choiceFor(), {})).toMatchObject({ reachable: true, canCreateDatabase: true, databaseExists: false, ok: true });
    expect(await checkSqlAccess(rehearsalHost('sql-faults'), settingsFor({ HQMessageDatabase: 'NewDB' }), choiceFor(), {})).toMatchObject({ reachable: true, canCreateDatabase: false, ok: false });
    expect(await checkSqlAccess(rehearsalHost('sql-existing'), settingsFor(), choiceFor({ mode: 'existing' }), {})).toMatchObject({ reachable: true, databaseExists: true, ok: true });
    expect(await checkSqlAccess(rehearsalHost('sql-login-failed'), settingsFor(), choiceFor(), {})).toMatchObject({ reachable: false, ok: false, field: 'database.authentication' });
  });
});

describe('the scenario sqlServers section', () => {
  it('refuses a bad entry, naming the scenario file and the server', () => {
    const dir = path.join(rehearsalHost('default').sandboxRoot, 'bad');
    mkdirSync(dir);
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', sqlServers: [{ name: 'SQLX', faults: [{ at: 'somewhere', error: 'timeout' }] }] }));
    expect(() => new RehearsalHost(loadScenario(file), path.join(dir, 'sandbox'))).toThrow(/scenario\.json is not a valid scenario: sqlServers\[0\] \(SQLX\).*faults\.0\.at/);
  });
});
