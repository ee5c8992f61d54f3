import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SetupChoices } from '../../../shared/contract/schemas';
import type { Settings } from '../../../shared/components/async-server/parameters';
import { accountKey, applicationPoolIdentity, sqlLoginOn, type AccountField } from '../components/async-server/service-accounts';
import type { Host } from '../hosts/host';
import type { LoadedPayload } from '../payload/manifest';
import type { Operation, OperationContext, UndoData, UndoKind, UndoTarget } from '../plan/operation';
import { splitBatches, ScriptSyntaxError } from './go-splitter';
import { connectionServer, messageDatabaseConnectionString } from './installed-connection';
import { scriptChecksum } from './mssql-session';
import { judgeDatabaseChoice } from './partition-rule';
import { databaseExists, listDatabases } from './database-listing';
import { EXECUTOR_ROLE } from './database-roles';
import { executorRoleOperation, executorRoleUndo } from './executor-role-operation';
import type { AppliedScript } from './sql-host';
import { sameName, unlessDatabaseMissing, withSession } from './session-use';
import { describeTarget, PARTITION_REQUIRED, sqlTargetFromSettings, SqlTargetError, type SqlTarget } from './sql-target';

/** What the message database's part of the plan is made from. */
export interface MessageDatabaseInput {
  /** The settings with [tokens] and %VAR% expanded. */
  settings: Settings;
  database: SetupChoices['database'];
  payload: LoadedPayload;
  host: Host;
}

/**
 * The message database's operations, in order: create it (when asked), run the payload's scripts, create the
 * executor role when the payload grants it, give the app pool identity and the AOS service user their logins, users
 * and roles, and register this instance with its partition.
 */
export function messageDatabaseOperations(input: MessageDatabaseInput): Operation[] {
  const target = sqlTargetFromSettings(input.settings, input.database);
  if (input.database.partition.trim() === '') throw new SqlTargetError('database.partition', PARTITION_REQUIRED);
  const name = input.settings.HQMessageDatabase.trim();
  const ops: Operation[] = [];
  if (input.database.mode === 'create') ops.push(createDatabaseOperation(input, target, name));
  for (const script of input.payload.manifest.database.scripts) ops.push(scriptOperation(input.payload, target, name, script));
  const grants = accountGrants(input);
  // The role exists before anyone is made a member, and its undo (after theirs) finds it empty.
  if (grants.some((g) => g.roles.some((r) => sameName(r, EXECUTOR_ROLE)))) ops.push(executorRoleOperation(target, name));
  for (const grant of grants) ops.push(loginOperation(input, target, name, grant.field, grant.roles));
  ops.push(registerOperation(input, target, name));
  return ops;
}

/** This installation, as recorded in the message database: `<computer>/<website>/<application>`. */
export function instanceName(input: Pick<MessageDatabaseInput, 'host' | 'settings'>): string {
  return `${input.host.computerName}/${input.settings.WebSiteName}/${input.settings.WebApplicationName}`;
}

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

function createDatabaseOperation(input: MessageDatabaseInput, target: SqlTarget, name: string): Operation {
  return {
    id: `sql.database:${name}`,
    kind: databaseUndo.kind,
    target: { sql: target, database: name } satisfies DatabaseTarget,
    description: `Create the message database ${name} on ${describeTarget(target)}`,
    details: { server: describeTarget(target), database: name, partition: input.database.partition, authentication: input.database.authentication },
    isDone: (ctx) => withSession(ctx, target, (s) => databaseExists(s, name)),
    async apply(ctx) {
      return withSession(ctx, target, async (s) => {
        const verdict = judgeDatabaseChoice(await listDatabases(s), 'create', name, input.database.partition.trim(), instanceName(input));
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

function accountGrants(input: MessageDatabaseInput): { field: AccountField; account: string; roles: string[] }[] {
  const { roles } = input.payload.manifest.database;
  const grants: { field: AccountField; account: string; key: string; roles: string[] }[] = [];
  const add = (field: AccountField, account: string, wanted: string[]) => {
    // One account in two spellings (Network Service, NetworkService) is one login.
    const key = accountKey(account, input.host.computerName);
    const existing = grants.find((g) => g.key === key);
    if (existing) existing.roles = [...new Set([...existing.roles, ...wanted])];
    else grants.push({ field, account, key, roles: [...wanted] });
  };
  // An empty AppPoolUser is ApplicationPoolIdentity: the pool's virtual account, or the computer's from elsewhere.
  add('AppPoolUser', input.settings.AppPoolUser.trim() || applicationPoolIdentity(input.settings.AppPoolName), roles.appPoolUser);
  if (input.settings.AOSServiceUser.trim() !== '') add('AOSServiceUser', input.settings.AOSServiceUser.trim(), roles.aosServiceUser);
  return grants;
}

/**
 * The database's owner is dbo there and may do everything; SQL Server refuses dbo a user or a role. It signs in as
 * it did to create the database (or as an administrator made it the owner), so nothing is added for it.
 */
function ownerNeedsNothing(login: string, database: string): string {
  return `${login} owns ${database}, so it is dbo there: ownership includes reading, writing and executing, and no login, user or role is added for it.`;
}

function loginOperation(input: MessageDatabaseInput, target: SqlTarget, name: string, field: AccountField, roles: string[]): Operation {
  const account = field === 'AppPoolUser' ? input.settings.AppPoolUser.trim() || applicationPoolIdentity(input.settings.AppPoolName) : input.settings.AOSServiceUser.trim();
  // Asked of the computer once per plan: which domain it is in, how Windows names the account (buildPlan has already
  // refused an account that cannot sign in there, before anything changed).
  let resolved: Promise<string> | null = null;
  return accountLoginOperation(target, name, account, roles, (ctx) => (resolved ??= sqlLoginOn(ctx.host.facts, field, input.settings, target.server)));
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

function registerOperation(input: MessageDatabaseInput, target: SqlTarget, name: string): Operation {
  const instance = instanceName(input);
  const partition = input.database.partition.trim();
  return {
    // One per installation, not per database: instances sharing the message database each register and unregister.
    id: `sql.instance:${name}/${instance}`,
    kind: registerUndo.kind,
    target: { sql: target, database: name, instance } satisfies DatabaseTarget,
    description: `Record ${instance} as an instance of partition ${partition} using ${name}, connecting to ${connectionServer(input.settings)}`,
    details: {
      database: name,
      instance,
      partition,
      connectionString: messageDatabaseConnectionString(input.settings, input.database.trustServerCertificate),
    },
    isDone: (ctx) =>
      withSession(ctx, target, async (s) => {
        const db = (await listDatabases(s)).find((d) => sameName(d.name, name));
        return !!db?.mark && db.mark.partition !== null && sameName(db.mark.partition, partition) && db.mark.instances.includes(instance);
      }),
    async apply(ctx): Promise<UndoData> {
      return withSession(ctx, target, async (s) => {
        const verdict = judgeDatabaseChoice(await listDatabases(s), 'existing', name, partition, instance);
        if (!verdict.ok) throw new Error(verdict.message ?? `${name} cannot be used by partition ${partition}.`);
        const { partitionSet } = await s.registerInstance(name, { instance, partition, connectionServer: connectionServer(input.settings) });
        return { database: name, instance, partitionSet };
      });
    },
  };
}
