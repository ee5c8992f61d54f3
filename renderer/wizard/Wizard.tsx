import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { Suspense, useEffect, useRef, useState } from 'react';
import { OpenSettingsFile } from '../components/OpenSettingsFile';
import { RehearsalBanner } from '../components/RehearsalBanner';
import { afterCancelText } from '../install/cancel-copy';
import { useActions, useWizard } from '../store/store';
import { goNext } from './go-next';
import { LazyCancelDialog } from './lazy-cancel-dialog';
import { pageById } from './pages';
import { usePageAhead } from './page-ahead';
import { PageView } from './PageView';
import { preloadViews } from './preload-views';
import { selectIsFirstPage } from './selectors';
import { restartWizard } from './start-wizard';
import { StepList } from './StepList';
import { WizardButtons } from './WizardButtons';

/**
 * The page's heading, focused when it appears (each page mounts its own), so that a screen reader announces where
 * the user is.
 */
function PageHeading({ title }: { title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h1 id="page-heading" tabIndex={-1} ref={heading}>
      {title}
    </h1>
  );
}

function CurrentPage() {
  const pageId = useWizard((s) => s.pageId);
  const visit = useWizard((s) => s.visit);
  const ahead = usePageAhead();
  const isFirst = useWizard(selectIsFirstPage);
  const page = pageById(pageId);
  // Keyed by page and visit: Next reveals the view rendered ahead under the key it then has, and a page left by Back
  // or Next is never kept hidden to be shown again with what its last visit left.
  const views = [{ id: pageId, key: `${pageId}#${visit}`, shown: true }, ...(ahead ? [{ id: ahead, key: `${ahead}#${visit + 1}`, shown: false }] : [])];
  return (
    <>
      {/* Keyed by page, so that two pages with one title (prerequisites, twice) still move focus to it. */}
      <PageHeading key={pageId} title={page.title} />
      <div className="page-content">
        {views.map((v) => (
          <PageView key={v.key} id={v.id} shown={v.shown} />
        ))}
        {isFirst && <OpenSettingsFile />}
      </div>
    </>
  );
}

function PageError() {
  const error = useWizard((s) => s.pageError);
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert" className="page-error">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );
}

function Cancelled() {
  const run = useWizard((s) => s.installRun);
  return (
    <main className="cancelled" aria-labelledby="page-heading">
      <PageHeading title="Setup was cancelled" />
      <Text as="p">{afterCancelText(run)}</Text>
      <Button appearance="primary" onClick={() => restartWizard()}>
        Start over
      </Button>
    </main>
  );
}

function Frame() {
  return (
    <>
      {/* A landmark, so that nothing on the page lies outside one (axe: region). */}
      <header>
        <RehearsalBanner />
      </header>
      <div className="wizard-body">
        <StepList />
        <main className="page" aria-labelledby="page-heading">
          <CurrentPage />
          <PageError />
        </main>
      </div>
      <WizardButtons />
    </>
  );
}

/**
 * The wizard's shell. Each part selects the values it shows and nothing more, so typing in a field re-renders that
 * field and what depends on it, not the frame around it.
 */
export function Wizard() {
  const cancelled = useWizard((s) => s.cancelled);
  const cancelRequested = useWizard((s) => s.cancelRequested);
  const [dialogMounted, setDialogMounted] = useState(false);
  if (cancelRequested && !dialogMounted) setDialogMounted(true);
  const { requestCancel } = useActions();

  useEffect(preloadViews, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { cancelRequested, cancelled } = useWizard.getState();
      if (cancelRequested || cancelled || document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const target = e.target as HTMLElement;
      if (e.key === 'Escape') {
        e.preventDefault();
        requestCancel(true);
      } else if (e.key === 'Enter' && !e.isComposing && !target.closest('button, a, textarea, [role="radio"], [role="checkbox"], [role="combobox"], [role="listbox"]')) {
        e.preventDefault();
        void goNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestCancel]);

  // One dialog, in the same place in both views and never unmounted once shown, so that Cancel Setup closes it
  // rather than unmounting it while open, which left the page aria-hidden (invisible to screen readers) for good.
  return (
    <div className="wizard">
      {cancelled ? <Cancelled /> : <Frame />}
      {dialogMounted && (
        <Suspense fallback={null}>
          <LazyCancelDialog />
        </Suspense>
      )}
    </div>
  );
}
