import { z } from 'zod';

/** The installation's progress and result as they cross to the wizard (no secret, no undo data). */
export const StepStatus = z.enum(['pending', 'running', 'applied', 'skipped', 'failed', 'undoing', 'undone', 'undo-failed']);

export const StepProgress = z.object({
  runId: z.string(),
  phase: z.enum(['apply', 'undo']),
  index: z.number().int(),
  total: z.number().int(),
  operationId: z.string(),
  description: z.string(),
  status: StepStatus,
});

export const RunOutcome = z.enum(['installed', 'uninstalled', 'unchanged', 'rolled-back', 'cancelled', 'rollback-failed', 'busy', 'refused']);

export const LogLine = z.object({ time: z.string(), level: z.enum(['debug', 'info', 'warning', 'error']), message: z.string() });

export const RunState = z.object({
  runId: z.string(),
  kind: z.enum(['install', 'resume', 'rollback']),
  instance: z.string(),
  /** `https://<server>:<port>/<application>`, for Async Client; null when only files are placed. */
  asyncServerUrl: z.string().nullable(),
  running: z.boolean(),
  cancelling: z.boolean(),
  current: StepProgress.nullable(),
  steps: z.array(z.object({ id: z.string(), description: z.string(), status: StepStatus })),
  log: z.array(LogLine),
  result: z
    .object({
      outcome: RunOutcome,
      message: z.string(),
      logFile: z.string(),
      failure: z.object({ operationId: z.string(), message: z.string() }).optional(),
    })
    .nullable(),
});
export type RunState = z.infer<typeof RunState>;

export const InterruptedRunInfo = z.object({
  runId: z.string(),
  instance: z.string(),
  startedAt: z.string(),
  operationsDone: z.number().int(),
  needsPassword: z.boolean(),
});
export type InterruptedRunInfo = z.infer<typeof InterruptedRunInfo>;

export const PlanStep = z.object({ id: z.string(), kind: z.string(), description: z.string(), done: z.boolean() });
export type PlanStep = z.infer<typeof PlanStep>;
