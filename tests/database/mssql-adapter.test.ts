import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWithConnectionString, MssqlHostSql } from '../../electron/engine/database/mssql-session';
import type { SqlTarget } from '../../electron/engine/database/sql-target';

/** The real adapter against what this machine has: closed ports, a silent server, no SQL Server Browser. */
const limits = { connectTimeoutMs: 1500, requestTimeoutMs: 1500 };
const base: SqlTarget = { server: '127.0.0.1', instance: null, authentication: 'sql', login: 'sa', trustServerCertificate: false, serverField: 'HQMessageDatabaseServerName' , namedInstanceField: 'HQMessageDatabaseServerNamedInstanceName', databaseField: 'HQMessageDatabase' };

describe('MssqlHostSql on failures this machine can produce', () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  let silentPort = 0;
  let closedPort = 0;

  beforeAll(async () => {
    silent = net.createServer((socket) => void sockets.add(socket)); // accepts and never answers: a hung server
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    silentPort = (silent.address() as net.AddressInfo).port;
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('a refused port is "does not accept connections", naming the Server name', async () => {
    await expect(connectAt(new MssqlHostSql(limits), base, closedPort)).rejects.toMatchObject({ kind: 'not-answering', field: 'HQMessageDatabaseServerName' });
  });

  it('a server that never answers ends at the connect time limit', async () => {
    const started = Date.now();
    await expect(connectAt(new MssqlHostSql(limits), base, silentPort)).rejects.toMatchObject({ kind: 'not-answering', message: expect.stringContaining('did not answer within 2 seconds') });
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('a named instance whose SQL Server Browser never answers takes the connect time limit and names the Named instance', async () => {
    const target: SqlTarget = { ...base, instance: 'RETAIL', serverField: 'HQMessageDatabaseServerNamedInstanceName' };
    await expect(new MssqlHostSql(limits).connect(target, 'x')).rejects.toMatchObject({
      kind: 'not-answering',
      field: 'HQMessageDatabaseServerNamedInstanceName',
      message: expect.stringMatching(/127\.0\.0\.1\\RETAIL did not answer within 2 seconds.*SQL Server Browser/),
    });
  });

  it('the current Windows user needs msnodesqlv8, which is not here: the message says what to do instead', async () => {
    await expect(new MssqlHostSql(limits).connect({ ...base, authentication: 'windows', login: '' }, undefined)).rejects.toMatchObject({
      kind: 'driver-missing',
      field: 'database.authentication',
      message: expect.stringContaining('NTLM'),
    });
  });
});

/** A connection string carries a port, as a scenario's real server or CDX_TEST_SQLSERVER would. */
function connectAt(_sql: MssqlHostSql, target: SqlTarget, port: number) {
  return connectWithConnectionString(`Server=127.0.0.1,${port};User Id=sa;Password=not-a-password;Encrypt=true`, target, limits);
}
