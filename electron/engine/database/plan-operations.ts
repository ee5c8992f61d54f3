import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseChoice } from '../../../shared/contract/schemas';
import type { LoadedPayload } from '../payload/manifest';
import type { Operation, OperationContext, UndoData, UndoKind, UndoTarget } from '../plan/operation';
import { splitBatches, ScriptSyntaxError } from './go-splitter';
import { scriptChecksum } from './mssql-session';
import { judgeDatabaseChoice } from './partition-rule';
import { databaseExists, listDatabases } from './database-listing';
import { executorRoleUndo } from './executor-role-operation';
import type { AppliedScript } from './sql-host';
import { sameName, unlessDatabaseMissing, withSession } from './session-use';
import { describeTarget, type SqlTarget } from './sql-target';

/** Where a database operation works, as the journal keeps it: the server and sign-in (never the password), the database. */
export interface DatabaseTarget extends UndoTarget {
  sql: SqlTarget;
  database: string;
}

const databaseTarget = (t: UndoTarget) => t as DatabaseTarget;

/** Only a database the run created is dropped; a skipped (already present) one has no undo entry. */
const databaseUndo: UndoKind = {
  kind: 'sql.database',
  async undo(ctx, raw, before) {
    const { sql, database } = databaseTarget(raw);
    if (!before || before.created !== true) return;
    await withSession(ctx, sql, (s) => s.dropDatabase(database));
    ctx.log('info', `Dropped the database ${database}, which this run had created.`);
  },
};

/**
 * A schema change cannot be taken back statement by statement. When the run created the database, its drop (undone
 * after this) removes the script with it; on an existing database the applied script stays recorded.
 */
const scriptUndo: UndoKind = {
  kind: 'sql.script',
  async undo(ctx, raw) {
    const { database } = databaseTarget(raw);
    ctx.log('warning', `The database script ${String(raw.script)} stays applied to ${database}; a database this run created is dropped with it.`);
  },
};

const loginUndo: UndoKind = {
  kind: 'sql.login',
  async undo(ctx, raw, before) {
    if (!before) return;
    const { sql, database } = databaseTarget(raw);
    const d = before as { login: string; owner?: boolean; userName: string; createdLogin: boolean; createdUser: boolean; addedRoles: string[] };
    if (d.owner) return; // nothing was added for the owner
    await withSession(ctx, sql, async (s) => {
      if (await databaseExists(s, database)) {
        for (const role of d.addedRoles) await s.dropRoleMember(database, role, d.userName);
        if (d.createdUser) await s.dropUser(database, d.userName);
      }
      if (d.createdLogin) await s.dropLogin(d.login);
    });
  },
};

const registerUndo: UndoKind = {
  kind: 'sql.instance',
  async undo(ctx, raw, before) {
    if (!before) return;
    const { sql, database } = databaseTarget(raw);
    await withSession(ctx, sql, async (s) => {
      if (await databaseExists(s, database)) await s.unregisterInstance(database, String(raw.instance), before.partitionSet === true);
    });
  },
};

/** The undo of each kind of message database operation, for the undo registry. */
export const databaseUndoKinds: UndoKind[] = [databaseUndo, scriptUndo, executorRoleUndo, loginUndo, registerUndo];

/** How a message database serves its partition, and the installation that registers with it. */
export interface MessageDatabaseUse {
  partition: string;
  /** This installation, as the message database records it. */
  instance: string;
}

/** Creates the message database when it is missing, after the partition rule has let this installation have it. */
export function createDatabaseOperation(target: SqlTarget, name: string, use: MessageDatabaseUse, authentication: DatabaseChoice['authentication']): Operation {
  return {
    id: `sql.database:${name}`,
    kind: databaseUndo.kind,
    target: { sql: target, database: name } satisfies DatabaseTarget,
    description: `Create the message database ${name} on ${describeTarget(target)}`,
    details: { server: describeTarget(target), database: name, partition: use.partition, authentication },
    isDone: (ctx) => withSession(ctx, target, (s) => databaseExists(s, name)),
    async apply(ctx) {
      return withSession(ctx, target, async (s) => {
        const verdict = judgeDatabaseChoice(await listDatabases(s), 'create', { field: target.databaseField, name }, use.partition.trim(), use.instance);
        if (!verdict.ok) throw new Error(verdict.message ?? 'The message database cannot be created.');
        await s.createDatabase(name);
        ctx.log('info', `Created the database ${name} on ${describeTarget(target)}.`);
        return { database: name, created: true };
      });
    },
  };
}

