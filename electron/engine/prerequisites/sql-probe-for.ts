import type { ComponentSettings } from '../../../shared/components/component';
import { checkDatabaseAccess, type MessageDatabaseSpec } from '../database/sql-access';
import type { Host } from '../hosts/host';
import type { RunSecrets } from '../plan/operation';
import type { SqlPrerequisiteProbe } from './sql-capability';

/**
 * The SQL Server check's probe, for the wizard and the CLI alike: the host's SQL Servers (real ones through mssql,
 * or the rehearsal scenario's), signed in with the SQL login's password when SQL authentication is chosen, asked of
 * the message database the component's settings name (`messageDatabase`, from its registry entry).
 */
export function sqlProbeFor(host: Host, secrets: RunSecrets, messageDatabase: (expanded: ComponentSettings, computerName: string) => MessageDatabaseSpec): SqlPrerequisiteProbe {
  return { probe: (expanded, database) => checkDatabaseAccess(host, messageDatabase(expanded, host.computerName), database, secrets) };
}
