import type { InterruptedRunInfo, RunState } from '../../shared/contract/install-schemas';
import type { CheckResult } from '../../shared/prerequisites/report';

/** The engine's current run as last read (the engine keeps it; this is a mirror for the pages), never a secret. */
export interface InstallSlice {
  installRun: RunState | null;
  interruptedRun: InterruptedRunInfo | null;
  /** The checks that failed when Install ran the prerequisite gate (nothing was changed); null once it passes. */
  gateRefusal: CheckResult[] | null;
}

export const initialInstallState = (): InstallSlice => ({ installRun: null, interruptedRun: null, gateRefusal: null });
