import { connectWithConnectionString } from '../../../database/mssql-session';
import { mapSqlError, type SqlFailure } from '../../../database/sql-errors';
import { isFixedDatabaseRole } from '../../../database/database-roles';
import type { AppliedScript, DatabasePrincipal, DatabaseRoleState, MessageDatabaseMark, ServerDatabase, HostSql, InstanceRecord, ScriptToRun, SqlSession } from '../../../database/sql-host';
import type { SqlTarget } from '../../../database/sql-target';
import type { ComputerIdentity } from '../../facts';
import { isThisComputer } from '../../this-computer';
import { readFactsSections } from '../facts-scenario';
import { rehearsalIdentity } from '../rehearsal-accounts';
import { ScenarioError, type LoadedScenario } from '../scenario';
import { isRealServer, parseSqlServers, SqlScenarioError, UNREADABLE_DATABASES, type ScenarioSqlServer, type SimulatedSqlServer } from './sql-scenario';
import { serverKey, SqlStateFile, type DatabaseState, type ServerState, type SqlState } from './sql-state';

/** Who "the current Windows user" is on the rehearsal's servers. */
export const REHEARSAL_WINDOWS_USER = 'CONTOSO\\setup-admin';

const CONNECT_MS = 15_000;
const REQUEST_MS = 120_000;

/**
 * The rehearsal's SQL Servers. A simulated server fails the way a real one does: faults and refusals are built as
 * mssql/tedious errors and go through the same mapping, so the page shows the same sentences.
 */
export class RehearsalSql implements HostSql {
  private readonly state: SqlStateFile;

  constructor(
    private readonly servers: ScenarioSqlServer[],
    stateRoot: string,
    /** This computer's names and addresses: a SQL Server named by any of them is the scenario's server of this name. */
    private readonly computer: () => ComputerIdentity,
  ) {
    this.state = new SqlStateFile(stateRoot, servers.filter((s): s is SimulatedSqlServer => !isRealServer(s)));
  }

  /** The scenario's `sqlServers`, validated; a bad entry makes the whole scenario refused, naming its file. */
  static fromScenario(loaded: LoadedScenario, stateRoot: string): RehearsalSql {
    try {
      return new RehearsalSql(parseSqlServers(loaded.scenario.sqlServers), stateRoot, () => rehearsalIdentity(readFactsSections(loaded.file)));
    } catch (err) {
      if (err instanceof SqlScenarioError) throw new ScenarioError(loaded.file, `is not a valid scenario: ${err.message}`);
      throw err;
    }
  }

  get stateFile(): string {
    return this.state.file;
  }

  /** The simulated servers as they are now (the scenario's state until something changed). */
  snapshot(): SqlState {
    return this.state.read();
  }

  async connect(target: SqlTarget, password: string | undefined): Promise<SqlSession> {
    const server = this.find(target);
    if (!server) {
      throw fail(target, 'connect', target.instance ? 'instance-not-found' : 'server-not-found');
    }
    if (isRealServer(server)) return connectWithConnectionString(server.real, target);
    const session = new SimulatedSession(server, target, this.state);
    session.fault('connect');
    if (target.authentication === 'sql') {
      const login = server.sqlLogins.find((l) => l.login.toLowerCase() === target.login.toLowerCase());
      if (!login || login.password !== (password ?? '')) throw fail(target, 'connect', 'login-failed');
    } else if (!server.windowsAuthentication || (target.login !== '' && !server.logins.some((l) => l.toLowerCase() === target.login.toLowerCase()))) {
      throw fail(target, 'connect', 'login-failed');
    }
    return session;
  }

  private find(target: SqlTarget): ScenarioSqlServer | undefined {
    const computer = this.computer();
    const local = isThisComputer(target.server, computer);
    return this.servers.find(
      (s) =>
        (s.name.toLowerCase() === target.server.toLowerCase() || (local && s.name.toLowerCase() === computer.name.toLowerCase())) &&
        s.instance.toLowerCase() === (target.instance ?? '').toLowerCase(),
    );
  }
}

type FaultError = SimulatedSqlServer['faults'][number]['error'];

