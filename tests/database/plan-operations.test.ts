import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageDatabaseOperations } from '../../electron/engine/components/async-server/message-database';
import { undoKind } from '../../electron/engine/plan/undo-registry';
import { applyAll, choiceFor, context, rehearsalHost, samplePayload, settingsFor, undoAll } from './support';

const SCRIPT_IDS = ['001-schema-version', '010-sessions', '020-packages', '030-status-messages', '090-message-database-mark'];

describe('messageDatabaseOperations on the rehearsal host', () => {
  it('creates the database, runs the scripts in manifest order, grants the accounts and registers the instance', async () => {
    const host = rehearsalHost('default');
    const ops = messageDatabaseOperations({ settings: settingsFor(), database: choiceFor(), payload: samplePayload(), host });
    expect(ops.map((o) => o.id)).toEqual([
      'sql.database:AsyncServerMessageDB',
      ...SCRIPT_IDS.map((id) => `sql.script:${id}`),
      'sql.role:db_executor',
      'sql.login:CONTOSO\\svc-async',
      'sql.login:NT Authority\\Network Service',
      'sql.instance:AsyncServerMessageDB/CDX-HQ01/AsyncServerSite/AsyncServer',
    ]);
    const run = context(host);
    // A preview asks every operation before anything is done: none is done, none fails on the missing database.
    for (const op of ops) expect(await op.isDone(run.ctx), op.id).toBe(false);
    await applyAll(run, ops);

    const server = JSON.parse(readFileSync(host.sql.stateFile, 'utf8')).servers.sqlhq01;
    const db = server.databases.find((d: { name: string }) => d.name === 'AsyncServerMessageDB');
    expect(db.scripts.map((s: { id: string }) => s.id)).toEqual(SCRIPT_IDS);
    expect(db.scripts[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(db.mark).toEqual({ partition: 'initial', instances: [{ instance: 'CDX-HQ01/AsyncServerSite/AsyncServer', connectionServer: 'SQLHQ01' }] });
    // Network Service reaches a remote SQL Server as the computer account.
    expect(server.logins).toEqual(expect.arrayContaining(['CONTOSO\\svc-async', 'CONTOSO\\CDX-HQ01$']));
    expect(db.users).toEqual([
      { name: 'CONTOSO\\svc-async', login: 'CONTOSO\\svc-async', roles: ['db_datareader', 'db_datawriter', 'db_executor'] },
      { name: 'CONTOSO\\CDX-HQ01$', login: 'CONTOSO\\CDX-HQ01$', roles: ['db_datareader', 'db_datawriter'] },
    ]);
    // The app pool identity executes Async Server's stored procedures through the role this run created.
    expect(db.roles).toEqual([{ name: 'db_executor', execute: true }]);

    // A second run finds everything done.
    for (const op of ops) expect(await op.isDone(run.ctx), op.id).toBe(true);
  });

  it('runs only the scripts not yet applied, in manifest order, and notes a changed script', async () => {
    const host = rehearsalHost('default');
    const input = { settings: settingsFor(), database: choiceFor(), payload: samplePayload(), host };
    const ops = messageDatabaseOperations(input);
    const first = context(host);
    await applyAll(first, ops.slice(0, 3)); // the database and the first two scripts
    expect(first.applied.map((a) => a.op.id)).toEqual(['sql.database:AsyncServerMessageDB', 'sql.script:001-schema-version', 'sql.script:010-sessions']);

    const second = context(host);
    await applyAll(second, messageDatabaseOperations(input));
    expect(second.applied.map((a) => a.op.id).filter((id) => id.startsWith('sql.script:'))).toEqual(['sql.script:020-packages', 'sql.script:030-status-messages', 'sql.script:090-message-database-mark']);
    expect(host.sql.snapshot().servers.sqlhq01.databases.find((d) => d.name === 'AsyncServerMessageDB')!.scripts.map((s) => s.id)).toEqual(SCRIPT_IDS);

    // The record says 010-sessions was applied with other content: it is still skipped, and the log says so.
    const file = host.sql.stateFile;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/("id": "010-sessions",\s*"checksum": ")[0-9a-f]{64}/, '$1' + '0'.repeat(64)));
    const third = context(host);
    expect(await ops[2].isDone(third.ctx)).toBe(true);
    expect(third.logs).toEqual([expect.stringContaining('Database/010-sessions.sql differs from the one applied to AsyncServerMessageDB')]);
  });

  it('undo leaves sql.json as before, dropping the database this run created', async () => {
    const host = rehearsalHost('default');
    const before = host.sql.snapshot();
    const run = context(host);
    await applyAll(run, messageDatabaseOperations({ settings: settingsFor(), database: choiceFor(), payload: samplePayload(), host }));
    expect(host.sql.snapshot()).not.toEqual(before);
    await undoAll(run);
    expect(host.sql.snapshot()).toEqual(before);
    expect(run.logs.some((l) => l.includes('Dropped the database AsyncServerMessageDB'))).toBe(true);
  });

  it('reuses an existing marked database, skips applied scripts, and undo keeps the database', async () => {
    const host = rehearsalHost('sql-existing');
    const before = host.sql.snapshot();
    const ops = messageDatabaseOperations({ settings: settingsFor(), database: choiceFor({ mode: 'existing' }), payload: samplePayload(), host });
    expect(ops.some((o) => o.kind === 'sql.database')).toBe(false);
    const run = context(host);
    await applyAll(run, ops);
    expect(run.applied.map((a) => a.op.id)).toEqual(['sql.role:db_executor', 'sql.login:CONTOSO\\svc-async', 'sql.login:NT Authority\\Network Service', 'sql.instance:AsyncServerMessageDB/CDX-HQ01/AsyncServerSite/AsyncServer']);
    const db = host.sql.snapshot().servers.sqlhq01.databases.find((d) => d.name === 'AsyncServerMessageDB')!;
    expect(db.mark?.instances.map((i) => i.instance)).toEqual(['CDX-HQ02/AsyncServerSite/AsyncServer', 'CDX-HQ01/AsyncServerSite/AsyncServer']);
    await undoAll(run);
    expect(host.sql.snapshot()).toEqual(before);
  });

  it('drops only a database this run created: one already present is skipped and survives rollback', async () => {
    const host = rehearsalHost('default');
    const first = context(host);
    const input = { settings: settingsFor(), database: choiceFor(), payload: samplePayload(), host };
    await applyAll(first, messageDatabaseOperations(input));
    const afterFirst = host.sql.snapshot();

    const second = context(host);
    await applyAll(second, messageDatabaseOperations(input));
    expect(second.applied).toEqual([]);
    await undoAll(second);
    const create = messageDatabaseOperations(input)[0];
    await undoKind(create.kind)!.undo(second.ctx, create.target, { database: 'AsyncServerMessageDB', created: false });
    await undoKind(create.kind)!.undo(second.ctx, create.target, null);
    expect(host.sql.snapshot()).toEqual(afterFirst);
  });

  it('refuses a second message database for a partition, and a database of another partition', async () => {
    const host = rehearsalHost('sql-partitions');
    const run = context(host);
    const create = messageDatabaseOperations({ settings: settingsFor({ HQMessageDatabase: 'AnotherMessageDB' }), database: choiceFor(), payload: samplePayload(), host });
    await expect(create[0].apply(run.ctx)).rejects.toThrow('Partition initial already has the message database AsyncServerMessageDB (used by CDX-HQ02/AsyncServerSite/AsyncServer)');

    const wrong = messageDatabaseOperations({ settings: settingsFor({ HQMessageDatabase: 'AsyncServerMessageDB_PS' }), database: choiceFor({ mode: 'existing' }), payload: samplePayload(), host });
    await expect(wrong.at(-1)!.apply(run.ctx)).rejects.toThrow(/AsyncServerMessageDB_PS is the message database of partition ps.*Partition initial uses AsyncServerMessageDB\./);
  });

  it('maps faults: no permission to create the database, a script timing out, a named instance not found', async () => {
    const host = rehearsalHost('sql-faults');
    const run = context(host);
    const ops = messageDatabaseOperations({ settings: settingsFor({ HQMessageDatabase: 'NewMessageDB' }), database: choiceFor(), payload: samplePayload(), host });
    await expect(ops[0].apply(run.ctx)).rejects.toThrow(/may not create databases on SQLHQ01 \(CREATE DATABASE permission denied\)/);

    const onEmpty = messageDatabaseOperations({ settings: settingsFor({ HQMessageDatabase: 'EmptyDB' }), database: choiceFor({ mode: 'existing' }), payload: samplePayload(), host });
    await onEmpty[0].apply(run.ctx);
    await expect(onEmpty[2].apply(run.ctx)).rejects.toThrow(/took longer than the time limit \(120 seconds\) while running script 020-packages/);

    const named = messageDatabaseOperations({ settings: settingsFor({ HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\RETAIL' }), database: choiceFor(), payload: samplePayload(), host });
    await expect(named[0].isDone(run.ctx)).rejects.toThrow(/named instance SQLHQ01\\RETAIL was not found.*SQL Server Browser/);
  });

  it('keeps the SQL password out of sql.json, the log, details and undo data', async () => {
    const host = rehearsalHost('default');
    const canary = 'Canary-Sql-Pa55!';
    const run = context(host, { sqlPassword: canary });
    const ops = messageDatabaseOperations({ settings: settingsFor(), database: choiceFor({ authentication: 'sql', sqlLogin: 'cdx_setup' }), payload: samplePayload(), host });
    await expect(applyAll(run, ops)).rejects.toThrow(/refused the login cdx_setup/);
    expect(existsSync(host.sql.stateFile)).toBe(false);

    const good = context(host, { sqlPassword: 'Rehearsal-Only-Pa55' });
    await applyAll(good, ops);
    const everything = [readFileSync(host.sql.stateFile, 'utf8'), ...run.logs, ...good.logs, JSON.stringify(ops.map((o) => o.details)), JSON.stringify(good.applied.map((a) => a.data))].join('\n');
    expect(everything).not.toContain(canary);
    expect(everything).not.toContain('Rehearsal-Only-Pa55');
  });
});
