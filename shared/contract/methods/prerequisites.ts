import { z } from 'zod';
import { method } from '../define';
import { ComponentId, DatabaseChoice, SettingsSchema } from '../schemas';
import { ValidationReport, ValidationStage } from '../../prerequisites/report';

export const prerequisiteMethods = {
  /**
   * Runs every prerequisite check that applies; results stream as `prerequisites.result` events tagged with runId,
   * then the whole report answers. The app pool password never comes here, only whether one was entered.
   */
  'prerequisites.run': method(
    z.object({
      runId: z.string().min(1).max(64),
      stage: ValidationStage,
      components: z.array(ComponentId).min(1),
      settings: SettingsSchema,
      configure: z.boolean(),
      passwordProvided: z.boolean().default(false),
      database: DatabaseChoice.optional(),
      /** With SQL authentication, the login's password, to sign in for the SQL Server check; never stored or reported. */
      sqlPassword: z.string().max(1024).optional(),
      /** Add or modify components: the installed instance being changed (its name in the registry), whose own bindings are not in the way. */
      instance: z.string().trim().min(1).max(256).optional(),
    }),
    z.object({
      report: ValidationReport,
      /** A copy kept with the Setup support files (logs), for support staff; null when it could not be written. */
      savedTo: z.object({ html: z.string(), json: z.string() }).nullable(),
    }),
  ),
};
