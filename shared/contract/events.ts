import { z } from 'zod';

/** Events the engine pushes to whoever listens (the wizard, the CLI); payloads only, never a channel object. */
export const events = {
  'log.entry': z.object({
    time: z.string(),
    level: z.enum(['debug', 'info', 'warning', 'error']),
    message: z.string(),
  }),
};
