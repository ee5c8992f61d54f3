/**
 * The database roles a payload may grant. SQL Server's fixed database roles exist in every database; `db_executor`
 * is not one of them but the guide's name for the role whose members may execute every stored procedure (the
 * product's own RetailHQMessageDBUsers has it). Without EXECUTE, Async Server's procedures fail at the first sync.
 */
export const FIXED_DATABASE_ROLES = [
  'db_owner',
  'db_securityadmin',
  'db_accessadmin',
  'db_backupoperator',
  'db_ddladmin',
  'db_datawriter',
  'db_datareader',
  'db_denydatawriter',
  'db_denydatareader',
] as const;

export const EXECUTOR_ROLE = 'db_executor';

export const GRANTABLE_ROLES = [...FIXED_DATABASE_ROLES, EXECUTOR_ROLE] as const;

export function isFixedDatabaseRole(role: string): boolean {
  return (FIXED_DATABASE_ROLES as readonly string[]).includes(role.toLowerCase());
}
