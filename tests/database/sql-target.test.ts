import { describe, expect, it } from 'vitest';
import { connectionServer, messageDatabaseConnectionString } from '../../electron/engine/components/async-server/installed-connection';
import { mssqlConfig, splitWindowsAccount } from '../../electron/engine/database/mssql-config';
import { SqlTargetError } from '../../electron/engine/database/sql-target';
import { sqlTargetFromSettings } from '../../electron/engine/components/async-server/message-database';
import { defaultSettings } from '../../shared/components/async-server/parameters';

const choice = { mode: 'create' as const, authentication: 'windows' as const, sqlLogin: '', trustServerCertificate: false, partition: 'initial' };
const settings = (over: Record<string, string>) => ({ ...defaultSettings(), HQMessageDatabase: 'MsgDB', ...over });

describe('sqlTargetFromSettings (the guide forms)', () => {
  it('uses the server name for the default instance', () => {
    expect(sqlTargetFromSettings(settings({ HQMessageDatabaseServerName: 'server1' }), choice)).toMatchObject({ server: 'server1', instance: null, serverField: 'HQMessageDatabaseServerName' });
  });

  it('takes server1\\instance2 and localhost\\instance2 from Named instance', () => {
    expect(sqlTargetFromSettings(settings({ HQMessageDatabaseServerName: 'x', HQMessageDatabaseServerNamedInstanceName: 'server1\\instance2' }), choice)).toMatchObject({ server: 'server1', instance: 'instance2', serverField: 'HQMessageDatabaseServerNamedInstanceName' });
    expect(sqlTargetFromSettings(settings({ HQMessageDatabaseServerNamedInstanceName: 'localhost\\instance2' }), choice)).toMatchObject({ server: 'localhost', instance: 'instance2' });
    expect(sqlTargetFromSettings(settings({ HQMessageDatabaseServerNamedInstanceName: 'localhost' }), choice)).toMatchObject({ server: 'localhost', instance: null });
  });

  it('refuses a bad instance or server with the shared rules, naming the field', () => {
    expect(() => sqlTargetFromSettings(settings({ HQMessageDatabaseServerNamedInstanceName: 'a\\b\\c' }), choice)).toThrow(SqlTargetError);
    try {
      sqlTargetFromSettings(settings({ HQMessageDatabaseServerName: 'srv\\inst' }), choice);
    } catch (err) {
      expect((err as SqlTargetError).field).toBe('HQMessageDatabaseServerName');
    }
  });

  it('needs a login for SQL Server authentication', () => {
    expect(() => sqlTargetFromSettings(settings({ HQMessageDatabaseServerName: 's' }), { ...choice, authentication: 'sql' })).toThrow(/SQL Server login/);
  });
});

describe('mssqlConfig', () => {
  const target = { server: 'SQLHQ01', instance: 'RETAIL', authentication: 'sql' as const, login: 'sa', trustServerCertificate: false, serverField: 'HQMessageDatabaseServerNamedInstanceName' as const, namedInstanceField: 'HQMessageDatabaseServerNamedInstanceName', databaseField: 'HQMessageDatabase' };

  it('gives a fresh object each time, so mssql writing into one cannot leak into the next', () => {
    const a = mssqlConfig(target, 'pw', 'MsgDB').config;
    const b = mssqlConfig(target, 'pw', 'MsgDB').config;
    expect(a).not.toBe(b);
    expect(a.options).not.toBe(b.options);
    (a.options as Record<string, unknown>).port = 50123;
    expect(mssqlConfig(target, 'pw', 'MsgDB').config.options).not.toHaveProperty('port');
  });

  it('encrypts by default and trusts the certificate only when asked, with time limits', () => {
    const c = mssqlConfig(target, 'pw', undefined, { connectTimeoutMs: 5000, requestTimeoutMs: 9000 }).config;
    expect(c.options).toMatchObject({ encrypt: true, trustServerCertificate: false, instanceName: 'RETAIL' });
    expect([c.connectionTimeout, c.requestTimeout]).toEqual([5000, 9000]);
    expect(mssqlConfig({ ...target, trustServerCertificate: true }, 'pw', undefined).config.options?.trustServerCertificate).toBe(true);
  });

  it('uses NTLM for a Windows account with a password, and msnodesqlv8 for the current user', () => {
    const ntlm = mssqlConfig({ ...target, authentication: 'windows', login: 'CONTOSO\\admin' }, 'pw', undefined);
    expect(ntlm.driver).toBe('tedious');
    expect(ntlm.config).toMatchObject({ domain: 'CONTOSO', user: 'admin' });
    const current = mssqlConfig({ ...target, authentication: 'windows', login: '' }, undefined, 'Msg;DB}');
    expect(current.driver).toBe('msnodesqlv8');
    expect((current.config as { connectionString?: string }).connectionString).toBe(
      'Driver={ODBC Driver 17 for SQL Server};Server=SQLHQ01\\RETAIL;Database={Msg;DB}}};Trusted_Connection=yes;Encrypt=yes;TrustServerCertificate=no;APP=CDX Setup',
    );
    expect((mssqlConfig({ ...target, authentication: 'windows', login: '', trustServerCertificate: true }, undefined, undefined).config as { connectionString?: string }).connectionString).toContain('TrustServerCertificate=yes');
    expect(splitWindowsAccount('admin@contoso.com')).toEqual(['contoso.com', 'admin']);
  });
});

describe('the installed server\'s connection (HQMessageDatabaseServerOverride)', () => {
  it('uses the override, keeping the named instance', () => {
    expect(connectionServer(settings({ HQMessageDatabaseServerOverride: 'sql-listener', HQMessageDatabaseServerName: 'SQLHQ01', HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\RETAIL' }))).toBe('sql-listener\\RETAIL');
    expect(connectionServer(settings({ HQMessageDatabaseServerOverride: 'alias\\OTHER', HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\RETAIL' }))).toBe('alias\\OTHER');
    expect(connectionServer(settings({ HQMessageDatabaseServerOverride: '', HQMessageDatabaseServerName: 'SQLHQ01' }))).toBe('SQLHQ01');
  });

  it('writes a connection string with Windows authentication and quoted values', () => {
    expect(messageDatabaseConnectionString(settings({ HQMessageDatabaseServerOverride: 'SQLHQ01', HQMessageDatabase: 'Msg;DB' }), false)).toBe(
      'Data Source=SQLHQ01;Initial Catalog="Msg;DB";Integrated Security=True;Encrypt=True',
    );
    expect(messageDatabaseConnectionString(settings({ HQMessageDatabaseServerOverride: 'SQLHQ01' }), true)).toContain('TrustServerCertificate=True');
  });
});
