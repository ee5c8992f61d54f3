import { api } from '../api/client';
import { useSecrets } from '../store/secrets';
import type { WizardStore } from '../store/store';
import { refreshInstallState } from './sync-run';

/**
 * Install: the passwords leave the secrets store only inside this request. The engine runs the prerequisite gate
 * first (page 8's result may be stale); when it refuses, its failed checks are shown here and nothing was changed.
 */
export async function startInstall(state: WizardStore): Promise<string | null> {
  const { configure, components, database } = state.choices;
  const r = await api.call('install.start', {
    settings: state.settings,
    choices: { configure, components, database },
    appPoolPassword: configure ? useSecrets.getState().appPoolPassword : '',
    sqlPassword: configure && database.authentication === 'sql' ? useSecrets.getState().sqlPassword : '',
  });
  if (!r.ok) return r.error.message;
  state.actions.setInstall({ gateRefusal: r.value.started ? null : r.value.failedChecks });
  if (!r.value.started) {
    const count = r.value.failedChecks.length;
    return `The prerequisite validation before installing found ${count === 1 ? 'an error' : `${count} errors`}: nothing was changed. Fix what is listed under Prerequisites not met, then select Install again.`;
  }
  await refreshInstallState();
  return null;
}
