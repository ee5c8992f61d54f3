import { describe, expect, it } from 'vitest';
import { messageDatabaseOperations, sqlTargetFromSettings } from '../../electron/engine/components/async-server/message-database';
import type { Operation } from '../../electron/engine/plan/operation';
import { applyAll, choiceFor, context, patchedRehearsalHost, rehearsalHost, samplePayload, settingsFor, undoAll } from './support';

/**
 * The guide: the product's RetailHQMessageDBUsers has read, write and execute on stored procedures (db_executor).
 * The app pool identity gets db_datareader, db_datawriter and db_executor; the AOS service user reading and writing only.
 */
const SCRIPTS = samplePayload().manifest.database.scripts.map((s) => s.id);

function existingDatabaseWith(roles: { name: string; execute: boolean; members?: string[] }[]) {
  return patchedRehearsalHost((scenario) => {
    scenario.sqlServers[0].databases.push({ name: 'MsgDB', mark: { partition: 'initial', instances: [] }, scripts: SCRIPTS, roles });
  });
}

const existing = (host: ReturnType<typeof rehearsalHost>) =>
  messageDatabaseOperations({ settings: settingsFor({ HQMessageDatabase: 'MsgDB' }), database: choiceFor({ mode: 'existing' }), payload: samplePayload(), host });
const roleOp = (ops: Operation[]) => ops.find((o) => o.id === 'sql.role:db_executor')!;
const msgDb = (host: ReturnType<typeof rehearsalHost>) => host.sql.snapshot().servers.sqlhq01.databases.find((d) => d.name === 'MsgDB')!;

describe('the executor role (db_executor)', () => {
  it('the rehearsal refuses what SQL Server refuses: a missing role, a second role of a name, dropping a role with members', async () => {
    const host = existingDatabaseWith([]);
    const session = await host.sql.connect(sqlTargetFromSettings(settingsFor(), choiceFor()), undefined);
    await session.createUser('MsgDB', 'CONTOSO\\svc-async');
    await expect(session.addRoleMember('MsgDB', 'db_executor', 'CONTOSO\\svc-async')).rejects.toThrow("The role 'db_executor' does not exist in the current database. (error 15014)");
    await session.createRole('MsgDB', 'db_executor');
    await expect(session.createRole('MsgDB', 'db_executor')).rejects.toThrow(/already exists in the current database\. \(error 15023\)/);
    await session.addRoleMember('MsgDB', 'db_executor', 'CONTOSO\\svc-async');
    await expect(session.dropRole('MsgDB', 'db_executor')).rejects.toThrow('The role has members. It must be empty before it can be dropped. (error 15144)');
  });

  it('is created with EXECUTE when missing, the app pool identity made a member, the AOS service user not; undo drops it', async () => {
    const host = existingDatabaseWith([]);
    const before = host.sql.snapshot();
    const ops = existing(host);
    const run = context(host);
    await applyAll(run, ops);
    expect(msgDb(host).roles).toEqual([{ name: 'db_executor', execute: true }]);
    expect(msgDb(host).users.map((u) => [u.name, u.roles])).toEqual([
      ['CONTOSO\\svc-async', ['db_datareader', 'db_datawriter', 'db_executor']],
      ['CONTOSO\\CDX-HQ01$', ['db_datareader', 'db_datawriter']],
    ]);
    expect(run.applied.find((a) => a.op.id === 'sql.role:db_executor')!.data).toEqual({ database: 'MsgDB', role: 'db_executor', createdRole: true, grantedExecute: true });
    for (const op of ops) expect(await op.isDone(run.ctx), op.id).toBe(true);
    await undoAll(run);
    expect(host.sql.snapshot()).toEqual(before);
    expect(run.logs).toContain('info: Dropped the role db_executor from MsgDB, which this run had created.');
  });

  it('an existing role with EXECUTE is used as it is, and kept on undo', async () => {
    const host = existingDatabaseWith([{ name: 'db_executor', execute: true, members: ['CONTOSO\\svc-reports'] }]);
    const before = host.sql.snapshot();
    const ops = existing(host);
    const run = context(host);
    expect(await roleOp(ops).isDone(run.ctx)).toBe(true);
    await applyAll(run, ops);
    expect(run.applied.map((a) => a.op.id)).not.toContain('sql.role:db_executor');
    expect(msgDb(host).users.find((u) => u.name === 'CONTOSO\\svc-async')!.roles).toContain('db_executor');
    await undoAll(run);
    expect(host.sql.snapshot()).toEqual(before);
  });

  it('an existing role without EXECUTE is given it, and undo revokes only that', async () => {
    const host = existingDatabaseWith([{ name: 'db_executor', execute: false }]);
    const before = host.sql.snapshot();
    const run = context(host);
    await applyAll(run, existing(host));
    expect(msgDb(host).roles).toEqual([{ name: 'db_executor', execute: true }]);
    expect(run.applied.find((a) => a.op.id === 'sql.role:db_executor')!.data).toMatchObject({ createdRole: false, grantedExecute: true });
    await undoAll(run);
    expect(host.sql.snapshot()).toEqual(before);
    expect(run.logs).toContain('info: Revoked EXECUTE from the role db_executor in MsgDB, which this run had granted.');
  });

  it('a role this run created keeps its EXECUTE on undo when someone else became a member meanwhile', async () => {
    const host = existingDatabaseWith([]);
    const run = context(host);
    await applyAll(run, existing(host));
    const session = await host.sql.connect(sqlTargetFromSettings(settingsFor(), choiceFor()), undefined);
    await session.createUser('MsgDB', 'CONTOSO\\svc-reports');
    await session.addRoleMember('MsgDB', 'db_executor', 'CONTOSO\\svc-reports');
    await undoAll(run);
    expect(msgDb(host).roles).toEqual([{ name: 'db_executor', execute: true }]);
    expect(msgDb(host).users.map((u) => u.name)).toEqual(['CONTOSO\\svc-reports']);
    expect(run.logs).toContain('warning: The role db_executor stays in MsgDB, with EXECUTE: it has members this run did not add (CONTOSO\\svc-reports).');
  });

  it('a fault creating the role: what came before is undone exactly, the database this run created included', async () => {
    const host = patchedRehearsalHost((scenario) => {
      scenario.sqlServers[0].faults = [{ at: 'role:db_executor', error: 'no-permission' }];
    });
    const before = host.sql.snapshot();
    const run = context(host);
    const ops = messageDatabaseOperations({ settings: settingsFor(), database: choiceFor(), payload: samplePayload(), host });
    await expect(applyAll(run, ops)).rejects.toThrow(/lacks a permission on SQLHQ01 while creating the role db_executor/);
    expect(run.applied.map((a) => a.op.id).at(-1)).toBe('sql.script:090-message-database-mark');
    await undoAll(run);
    expect(host.sql.snapshot()).toEqual(before);
  });
});
