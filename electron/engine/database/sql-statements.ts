import { quoteIdentifier, quoteLiteral } from './sql-quote';
import { INSTANCE_TABLE, MARK_TABLE, SCRIPT_TABLE, type InstanceRecord } from './sql-host';

/**
 * The SQL text the real adapter sends. Names and values are quoted here (statements such as CREATE LOGIN take no
 * parameters); everything is a pure function so the text itself is tested.
 */
/** Every user database with its state, whether it is readable or not: what cannot be read is named, not hidden. */
export const LIST_DATABASES = `SELECT name, state_desc AS state, user_access_desc AS userAccess, CAST(ISNULL(HAS_DBACCESS(name), 0) AS int) AS hasAccess FROM sys.databases WHERE database_id > 4 ORDER BY name`;

export const CAN_CREATE_DATABASE = `SELECT CAST(HAS_PERMS_BY_NAME(NULL, NULL, N'CREATE ANY DATABASE') AS int) AS can`;

/**
 * The mark of one database: no rows when it is not a message database. The tables are looked up in the database's
 * own catalog, which raises an error when it cannot be read (OBJECT_ID would answer NULL, passing an unreadable
 * database off as one without the mark).
 */
export function readMark(database: string): string {
  const db = quoteIdentifier(database);
  const [schema, mark] = MARK_TABLE.split('.');
  const [, instances] = INSTANCE_TABLE.split('.');
  return [
    `IF (SELECT COUNT(*) FROM ${db}.sys.tables AS t JOIN ${db}.sys.schemas AS s ON s.schema_id = t.schema_id`,
    `    WHERE s.name = ${quoteLiteral(schema)} AND t.name IN (${quoteLiteral(mark)}, ${quoteLiteral(instances)})) = 2`,
    `  SELECT (SELECT TOP (1) [Partition] FROM ${db}.${MARK_TABLE}) AS [partition],`,
    `         i.InstanceName AS instance`,
    `  FROM (SELECT 1 AS one) AS x LEFT JOIN ${db}.${INSTANCE_TABLE} AS i ON 1 = 1 ORDER BY i.InstanceName`,
  ].join('\n');
}

export function createDatabase(name: string): string {
  return `CREATE DATABASE ${quoteIdentifier(name)}`;
}

/** Other sessions are disconnected first: a rollback must not fail because the new database is open elsewhere. */
export function dropDatabase(name: string): string {
  const db = quoteIdentifier(name);
  return [
    `IF DB_ID(${quoteLiteral(name)}) IS NOT NULL`,
    'BEGIN',
    `  ALTER DATABASE ${db} SET SINGLE_USER WITH ROLLBACK IMMEDIATE;`,
    `  DROP DATABASE ${db};`,
    'END',
  ].join('\n');
}

export const ENSURE_SCRIPT_TABLE = [
  `IF OBJECT_ID(N'${SCRIPT_TABLE}', N'U') IS NULL`,
  `  CREATE TABLE ${SCRIPT_TABLE} (Id nvarchar(128) NOT NULL PRIMARY KEY, [Checksum] char(64) NOT NULL, AppliedUtc datetime2 NOT NULL DEFAULT SYSUTCDATETIME())`,
].join('\n');

export const APPLIED_SCRIPTS = `IF OBJECT_ID(N'${SCRIPT_TABLE}', N'U') IS NOT NULL SELECT Id AS id, [Checksum] AS [checksum] FROM ${SCRIPT_TABLE} ORDER BY AppliedUtc, Id`;

export function recordScript(id: string, checksum: string): string {
  return `INSERT INTO ${SCRIPT_TABLE} (Id, [Checksum]) VALUES (${quoteLiteral(id)}, ${quoteLiteral(checksum)})`;
}

export function loginExists(account: string): string {
  return `SELECT CASE WHEN SUSER_ID(${quoteLiteral(account)}) IS NULL THEN 0 ELSE 1 END AS found`;
}

/**
 * The user mapped to a login (by SID, whatever its name) and its roles, in the current database. The owner's login
 * maps to dbo (principal_id 1), whose SID is the owner's.
 */
