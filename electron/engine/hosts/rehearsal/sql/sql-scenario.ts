import { z } from 'zod';
import { describeZodError } from '../../../../../shared/contract/describe-error';

/**
 * The scenario's `sqlServers` section: simulated SQL Servers (their databases, marks, logins, permissions and
 * faults), or a real server named by a connection string, which the rehearsal then uses for real.
 */
export const SQL_FAULT_ERRORS = ['login-failed', 'no-permission', 'timeout', 'not-answering', 'server-not-found', 'instance-not-found', 'database-exists', 'self-signed-certificate', 'no-tls-1.2'] as const;

export const UNREADABLE_DATABASES = ['offline', 'single-user', 'availability-group-secondary', 'no-access'] as const;

export const SimulatedSqlFault = z.strictObject({
  /**
   * The step that fails: connect, list-databases, create-database, drop-database, script:<id>, login:<account>,
   * user:<account>, role:<role>, register.
   */
  at: z.string().regex(/^(connect|list-databases|create-database|drop-database|register|script:.+|login:.+|user:.+|role:.+)$/, 'use connect, list-databases, create-database, drop-database, register, script:<id>, login:<account>, user:<account> or role:<role>'),
  error: z.enum(SQL_FAULT_ERRORS),
});
export type SimulatedSqlFault = z.infer<typeof SimulatedSqlFault>;

export const SimulatedDatabase = z.strictObject({
  name: z.string().min(1).max(128),
  /** Present when the database carries the message database's mark. */
  mark: z
    .strictObject({
      partition: z.string().max(64).nullable().default(null),
      instances: z.array(z.string()).default([]),
    })
    .nullable()
    .default(null),
  /** Ids of payload scripts already applied. */
  scripts: z.array(z.string()).default([]),
  /** Database roles created in it (not the fixed ones), and whether each may EXECUTE. */
  roles: z.array(z.strictObject({ name: z.string().min(1).max(128), execute: z.boolean().default(false), members: z.array(z.string()).default([]) })).default([]),
  /**
   * A database the server lists but that cannot be read: offline, in single-user mode in use by another connection,
   * an availability group secondary that allows no reads, or one the signed-in account has no access to.
   */
  unreadable: z.enum(UNREADABLE_DATABASES).nullable().default(null),
  /** The login that owns the database (it is dbo there); absent: an administrator's, none of the scenario's. */
  owner: z.string().min(1).nullable().default(null),
});

const Name = z.string().min(1).max(255);
const Instance = z.string().max(16).default('');

export const SimulatedSqlServer = z.strictObject({
  name: Name,
  instance: Instance,
  /** Whether the current Windows user (or a Windows account with a login below) may sign in. */
  windowsAuthentication: z.boolean().default(true),
  /** SQL Server authentication logins; none means the server accepts Windows authentication only. */
  sqlLogins: z.array(z.strictObject({ login: z.string().min(1), password: z.string() })).default([]),
  /** Windows logins that already exist on the server. */
  logins: z.array(z.string()).default([]),
  permissions: z.strictObject({ createDatabase: z.boolean().default(true), manageLogins: z.boolean().default(true) }).default({ createDatabase: true, manageLogins: true }),
  databases: z.array(SimulatedDatabase).default([]),
  faults: z.array(SimulatedSqlFault).default([]),
});
export type SimulatedSqlServer = z.infer<typeof SimulatedSqlServer>;

export const RealSqlServer = z.strictObject({
  name: Name,
  instance: Instance,
  /** A connection string (Server=…;User Id=…;Password=…): this server is reached for real. */
  real: z.string().min(1),
});
export type RealSqlServer = z.infer<typeof RealSqlServer>;

export type ScenarioSqlServer = SimulatedSqlServer | RealSqlServer;

export class SqlScenarioError extends Error {}

/** Validates the section; a bad entry is named by its position and server. */
export function parseSqlServers(section: Record<string, unknown>[]): ScenarioSqlServer[] {
  return section.map((entry, index) => {
    const schema = 'real' in entry ? RealSqlServer : SimulatedSqlServer;
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      const name = typeof entry.name === 'string' ? ` (${entry.name})` : '';
      throw new SqlScenarioError(`sqlServers[${index}]${name} is not a valid SQL Server: ${describeZodError(parsed.error)}`);
    }
    return parsed.data;
  });
}

export function isRealServer(server: ScenarioSqlServer): server is RealSqlServer {
  return 'real' in server;
}
