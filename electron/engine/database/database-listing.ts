import { SqlFailure } from './sql-errors';
import type { DatabaseInfo, ServerDatabase, SqlSession } from './sql-host';

/**
 * The server's databases with their marks. One database that cannot be read (offline, restoring, in single-user mode
 * in use by someone else, an availability group secondary that allows no reads, no access for this login) must not
 * hide the others: it is listed with the reason, and whether it is a message database stays unknown.
 */
export async function listDatabases(session: SqlSession): Promise<DatabaseInfo[]> {
  const out: DatabaseInfo[] = [];
  for (const db of await session.serverDatabases()) {
    const unreadable = unreadableFromState(db);
    if (unreadable) {
      out.push({ name: db.name, mark: null, unreadable });
      continue;
    }
    try {
      out.push({ name: db.name, mark: await session.readMark(db.name) });
    } catch (err) {
      // The server answered about this one database; a lost connection or a refused sign-in ends the listing.
      if (!(err instanceof SqlFailure) || !PER_DATABASE.has(err.kind)) throw err;
      out.push({ name: db.name, mark: null, unreadable: unreadableFromError(err) });
    }
  }
  return out;
}

/** Whether the server has a database of that name, readable or not (a cheap check: no mark is read). */
export async function databaseExists(session: SqlSession, name: string): Promise<boolean> {
  return (await session.serverDatabases()).some((d) => d.name.toLowerCase() === name.toLowerCase());
}

const PER_DATABASE = new Set<SqlFailure['kind']>(['failed', 'database-missing', 'no-permission', 'timeout']);

const STATES: Record<string, string> = {
  OFFLINE: 'it is offline',
  RESTORING: 'it is being restored',
  RECOVERING: 'it is recovering',
  RECOVERY_PENDING: 'its recovery is pending',
  SUSPECT: 'it is marked suspect',
  EMERGENCY: 'it is in emergency mode',
  OFFLINE_SECONDARY: 'it is an availability group secondary that is offline',
};

const SINGLE_USER = 'it is in single-user mode and in use by another connection';
const NO_ACCESS = 'the account used has no access to it';
const NOT_READABLE_SECONDARY = 'it is an availability group secondary replica that does not allow reads';

function unreadableFromState(db: ServerDatabase): string | undefined {
  if (db.state.toUpperCase() !== 'ONLINE') return STATES[db.state.toUpperCase()] ?? `its state is ${db.state}`;
  // HAS_DBACCESS is 0 for a database in single-user mode that someone else is using, and for one without access.
  if (!db.hasAccess) return db.userAccess.toUpperCase() === 'SINGLE_USER' ? SINGLE_USER : NO_ACCESS;
  return undefined;
}

function unreadableFromError(err: SqlFailure): string {
  switch (err.number) {
    case 976: // not accessible for queries: a secondary replica without read access
    case 978:
    case 979:
    case 982:
    case 983:
      return NOT_READABLE_SECONDARY;
    case 924:
      return SINGLE_USER;
    case 916:
    case 4060:
      return NO_ACCESS;
    case 942:
      return STATES.OFFLINE;
    default:
      return err.kind === 'timeout' ? 'reading it took longer than the time limit (it may be blocked)' : `reading it failed: ${err.message}`;
  }
}
