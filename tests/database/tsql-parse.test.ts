import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitBatches } from '../../electron/engine/database/go-splitter';
import * as sql from '../../electron/engine/database/sql-statements';
import { PayloadManifest } from '../../electron/engine/payload/manifest';
import { describeParseErrors, parseTsql, type TsqlParseResult, type TsqlToParse } from '../support/tsql-parse';

/**
 * Every statement the engine can send, and every GO batch of the payloads' scripts, through Microsoft's own parser
 * for SQL Server 2012 (TSql110Parser, the oldest server AX 2012 R3 supports). Names come from settings and servers,
 * so each builder is also fed hostile names: a parse error, or a statement count that changes with the name (an
 * injection), fails the suite.
 */
const HOSTILE = ['AsyncServerMessageDB', 'Msg]DB', "O'Brien", 'Wiadomości ä ł ő', "N'x'", "]'; DROP DATABASE master; --", "CONTOSO\\o'brien]", 'a]]b[c'];

/** One entry per export of sql-statements.ts: the type makes a new builder without an entry a compile error too. */
const BUILDERS: { [K in keyof typeof sql]: ((name: string) => string) | string } = {
  LIST_DATABASES: sql.LIST_DATABASES,
  CAN_CREATE_DATABASE: sql.CAN_CREATE_DATABASE,
  ENSURE_SCRIPT_TABLE: sql.ENSURE_SCRIPT_TABLE,
  APPLIED_SCRIPTS: sql.APPLIED_SCRIPTS,
  readMark: (n) => sql.readMark(n),
  createDatabase: (n) => sql.createDatabase(n),
  dropDatabase: (n) => sql.dropDatabase(n),
  recordScript: (n) => sql.recordScript(n, 'a'.repeat(64)),
  loginExists: (n) => sql.loginExists(n),
  principalOf: (n) => sql.principalOf(n),
  createWindowsLogin: (n) => sql.createWindowsLogin(n),
  dropLogin: (n) => sql.dropLogin(n),
  createUser: (n) => sql.createUser(n),
  dropUser: (n) => sql.dropUser(n),
  addRoleMember: (n) => sql.addRoleMember(n, n),
  dropRoleMember: (n) => sql.dropRoleMember(n, n),
  roleState: (n) => sql.roleState(n),
  createRole: (n) => sql.createRole(n),
  grantExecute: (n) => sql.grantExecute(n),
  revokeExecute: (n) => sql.revokeExecute(n),
  dropRole: (n) => sql.dropRole(n),
  registerInstance: (n) => sql.registerInstance({ instance: `CDX-HQ01/${n}/AsyncServer`, partition: n, connectionServer: n }),
  unregisterInstance: (n) => `${sql.unregisterInstance(n, true)}\n${sql.unregisterInstance(n, false)}`,
};

function engineStatements(): TsqlToParse[] {
  return Object.entries(BUILDERS).flatMap(([builder, make]) =>
    typeof make === 'string' ? [{ id: builder, text: make }] : HOSTILE.map((name, i) => ({ id: `${builder}#${i} ${JSON.stringify(name)}`, text: make(name) })),
  );
}

