import { z } from 'zod';
import { method } from '../define';
import { InterruptedRunInfo, PlanConfiguration, PlanStep, RunState } from '../install-schemas';
import { CheckResult } from '../../prerequisites/report';
import { SettingsSchema, SetupChoices } from '../schemas';

const choices = SetupChoices.pick({ configure: true, components: true, database: true });
/** Passwords travel only inside these requests, from the renderer's secrets store ('' when none). */
const password = z.string().max(256).default('');

export const installMethods = {
  /**
   * The plan in words for Ready to install; `done` marks what is already in place (the difference on a modify).
   * `configuration`: the values written into the application's configuration file, passwords masked.
   */
  'install.plan': method(
    z.object({ settings: SettingsSchema, choices }),
    z.object({ instance: z.string(), notes: z.array(z.string()), steps: z.array(PlanStep), configuration: PlanConfiguration.nullable() }),
  ),
  /**
   * `sqlPassword`: the SQL login's, when the message database uses SQL Server authentication. Answered once the
   * prerequisite gate has judged: `started` false with the checks that failed when it refused (nothing was changed).
   */
  'install.start': method(
    z.object({ settings: SettingsSchema, choices, appPoolPassword: password, sqlPassword: password }),
    z.object({ runId: z.string(), started: z.boolean(), failedChecks: z.array(CheckResult) }),
  ),
  /** Asked on mount by the installing page, so a reloaded window reattaches to the run the engine keeps. */
  'install.state': method(z.object({}), z.object({ run: RunState.nullable(), interrupted: InterruptedRunInfo.nullable() })),
  'install.cancel': method(z.object({}), z.object({ cancelling: z.boolean() })),
  /** A run cut off by a crash: roll it back, or resume it. */
  'install.recover': method(z.object({ action: z.enum(['rollback', 'resume']), appPoolPassword: password, sqlPassword: password }), z.object({ runId: z.string() })),
  'instances.list': method(
    z.object({}),
    z.object({
      instances: z.array(z.object({ name: z.string(), version: z.string(), installedAt: z.string(), settings: SettingsSchema, configure: z.boolean() })),
    }),
  ),
};
