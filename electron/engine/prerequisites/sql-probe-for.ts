import type { Host } from '../hosts/host';
import type { SqlPrerequisiteProbe } from './sql-capability';

/**
 * Where the SQL Server check finds its probe, for the wizard and the CLI alike. The database feature's adapter is
 * wired here when it lands (a real SQL Server through mssql, or the rehearsal scenario's `sqlServers`); until then
 * there is none, and the check reports SQL Server as not yet checked.
 */
export function sqlProbeFor(_host: Host): SqlPrerequisiteProbe | null {
  return null;
}
