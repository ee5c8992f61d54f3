import type { DatabaseChoice } from '../../../shared/contract/schemas';
import type { Settings } from '../../../shared/settings/parameters';
import type { LoadedPayload } from '../payload/manifest';
import type { Operation } from '../plan/operation';

/** What the installation plan hands the message database feature. */
export interface MessageDatabasePlanInput {
  /** Expanded settings (HQMessageDatabase…, AppPoolUser, AOSServiceUser). */
  settings: Settings;
  database: DatabaseChoice;
  /** The payload: `manifest.database.scripts` in order and the roles to grant, read from `payload.root`. */
  payload: LoadedPayload;
}

/**
 * PLACEHOLDER for the branch of the installation feature only: the message database feature (a parallel branch)
 * provides the real file with this same signature, and it replaces this one at merge. Until then the plan has no
 * database step.
 */
export function messageDatabaseOperations(_input: MessageDatabasePlanInput): Operation[] {
  return [];
}
