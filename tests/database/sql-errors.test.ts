import sql from 'mssql';
import * as tedious from 'tedious';
import { describe, expect, it } from 'vitest';
import { mapSqlError } from '../../electron/engine/database/sql-errors';
import type { SqlTarget } from '../../electron/engine/database/sql-target';

const sqlAuth: SqlTarget = { server: 'SQLHQ01', instance: null, authentication: 'sql', login: 'cdx_setup', trustServerCertificate: false, serverField: 'HQMessageDatabaseServerName' , namedInstanceField: 'HQMessageDatabaseServerNamedInstanceName', databaseField: 'HQMessageDatabase' };
const named: SqlTarget = { ...sqlAuth, instance: 'RETAIL', authentication: 'windows', login: '', serverField: 'HQMessageDatabaseServerNamedInstanceName' };

/** The errors as mssql hands them over: its wrapper around tedious's error (built with the libraries' own classes). */
function connectionError(message: string, code: string, cause?: Error) {
  const inner = new tedious.ConnectionError(message, code);
  if (cause) (inner as { cause?: unknown }).cause = cause;
  return new sql.ConnectionError(inner);
}

function requestError(number: number, message: string) {
  const info = Object.assign(new Error(message), { info: { number, state: 1, class: 14, message } });
  return new sql.RequestError(info, 'EREQUEST');
}

