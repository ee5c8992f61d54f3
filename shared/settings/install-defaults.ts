import type { DatabaseChoice } from '../contract/schemas';
import type { Settings } from './parameters';
import { isBuiltInAccount } from './rules';

/** Select a database…'s defaults: the wizard starts from them, and a settings file without a choice gets them. */
export const DEFAULT_DATABASE_CHOICE: DatabaseChoice = { mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial' };

/** AppPoolUser's password is needed when Setup configures IIS and the pool runs as a named (not built-in) account. */
export function needsAppPoolPassword(settings: Pick<Settings, 'AppPoolUser'>, configure: boolean): boolean {
  return configure && settings.AppPoolUser.trim() !== '' && !isBuiltInAccount(settings.AppPoolUser);
}

/** The message database is signed in to with a SQL login only when Setup configures it with SQL authentication. */
export function needsSqlPassword(configure: boolean, database: Pick<DatabaseChoice, 'authentication'>): boolean {
  return configure && database.authentication === 'sql';
}