/** Every script of every payload's manifest, split by the engine's own GO splitter, batch by batch. */
function payloadBatches(): TsqlToParse[] {
  const root = path.resolve('payload');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((component) => {
      const dir = path.join(root, component.name);
      const manifest = PayloadManifest.parse(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
      return manifest.database.scripts.flatMap((script) =>
        splitBatches(readFileSync(path.join(dir, script.path), 'utf8')).map((batch) => ({ id: `${component.name}/${script.path} (batch at line ${batch.line})`, text: batch.text })),
      );
    });
}

describe('the ScriptDom parse helper', () => {
  const text = "SELECT N'ä ł ő — Wiadomości'";
  let results: TsqlParseResult[] = [];
  beforeAll(async () => {
    results = await parseTsql([
      { id: 'broken', text: 'SELEC 1 FROM' },
      { id: 'good', text },
      { id: 'two lines', text: 'SELECT 1;\nCREATE LOGIN FROM WINDOWS' },
      // DROP … IF EXISTS came with SQL Server 2016 (TSql130Parser).
      { id: 'drop if exists', text: 'DROP USER IF EXISTS [x]' },
    ]);
  }, 60_000);

  it('reports a broken statement with its line, column and message, and passes non-ASCII through intact', () => {
    const [broken, good, twoLines] = results;
    expect(broken.errors).toEqual([{ line: 1, column: 7, message: "Incorrect syntax near '1'." }]);
    expect(describeParseErrors([broken])).toEqual(["broken (line 1, column 7): Incorrect syntax near '1'."]);
    expect(good).toEqual({ id: 'good', chars: text.length, statements: 1, errors: [] });
    expect(twoLines.errors[0]).toMatchObject({ line: 2 });
  });

  it('is SQL Server 2012: syntax added in later versions is refused', () => {
    expect(results[3].errors.length).toBeGreaterThan(0);
  });
});

describe('T-SQL through ScriptDom (TSql110Parser, SQL Server 2012)', () => {
  const statements = engineStatements();
  const batches = payloadBatches();
  let results: TsqlParseResult[] = [];

  beforeAll(async () => {
    results = await parseTsql([...statements, ...batches]);
    console.log(`ScriptDom (TSql110Parser): ${statements.length} engine statements and ${batches.length} payload batches parsed.`);
  }, 60_000);

  it('covers every builder of sql-statements.ts', () => {
    expect(Object.keys(BUILDERS).sort()).toEqual(Object.keys(sql).sort());
  });

  it(`every engine statement parses, hostile names included (${statements.length} statements)`, () => {
    const mine = results.slice(0, statements.length);
    expect(describeParseErrors(mine)).toEqual([]);
    // The text arrived whole, and a hostile name never adds or removes a statement.
    for (const [i, r] of mine.entries()) expect(r.chars, r.id).toBe(statements[i].text.length);
    const countOf = (builder: string) => new Set(mine.filter((r) => r.id === builder || r.id.startsWith(`${builder}#`)).map((r) => r.statements));
    for (const builder of Object.keys(BUILDERS)) expect([...countOf(builder)], builder).toHaveLength(1);
  });

  it(`every GO batch of the payload's scripts parses (${batches.length} batches)`, () => {
    expect(batches.length).toBeGreaterThan(0);
    expect(describeParseErrors(results.slice(statements.length))).toEqual([]);
  });
});

describe('where the engine sends SQL', () => {
  const session = readFileSync(path.resolve('electron/engine/database/mssql-session.ts'), 'utf8');

  it('the adapter sends only sql-statements.ts texts and payload batches, so the parse above sees all it sends', () => {
    // Every query goes through run(database, text, step), except a script's batches inside its transaction.
    const runs = [...session.matchAll(/this\.run(?:<[^>]*>)?\(\s*[^,]+,\s*([^,]+),/g)].map((m) => m[1].trim());
    expect(runs.length).toBeGreaterThan(10);
    expect(runs.filter((arg) => !/^statements\.\w+\b/.test(arg))).toEqual([]);
    const sends = [...session.matchAll(/\.(?:batch|query|execute)\(([^)]*)\)/g)].map((m) => m[1].trim());
    expect(sends.filter((arg) => !/^(statements\.\w+\b|batch\.text$|text$)/.test(arg))).toEqual([]);
  });

  it('no other engine file sends SQL', () => {
    const files = (readdirSync(path.resolve('electron'), { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((d) => d.isFile() && d.name.endsWith('.ts') && d.name !== 'mssql-session.ts')
      .map((d) => path.join(d.parentPath, d.name));
    const senders = files.filter((file) => /\.(?:batch|query|execute)\(|new\s+\w*\.?Request\(/.test(readFileSync(file, 'utf8')));
    expect(senders.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });
});
