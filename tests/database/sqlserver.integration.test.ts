import { databaseExists, listDatabases } from '../../electron/engine/database/database-listing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectWithConnectionString } from '../../electron/engine/database/mssql-session';
import { messageDatabaseOperations } from '../../electron/engine/components/async-server/message-database';
import type { SqlSession } from '../../electron/engine/database/sql-host';
import type { SqlTarget } from '../../electron/engine/database/sql-target';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { applyAll, choiceFor, context, samplePayload, settingsFor, undoAll } from './support';

/**
 * Against a real SQL Server, reached with the connection string in CDX_TEST_SQLSERVER (for example
 * `Server=localhost;User Id=sa;Password=…;TrustServerCertificate=true`). The login needs dbcreator. Windows logins
 * are exercised only when CDX_TEST_SQLSERVER_WINDOWS_ACCOUNT names a Windows account the server can resolve.
 */
const connectionString = process.env.CDX_TEST_SQLSERVER ?? '';
const windowsAccount = process.env.CDX_TEST_SQLSERVER_WINDOWS_ACCOUNT ?? '';
const title = connectionString
  ? 'against the real SQL Server in CDX_TEST_SQLSERVER'
  : 'against a real SQL Server — SKIPPED: CDX_TEST_SQLSERVER is not set (no SQL Server on this machine); set it to a connection string to run';

const target: SqlTarget = { server: 'REALSQL', instance: null, authentication: 'sql', login: 'from-connection-string', trustServerCertificate: false, serverField: 'HQMessageDatabaseServerName' , namedInstanceField: 'HQMessageDatabaseServerNamedInstanceName', databaseField: 'HQMessageDatabase' };

function realHost(): RehearsalHost {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-sqlit-'));
  const file = path.join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify({ name: 'real-sql', sqlServers: [{ name: 'REALSQL', real: connectionString }] }));
  return new RehearsalHost(loadScenario(file), path.join(dir, 'sandbox'));
}

describe.skipIf(!connectionString)(title, () => {
  // A name with ] and ' checks the quoting for real.
  const database = `CdxSetupIT_${process.pid}_${Date.now()}]'x`;
  const sessions: SqlSession[] = [];
  const open = async () => {
    const s = await connectWithConnectionString(connectionString, target);
    sessions.push(s);
    return s;
  };

  afterAll(async () => {
    const s = await open();
    await s.dropDatabase(database).catch(() => undefined);
    await Promise.all(sessions.map((x) => x.close()));
  });

  it('creates the message database, runs the scripts, registers the instance, skips on re-run and drops it on undo', async () => {
    const host = realHost();
    const all = messageDatabaseOperations({
      settings: settingsFor({ HQMessageDatabaseServerName: 'REALSQL', HQMessageDatabaseServerOverride: 'REALSQL', HQMessageDatabase: database, AppPoolUser: windowsAccount, AOSServiceUser: windowsAccount }),
      database: choiceFor(),
      payload: samplePayload(),
      host,
    });
    const ops = windowsAccount ? all : all.filter((o) => o.kind !== 'sql.login');
    const run = context(host);
    await applyAll(run, ops);

    const s = await open();
    const mine = (await listDatabases(s)).find((d) => d.name === database);
    expect(mine?.mark).toEqual({ partition: 'initial', instances: ['CDX-HQ01/AsyncServerSite/AsyncServer'] });
    expect((await s.appliedScripts(database)).map((a) => a.id)).toEqual(samplePayload().manifest.database.scripts.map((x) => x.id));
    for (const op of ops) expect(await op.isDone(run.ctx), op.id).toBe(true);

    await undoAll(run);
    expect(await databaseExists(s, database)).toBe(false);
  });

  it('maps a second CREATE DATABASE of the same name to "already exists"', async () => {
    const s = await open();
    await s.createDatabase(database);
    await expect(s.createDatabase(database)).rejects.toMatchObject({ kind: 'database-exists', field: 'HQMessageDatabase' });
    await s.dropDatabase(database);
  });

  it('maps a wrong password to a login failure naming the login', async () => {
    const wrong = connectionString.replace(/(password|pwd)\s*=\s*[^;]*/i, '$1=Not-The-Password-1');
    await expect(connectWithConnectionString(wrong, target)).rejects.toMatchObject({ kind: 'login-failed' });
  });
});
