import type { EngineContext } from '../engine';
import type { SqlPrerequisiteProbe } from './sql-capability';

/**
 * Where the SQL Server check finds its probe. The database feature's adapter is wired here when it lands; until
 * then there is none, and the check reports SQL Server as not yet checked.
 */
export function sqlProbeFor(_ctx: EngineContext): SqlPrerequisiteProbe | null {
  return null;
}
