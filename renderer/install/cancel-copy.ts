import type { RunState } from '../../shared/contract/install-schemas';

export interface CancelCopy {
  title: string;
  body: string;
  confirm: string;
  /** Confirming stops the running installation and rolls it back, instead of leaving Setup. */
  rollsBack: boolean;
}

/** What Cancel (or Escape, or Close) says depends on whether an installation has run: it must never claim nothing was installed when something was. */
export function cancelCopy(run: RunState | null): CancelCopy {
  if (run?.running) {
    return { title: 'Cancel the installation?', body: 'Setup will stop and undo every change this installation has made, in reverse order.', confirm: 'Cancel and roll back', rollsBack: true };
  }
  if (run?.result) return { title: 'Close Setup?', body: `${run.result.message} The log stays at ${run.result.logFile}.`, confirm: 'Close Setup', rollsBack: false };
  return { title: 'Cancel Setup?', body: 'Nothing has been installed. The choices you made on these pages will be lost.', confirm: 'Cancel Setup', rollsBack: false };
}

export function afterCancelText(run: RunState | null): string {
  return run?.result ? run.result.message : 'Nothing was installed or changed on this computer.';
}