/** One payload script, run once on the database and recorded there. */
export function scriptOperation(payload: LoadedPayload, target: SqlTarget, name: string, script: { id: string; path: string }): Operation {
  const file = path.resolve(payload.root, script.path);
  return {
    id: `sql.script:${script.id}`,
    kind: scriptUndo.kind,
    target: { sql: target, database: name, script: script.path } satisfies DatabaseTarget,
    description: `Run the database script ${script.path} on ${name}`,
    details: { server: describeTarget(target), database: name, script: script.path },
    async isDone(ctx) {
      let applied: AppliedScript | undefined;
      const found = await unlessDatabaseMissing(async () => {
        applied = await withSession(ctx, target, async (s) => (await s.appliedScripts(name)).find((a) => a.id === script.id));
        return applied !== undefined;
      });
      if (!found || !applied) return false;
      // Applied is applied: a script is never run twice, but a changed file is worth a line in the log.
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text !== null && /^[0-9a-f]{64}$/.test(applied.checksum) && applied.checksum !== scriptChecksum(text)) {
        ctx.log('warning', `The database script ${script.path} differs from the one applied to ${name} (checksum ${applied.checksum.slice(0, 12)}…); it is not run again.`);
      }
      return true;
    },
    async apply(ctx) {
      const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new Error(`The payload's database script ${script.path} cannot be read (${err.code ?? err.message}).`);
      });
      let batches;
      try {
        batches = splitBatches(text);
      } catch (err) {
        if (err instanceof ScriptSyntaxError) throw new Error(`The database script ${script.path}, ${err.message}`);
        throw err;
      }
      await withSession(ctx, target, (s) => s.runScript(name, { id: script.id, checksum: scriptChecksum(text), batches }));
      ctx.log('info', `Applied ${script.path} (${batches.length} batches) to ${name}.`);
      return { database: name, script: script.id };
    },
  };
}

/**
 * The database's owner is dbo there and may do everything; SQL Server refuses dbo a user or a role. It signs in as
 * it did to create the database (or as an administrator made it the owner), so nothing is added for it.
 */
function ownerNeedsNothing(login: string, database: string): string {
  return `${login} owns ${database}, so it is dbo there: ownership includes reading, writing and executing, and no login, user or role is added for it.`;
}

/**
 * A Windows account's login on the server, its user in the database and its roles there (any component's);
 * `resolve` names the account as the SQL Server knows it. Undo removes what it added.
 */
export function accountLoginOperation(target: SqlTarget, name: string, account: string, roles: string[], resolve: (ctx: OperationContext) => Promise<string>): Operation {
  return {
    id: `sql.login:${account}`,
    kind: loginUndo.kind,
    target: { sql: target, database: name } satisfies DatabaseTarget,
    description: `Give ${account} a login on ${describeTarget(target)} and the roles ${roles.join(', ') || '(none)'} in ${name}`,
    details: { server: describeTarget(target), database: name, account, roles: roles.join(', ') },
    async isDone(ctx) {
      const login = await resolve(ctx);
      return unlessDatabaseMissing(() =>
        withSession(ctx, target, async (s) => {
          const p = await s.principal(name, login);
          if (p.owner) {
            ctx.log('info', ownerNeedsNothing(login, name));
            return true;
          }
          return p.loginExists && p.userName !== null && roles.every((r) => p.roles.some((have) => sameName(have, r)));
        }),
      );
    },
    async apply(ctx) {
      const login = await resolve(ctx);
      return withSession(ctx, target, async (s) => {
        const before = await s.principal(name, login);
        if (before.owner) {
          ctx.log('info', ownerNeedsNothing(login, name));
          return { database: name, login, owner: true, userName: before.userName, createdLogin: false, createdUser: false, addedRoles: [] };
        }
        if (!before.loginExists) await s.createWindowsLogin(login);
        const userName = before.userName ?? login;
        if (before.userName === null) await s.createUser(name, login);
        const added = roles.filter((r) => !before.roles.some((have) => sameName(have, r)));
        for (const role of added) await s.addRoleMember(name, role, userName);
        ctx.log('info', `${login}: login ${before.loginExists ? 'present' : 'created'}, user ${userName} in ${name}, roles added: ${added.join(', ') || 'none'}.`);
        return { database: name, login, owner: false, userName, createdLogin: !before.loginExists, createdUser: before.userName === null, addedRoles: added };
      });
    },
  };
}

/** How the installed application reaches its message database, as the database records it beside the instance. */
export interface InstalledConnection {
  /** The server name it connects with. */
  server: string;
  /** Its connection string (no password: it signs in with Windows authentication), shown in the plan. */
  connectionString: string;
}

/** Registers this installation with its partition in the message database; undo unregisters it. */
export function registerInstanceOperation(target: SqlTarget, name: string, use: MessageDatabaseUse, connection: InstalledConnection): Operation {
  const { instance } = use;
  const partition = use.partition.trim();
  return {
    // One per installation, not per database: instances sharing the message database each register and unregister.
    id: `sql.instance:${name}/${instance}`,
    kind: registerUndo.kind,
    target: { sql: target, database: name, instance } satisfies DatabaseTarget,
    description: `Record ${instance} as an instance of partition ${partition} using ${name}, connecting to ${connection.server}`,
    details: {
      database: name,
      instance,
      partition,
      connectionString: connection.connectionString,
    },
    isDone: (ctx) =>
      withSession(ctx, target, async (s) => {
        const db = (await listDatabases(s)).find((d) => sameName(d.name, name));
        return !!db?.mark && db.mark.partition !== null && sameName(db.mark.partition, partition) && db.mark.instances.includes(instance);
      }),
    async apply(ctx): Promise<UndoData> {
      return withSession(ctx, target, async (s) => {
        const verdict = judgeDatabaseChoice(await listDatabases(s), 'existing', { field: target.databaseField, name }, partition, instance);
        if (!verdict.ok) throw new Error(verdict.message ?? `${name} cannot be used by partition ${partition}.`);
        const { partitionSet } = await s.registerInstance(name, { instance, partition, connectionServer: connection.server });
        return { database: name, instance, partitionSet };
      });
    },
  };
}
