import type { ComponentId } from '../../shared/components/ids';
import type { InterruptedRunInfo, RunState } from '../../shared/contract/install-schemas';
import type { CheckResult } from '../../shared/prerequisites/report';

/** A run of this session that installed one component's instance, as Finish lists it. */
export interface FinishedInstall {
  component: ComponentId;
  instance: string;
  outcome: string;
  message: string;
  logFile: string;
  asyncServerUrl: string | null;
}

/** The engine's current run as last read (the engine keeps it; this is a mirror for the pages), never a secret. */
export interface InstallSlice {
  installRun: RunState | null;
  interruptedRun: InterruptedRunInfo | null;
  /** The checks that failed when Install ran the prerequisite gate (nothing was changed); null once it passes. */
  gateRefusal: CheckResult[] | null;
  /** Two components chosen: each is its own run, in Setup's order; these wait for the current one to succeed. */
  installQueue: ComponentId[];
  /** The component of the run being mirrored, when this session started it. */
  installing: ComponentId | null;
  /** The runs of this session that have ended, oldest first. */
  finishedInstalls: FinishedInstall[];
}

export const initialInstallState = (): InstallSlice => ({ installRun: null, interruptedRun: null, gateRefusal: null, installQueue: [], installing: null, finishedInstalls: [] });
