import { installationToReattach } from '../install/sync-run';
import { resetWizard, useWizard } from '../store/store';
import type { LazyView } from './lazy-view';
import { firstPage } from './pages';
import type { SessionAnswers } from './session-request';

/**
 * Takes the session (host, support files) and opens the first page that applies. A first page whose view is in a
 * chunk of its own opens once that is here, without a loading spinner between: then the promise, else null (opened).
 */
export function startWizardWith([info, defaults]: SessionAnswers): Promise<void> | null {
  if (!info.ok) {
    useWizard.setState({ sessionError: info.error.message });
    return null;
  }
  const session = info.value;
  const started = {
    session,
    supportFilesLocation: session.supportFilesLocation ?? session.defaultSupportFilesLocation,
    // The engine's defaults of the first component, beside every other component's.
    ...(defaults?.ok ? { settings: { ...useWizard.getState().settings, ...defaults.value.settings } } : {}),
  };
  const first = firstPage({ ...useWizard.getState(), ...started });
  const open = () => useWizard.setState({ ...started, pageId: first.id, history: [] });
  const view = first.component as Partial<LazyView>;
  if (view.preload && !view.loaded?.()) return view.preload().then(open);
  open();
  return null;
}

/** The same, from a request still out: an engine that cannot be reached is a session error. */
export async function startWizard(request: Promise<SessionAnswers>): Promise<void> {
  const answers = await request.catch((err: Error): SessionAnswers => [{ ok: false, error: { code: 'failed', message: err.message } }, { ok: false, error: { code: 'failed', message: err.message } }]);
  await startWizardWith(answers);
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