/** The error mssql would raise, recorded from tedious's shapes, then mapped like a real one. */
function fail(target: SqlTarget, step: string, error: FaultError, database?: string): SqlFailure {
  const where = `${target.server}${target.instance ? `\\${target.instance}` : ':1433'}`;
  const raw = (() => {
    switch (error) {
      case 'login-failed':
        return { name: 'ConnectionError', code: 'ELOGIN', message: `Login failed for user '${target.login || REHEARSAL_WINDOWS_USER}'.` };
      case 'no-permission':
        return step === 'create-database'
          ? { name: 'RequestError', code: 'EREQUEST', number: 262, message: "CREATE DATABASE permission denied in database 'master'." }
          : { name: 'RequestError', code: 'EREQUEST', number: 15247, message: 'User does not have permission to perform this action.' };
      case 'timeout':
        return step === 'connect'
          ? { name: 'ConnectionError', code: 'ETIMEOUT', message: `Failed to connect to ${where} in ${CONNECT_MS}ms` }
          : { name: 'RequestError', code: 'ETIMEOUT', message: `Timeout: Request failed to complete in ${REQUEST_MS}ms` };
      case 'not-answering':
        return { name: 'ConnectionError', code: 'ESOCKET', message: `Failed to connect to ${where} - Could not connect (sequence)` };
      case 'server-not-found':
        return { name: 'ConnectionError', code: 'ESOCKET', message: `Failed to connect to ${where} - getaddrinfo ENOTFOUND ${target.server}` };
      case 'instance-not-found':
        return { name: 'ConnectionError', code: 'EINSTLOOKUP', message: `Failed to get response from SQL Server Browser on ${target.server}` };
      // Recorded from tedious against a real TLS server (tests/database/sql-tls.test.ts compares the sentences).
      case 'self-signed-certificate':
        return { name: 'ConnectionError', code: 'ESOCKET', message: `Failed to connect to ${where} - self-signed certificate`, cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' } };
      case 'no-tls-1.2':
        return {
          name: 'ConnectionError',
          code: 'ESOCKET',
          message: `Failed to connect to ${where} - error:0A000102:SSL routines:ssl_choose_client_version:unsupported protocol`,
          cause: { code: 'ERR_SSL_UNSUPPORTED_PROTOCOL', message: 'error:0A000102:SSL routines:ssl_choose_client_version:unsupported protocol' },
        };
      case 'database-exists':
        return { name: 'RequestError', code: 'EREQUEST', number: 1801, message: `Database '${database ?? ''}' already exists. Choose a different database name.` };
    }
  })();
  return mapSqlError(raw, { target, database, step: stepPhrase(step, database), connectTimeoutMs: CONNECT_MS, requestTimeoutMs: REQUEST_MS });
}

/** A fault's step as the sentence says it: "script:010-sessions" → "running script 010-sessions". */
function stepPhrase(step: string, database: string | undefined): string | undefined {
  const [kind, ...rest] = step.split(':');
  const what = rest.join(':');
  switch (kind) {
    case 'connect':
      return undefined;
    case 'list-databases':
      return 'listing the databases';
    case 'create-database':
      return `creating the database ${database ?? ''}`.trim();
    case 'drop-database':
      return `dropping the database ${database ?? ''}`.trim();
    case 'script':
      return `running script ${what}`;
    case 'login':
      return `creating the login ${what}`;
    case 'user':
      return `creating the user ${what}`;
    case 'role':
      return `creating the role ${what}`;
    case 'register':
      return 'registering this instance';
    default:
      return step;
  }
}

type UnreadableDatabase = (typeof UNREADABLE_DATABASES)[number];

/** How sys.databases shows each kind of database (HAS_DBACCESS is 0 for single-user in use and for no access). */
const SYS_DATABASES_ROW: Record<UnreadableDatabase | 'readable', Omit<ServerDatabase, 'name'>> = {
  readable: { state: 'ONLINE', userAccess: 'MULTI_USER', hasAccess: true },
  offline: { state: 'OFFLINE', userAccess: 'MULTI_USER', hasAccess: false },
  'single-user': { state: 'ONLINE', userAccess: 'SINGLE_USER', hasAccess: false },
  'no-access': { state: 'ONLINE', userAccess: 'MULTI_USER', hasAccess: false },
  // A secondary replica without read access is ONLINE in sys.databases: only reading it fails.
  'availability-group-secondary': { state: 'ONLINE', userAccess: 'MULTI_USER', hasAccess: true },
};

/** SQL Server's own refusal when a statement reads such a database. */
const READ_REFUSAL: Record<UnreadableDatabase, (db: string, login: string) => [number, string]> = {
  offline: (db) => [942, `Database '${db}' cannot be opened because it is offline.`],
  'single-user': (db) => [924, `Database '${db}' is already open and can only have one user at a time.`],
  'no-access': (db, login) => [916, `The server principal "${login}" is not able to access the database "${db}" under the current security context.`],
  'availability-group-secondary': (db) => [
    976,
    `The target database, '${db}', is participating in an availability group and is currently not accessible for queries. Either data movement is suspended or the availability replica is not enabled for read access. To allow read-only access to this and other databases in the availability group, enable read access to one or more secondary availability replicas in the group.  For more information, see the ALTER AVAILABILITY GROUP statement in SQL Server Books Online.`,
  ],
};

const MARK_TABLE_CREATED = /create\s+table\s+(?:\[?dbo\]?\s*\.\s*)?\[?MessageDatabase\]?\s*\(/i;

class SimulatedSession implements SqlSession {
  private readonly key: string;

  constructor(
    private readonly server: SimulatedSqlServer,
    private readonly target: SqlTarget,
    private readonly state: SqlStateFile,
  ) {
    this.key = serverKey(server.name, server.instance);
  }

  fault(step: string, database?: string): void {
    const fault = this.server.faults.find((f) => f.at.toLowerCase() === step.toLowerCase());
    // Trusting the server's certificate is what gets past a self-signed one; nothing gets past a missing TLS 1.2.
    if (fault?.error === 'self-signed-certificate' && this.target.trustServerCertificate) return;
    if (fault) throw fail(this.target, step, fault.error, database);
  }

  private read<T>(use: (s: ServerState) => T): T {
    return use(this.state.read().servers[this.key] ?? { logins: [], databases: [] });
  }

  private change<T>(use: (s: ServerState) => T): T {
    return this.state.update((all) => use((all.servers[this.key] ??= { logins: [], databases: [] })));
  }

  private database(s: ServerState, name: string, step: string): DatabaseState {
    const db = s.databases.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!db) throw mapSqlError({ code: 'ELOGIN', message: `Cannot open database "${name}" requested by the login. The login failed.` }, { target: this.target, database: name, step });
    const unreadable = this.unreadable(db.name);
    if (unreadable) throw this.refuse(...READ_REFUSAL[unreadable](db.name, this.target.login || REHEARSAL_WINDOWS_USER), name, step);
    return db;
  }

  /** SQL Server refuses what it refuses for real, with its own error numbers and messages. */
  private refuse(number: number, message: string, database: string | undefined, step: string): SqlFailure {
    return mapSqlError({ name: 'RequestError', code: 'EREQUEST', number, message }, { target: this.target, database, step });
  }

  private requirePermission(permission: 'createDatabase' | 'manageLogins', step: string): void {
    if (!this.server.permissions[permission]) throw fail(this.target, step, 'no-permission');
  }

  async serverDatabases(): Promise<ServerDatabase[]> {
    this.fault('list-databases');
    return this.read((s) =>
      s.databases.map((d) => ({ name: d.name, ...SYS_DATABASES_ROW[this.unreadable(d.name) ?? 'readable'] })).sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  async readMark(database: string): Promise<MessageDatabaseMark | null> {
    return this.read((s) => {
      const db = this.database(s, database, `reading the mark of ${database}`);
      return db.mark ? { partition: db.mark.partition, instances: db.mark.instances.map((i) => i.instance) } : null;
    });
  }

  /** The scenario's fact about a database that cannot be read (a database a run created is always readable). */
  private unreadable(name: string): UnreadableDatabase | null {
    return this.server.databases.find((d) => d.name.toLowerCase() === name.toLowerCase())?.unreadable ?? null;
  }

  async canCreateDatabase(): Promise<boolean> {
    return this.server.permissions.createDatabase;
  }

  async createDatabase(name: string): Promise<void> {
    this.fault('create-database', name);
    this.requirePermission('createDatabase', 'create-database');
    this.change((s) => {
      if (s.databases.some((d) => d.name.toLowerCase() === name.toLowerCase())) throw fail(this.target, 'create-database', 'database-exists', name);
      // Its creator owns it, and is dbo there.
      s.databases.push({ name, mark: null, scripts: [], users: [], roles: [], owner: this.target.login || REHEARSAL_WINDOWS_USER });
    });
  }

  async dropDatabase(name: string): Promise<void> {
    this.fault('drop-database', name);
    this.change((s) => {
      s.databases = s.databases.filter((d) => d.name.toLowerCase() !== name.toLowerCase());
    });
  }

  async appliedScripts(database: string): Promise<AppliedScript[]> {
    return this.read((s) => this.database(s, database, 'reading the applied scripts').scripts.map((x) => ({ ...x })));
  }

  /** Recognises the schema's marker table, the one thing about a script's text the rehearsal acts on. */
  async runScript(database: string, script: ScriptToRun): Promise<void> {
    this.fault(`script:${script.id}`, database);
    this.change((s) => {
      const db = this.database(s, database, `running script ${script.id}`);
      if (script.batches.some((b) => MARK_TABLE_CREATED.test(b.text)) && !db.mark) db.mark = { partition: null, instances: [] };
      db.scripts.push({ id: script.id, checksum: script.checksum });
    });
  }

  async principal(database: string, account: string): Promise<DatabasePrincipal> {
    return this.read((s) => {
      const db = this.database(s, database, `looking up the user ${account}`);
      const loginExists = s.logins.some((l) => l.toLowerCase() === account.toLowerCase());
      if (db.owner?.toLowerCase() === account.toLowerCase()) return { loginExists, userName: 'dbo', roles: ['db_owner'], owner: true };
      const user = db.users.find((u) => u.login.toLowerCase() === account.toLowerCase());
      return { loginExists, userName: user?.name ?? null, roles: user ? [...user.roles] : [], owner: false };
    });
  }

  async createWindowsLogin(account: string): Promise<void> {
    this.fault(`login:${account}`);
    this.requirePermission('manageLogins', `creating the login ${account}`);
    // As SQL Server does: FROM WINDOWS takes DOMAIN\user only (a UPN, user@domain, is error 15407).
    if (!account.includes('\\')) {
      const raw = { name: 'RequestError', code: 'EREQUEST', number: 15407, message: `'${account}' is not a valid Windows NT name. Give the complete name: <domain\\username>.` };
      throw mapSqlError(raw, { target: this.target, step: `creating the login ${account}`, connectTimeoutMs: CONNECT_MS, requestTimeoutMs: REQUEST_MS });
    }
    this.change((s) => {
      if (!s.logins.some((l) => l.toLowerCase() === account.toLowerCase())) s.logins.push(account);
    });
  }

  async dropLogin(account: string): Promise<void> {
    this.change((s) => {
      const owned = s.databases.find((d) => d.owner?.toLowerCase() === account.toLowerCase());
      if (owned) throw this.refuse(15174, `Login '${account}' owns one or more database(s). Change the owner of the database(s) before dropping the login.`, undefined, `dropping the login ${account}`);
      s.logins = s.logins.filter((l) => l.toLowerCase() !== account.toLowerCase());
    });
  }

  async createUser(database: string, account: string): Promise<void> {
    this.fault(`user:${account}`, database);
    this.requirePermission('manageLogins', `creating the user ${account}`);
    this.change((s) => {
      const db = this.database(s, database, `creating the user ${account}`);
      if (db.owner?.toLowerCase() === account.toLowerCase()) throw this.refuse(15063, 'The login already has an account under a different user name.', database, `creating the user ${account}`);
      db.users.push({ name: account, login: account, roles: [] });
    });
  }

  async dropUser(database: string, userName: string): Promise<void> {
    this.change((s) => {
      const db = s.databases.find((d) => d.name.toLowerCase() === database.toLowerCase());
      if (db) db.users = db.users.filter((u) => u.name.toLowerCase() !== userName.toLowerCase());
    });
  }

  async addRoleMember(database: string, role: string, userName: string): Promise<void> {
    this.change((s) => {
      if (userName.toLowerCase() === 'dbo') throw this.refuse(15405, "Cannot use the special principal 'dbo'.", database, `granting ${role}`);
      const db = this.database(s, database, `granting ${role}`);
      if (!isFixedDatabaseRole(role) && !db.roles.some((r) => r.name.toLowerCase() === role.toLowerCase())) {
        throw this.refuse(15014, `The role '${role}' does not exist in the current database.`, database, `granting ${role}`);
      }
      const user = db.users.find((u) => u.name.toLowerCase() === userName.toLowerCase());
      if (!user) throw this.refuse(15410, `User or role '${userName}' does not exist in this database.`, database, `granting ${role}`);
      if (!user.roles.includes(role)) user.roles.push(role);
    });
  }

  async dropRoleMember(database: string, role: string, userName: string): Promise<void> {
    this.change((s) => {
      const user = s.databases.find((d) => d.name.toLowerCase() === database.toLowerCase())?.users.find((u) => u.name.toLowerCase() === userName.toLowerCase());
      if (user) user.roles = user.roles.filter((r) => r !== role);
    });
  }

  async roleState(database: string, role: string): Promise<DatabaseRoleState> {
    return this.read((s) => {
      const db = this.database(s, database, `looking up the role ${role}`);
      const found = db.roles.find((r) => r.name.toLowerCase() === role.toLowerCase());
      if (!found) return { exists: false, canExecute: false, members: [] };
      return { exists: true, canExecute: found.execute, members: db.users.filter((u) => u.roles.some((r) => r.toLowerCase() === role.toLowerCase())).map((u) => u.name) };
    });
  }

  async createRole(database: string, role: string): Promise<void> {
    this.fault(`role:${role}`, database);
    this.requirePermission('manageLogins', `creating the role ${role}`);
    this.change((s) => {
      const db = this.database(s, database, `creating the role ${role}`);
      if (isFixedDatabaseRole(role) || db.roles.some((r) => r.name.toLowerCase() === role.toLowerCase()) || db.users.some((u) => u.name.toLowerCase() === role.toLowerCase())) {
        throw this.refuse(15023, `User, group, or role '${role}' already exists in the current database.`, database, `creating the role ${role}`);
      }
      db.roles.push({ name: role, execute: false });
    });
  }

  async grantExecute(database: string, role: string): Promise<void> {
    this.setExecute(database, role, true, `granting EXECUTE to ${role}`);
  }

  async revokeExecute(database: string, role: string): Promise<void> {
    this.setExecute(database, role, false, `revoking EXECUTE from ${role}`);
  }

  private setExecute(database: string, role: string, execute: boolean, step: string): void {
    this.change((s) => {
      const found = this.database(s, database, step).roles.find((r) => r.name.toLowerCase() === role.toLowerCase());
      if (!found) throw this.refuse(15151, `Cannot find the user '${role}', because it does not exist or you do not have permission.`, database, step);
      found.execute = execute;
    });
  }

  async dropRole(database: string, role: string): Promise<void> {
    this.change((s) => {
      const db = this.database(s, database, `dropping the role ${role}`);
      if (db.users.some((u) => u.roles.some((r) => r.toLowerCase() === role.toLowerCase()))) {
        throw this.refuse(15144, 'The role has members. It must be empty before it can be dropped.', database, `dropping the role ${role}`);
      }
      db.roles = db.roles.filter((r) => r.name.toLowerCase() !== role.toLowerCase());
    });
  }

  async registerInstance(database: string, record: InstanceRecord): Promise<{ partitionSet: boolean }> {
    this.fault('register', database);
    return this.change((s) => {
      const db = this.database(s, database, `registering ${record.instance}`);
      if (!db.mark) throw mapSqlError({ code: 'EREQUEST', number: 208, message: "Invalid object name 'dbo.MessageDatabase'." }, { target: this.target, database, step: `registering ${record.instance}` });
      const partitionSet = db.mark.partition === null;
      if (partitionSet) db.mark.partition = record.partition;
      if (!db.mark.instances.some((i) => i.instance === record.instance)) db.mark.instances.push({ instance: record.instance, connectionServer: record.connectionServer });
      return { partitionSet };
    });
  }

  async unregisterInstance(database: string, instance: string, clearPartition: boolean): Promise<void> {
    this.change((s) => {
      const db = s.databases.find((d) => d.name.toLowerCase() === database.toLowerCase());
      if (!db?.mark) return;
      db.mark.instances = db.mark.instances.filter((i) => i.instance !== instance);
      if (clearPartition && db.mark.instances.length === 0) db.mark.partition = null;
    });
  }

  async close(): Promise<void> {}
}
