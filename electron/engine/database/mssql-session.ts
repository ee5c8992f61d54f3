import { createHash } from 'node:crypto';
import type { config as MssqlConfig, ConnectionPool } from 'mssql';
import { mapSqlError, SqlFailure, type FailureContext } from './sql-errors';
import type { AppliedScript, DatabasePrincipal, DatabaseRoleState, HostSql, InstanceRecord, MessageDatabaseMark, ScriptToRun, ServerDatabase, SqlSession } from './sql-host';
import * as statements from './sql-statements';
import { DEFAULT_LIMITS, mssqlConfig, type ConnectionLimits, type Driver } from './mssql-config';
import type { SqlTarget } from './sql-target';

type Mssql = typeof import('mssql');

/** Builds a fresh config for a database (undefined: the login's default, normally master). */
type ConfigSource = (database: string | undefined) => { driver: Driver; config: MssqlConfig };

/** Real SQL Servers through mssql: what the Windows and unsupported hosts use, and a rehearsal's `real` servers. */
export class MssqlHostSql implements HostSql {
  constructor(private readonly limits: ConnectionLimits = DEFAULT_LIMITS) {}

  async connect(target: SqlTarget, password: string | undefined): Promise<SqlSession> {
    const session = new MssqlSession((db) => mssqlConfig(target, password, db, this.limits), { target, ...timeouts(this.limits) });
    await session.open();
    return session;
  }
}

/** A server given by a connection string (a rehearsal scenario's `real`, CDX_TEST_SQLSERVER). */
export async function connectWithConnectionString(connectionString: string, target: SqlTarget, limits: ConnectionLimits = DEFAULT_LIMITS): Promise<SqlSession> {
  const { ConnectionPool } = await loadMssql('tedious');
  const parse = (ConnectionPool as unknown as { parseConnectionString(cs: string): MssqlConfig }).parseConnectionString;
  const source: ConfigSource = (db) => {
    const parsed = parse.call(ConnectionPool, connectionString);
    return { driver: 'tedious', config: { connectionTimeout: limits.connectTimeoutMs, requestTimeout: limits.requestTimeoutMs, ...parsed, ...(db ? { database: db } : {}), pool: { max: 1, min: 0 } } };
  };
  const session = new MssqlSession(source, { target, ...timeouts(limits) });
  await session.open();
  return session;
}

function timeouts(limits: ConnectionLimits) {
  return { connectTimeoutMs: limits.connectTimeoutMs, requestTimeoutMs: limits.requestTimeoutMs };
}

/** mssql with the driver asked for; msnodesqlv8 is optional (Windows only) and loaded only when needed. */
async function loadMssql(driver: Driver): Promise<Mssql> {
  if (driver === 'tedious') return defaultExport(await import('mssql'));
  try {
    // A variable specifier: the bundler leaves it alone, and a machine without msnodesqlv8 fails here, not at start.
    const specifier = 'mssql/msnodesqlv8.js';
    return defaultExport(await import(specifier));
  } catch {
    throw new SqlFailure(
      'driver-missing',
      'database.authentication',
      'Windows authentication as the current Windows user needs the msnodesqlv8 driver, which runs on Windows only and is not installed here. ' +
        'Enter a Windows account (DOMAIN\\user) and its password to sign in through NTLM, or use SQL Server authentication.',
    );
  }
}

function defaultExport(mod: unknown): Mssql {
  return ((mod as { default?: Mssql }).default ?? mod) as Mssql;
}

class MssqlSession implements SqlSession {
  private readonly pools = new Map<string, ConnectionPool>();
  private mssql: Mssql | null = null;

  constructor(
    private readonly source: ConfigSource,
    private readonly failure: FailureContext,
  ) {}

  async open(): Promise<void> {
    await this.pool(undefined);
  }

  /** One pool (of one connection) per database, so USE never leaks from one statement into another. */
  private async pool(database: string | undefined): Promise<ConnectionPool> {
    const key = database ?? '';
    const existing = this.pools.get(key);
    if (existing) return existing;
    const { driver, config } = this.source(database);
    const mssql = (this.mssql ??= await loadMssql(driver));
    const pool = new mssql.ConnectionPool(config);
    try {
      await pool.connect();
    } catch (err) {
      throw mapSqlError(err, { ...this.failure, database, step: database ? `opening the database ${database}` : undefined });
    }
    this.pools.set(key, pool);
    return pool;
  }

  private async run<T = Record<string, unknown>>(database: string | undefined, text: string, step: string): Promise<T[]> {
    try {
      const pool = await this.pool(database);
      const result = await pool.request().batch(text);
      return (result.recordset ?? []) as T[];
    } catch (err) {
      throw mapSqlError(err, { ...this.failure, database, step });
    }
  }

  async serverDatabases(): Promise<ServerDatabase[]> {
    const rows = await this.run<{ name: string; state: string; userAccess: string; hasAccess: number }>(undefined, statements.LIST_DATABASES, 'listing the databases');
    return rows.map((r) => ({ name: r.name, state: r.state, userAccess: r.userAccess, hasAccess: r.hasAccess === 1 }));
  }

