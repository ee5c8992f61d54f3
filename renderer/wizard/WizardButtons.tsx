import { Button, Spinner } from '@fluentui/react-components';
import { useActions, useWizard } from '../store/store';
import { goNext } from './go-next';
import { pageById } from './pages';
import { selectCanGoBack, selectNextBlocked, selectNextLabel } from './selectors';

/** Back, Next (or Install) and Cancel (or Close). */
export function WizardButtons() {
  const busy = useWizard((s) => s.busy);
  const final = useWizard((s) => Boolean(pageById(s.pageId).final));
  const canGoBack = useWizard(selectCanGoBack);
  const blocked = useWizard(selectNextBlocked);
  const nextLabel = useWizard(selectNextLabel);
  const { goBack, requestCancel } = useActions();
  return (
    <footer className="buttons">
      {busy && <Spinner size="tiny" label="Working…" />}
      <Button onClick={() => goBack()} disabled={!canGoBack}>
        Back
      </Button>
      {!final && (
        <Button appearance="primary" onClick={() => void goNext()} disabled={busy || blocked}>
          {nextLabel}
        </Button>
      )}
      <Button onClick={() => requestCancel(true)}>{final ? 'Close' : 'Cancel'}</Button>
    </footer>
  );
}
