import type { Host } from '../hosts/host';

/**
 * One step of an installation plan. The executor journals its `kind`, `target` and what `prepare`/`apply` return
 * (the state before) before and after `apply`; undoing it later needs nothing else: the undo registry
 * (undo-registry.ts) finds the kind's `undo`, which works from those three alone, with no plan, payload or settings.
 */
export interface Operation {
  /** Stable and unique within a plan, e.g. `iis.app-pool:AsyncServer`; faults in scenarios name it. */
  id: string;
  /** The kind, for grouping, for the PowerShell export and for the undo registry, e.g. `iis.app-pool`. */
  kind: string;
  /** One sentence for the Ready page and `plan`/`--what-if`: "Create the application pool AsyncServer running as CONTOSO\svc-async". */
  description: string;
  /** The inputs, for the verbose log. Never a secret. */
  details: Record<string, string>;
  /** What this operation changes, as its kind's undo finds it again (a pool's name, a folder's path). JSON, no secret. */
  target: UndoTarget;
  /** True when the machine already is as this operation would leave it: the executor then skips it. */
  isDone(ctx: OperationContext): Promise<boolean>;
  /**
   * Captures the state before anything changes (what to restore, the files that will be created). The executor
   * journals it before apply, so an operation cut off midway by a crash can still be undone exactly.
   */
  prepare?(ctx: OperationContext): Promise<UndoData>;
  /** Does the work; returns the state before, as its kind's undo needs it (JSON-serializable, no secret). */
  apply(ctx: OperationContext): Promise<UndoData>;
}

/** How one kind of operation is undone, from what the journal kept: a migration's `down`, in Umzug's terms. */
export interface UndoKind {
  kind: string;
  /** Reverses the change on `target` back to `before`; must succeed when called again after a partial undo. */
  undo(ctx: OperationContext, target: UndoTarget, before: UndoData): Promise<void>;
}

export type UndoTarget = Record<string, unknown>;
/** The state before an operation changed its target, as its kind's undo needs it. */
export type UndoData = Record<string, unknown> | null;

/** One change as the journal and the instance record keep it: all that undoing it needs. */
export interface RecordedChange {
  id: string;
  kind: string;
  target: UndoTarget;
  before: UndoData;
}

export interface OperationContext {
  host: Host;
  /** The Setup support files folder of the run (the instance registry and the backups live there). */
  supportDir: string;
  /** Secrets for this run (the app pool password, a SQL login password); never written anywhere. */
  secrets: RunSecrets;
  log(level: 'debug' | 'info' | 'warning' | 'error', message: string): void;
  signal: AbortSignal;
}

/** Every secret a run may be given; each is masked in the log and never written anywhere. */
export interface RunSecrets {
  appPoolPassword?: string;
  sqlPassword?: string;
  /** The password of the account a component's Windows service runs as. */
  servicePassword?: string;
  /** The password a component signs in to another with (Async Client to Async Server). */
  connectionPassword?: string;
}
