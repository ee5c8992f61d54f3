import { installationToReattach } from '../install/sync-run';
import { resetWizard, useWizard } from '../store/store';
import type { LazyView } from './lazy-view';
import { firstPage } from './pages';
import type { sessionRequest } from './session-request';

/** Takes the session (host, support files) and opens the first page that applies. */
export async function startWizard(request: typeof sessionRequest): Promise<void> {
  const [info, defaults] = await request.catch((err: Error) => [{ ok: false as const, error: { code: 'failed', message: err.message } }, null] as const);
  if (!info.ok) {
    useWizard.setState({ sessionError: info.error.message });
    return;
  }
  const session = info.value;
  const started = {
    session,
    supportFilesLocation: session.supportFilesLocation ?? session.defaultSupportFilesLocation,
    // The engine's defaults of the first component, beside every other component's.
    ...(defaults?.ok ? { settings: { ...useWizard.getState().settings, ...defaults.value.settings } } : {}),
  };
  const first = firstPage({ ...useWizard.getState(), ...started });
  // A first page whose view is in a chunk of its own shows once that is here, without a loading spinner between.
  await (first.component as Partial<LazyView>).preload?.();
  useWizard.setState({ ...started, pageId: first.id, history: [] });
}

/** A run the engine still holds (the window was reloaded) or one a crash cut off: back to it. */
export async function reattachToRun(): Promise<void> {
  if (useWizard.getState().session && (await installationToReattach())) useWizard.setState({ pageId: 'installing' });
}

/** Start over, after a cancel: the same session, every choice forgotten. */
export function restartWizard(): void {
  const session = useWizard.getState().session;
  resetWizard();
  useWizard.setState({ session, supportFilesLocation: session?.supportFilesLocation ?? session?.defaultSupportFilesLocation ?? '' });
  useWizard.setState({ pageId: firstPage(useWizard.getState()).id });
}
