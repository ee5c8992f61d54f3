import type { DatabaseChoice } from '../../../shared/contract/schemas';
import type { Settings } from '../../../shared/components/async-server/parameters';
import type { SqlAccess } from '../database/sql-access';

/**
 * The seam to the database feature: the SQL Server check asks it to sign in with the chosen authentication and to
 * judge the choice (reachable, the right to create the database or the chosen one usable, the partition rule).
 * Tests give their own probe.
 */
export interface SqlPrerequisiteProbe {
  probe(expanded: Settings, database: DatabaseChoice): Promise<SqlAccess>;
}
