import { isBuiltInAccount } from '../../settings/rules';
import type { Settings } from './parameters';

/** AppPoolUser's password is needed when Setup configures IIS and the pool runs as a named (not built-in) account. */
export function needsAppPoolPassword(settings: Pick<Settings, 'AppPoolUser'>, configure: boolean): boolean {
  return configure && settings.AppPoolUser.trim() !== '' && !isBuiltInAccount(settings.AppPoolUser);
}
