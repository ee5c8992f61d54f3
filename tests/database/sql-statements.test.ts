import { describe, expect, it } from 'vitest';
import { quoteIdentifier, quoteLiteral } from '../../electron/engine/database/sql-quote';
import * as sql from '../../electron/engine/database/sql-statements';

describe('quoting', () => {
  it('doubles ] in names and wraps them in brackets', () => {
    expect(quoteIdentifier('Msg]DB')).toBe('[Msg]]DB]');
    expect(quoteIdentifier('a]]b')).toBe('[a]]]]b]');
    expect(quoteIdentifier("O'Brien DB")).toBe("[O'Brien DB]");
  });

  it("doubles ' in literals and makes them Unicode", () => {
    expect(quoteLiteral("CONTOSO\\o'brien")).toBe("N'CONTOSO\\o''brien'");
    expect(quoteLiteral("'; DROP DATABASE x; --")).toBe("N'''; DROP DATABASE x; --'");
  });

  it('refuses names SQL Server cannot hold', () => {
    expect(() => quoteIdentifier('')).toThrow(/1 to 128/);
    expect(() => quoteIdentifier('x'.repeat(129))).toThrow(/1 to 128/);
    expect(() => quoteLiteral('a\u0000b')).toThrow(/NUL/);
  });
});

describe('statements', () => {
  it('creates and drops a database whose name holds ]', () => {
    expect(sql.createDatabase('Msg]DB')).toBe('CREATE DATABASE [Msg]]DB]');
    const drop = sql.dropDatabase("Msg]DB'x");
    expect(drop).toContain("IF DB_ID(N'Msg]DB''x') IS NOT NULL");
    expect(drop).toContain("ALTER DATABASE [Msg]]DB'x] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;");
    expect(drop).toContain("DROP DATABASE [Msg]]DB'x];");
  });

  it("creates a Windows login whose name holds ' and ]", () => {
    expect(sql.createWindowsLogin("CONTOSO\\o'brien]")).toBe("IF SUSER_ID(N'CONTOSO\\o''brien]') IS NULL CREATE LOGIN [CONTOSO\\o'brien]]] FROM WINDOWS");
    expect(sql.createUser("CONTOSO\\o'brien")).toBe("CREATE USER [CONTOSO\\o'brien] FOR LOGIN [CONTOSO\\o'brien]");
    expect(sql.addRoleMember('db_datareader', "CONTOSO\\o'brien")).toBe("EXEC sp_addrolemember N'db_datareader', N'CONTOSO\\o''brien'");
  });

  it('reads the mark through a quoted three-part name', () => {
    const text = sql.readMark('Msg]DB');
    // In the database's own catalog, so an unreadable database raises an error instead of passing for unmarked.
    expect(text).toContain('FROM [Msg]]DB].sys.tables AS t JOIN [Msg]]DB].sys.schemas AS s');
    expect(text).toContain("t.name IN (N'MessageDatabase', N'MessageDatabaseInstance')");
    expect(text).toContain('FROM [Msg]]DB].dbo.MessageDatabase');
    expect(text).toContain('[Msg]]DB].dbo.MessageDatabaseInstance');
  });

  it('records a script and registers an instance with quoted values', () => {
    expect(sql.recordScript("010-o'k", 'ab')).toBe("INSERT INTO dbo.CdxSetupScript (Id, [Checksum]) VALUES (N'010-o''k', N'ab')");
    const register = sql.registerInstance({ instance: "HQ01/Site/App'1", partition: 'initial', connectionServer: 'SQLHQ01' });
    expect(register).toContain("SET [Partition] = N'initial' WHERE [Partition] IS NULL");
    expect(register).toContain("VALUES (N'HQ01/Site/App''1', N'SQLHQ01')");
    expect(sql.unregisterInstance('x', true)).toContain('UPDATE dbo.MessageDatabase SET [Partition] = NULL');
    expect(sql.unregisterInstance('x', false)).not.toContain('[Partition] = NULL');
  });
});