describe('mapSqlError on recorded mssql/tedious errors', () => {
  it('login failed (18456, ELOGIN) names the login, never the password', () => {
    const f = mapSqlError(connectionError("Login failed for user 'cdx_setup'.", 'ELOGIN'), { target: sqlAuth });
    expect(f.kind).toBe('login-failed');
    expect(f.field).toBe('database.sqlLogin');
    expect(f.message).toMatch(/SQL Server SQLHQ01 refused the login cdx_setup\. Check the Login and Password/);
  });

  it('login failed with Windows authentication points at Authentication', () => {
    const f = mapSqlError(connectionError("Login failed for user 'CONTOSO\\admin'.", 'ELOGIN'), { target: named });
    expect(f.field).toBe('database.authentication');
    expect(f.message).toContain('the current Windows user');
  });

  it('server not found (ESOCKET getaddrinfo ENOTFOUND) names the Server name', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND SQLHQ01'), { code: 'ENOTFOUND' });
    const f = mapSqlError(connectionError('Failed to connect to SQLHQ01:1433 - getaddrinfo ENOTFOUND SQLHQ01', 'ESOCKET', dns), { target: sqlAuth });
    expect([f.kind, f.field]).toEqual(['server-not-found', 'HQMessageDatabaseServerName']);
    expect(f.message).toBe('The server SQLHQ01 was not found on the network. Check the Server name.');
  });

  it('a refused connection (ESOCKET ECONNREFUSED) says the server does not accept connections', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:1433'), { code: 'ECONNREFUSED' });
    const f = mapSqlError(connectionError('Failed to connect to SQLHQ01:1433 - connect ECONNREFUSED 10.0.0.5:1433', 'ESOCKET', refused), { target: sqlAuth });
    expect(f.kind).toBe('not-answering');
    expect(f.message).toMatch(/does not accept connections.*Check the Server name/);
  });

  it('named instance lookup (EINSTLOOKUP) names the Named instance and the SQL Server Browser', () => {
    const f = mapSqlError(connectionError('Failed to get response from SQL Server Browser on SQLHQ01', 'EINSTLOOKUP'), { target: named });
    expect([f.kind, f.field]).toEqual(['instance-not-found', 'HQMessageDatabaseServerNamedInstanceName']);
    expect(f.message).toContain('SQL Server Browser');
    expect(f.message).toContain('SQLHQ01\\RETAIL');
  });

  it('a connect timeout says the server did not answer within the limit', () => {
    const f = mapSqlError(connectionError('Failed to connect to SQLHQ01\\RETAIL in 15000ms', 'ETIMEOUT'), { target: named, connectTimeoutMs: 15000 });
    expect([f.kind, f.field]).toEqual(['not-answering', 'HQMessageDatabaseServerNamedInstanceName']);
    expect(f.message).toContain('did not answer within 15 seconds');
  });

  it('a query timeout names the step', () => {
    const err = new sql.RequestError(new tedious.RequestError('Timeout: Request failed to complete in 120000ms', 'ETIMEOUT'));
    const f = mapSqlError(err, { target: sqlAuth, step: 'running script 010-sessions', requestTimeoutMs: 120000 });
    expect(f.kind).toBe('timeout');
    expect(f.message).toContain('took longer than the time limit (120 seconds) while running script 010-sessions');
  });

  it('no permission to create a database (262)', () => {
    const f = mapSqlError(requestError(262, "CREATE DATABASE permission denied in database 'master'."), { target: sqlAuth, database: 'MsgDB' });
    expect([f.kind, f.field, f.number]).toEqual(['no-permission', 'database.sqlLogin', 262]);
    expect(f.message).toContain('The login cdx_setup may not create databases on SQLHQ01');
    expect(f.message).toContain('dbcreator');
  });

  it('database already exists (1801), also when mssql keeps it among precedingErrors', () => {
    const last = requestError(1750, 'Could not create constraint or index. See previous errors.');
    (last as unknown as { precedingErrors: unknown[] }).precedingErrors = [requestError(1801, "Database 'MsgDB' already exists. Choose a different database name.")];
    const f = mapSqlError(last, { target: sqlAuth, database: 'MsgDB' });
    expect([f.kind, f.field]).toEqual(['database-exists', 'HQMessageDatabase']);
    expect(f.message).toContain('A database named MsgDB already exists on SQLHQ01');
  });

  it('cannot open database (4060 at login) names the Database name', () => {
    const f = mapSqlError(connectionError('Cannot open database "MsgDB" requested by the login. The login failed.', 'ELOGIN'), { target: sqlAuth, database: 'MsgDB' });
    expect([f.kind, f.field]).toEqual(['database-missing', 'HQMessageDatabase']);
  });

  it('an untrusted certificate points at Trust the server certificate', () => {
    const tls = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const f = mapSqlError(connectionError('Failed to connect to SQLHQ01:1433 - self-signed certificate', 'ESOCKET', tls), { target: sqlAuth });
    expect([f.kind, f.field]).toEqual(['certificate', 'database.trustServerCertificate']);
  });

  it("a server without TLS 1.2 is named as such in BoringSSL's words too (Electron's Node)", () => {
    const boring = Object.assign(new Error('error:100000f0:SSL routines:OPENSSL_internal:UNSUPPORTED_PROTOCOL'), { code: 'ERR_SSL_UNSUPPORTED_PROTOCOL' });
    const f = mapSqlError(connectionError('Failed to connect to SQLHQ01:1433 - error:100000f0:SSL routines:OPENSSL_internal:UNSUPPORTED_PROTOCOL', 'ESOCKET', boring), { target: sqlAuth });
    expect([f.kind, f.field]).toEqual(['tls-version', 'HQMessageDatabaseServerName']);
    const textOnly = mapSqlError(connectionError('Failed to connect to SQLHQ01:1433 - error:1000042e:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION', 'ESOCKET'), { target: sqlAuth });
    expect(textOnly.kind).toBe('tls-version');
    // A script's own error that speaks of a certificate is no connection failure.
    expect(mapSqlError(requestError(15208, 'The certificate, asymmetric key, or private key file is not valid or does not exist.'), { target: sqlAuth }).kind).toBe('failed');
  });

  it('a missing permission for logins (15247) is a permission failure', () => {
    const f = mapSqlError(requestError(15247, 'User does not have permission to perform this action.'), { target: sqlAuth, step: 'creating the login CONTOSO\\svc' });
    expect(f.kind).toBe('no-permission');
    expect(f.message).toContain('while creating the login CONTOSO\\svc');
  });

  it("names the fields of the target's own component: Async Client's channel message database", () => {
    const client: SqlTarget = {
      ...named,
      serverField: 'ChannelMessageDatabaseServerNamedInstanceName',
      namedInstanceField: 'ChannelMessageDatabaseServerNamedInstanceName',
      databaseField: 'ChannelMessageDatabaseName',
    };
    const timeout = mapSqlError(connectionError('Failed to connect to SQLHQ01\\RETAIL in 15000ms', 'ETIMEOUT'), { target: client, connectTimeoutMs: 15000 });
    expect([timeout.field, timeout.message]).toEqual(['ChannelMessageDatabaseServerNamedInstanceName', expect.stringContaining('Check the Named instance, that the instance RETAIL runs')]);
    const lookup = mapSqlError(connectionError('Failed to get response from SQL Server Browser on SQLHQ01', 'EINSTLOOKUP'), { target: client });
    expect(lookup.field).toBe('ChannelMessageDatabaseServerNamedInstanceName');
    const missing = mapSqlError(connectionError('Cannot open database "MsgDB" requested by the login. The login failed.', 'ELOGIN'), { target: client, database: 'MsgDB' });
    expect([missing.kind, missing.field]).toEqual(['database-missing', 'ChannelMessageDatabaseName']);
    const exists = mapSqlError(requestError(1801, "Database 'MsgDB' already exists. Choose a different database name."), { target: client, database: 'MsgDB' });
    expect([exists.kind, exists.field]).toEqual(['database-exists', 'ChannelMessageDatabaseName']);
  });

  it('anything else keeps the server message and number', () => {
    const f = mapSqlError(requestError(208, "Invalid object name 'dbo.Nope'."), { target: sqlAuth, step: 'running script x' });
    expect(f.kind).toBe('failed');
    expect(f.message).toBe("SQL Server SQLHQ01 reported an error while running script x: Invalid object name 'dbo.Nope'. (error 208)");
  });
});
