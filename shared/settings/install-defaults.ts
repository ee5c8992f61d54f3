import type { DatabaseChoice } from '../contract/schemas';

/** Select a database…'s defaults: the wizard starts from them, and a settings file without a choice gets them. */
export const DEFAULT_DATABASE_CHOICE: DatabaseChoice = { mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial' };

/** The message database is signed in to with a SQL login only when Setup configures it with SQL authentication. */
export function needsSqlPassword(configure: boolean, database: Pick<DatabaseChoice, 'authentication'>): boolean {
  return configure && database.authentication === 'sql';
}
