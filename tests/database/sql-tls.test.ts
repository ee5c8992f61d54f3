import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWithConnectionString } from '../../electron/engine/database/mssql-session';
import type { SqlTarget } from '../../electron/engine/database/sql-target';
import { sqlTargetFromSettings } from '../../electron/engine/components/async-server/message-database';
import { choiceFor, patchedRehearsalHost, settingsFor } from './support';
import { selfSignedFallbackCertificate, startTdsTlsServer, type TdsTlsOptions, type TdsTlsServer } from '../support/tds-tls-server';

/**
 * Real TLS failures, as tedious meets them: a local server answers TDS's PRELOGIN with encryption on, then runs
 * Node's own TLS server inside the PRELOGIN packets as SQL Server does. The adapter's error is then mapped.
 */
const limits = { connectTimeoutMs: 5000, requestTimeoutMs: 5000 };
const target: SqlTarget = { server: '127.0.0.1', instance: null, authentication: 'sql', login: 'sa', trustServerCertificate: false, serverField: 'HQMessageDatabaseServerName' , namedInstanceField: 'HQMessageDatabaseServerNamedInstanceName', databaseField: 'HQMessageDatabase' };
const CERTS = 'electron/engine/hosts/rehearsal/scenarios/default/certs';

async function connectTo(server: TdsTlsServer, trust: boolean) {
  return connectWithConnectionString(`Server=127.0.0.1,${server.port};User Id=sa;Password=not-a-password;Encrypt=true;TrustServerCertificate=${trust}`, { ...target, trustServerCertificate: trust }, limits);
}

describe('SQL Server certificates and TLS versions, over a real TLS handshake', () => {
  const servers: Record<string, TdsTlsServer> = {};
  beforeAll(async () => {
    const fallback = selfSignedFallbackCertificate();
    const kinds: Record<string, TdsTlsOptions> = {
      selfSigned: fallback,
      // Issued by the rehearsal's CONTOSO root authority, which this computer does not trust.
      internalAuthority: { key: readFileSync(`${CERTS}/async-server.key`, 'utf8'), cert: readFileSync(`${CERTS}/async-server.pem`, 'utf8') },
      // SQL Server 2012 or 2014 without the TLS 1.2 update: TLS 1.0 and 1.1 only (old ciphers allowed, as Schannel had them).
      noTls12: { ...fallback, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' },
    };
    for (const [name, options] of Object.entries(kinds)) servers[name] = await startTdsTlsServer(options);
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  });

  it("SQL Server's own self-signed certificate: encryption stays on, and the message names Trust the server certificate", async () => {
    const failure = await connectTo(servers.selfSigned, false).catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'certificate', field: 'database.trustServerCertificate' });
    expect((failure as Error).message).toBe(
      'SQL Server 127.0.0.1 presented a self-signed certificate, as SQL Server does when no certificate is configured for it, and this computer cannot verify it. The connection stays encrypted either way. Install a certificate this computer trusts on SQL Server, or select Trust the server certificate (then a server posing as 127.0.0.1 would not be noticed).',
    );
  });

  it('with Trust the server certificate the handshake completes (the local server then hangs up: no certificate message)', async () => {
    const before = servers.selfSigned.handshakes;
    const failure = await connectTo(servers.selfSigned, true).catch((e: unknown) => e);
    expect(servers.selfSigned.handshakes).toBeGreaterThan(before);
    expect(failure).toMatchObject({ kind: 'not-answering' });
  });

  it('a certificate of an authority CDX Setup does not trust says so, and that the Windows store is not consulted', async () => {
    const failure = await connectTo(servers.internalAuthority, false).catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'certificate', field: 'database.trustServerCertificate' });
    expect((failure as Error).message).toContain('its certificate is not trusted (unable to verify the first certificate): it is issued by an authority CDX Setup does not trust.');
    expect((failure as Error).message).toContain('not the Windows certificate store');
  });

  it('a server without TLS 1.2 is named as such, whether or not its certificate is trusted', async () => {
    for (const trust of [false, true]) {
      const failure = await connectTo(servers.noTls12, trust).catch((e: unknown) => e);
      expect(failure, `trust ${trust}`).toMatchObject({ kind: 'tls-version', field: 'HQMessageDatabaseServerName' });
      expect((failure as Error).message).toBe(
        "SQL Server 127.0.0.1 does not offer TLS 1.2, which the encrypted connection needs. SQL Server 2012 and 2014 offer it only with their TLS 1.2 update (KB3135244, or a later service pack or cumulative update); ask the server's administrator to install it. Trust the server certificate does not help here.",
      );
    }
  });

  it('the rehearsal faults self-signed-certificate and no-tls-1.2 give the sentences the real handshake gives', async () => {
    const real = {
      selfSigned: ((await connectTo(servers.selfSigned, false).catch((e: unknown) => e)) as Error).message,
      noTls12: ((await connectTo(servers.noTls12, false).catch((e: unknown) => e)) as Error).message,
    };
    const rehearsal = async (error: string, trust: boolean) => {
      const host = patchedRehearsalHost((scenario) => {
        scenario.sqlServers[0].name = '127.0.0.1';
        scenario.sqlServers[0].faults = [{ at: 'connect', error }];
      });
      const at = sqlTargetFromSettings(settingsFor({ HQMessageDatabaseServerName: '127.0.0.1' }), choiceFor({ trustServerCertificate: trust }));
      return host.sql.connect(at, undefined).then(
        () => 'connected',
        (e: Error) => e.message,
      );
    };
    expect(await rehearsal('self-signed-certificate', false)).toBe(real.selfSigned);
    expect(await rehearsal('self-signed-certificate', true)).toBe('connected');
    expect(await rehearsal('no-tls-1.2', true)).toBe(real.noTls12);
  });
});
