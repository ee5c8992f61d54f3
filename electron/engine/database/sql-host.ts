import type { SqlBatch } from './go-splitter';
import type { SqlTarget } from './sql-target';

/**
 * The host's SQL Server capability: the Windows and unsupported hosts reach real servers through mssql; the rehearsal
 * host simulates the scenario's servers (or reaches a real one the scenario names). Methods throw SqlFailure.
 */
export interface HostSql {
  connect(target: SqlTarget, password: string | undefined): Promise<SqlSession>;
}

/** The message database's mark: the marker table its schema creates, with its partition and the instances using it. */
export interface MessageDatabaseMark {
  /** The Microsoft Dynamics AX partition it serves; null until the first instance registers. */
  partition: string | null;
  instances: string[];
}

export interface DatabaseInfo {
  name: string;
  /** Null when it carries no mark, or when it could not be read (then `unreadable` says why). */
  mark: MessageDatabaseMark | null;
  /** Why the database could not be read ("it is offline"): whether it is a message database is then unknown. */
  unreadable?: string;
}

/** A database as sys.databases shows it, before anything in it is read. */
export interface ServerDatabase {
  name: string;
  /** state_desc: ONLINE, OFFLINE, RESTORING, RECOVERING, RECOVERY_PENDING, SUSPECT, EMERGENCY. */
  state: string;
  /** user_access_desc: MULTI_USER, SINGLE_USER, RESTRICTED_USER. */
  userAccess: string;
  /** HAS_DBACCESS: the login may use it now (0 when in single-user mode in use by another connection). */
  hasAccess: boolean;
}

export interface AppliedScript {
  id: string;
  checksum: string;
}

export interface ScriptToRun {
  id: string;
  /** SHA-256 of the script file, recorded so a changed script can be told from the one applied. */
  checksum: string;
  batches: SqlBatch[];
}

export interface DatabasePrincipal {
  loginExists: boolean;
  /** The database user mapped to the login, when there is one (`dbo` for the database's owner). */
  userName: string | null;
  roles: string[];
  /**
   * The login owns the database, so it is `dbo` there: it may do everything, and SQL Server refuses to give `dbo`
   * a user of its own (15063) or a role (15405, "Cannot use the special principal 'dbo'").
   */
  owner: boolean;
}

/** A database role as it is now; `exists: false` when the database has none of that name. */
export interface DatabaseRoleState {
  exists: boolean;
  /** EXECUTE is granted to it on the database. */
  canExecute: boolean;
  /** The database users that are its members. */
  members: string[];
}

export interface InstanceRecord {
  /** `<computer>/<website>/<application>`: unique per installed Async Server. */
  instance: string;
  partition: string;
  /** The server name the installed Async Server connects with (HQMessageDatabaseServerOverride). */
  connectionServer: string;
}

export interface SqlSession {
  /** The user databases (not master, tempdb, model, msdb), readable or not. */
  serverDatabases(): Promise<ServerDatabase[]>;
  /** The mark of one database: null when it has none; throws when the database cannot be read. */
  readMark(database: string): Promise<MessageDatabaseMark | null>;
  canCreateDatabase(): Promise<boolean>;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  appliedScripts(database: string): Promise<AppliedScript[]>;
  /** Runs the batches in one transaction and records the script, so a re-run skips it. */
  runScript(database: string, script: ScriptToRun): Promise<void>;
  principal(database: string, account: string): Promise<DatabasePrincipal>;
  createWindowsLogin(account: string): Promise<void>;
  dropLogin(account: string): Promise<void>;
  createUser(database: string, account: string): Promise<void>;
  dropUser(database: string, userName: string): Promise<void>;
  addRoleMember(database: string, role: string, userName: string): Promise<void>;
  dropRoleMember(database: string, role: string, userName: string): Promise<void>;
  roleState(database: string, role: string): Promise<DatabaseRoleState>;
  createRole(database: string, role: string): Promise<void>;
  grantExecute(database: string, role: string): Promise<void>;
  revokeExecute(database: string, role: string): Promise<void>;
  dropRole(database: string, role: string): Promise<void>;
  /** Records the instance; sets the database's partition when it had none (returns whether it did). */
  registerInstance(database: string, record: InstanceRecord): Promise<{ partitionSet: boolean }>;
  unregisterInstance(database: string, instance: string, clearPartition: boolean): Promise<void>;
  close(): Promise<void>;
}

/** The schema's mark and the tool's record of applied scripts (see payload/async-server/Database). */
export const MARK_TABLE = 'dbo.MessageDatabase';
export const INSTANCE_TABLE = 'dbo.MessageDatabaseInstance';
export const SCRIPT_TABLE = 'dbo.CdxSetupScript';