export function principalOf(account: string): string {
  return [
    'SELECT u.name AS userName, r.name AS role, CASE WHEN u.principal_id = 1 THEN 1 ELSE 0 END AS isOwner',
    'FROM sys.database_principals AS u',
    'LEFT JOIN sys.database_role_members AS m ON m.member_principal_id = u.principal_id',
    'LEFT JOIN sys.database_principals AS r ON r.principal_id = m.role_principal_id',
    `WHERE u.sid = SUSER_SID(${quoteLiteral(account)})`,
  ].join('\n');
}

export function createWindowsLogin(account: string): string {
  return `IF SUSER_ID(${quoteLiteral(account)}) IS NULL CREATE LOGIN ${quoteIdentifier(account)} FROM WINDOWS`;
}

export function dropLogin(account: string): string {
  return `IF SUSER_ID(${quoteLiteral(account)}) IS NOT NULL DROP LOGIN ${quoteIdentifier(account)}`;
}

export function createUser(account: string): string {
  return `CREATE USER ${quoteIdentifier(account)} FOR LOGIN ${quoteIdentifier(account)}`;
}

export function dropUser(userName: string): string {
  return `IF DATABASE_PRINCIPAL_ID(${quoteLiteral(userName)}) IS NOT NULL DROP USER ${quoteIdentifier(userName)}`;
}

/** sp_addrolemember works from SQL Server 2008 R2 (the AX 2012 R3 era) to today. */
export function addRoleMember(role: string, userName: string): string {
  return `EXEC sp_addrolemember ${quoteLiteral(role)}, ${quoteLiteral(userName)}`;
}

export function dropRoleMember(role: string, userName: string): string {
  return `EXEC sp_droprolemember ${quoteLiteral(role)}, ${quoteLiteral(userName)}`;
}

/** A database role, whether it may EXECUTE (granted on the database), and its members: no rows when it is missing. */
export function roleState(role: string): string {
  return [
    'SELECT r.name AS role,',
    "  CASE WHEN EXISTS (SELECT 1 FROM sys.database_permissions AS p WHERE p.class = 0 AND p.grantee_principal_id = r.principal_id AND p.permission_name = N'EXECUTE' AND p.state IN ('G', 'W')) THEN 1 ELSE 0 END AS canExecute,",
    '  m.name AS member',
    'FROM sys.database_principals AS r',
    'LEFT JOIN sys.database_role_members AS rm ON rm.role_principal_id = r.principal_id',
    'LEFT JOIN sys.database_principals AS m ON m.principal_id = rm.member_principal_id',
    `WHERE r.name = ${quoteLiteral(role)} AND r.type = 'R'`,
  ].join('\n');
}

export function createRole(role: string): string {
  return `CREATE ROLE ${quoteIdentifier(role)} AUTHORIZATION [dbo]`;
}

/** EXECUTE on the database: every stored procedure and scalar function in it, present and future. */
export function grantExecute(role: string): string {
  return `GRANT EXECUTE TO ${quoteIdentifier(role)}`;
}

export function revokeExecute(role: string): string {
  return `REVOKE EXECUTE FROM ${quoteIdentifier(role)}`;
}

export function dropRole(role: string): string {
  return `IF DATABASE_PRINCIPAL_ID(${quoteLiteral(role)}) IS NOT NULL DROP ROLE ${quoteIdentifier(role)}`;
}

export function registerInstance(record: InstanceRecord): string {
  return [
    `UPDATE ${MARK_TABLE} SET [Partition] = ${quoteLiteral(record.partition)} WHERE [Partition] IS NULL;`,
    'DECLARE @partitionSet int = @@ROWCOUNT;',
    `IF NOT EXISTS (SELECT 1 FROM ${INSTANCE_TABLE} WHERE InstanceName = ${quoteLiteral(record.instance)})`,
    `  INSERT INTO ${INSTANCE_TABLE} (InstanceName, ConnectionServer) VALUES (${quoteLiteral(record.instance)}, ${quoteLiteral(record.connectionServer)});`,
    'SELECT @partitionSet AS partitionSet;',
  ].join('\n');
}

export function unregisterInstance(instance: string, clearPartition: boolean): string {
  const lines = [`DELETE FROM ${INSTANCE_TABLE} WHERE InstanceName = ${quoteLiteral(instance)};`];
  if (clearPartition) lines.push(`IF NOT EXISTS (SELECT 1 FROM ${INSTANCE_TABLE}) UPDATE ${MARK_TABLE} SET [Partition] = NULL;`);
  return lines.join('\n');
}
