import { z } from 'zod';
import { CheckResult, ValidationSummary } from '../prerequisites/report';
import { RunOutcome, StepProgress } from './install-schemas';

/** Events the engine pushes to whoever listens (the wizard, the CLI); payloads only, never a channel object. */
export const events = {
  'log.entry': z.object({
    time: z.string(),
    level: z.enum(['debug', 'info', 'warning', 'error']),
    message: z.string(),
  }),
  /** One prerequisite check finished (they finish in any order); `prerequisites.summary` closes the run. */
  'prerequisites.result': z.object({ runId: z.string(), result: CheckResult, completed: z.number().int(), total: z.number().int() }),
  'prerequisites.summary': z.object({ runId: z.string(), summary: ValidationSummary }),
  'install.progress': StepProgress,
  'install.finished': z.object({ runId: z.string(), outcome: RunOutcome, message: z.string() }),
};
