/**
 * Names and values that go into SQL text we build (CREATE DATABASE, CREATE LOGIN, sp_addrolemember…), where
 * parameters cannot be used. Everything else is passed as a parameter.
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.length > 128) throw new Error(`"${name}" cannot be a SQL Server name: it must have 1 to 128 characters.`);
  if (/\u0000/.test(name)) throw new Error('A SQL Server name cannot contain a NUL character.');
  return `[${name.replace(/]/g, ']]')}]`;
}

/** A Unicode string literal. */
export function quoteLiteral(value: string): string {
  if (/\u0000/.test(value)) throw new Error('A SQL string cannot contain a NUL character.');
  return `N'${value.replace(/'/g, "''")}'`;
}
