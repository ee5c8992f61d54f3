import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { api } from '../api/client';
import { cancelCopy } from '../install/cancel-copy';
import { useSecrets } from '../store/secrets';
import { useActions, useWizard } from '../store/store';

/** Cancel, Escape or Close: what it says depends on whether an installation has run. */
export function CancelDialog() {
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
