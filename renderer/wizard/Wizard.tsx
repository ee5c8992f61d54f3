import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { Suspense, useEffect, useRef } from 'react';
import { hasErrors } from '../../shared/settings/rules';
import { api } from '../api/client';
import { OpenSettingsFile } from '../components/OpenSettingsFile';
import { RehearsalBanner } from '../components/RehearsalBanner';
import { useSecrets } from '../store/secrets';
import { resetWizard, useActions, useWizard, type WizardStore } from '../store/store';
import { afterCancelText, cancelCopy } from '../install/cancel-copy';
import { installationToReattach } from '../install/sync-run';
import { preloadViews } from '../pages/views/preload';
import { issuesOf } from './field-issues';
import { firstPage, nextPage, pageById, visiblePages } from './pages';

/** Next: the page's field errors and its own check keep the user here; otherwise on to the next visible page. */
async function goNext(): Promise<void> {
  const state = useWizard.getState();
  const { actions } = state;
  const page = pageById(state.pageId);
  if (state.busy || page.final || page.blocked?.(state)) return;
  const fields = page.fields?.(state) ?? [];
  const issues = issuesOf(state, useSecrets.getState().appPoolPassword !== '').filter((i) => fields.includes(i.field));
  if (hasErrors(issues)) {
    actions.setAttemptedNext(true);
    actions.setPageError('Correct the fields marked in red before you continue.');
    return;
  }
  if (page.beforeNext) {
    actions.setBusy(true);
    const problem = await page.beforeNext(useWizard.getState());
    actions.setBusy(false);
    if (problem) {
      actions.setAttemptedNext(true);
      actions.setPageError(problem);
      return;
    }
  }
  const next = nextPage(useWizard.getState());
  if (next) actions.goTo(next.id);
}

function StepList({ state }: { state: WizardStore }) {
  const pages = visiblePages(state);
  const current = pages.findIndex((p) => p.id === state.pageId);
  return (
    <nav aria-label="Setup steps" className="steps">
      <ol>
        {pages.map((p, i) => (
          <li key={p.id} aria-current={p.id === state.pageId ? 'step' : undefined} className={i < current ? 'done' : i === current ? 'current' : ''}>
            {p.title}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function CancelDialog() {
  const open = useWizard((s) => s.cancelRequested);
  const canQuit = useWizard((s) => s.session?.canQuit ?? false);
  const { requestCancel, markCancelled } = useActions();
  const copy = cancelCopy(useWizard((s) => s.installRun));
  return (
    <Dialog open={open} onOpenChange={(_e, d) => requestCancel(d.open)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{copy.title}</DialogTitle>
          <DialogContent>{copy.body}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                if (copy.rollsBack) {
                  requestCancel(false);
                  void api.call('install.cancel', {});
                  return;
                }
                useSecrets.getState().clear();
                markCancelled();
                if (canQuit) void api.call('session.quit', {});
              }}
            >
              {copy.confirm}
            </Button>
            <Button onClick={() => requestCancel(false)}>Continue Setup</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function Wizard() {
  const state = useWizard((s) => s);
  const { goBack, requestCancel } = useActions();
  const page = pageById(state.pageId);
  const heading = useRef<HTMLHeadingElement>(null);

  // Each page change moves focus to its heading, so a screen reader announces where the user is.
  useEffect(() => {
    heading.current?.focus();
  }, [state.pageId, state.cancelled]);

  useEffect(preloadViews, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { cancelRequested, cancelled } = useWizard.getState();
      if (cancelRequested || cancelled || document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const target = e.target as HTMLElement;
      if (e.key === 'Escape') {
        e.preventDefault();
        requestCancel(true);
      } else if (e.key === 'Enter' && !e.isComposing && !(target.closest('button, a, textarea, [role="radio"], [role="checkbox"], [role="combobox"], [role="listbox"]'))) {
        e.preventDefault();
        void goNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestCancel]);

  // The same keyed dialog in both views, so that Cancel Setup closes it rather than unmounting it while open, which
  // left the page aria-hidden (invisible to screen readers) for good.
  if (state.cancelled) {
    return (
      <div className="wizard">
        <main className="cancelled" aria-labelledby="page-heading">
          <h1 id="page-heading" tabIndex={-1} ref={heading}>
            Setup was cancelled
          </h1>
          <Text as="p">{afterCancelText(state.installRun)}</Text>
          <Button appearance="primary" onClick={() => restart()}>
            Start over
          </Button>
        </main>
        <CancelDialog key="cancel-dialog" />
      </div>
    );
  }

  const Page = page.component;
  const isFirst = visiblePages(state)[0]?.id === page.id;
  return (
    <div className="wizard">
      {/* A landmark, so that nothing on the page lies outside one (axe: region). */}
      <header>
        <RehearsalBanner />
      </header>
      <div className="wizard-body">
        <StepList state={state} />
        <main className="page" aria-labelledby="page-heading">
          <h1 id="page-heading" tabIndex={-1} ref={heading}>
            {page.title}
          </h1>
          <div className="page-content">
            <Suspense fallback={<Spinner label="Loading the page…" />}>
              <Page />
            </Suspense>
            {isFirst && <OpenSettingsFile />}
          </div>
          {state.pageError && (
            <MessageBar intent="error" role="alert" className="page-error">
              <MessageBarBody>{state.pageError}</MessageBarBody>
            </MessageBar>
          )}
        </main>
      </div>
      <footer className="buttons">
        {state.busy && <Spinner size="tiny" label="Working…" />}
        <Button onClick={() => goBack()} disabled={isFirst || state.busy || state.history.length === 0 || page.noBack}>
          Back
        </Button>
        {!page.final && (
          <Button appearance="primary" onClick={() => void goNext()} disabled={state.busy || Boolean(page.blocked?.(state))}>
            {page.nextLabel?.(state) ?? 'Next'}
          </Button>
        )}
        <Button onClick={() => requestCancel(true)}>{page.final ? 'Close' : 'Cancel'}</Button>
      </footer>
      <CancelDialog key="cancel-dialog" />
    </div>
  );
}

function restart() {
  const session = useWizard.getState().session;
  resetWizard();
  useWizard.setState({ session, supportFilesLocation: session?.supportFilesLocation ?? session?.defaultSupportFilesLocation ?? '' });
  useWizard.setState({ pageId: firstPage(useWizard.getState()).id });
}

/** Loads the session (host, support files) and opens the first page that applies. */
export async function startWizard(): Promise<void> {
  const [info, defaults] = await Promise.all([api.call('session.info', {}), api.call('settings.defaults', {})]);
  if (!info.ok) {
    useWizard.setState({ sessionError: info.error.message });
    return;
  }
  const session = info.value;
  useWizard.setState({
    session,
    supportFilesLocation: session.supportFilesLocation ?? session.defaultSupportFilesLocation,
    ...(defaults.ok ? { settings: defaults.value.settings } : {}),
  });
  useWizard.setState({ pageId: firstPage(useWizard.getState()).id, history: [] });
  // A run the engine still holds (the window was reloaded) or one a crash cut off: back to it.
  if (await installationToReattach()) useWizard.setState({ pageId: 'installing' });
}
