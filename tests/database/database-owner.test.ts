import { describe, expect, it } from 'vitest';
import { undoKind } from '../../electron/engine/plan/undo-registry';
import { messageDatabaseOperations } from '../../electron/engine/components/async-server/message-database';
import { REHEARSAL_WINDOWS_USER } from '../../electron/engine/hosts/rehearsal/sql/rehearsal-sql';
import { sqlTargetFromSettings } from '../../electron/engine/components/async-server/message-database';
import { applyAll, choiceFor, context, patchedRehearsalHost, rehearsalHost, samplePayload, settingsFor, undoAll } from './support';

/**
 * A login that owns the message database is dbo there. SQL Server refuses dbo a role ("Cannot use the special
 * principal 'dbo'", 15405) and a user of its own (15063); ownership already allows everything, so nothing is added.
 */
describe('an account that owns the message database', () => {
  it('the rehearsal refuses what SQL Server refuses: a role or a user for dbo, dropping a login that owns a database', async () => {
    const host = rehearsalHost('default');
    const session = await host.sql.connect(sqlTargetFromSettings(settingsFor(), choiceFor()), undefined);
    await session.createDatabase('OwnedDB');
    expect(await session.principal('OwnedDB', REHEARSAL_WINDOWS_USER)).toEqual({ loginExists: false, userName: 'dbo', roles: ['db_owner'], owner: true });
    await expect(session.addRoleMember('OwnedDB', 'db_datareader', 'dbo')).rejects.toThrow("Cannot use the special principal 'dbo'. (error 15405)");
    await expect(session.createUser('OwnedDB', REHEARSAL_WINDOWS_USER)).rejects.toThrow('The login already has an account under a different user name. (error 15063)');
    await session.createWindowsLogin(REHEARSAL_WINDOWS_USER);
    await expect(session.dropLogin(REHEARSAL_WINDOWS_USER)).rejects.toThrow(/owns one or more database\(s\).*\(error 15174\)/);
  });

  it('the installing user creates the database and runs the app pool: no role is granted to it, the log says why, undo is exact', async () => {
    const host = rehearsalHost('default');
    const before = host.sql.snapshot();
    const run = context(host);
    await applyAll(run, messageDatabaseOperations({ settings: settingsFor({ AppPoolUser: REHEARSAL_WINDOWS_USER }), database: choiceFor(), payload: samplePayload(), host }));
    const db = host.sql.snapshot().servers.sqlhq01.databases.find((d) => d.name === 'AsyncServerMessageDB')!;
    expect(db.owner).toBe(REHEARSAL_WINDOWS_USER);
    // Only the AOS service user (Network Service, as the computer account) got a user and its roles.
    expect(db.users).toEqual([{ name: 'CONTOSO\\CDX-HQ01$', login: 'CONTOSO\\CDX-HQ01$', roles: ['db_datareader', 'db_datawriter'] }]);
    expect(run.logs).toContain(`info: ${REHEARSAL_WINDOWS_USER} owns AsyncServerMessageDB, so it is dbo there: ownership includes reading, writing and executing, and no login, user or role is added for it.`);
    expect(run.applied.map((a) => a.op.id)).not.toContain(`sql.login:${REHEARSAL_WINDOWS_USER}`);
    await undoAll(run);
    expect(host.sql.snapshot()).toEqual(before);
  });

  it('an existing message database owned by the app pool identity: its login operation is done already, and apply adds nothing', async () => {
    const host = patchedRehearsalHost((scenario) => {
      scenario.sqlServers[0].logins.push('CONTOSO\\svc-async');
      scenario.sqlServers[0].databases.push({ name: 'OwnedMessageDB', owner: 'CONTOSO\\svc-async', mark: { partition: 'initial', instances: [] }, scripts: samplePayload().manifest.database.scripts.map((s) => s.id) });
    });
    const before = host.sql.snapshot();
    const ops = messageDatabaseOperations({ settings: settingsFor({ HQMessageDatabase: 'OwnedMessageDB' }), database: choiceFor({ mode: 'existing' }), payload: samplePayload(), host });
    const login = ops.find((o) => o.id === 'sql.login:CONTOSO\\svc-async')!;
    const run = context(host);
    expect(await login.isDone(run.ctx)).toBe(true);
    // Called anyway (a plan built before someone changed the owner), apply changes nothing and undo has nothing to take back.
    const data = await login.apply(run.ctx);
    expect(data).toMatchObject({ database: 'OwnedMessageDB', login: 'CONTOSO\\svc-async', owner: true, createdLogin: false, createdUser: false, addedRoles: [] });
    expect(host.sql.snapshot()).toEqual(before);
    await undoKind(login.kind)!.undo(run.ctx, login.target, data);
    await applyAll(run, ops);
    await undoAll(run);
    expect(host.sql.snapshot()).toEqual(before);
  });
});
