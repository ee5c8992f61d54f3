import type { DatabaseChoice } from '../../../shared/contract/schemas';
import { checkDatabaseName } from '../../../shared/settings/rules';
import type { Host } from '../hosts/host';
import type { RunSecrets } from '../plan/operation';
import { listDatabases } from './database-listing';
import { judgeDatabaseChoice, type ChoiceVerdict } from './partition-rule';
import { SqlFailure } from './sql-errors';
import type { DatabaseInfo } from './sql-host';
import { describeTarget, PARTITION_REQUIRED, sqlTargetOf, SqlTargetError } from './sql-target';

/**
 * A component's message database, as its expanded settings name it (its registry entry derives it): the server's two
 * fields, the database's name and field, and this installation as the database records it. The frame's database
 * code reads nothing else of a component's settings.
 */
export interface MessageDatabaseSpec {
  serverName: { field: string; value: string };
  namedInstance: { field: string; value: string };
  database: { field: string; name: string };
  instance: string;
}

export interface ServerInspection {
  server: string;
  canCreateDatabase: boolean;
  databases: DatabaseInfo[];
  instance: string;
  warnings: string[];
  verdict: ChoiceVerdict;
}

/** A failure to reach or use the server, with the field to fix. */
export class SqlAccessError extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

export function trustWarning(server: string): string {
  return `Trust the server certificate is on: the connection to ${server} is encrypted, but the server's identity is not verified, so an impostor would not be noticed. Install a certificate this computer trusts on SQL Server and clear this option.`;
}

/** Signs in, lists the databases and judges the choice (database name, partition rule, permission to create). */
export async function inspectSqlServer(host: Host, spec: MessageDatabaseSpec, choice: DatabaseChoice, password: string | undefined): Promise<ServerInspection> {
  let target;
  try {
    target = sqlTargetOf(spec.serverName, spec.namedInstance, spec.database.field, choice);
  } catch (err) {
    if (err instanceof SqlTargetError) throw new SqlAccessError(err.field, err.message);
    throw err;
  }
  const server = describeTarget(target);
  try {
    const session = await host.sql.connect(target, password);
    try {
      const databases = await listDatabases(session);
      const canCreateDatabase = await session.canCreateDatabase();
      const { instance } = spec;
      const warnings = target.trustServerCertificate ? [trustWarning(server)] : [];
      return { server, canCreateDatabase, databases, instance, warnings, verdict: judge(spec, choice, databases, canCreateDatabase, server) };
    } finally {
      await session.close();
    }
  } catch (err) {
    if (err instanceof SqlFailure) throw new SqlAccessError(err.field, err.message);
    throw err;
  }
}

function judge(spec: MessageDatabaseSpec, choice: DatabaseChoice, databases: DatabaseInfo[], canCreate: boolean, server: string): ChoiceVerdict {
  const { name, field } = spec.database;
  if (choice.partition.trim() === '') return { ok: false, field: 'database.partition', message: PARTITION_REQUIRED, suggestion: null };
  const bad = checkDatabaseName(name);
  if (bad) return { ok: false, field, message: bad, suggestion: null };
  const verdict = judgeDatabaseChoice(databases, choice.mode, { field, name: name.trim() }, choice.partition.trim(), spec.instance);
  const exists = databases.some((d) => d.name.toLowerCase() === name.trim().toLowerCase());
  if (verdict.ok && choice.mode === 'create' && !exists && !canCreate) {
    return {
      ok: false,
      field,
      message: `The account used may not create databases on ${server} (it needs the dbcreator role or CREATE ANY DATABASE). Sign in with such an account, or choose Use an existing message database.`,
      suggestion: null,
    };
  }
  return verdict;
}

/** "Not read: ArchiveDB (it is offline)." — whether they are message databases is not known. */
export function unreadableNote(databases: DatabaseInfo[]): string {
  return `${databases.length === 1 ? 'One database' : `${databases.length} databases`} could not be read, so whether ${databases.length === 1 ? 'it is a message database' : 'they are message databases'} is not known: ${databases.map((d) => `${d.name} (${d.unreadable})`).join('; ')}.`;
}

export interface SqlAccess {
  reachable: boolean;
  canCreateDatabase: boolean;
  databaseExists: boolean;
  /** Whether the choice can be installed: server reached, and the database creatable or the chosen one usable. */
  ok: boolean;
  field: string | null;
  message: string;
}

/** For the prerequisite check "SQL Server reachable with the rights to create the message database or the chosen one present". */
export async function checkDatabaseAccess(host: Host, spec: MessageDatabaseSpec, choice: DatabaseChoice, secrets: RunSecrets): Promise<SqlAccess> {
  try {
    const found = await inspectSqlServer(host, spec, choice, secrets.sqlPassword);
    const name = spec.database.name.trim().toLowerCase();
    const databaseExists = found.databases.some((d) => d.name.toLowerCase() === name);
    const message = found.verdict.ok
      ? choice.mode === 'create' && !databaseExists
        ? `${found.server} is reachable and the message database can be created.`
        : `${found.server} is reachable and the message database ${spec.database.name} can be used.`
      : (found.verdict.message ?? 'The message database cannot be used.');
    const unreadable = found.databases.filter((d) => d.unreadable);
    const note = unreadable.length === 0 ? [] : [unreadableNote(unreadable)];
    return { reachable: true, canCreateDatabase: found.canCreateDatabase, databaseExists, ok: found.verdict.ok, field: found.verdict.field, message: [message, ...note, ...found.warnings].join(' ') };
  } catch (err) {
    if (err instanceof SqlAccessError) return { reachable: false, canCreateDatabase: false, databaseExists: false, ok: false, field: err.field, message: err.message };
    throw err;
  }
}