  async readMark(database: string): Promise<MessageDatabaseMark | null> {
    const rows = await this.run<{ partition: string | null; instance: string | null }>(undefined, statements.readMark(database), `reading the mark of ${database}`);
    return rows.length === 0 ? null : { partition: rows[0].partition, instances: rows.map((r) => r.instance).filter((i): i is string => i !== null) };
  }

  async canCreateDatabase(): Promise<boolean> {
    const rows = await this.run<{ can: number }>(undefined, statements.CAN_CREATE_DATABASE, 'checking the permission to create a database');
    return rows[0]?.can === 1;
  }

  async createDatabase(name: string): Promise<void> {
    await this.run(undefined, statements.createDatabase(name), `creating the database ${name}`);
  }

  async dropDatabase(name: string): Promise<void> {
    await this.closePool(name);
    await this.run(undefined, statements.dropDatabase(name), `dropping the database ${name}`);
  }

  async appliedScripts(database: string): Promise<AppliedScript[]> {
    return this.run<AppliedScript>(database, statements.APPLIED_SCRIPTS, 'reading the applied scripts');
  }

  async runScript(database: string, script: ScriptToRun): Promise<void> {
    const step = `running script ${script.id}`;
    const pool = await this.pool(database);
    await this.run(database, statements.ENSURE_SCRIPT_TABLE, step);
    const mssql = this.mssql!;
    const transaction = new mssql.Transaction(pool);
    let line = 0;
    try {
      await transaction.begin();
      for (const batch of script.batches) {
        line = batch.line;
        for (let i = 0; i < batch.repeat; i++) await new mssql.Request(transaction).batch(batch.text);
      }
      line = 0;
      await new mssql.Request(transaction).batch(statements.recordScript(script.id, script.checksum));
      await transaction.commit();
    } catch (err) {
      await transaction.rollback().catch(() => undefined);
      throw mapSqlError(err, { ...this.failure, database, step: line ? `${step} (batch at line ${line})` : step });
    }
  }

  async principal(database: string, account: string): Promise<DatabasePrincipal> {
    const login = await this.run<{ found: number }>(undefined, statements.loginExists(account), `looking up the login ${account}`);
    const rows = await this.run<{ userName: string; role: string | null; isOwner: number }>(database, statements.principalOf(account), `looking up the user ${account}`);
    return {
      loginExists: login[0]?.found === 1,
      userName: rows[0]?.userName ?? null,
      roles: rows.map((r) => r.role).filter((r): r is string => r !== null),
      owner: rows[0]?.isOwner === 1,
    };
  }

  async createWindowsLogin(account: string): Promise<void> {
    await this.run(undefined, statements.createWindowsLogin(account), `creating the login ${account}`);
  }

  async dropLogin(account: string): Promise<void> {
    await this.run(undefined, statements.dropLogin(account), `dropping the login ${account}`);
  }

  async createUser(database: string, account: string): Promise<void> {
    await this.run(database, statements.createUser(account), `creating the user ${account}`);
  }

  async dropUser(database: string, userName: string): Promise<void> {
    await this.run(database, statements.dropUser(userName), `dropping the user ${userName}`);
  }

  async addRoleMember(database: string, role: string, userName: string): Promise<void> {
    await this.run(database, statements.addRoleMember(role, userName), `granting the role ${role} to ${userName}`);
  }

  async dropRoleMember(database: string, role: string, userName: string): Promise<void> {
    await this.run(database, statements.dropRoleMember(role, userName), `removing the role ${role} from ${userName}`);
  }

  async roleState(database: string, role: string): Promise<DatabaseRoleState> {
    const rows = await this.run<{ role: string; canExecute: number; member: string | null }>(database, statements.roleState(role), `looking up the role ${role}`);
    return { exists: rows.length > 0, canExecute: rows[0]?.canExecute === 1, members: rows.map((r) => r.member).filter((m): m is string => m !== null) };
  }

  async createRole(database: string, role: string): Promise<void> {
    await this.run(database, statements.createRole(role), `creating the role ${role}`);
  }

  async grantExecute(database: string, role: string): Promise<void> {
    await this.run(database, statements.grantExecute(role), `granting EXECUTE to ${role}`);
  }

  async revokeExecute(database: string, role: string): Promise<void> {
    await this.run(database, statements.revokeExecute(role), `revoking EXECUTE from ${role}`);
  }

  async dropRole(database: string, role: string): Promise<void> {
    await this.run(database, statements.dropRole(role), `dropping the role ${role}`);
  }

  async registerInstance(database: string, record: InstanceRecord): Promise<{ partitionSet: boolean }> {
    const rows = await this.run<{ partitionSet: number }>(database, statements.registerInstance(record), `registering ${record.instance}`);
    return { partitionSet: (rows[0]?.partitionSet ?? 0) > 0 };
  }

  async unregisterInstance(database: string, instance: string, clearPartition: boolean): Promise<void> {
    await this.run(database, statements.unregisterInstance(instance, clearPartition), `unregistering ${instance}`);
  }

  private async closePool(database: string): Promise<void> {
    const pool = this.pools.get(database);
    this.pools.delete(database);
    await pool?.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close().catch(() => undefined)));
  }
}

/** SHA-256 of a script's text, as recorded beside its id. */
export function scriptChecksum(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
