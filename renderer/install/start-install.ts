import { api } from '../api/client';
import { useSecrets } from '../store/secrets';
import type { WizardStore } from '../store/store';
import { refreshInstallState } from './sync-run';

/** Install: the passwords leave the secrets store only inside this request. */
export async function startInstall(state: WizardStore): Promise<string | null> {
  const { configure, components, database } = state.choices;
  const r = await api.call('install.start', {
    settings: state.settings,
    choices: { configure, components, database },
    appPoolPassword: configure ? useSecrets.getState().appPoolPassword : '',
    sqlPassword: configure && database.authentication === 'sql' ? useSecrets.getState().sqlPassword : '',
  });
  if (!r.ok) return r.error.message;
  await refreshInstallState();
  return null;
}
