import type { Host } from '../hosts/host';

/**
 * One step of an installation plan. The executor records `id` in the journal before and after `apply`, and calls
 * `undo` with what `apply` returned (kept in the journal, so a run cut off by a crash can still be undone by a new
 * process that rebuilds the plan from the same settings).
 */
export interface Operation {
  /** Stable and unique within a plan, e.g. `iis.app-pool:AsyncServer`; faults in scenarios name it. */
  id: string;
  /** The kind, for grouping and for the PowerShell export, e.g. `iis.app-pool`. */
  kind: string;
  /** One sentence for the Ready page and `plan`/`--what-if`: "Create the application pool AsyncServer running as CONTOSO\svc-async". */
  description: string;
  /** The inputs, for the verbose log. Never a secret. */
  details: Record<string, string>;
  /** True when the machine already is as this operation would leave it: the executor then skips it. */
  isDone(ctx: OperationContext): Promise<boolean>;
  /**
   * Captures what undo needs before anything changes (the state to restore, the files that will be created). The
   * executor journals it before apply, so an operation cut off midway by a crash can still be undone exactly.
   */
  prepare?(ctx: OperationContext): Promise<UndoData>;
  /** Does the work; returns what undo needs (JSON-serializable, no secret). */
  apply(ctx: OperationContext): Promise<UndoData>;
  /** Reverses apply exactly; must succeed when called again after a partial undo. */
  undo(ctx: OperationContext, data: UndoData): Promise<void>;
}

export type UndoData = Record<string, unknown> | null;

export interface OperationContext {
  host: Host;
  /** Secrets for this run (the app pool password, a SQL login password); never written anywhere. */
  secrets: RunSecrets;
  log(level: 'debug' | 'info' | 'warning' | 'error', message: string): void;
  signal: AbortSignal;
}

export interface RunSecrets {
  appPoolPassword?: string;
  sqlPassword?: string;
}
