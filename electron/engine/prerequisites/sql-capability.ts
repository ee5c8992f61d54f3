import type { DatabaseChoice } from '../../../shared/contract/schemas';
import type { ComponentSettings } from '../../../shared/components/component';
import type { SqlAccess } from '../database/sql-access';

/**
 * The seam to the database feature: the SQL Server check asks it to sign in with the chosen authentication and to
 * judge the choice (reachable, the right to create the database or the chosen one usable, the partition rule) for
 * the message database the component's expanded settings name. Tests give their own probe.
 */
export interface SqlPrerequisiteProbe {
  probe(expanded: ComponentSettings, database: DatabaseChoice): Promise<SqlAccess>;
}
