import { z } from 'zod';
import { method } from '../define';
import { componentSettingsRequest, ComponentSettingsValues, settingsIssues } from '../component-settings';
import { ComponentId, DatabaseChoice } from '../schemas';
import { CheckResult, ValidationReport, ValidationStage } from '../../prerequisites/report';

export const prerequisiteMethods = {
  /**
   * Runs every prerequisite check that applies; results stream as `prerequisites.result` events tagged with runId,
   * then the whole report answers. No password comes here but the SQL login's, the app pool user's and a component's
   * service account's, each for its check (never stored or reported); else only whether each was entered.
   * `settings`: the parameters of every component chosen, by name (each name is one component's).
   */
  'prerequisites.run': method(
    z.object({
      runId: z.string().min(1).max(64),
      stage: ValidationStage,
      components: z.array(ComponentId).min(1),
      settings: ComponentSettingsValues,
      configure: z.boolean(),
      /** "Configure <component> by using Setup" of each component chosen, where it differs from `configure`. */
      configureByComponent: z.partialRecord(ComponentId, z.boolean()).default({}),
      /** Async Client: streaming over the NetTcp port instead of WS-ReliableMessaging. */
      streaming: z.boolean().optional(),
      passwordProvided: z.boolean().default(false),
      /** The app pool user's password, checked against its domain (after Configure Async Server); never stored or reported. */
      appPoolPassword: z.string().max(256).optional(),
      /** The password of the account a component's Windows service runs as (Async Client's ServiceUser), checked against its domain; never stored or reported. */
      servicePassword: z.string().max(256).optional(),
      database: DatabaseChoice.optional(),
      /** With SQL authentication, the login's password, to sign in for the SQL Server check; never stored or reported. */
      sqlPassword: z.string().max(1024).optional(),
      /** Add or modify components: the installed instance being changed (its name in the registry), whose own bindings are not in the way. */
      instance: z.string().trim().min(1).max(256).optional(),
    }).superRefine((req, ctx) => {
      for (const issue of settingsIssues(req.components, req.settings)) ctx.addIssue({ code: 'custom', ...issue });
    }),
    z.object({
      report: ValidationReport,
      /** A copy kept with the Setup support files (logs), for support staff; null when it could not be written. */
      savedTo: z.object({ html: z.string(), json: z.string() }).nullable(),
    }),
  ),
  /**
   * One of a component's own checks of its choices, alone (a database page's Test connection: Async Client's
   * channel database, its message database's server). The SQL login's password signs in and goes no further.
   */
  'prerequisites.check': method(
    componentSettingsRequest({ check: z.string().min(1).max(64), database: DatabaseChoice, sqlPassword: z.string().max(1024).default('') }),
    z.object({ result: CheckResult }),
  ),
};
