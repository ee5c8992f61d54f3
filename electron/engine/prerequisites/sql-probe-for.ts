import { checkSqlAccess } from '../database/sql-access';
import type { Host } from '../hosts/host';
import type { RunSecrets } from '../plan/operation';
import type { SqlPrerequisiteProbe } from './sql-capability';

/**
 * The SQL Server check's probe, for the wizard and the CLI alike: the host's SQL Servers (real ones through mssql,
 * or the rehearsal scenario's), signed in with the SQL login's password when SQL authentication is chosen.
 */
export function sqlProbeFor(host: Host, secrets: RunSecrets = {}): SqlPrerequisiteProbe {
  return { probe: (expanded, database) => checkSqlAccess(host, expanded, database, secrets) };
}
