import type { DatabaseChoice } from '../../../shared/contract/schemas';
import { checkSqlInstance, checkSqlServerName } from '../../../shared/settings/rules';

/** Which SQL Server to reach and how to sign in; the password travels beside it, never in here. */
export interface SqlTarget {
  /** The computer (or `localhost`, `.`, `(local)`). */
  server: string;
  /** A named instance, found through the SQL Server Browser; null for the default instance. */
  instance: string | null;
  authentication: DatabaseChoice['authentication'];
  /**
   * SQL authentication: the SQL login. Windows authentication: empty for the current Windows user, or DOMAIN\user
   * (with a password) to sign in through NTLM.
   */
  login: string;
  trustServerCertificate: boolean;
  /** The wizard field the server came from, named when the server cannot be reached. */
  serverField: string;
  /** The component's Named instance field: a failure that only a named instance has (its lookup) names it. */
  namedInstanceField: string;
  /** The field that names the database this target is made to reach, named when it is missing or already exists. */
  databaseField: string;
}

export class SqlTargetError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Any component's pair of fields: the server's name, and the full instance name that wins when it is set; and the
 * field of the database reached there, so that each failure names the field of the component whose database it is.
 */
export function sqlTargetOf(serverName: { field: string; value: string }, namedInstance: { field: string; value: string }, databaseField: string, choice: DatabaseChoice): SqlTarget {
  const named = namedInstance.value.trim();
  let server: string;
  let instance: string | null = null;
  if (named !== '') {
    const problem = checkSqlInstance(named, false);
    if (problem) throw new SqlTargetError(namedInstance.field, problem);
    [server, instance = null] = named.split('\\') as [string, string?];
  } else {
    server = serverName.value.trim();
    const problem = checkSqlServerName(server);
    if (problem) throw new SqlTargetError(serverName.field, problem);
  }
  if (choice.authentication === 'sql' && choice.sqlLogin.trim() === '') {
    throw new SqlTargetError('database.sqlLogin', 'Enter the SQL Server login to use with SQL Server authentication.');
  }
  return {
    server,
    instance,
    authentication: choice.authentication,
    login: choice.sqlLogin.trim(),
    trustServerCertificate: choice.trustServerCertificate,
    serverField: named !== '' ? namedInstance.field : serverName.field,
    namedInstanceField: namedInstance.field,
    databaseField,
  };
}

export const PARTITION_REQUIRED = 'Enter the Microsoft Dynamics AX partition this message database serves, for example initial.';

/** `server` or `server\instance`, as SQL Server tools show it. */
export function describeTarget(target: Pick<SqlTarget, 'server' | 'instance'>): string {
  return target.instance ? `${target.server}\\${target.instance}` : target.server;
}
