import { z } from 'zod';
import { RunOutcome, StepProgress } from './install-schemas';

/** Events the engine pushes to whoever listens (the wizard, the CLI); payloads only, never a channel object. */
export const events = {
  'log.entry': z.object({
    time: z.string(),
    level: z.enum(['debug', 'info', 'warning', 'error']),
    message: z.string(),
  }),
  'install.progress': StepProgress,
  'install.finished': z.object({ runId: z.string(), outcome: RunOutcome, message: z.string() }),
};
