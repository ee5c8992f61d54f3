import { api } from '../api/client';
import { useWizard } from '../store/store';

let inFlight: Promise<void> | null = null;
let again = false;

/** Reads the engine's run into the store; calls made while one is in flight collapse into one more read. */
export function refreshInstallState(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    do {
      again = false;
      const r = await api.call('install.state', {});
      if (r.ok) useWizard.getState().actions.setInstall({ installRun: r.value.run, interruptedRun: r.value.interrupted });
    } while (again);
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** At start: a run the engine still holds, or one a crash cut off, opens the installing page. */
export async function installationToReattach(): Promise<boolean> {
  await refreshInstallState();
  const { installRun, interruptedRun } = useWizard.getState();
  return installRun !== null || interruptedRun !== null;
}
