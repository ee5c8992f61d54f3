import type { config as MssqlConfig } from 'mssql';
import type { SqlTarget } from './sql-target';

/** Time limits: a named instance that does not answer takes the whole connect timeout, so it is kept short. */
export const CONNECT_TIMEOUT_MS = 15_000;
/** Scripts and CREATE DATABASE can take a while on a busy server; a hung query still ends. */
export const REQUEST_TIMEOUT_MS = 120_000;

export interface ConnectionLimits {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = { connectTimeoutMs: CONNECT_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS };

export type Driver = 'tedious' | 'msnodesqlv8';

/**
 * A new config object on every call: mssql writes into the one it is given (defaults, the resolved port), and a
 * reused object carries one connection's state into the next.
 *
 * - SQL authentication: tedious, login and password.
 * - Windows authentication with DOMAIN\user and a password: tedious signs in through NTLM, on any operating system.
 * - Windows authentication as the current Windows user (no account given): msnodesqlv8 (ODBC, Windows only).
 * Encryption is always asked for; the server certificate is trusted without validation only when the user chose so.
 */
export function mssqlConfig(target: SqlTarget, password: string | undefined, database: string | undefined, limits: ConnectionLimits = DEFAULT_LIMITS): { driver: Driver; config: MssqlConfig } {
  const base: MssqlConfig = {
    server: target.server,
    database,
    connectionTimeout: limits.connectTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    pool: { max: 1, min: 0, idleTimeoutMillis: 5_000 },
    options: {
      encrypt: true,
      trustServerCertificate: target.trustServerCertificate,
      appName: 'CDX Setup',
      ...(target.instance ? { instanceName: target.instance } : {}),
    },
  };
  if (target.authentication === 'sql') {
    return { driver: 'tedious', config: { ...base, user: target.login, password: password ?? '' } };
  }
  if (target.login !== '') {
    const [domain, user] = splitWindowsAccount(target.login);
    return { driver: 'tedious', config: { ...base, domain, user, password: password ?? '' } };
  }
  // mssql's msnodesqlv8 pool builds its ODBC string without TrustServerCertificate: the whole string is given instead.
  return { driver: 'msnodesqlv8', config: { ...base, driver: 'msnodesqlv8', connectionString: odbcConnectionString(target, database) } as MssqlConfig };
}

/** The ODBC driver for integrated authentication; CDX_SQL_ODBC_DRIVER names another one installed on the computer. */
export function odbcDriver(): string {
  return process.env.CDX_SQL_ODBC_DRIVER?.trim() || 'ODBC Driver 17 for SQL Server';
}

/** ODBC quoting: a value with ; { } or surrounding blanks goes in braces, doubling a closing brace. */
function odbcValue(value: string): string {
  return /[;{}=]|^\s|\s$/.test(value) ? `{${value.replace(/}/g, '}}')}}` : value;
}

export function odbcConnectionString(target: SqlTarget, database: string | undefined): string {
  const parts = [
    `Driver={${odbcDriver()}}`,
    `Server=${odbcValue(target.instance ? `${target.server}\\${target.instance}` : target.server)}`,
    ...(database ? [`Database=${odbcValue(database)}`] : []),
    'Trusted_Connection=yes',
    'Encrypt=yes',
    `TrustServerCertificate=${target.trustServerCertificate ? 'yes' : 'no'}`,
    'APP=CDX Setup',
  ];
  return parts.join(';');
}

/** DOMAIN\user or user@domain, as NTLM wants them: domain and user apart. */
export function splitWindowsAccount(account: string): [string, string] {
  const slash = account.indexOf('\\');
  if (slash > 0) return [account.slice(0, slash), account.slice(slash + 1)];
  const at = account.lastIndexOf('@');
  if (at > 0) return [account.slice(at + 1), account.slice(0, at)];
  return ['', account];
}
