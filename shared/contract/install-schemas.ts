import { z } from 'zod';
import { CheckResult } from '../prerequisites/report';

/**
 * Runs and their steps, defined once: the engine's executor, the install service, the wizard and `--json` output all
 * use these types (no secret, no undo data).
 */
export const StepStatus = z.enum(['pending', 'running', 'applied', 'skipped', 'failed', 'undoing', 'undone', 'undo-failed']);
export type StepStatus = z.infer<typeof StepStatus>;

/** install and resume apply a plan; rollback (of an interrupted run) and uninstall undo recorded changes. */
export const RunKind = z.enum(['install', 'resume', 'rollback', 'uninstall']);
export type RunKind = z.infer<typeof RunKind>;

export const StepProgress = z.object({
  runId: z.string(),
  phase: z.enum(['apply', 'undo']),
  index: z.number().int(),
  total: z.number().int(),
  operationId: z.string(),
  description: z.string(),
  status: StepStatus,
});
export type StepProgress = z.infer<typeof StepProgress>;

/**
 * - refused: nothing was done (the prerequisite gate, or a computer that is not Windows);
 * - cannot-undo: a recorded change is of a kind this version cannot undo; nothing was undone, the record is kept;
 * - not-found: no such instance to uninstall.
 */
export const RunOutcome = z.enum(['installed', 'uninstalled', 'unchanged', 'rolled-back', 'cancelled', 'rollback-failed', 'busy', 'refused', 'cannot-undo', 'not-found']);
export type RunOutcome = z.infer<typeof RunOutcome>;

export const RunStep = z.object({ id: z.string(), description: z.string(), status: StepStatus });
export type RunStep = z.infer<typeof RunStep>;

export const RunFailure = z.object({ operationId: z.string(), message: z.string() });
export type RunFailure = z.infer<typeof RunFailure>;

/** What a run did: like a migrator's result set, never a thrown error. */
export const RunResult = z.object({
  /** The run's own id: its log, its journal and its progress events carry it. */
  runId: z.string(),
  kind: RunKind,
  instance: z.string(),
  outcome: RunOutcome,
  message: z.string(),
  /** Whether the computer is different after the run than before it. */
  changed: z.boolean(),
  /** `https://<server>:<port>/<application>`, for Async Client; null when only files are placed. */
  asyncServerUrl: z.string().nullable(),
  steps: z.array(RunStep),
  /** The operation that failed and why (secrets masked). */
  failure: RunFailure.optional(),
  logFile: z.string(),
  journalFile: z.string(),
  /** The prerequisite gate: the checks that failed (on a refusal) and the ids of those skipped with --skip-check. */
  failedChecks: z.array(CheckResult).optional(),
  skippedChecks: z.array(z.string()).optional(),
});
export type RunResult = z.infer<typeof RunResult>;

export const LogLine = z.object({ time: z.string(), level: z.enum(['debug', 'info', 'warning', 'error']), message: z.string() });
export type LogLine = z.infer<typeof LogLine>;

export const RunState = z.object({
  runId: z.string(),
  kind: RunKind,
  instance: z.string(),
  /** `https://<server>:<port>/<application>`, for Async Client; null when only files are placed. */
  asyncServerUrl: z.string().nullable(),
  running: z.boolean(),
  cancelling: z.boolean(),
  current: StepProgress.nullable(),
  steps: z.array(RunStep),
  log: z.array(LogLine),
  result: RunResult.pick({ outcome: true, message: true, logFile: true, failure: true }).nullable(),
});
export type RunState = z.infer<typeof RunState>;

export const InterruptedRunInfo = z.object({
  runId: z.string(),
  instance: z.string(),
  startedAt: z.string(),
  operationsDone: z.number().int(),
  /** The passwords resuming needs (the run's own, as its component asks for them): which secret, whose, for the fields. */
  passwords: z.array(z.object({ secret: z.enum(['appPoolPassword', 'servicePassword', 'connectionPassword']), account: z.string(), who: z.string() })),
});
export type InterruptedRunInfo = z.infer<typeof InterruptedRunInfo>;

export const PlanStep = z.object({ id: z.string(), kind: z.string(), description: z.string(), done: z.boolean() });
export type PlanStep = z.infer<typeof PlanStep>;

/** What Setup writes into the application's configuration file: each value with its XML node (a password masked). */
export const PlanConfiguration = z.object({
  file: z.string(),
  values: z.array(z.object({ label: z.string(), location: z.string(), value: z.string() })),
});
export type PlanConfiguration = z.infer<typeof PlanConfiguration>;
