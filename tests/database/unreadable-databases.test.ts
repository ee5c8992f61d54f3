import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/engine/api/dispatch';
import { listDatabases } from '../../electron/engine/database/database-listing';
import { checkSqlAccess, sqlTargetFromSettings, messageDatabaseOperations } from '../../electron/engine/components/async-server/message-database';
import { createEngineContext } from '../../electron/engine/engine';
import { applyAll, choiceFor, context, rehearsalHost, samplePayload, settingsFor } from './support';

/**
 * One database that cannot be read (an availability group secondary without read access, one in single-user mode,
 * one offline, one without access) must not abort the list of the others: what can be read is listed, and what
 * cannot is named with its reason.
 */
const UNREADABLE = [
  { name: 'ArchiveDB', reason: 'it is offline' },
  { name: 'AsyncServerMessageDB_PS', reason: 'it is an availability group secondary replica that does not allow reads' },
  { name: 'PayrollDB', reason: 'the account used has no access to it' },
  { name: 'ReportingDB', reason: 'it is in single-user mode and in use by another connection' },
];

describe('databases that cannot be read', () => {
  it('the rehearsal refuses to read them as SQL Server does', async () => {
    const host = rehearsalHost('sql-unreadable');
    const session = await host.sql.connect(sqlTargetFromSettings(settingsFor(), choiceFor()), undefined);
    await expect(session.readMark('AsyncServerMessageDB_PS')).rejects.toThrow(/participating in an availability group and is currently not accessible for queries.*\(error 976\)/);
    await expect(session.readMark('ReportingDB')).rejects.toThrow("Database 'ReportingDB' is already open and can only have one user at a time. (error 924)");
    await expect(session.appliedScripts('ArchiveDB')).rejects.toThrow("Database 'ArchiveDB' cannot be opened because it is offline. (error 942)");
    expect((await session.serverDatabases()).find((d) => d.name === 'ReportingDB')).toEqual({ name: 'ReportingDB', state: 'ONLINE', userAccess: 'SINGLE_USER', hasAccess: false });
  });

  it('are listed with their reason beside the readable ones', async () => {
    const host = rehearsalHost('sql-unreadable');
    const session = await host.sql.connect(sqlTargetFromSettings(settingsFor(), choiceFor()), undefined);
    const listed = await listDatabases(session);
    expect(listed.filter((d) => d.unreadable).map((d) => ({ name: d.name, reason: d.unreadable }))).toEqual(UNREADABLE);
    expect(listed.find((d) => d.name === 'AsyncServerMessageDB')).toEqual({ name: 'AsyncServerMessageDB', mark: { partition: 'initial', instances: ['CDX-HQ02/AsyncServerSite/AsyncServer'] } });
  });

  it('database.test lists the message databases that can be read and names the others', async () => {
    const engine = createEngineContext({ host: rehearsalHost('sql-unreadable'), toolVersion: 'test' });
    const r = await dispatch(engine, 'database.test', { settings: settingsFor(), database: choiceFor({ mode: 'existing' }) });
    expect(r).toMatchObject({
      ok: true,
      value: { messageDatabases: [{ name: 'AsyncServerMessageDB', partition: 'initial', instances: ['CDX-HQ02/AsyncServerSite/AsyncServer'] }], unreadableDatabases: UNREADABLE },
    });
  });

  it('an unreadable database cannot be chosen, and the prerequisite check names the unreadable ones', async () => {
    const host = rehearsalHost('sql-unreadable');
    const chosen = await checkSqlAccess(host, settingsFor({ HQMessageDatabase: 'AsyncServerMessageDB_PS' }), choiceFor({ mode: 'existing', partition: 'ps' }), {});
    expect(chosen).toMatchObject({ reachable: true, ok: false, field: 'HQMessageDatabase' });
    expect(chosen.message).toContain('AsyncServerMessageDB_PS cannot be read (it is an availability group secondary replica that does not allow reads), so whether it is a message database is not known.');
    const fine = await checkSqlAccess(host, settingsFor(), choiceFor({ mode: 'existing' }), {});
    expect(fine).toMatchObject({ reachable: true, ok: true });
    expect(fine.message).toContain('4 databases could not be read, so whether they are message databases is not known: ArchiveDB (it is offline); AsyncServerMessageDB_PS (');
  });

  it('an installation beside them runs and registers', async () => {
    const host = rehearsalHost('sql-unreadable');
    const run = context(host);
    await applyAll(run, messageDatabaseOperations({ settings: settingsFor(), database: choiceFor({ mode: 'existing' }), payload: samplePayload(), host }));
    expect(host.sql.snapshot().servers.sqlhq01.databases.find((d) => d.name === 'AsyncServerMessageDB')!.mark!.instances.map((i) => i.instance)).toContain('CDX-HQ01/AsyncServerSite/AsyncServer');
  });
});
