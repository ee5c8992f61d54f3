import type { InterruptedRunInfo, RunState } from '../../shared/contract/install-schemas';

/** The engine's current run as last read (the engine keeps it; this is a mirror for the pages), never a secret. */
export interface InstallSlice {
  installRun: RunState | null;
  interruptedRun: InterruptedRunInfo | null;
}

export const initialInstallState = (): InstallSlice => ({ installRun: null, interruptedRun: null });
