import { z } from 'zod';
import { method } from '../define';
import { InterruptedRunInfo, PlanConfiguration, PlanStep, RunState } from '../install-schemas';
import { CheckResult } from '../../prerequisites/report';
import { componentSettingsRequest, ComponentSettingsPart } from '../component-settings';
import { ComponentId, DatabaseChoice, SetupChoices } from '../schemas';

const choices = SetupChoices.pick({ configure: true, components: true, database: true, streaming: true });
/** Passwords travel only inside these requests, from the renderer's secrets store ('' when none). */
const password = z.string().max(256).default('');

export const installMethods = {
  /**
   * The plan in words for Ready to install; `done` marks what is already in place (the difference on a modify).
   * `configuration`: the values written into the application's configuration file, passwords masked.
   */
  'install.plan': method(
    componentSettingsRequest({ choices }),
    z.object({ instance: z.string(), notes: z.array(z.string()), steps: z.array(PlanStep), configuration: PlanConfiguration.nullable() }),
  ),
  /**
   * `sqlPassword`: the SQL login's, when the message database uses SQL Server authentication; `servicePassword`: the
   * Windows service account's (Async Client); `connectionPassword`: the one Async Client signs in to Async Server
   * with. Each '' when not needed. Answered once the
   * prerequisite gate has judged: `started` false with the checks that failed when it refused (nothing was changed).
   */
  'install.start': method(
    componentSettingsRequest({ choices, appPoolPassword: password, sqlPassword: password, servicePassword: password, connectionPassword: password }),
    z.object({ runId: z.string(), started: z.boolean(), failedChecks: z.array(CheckResult) }),
  ),
  /** Asked on mount by the installing page, so a reloaded window reattaches to the run the engine keeps. */
  'install.state': method(z.object({}), z.object({ run: RunState.nullable(), interrupted: InterruptedRunInfo.nullable() })),
  'install.cancel': method(z.object({}), z.object({ cancelling: z.boolean() })),
  /** A run cut off by a crash: roll it back, or resume it. */
  'install.recover': method(
    z.object({ action: z.enum(['rollback', 'resume']), appPoolPassword: password, sqlPassword: password, servicePassword: password, connectionPassword: password }),
    z.object({ runId: z.string() }),
  ),
  /**
   * Every installed instance, each with its component, its settings as that component's parameters, and the choices
   * it was installed with (Configure, the database's, streaming): Add or modify components starts from all of them.
   */
  'instances.list': method(
    z.object({}),
    z.object({
      instances: z.array(
        z.intersection(
          ComponentSettingsPart,
          z.object({ name: z.string(), version: z.string(), installedAt: z.string(), configure: z.boolean(), database: DatabaseChoice, streaming: z.boolean().optional() }),
        ),
      ),
    }),
  ),
  /**
   * What Finish says of an installed instance, as its component tells it (Async Client: its Windows service and the
   * service's state, read from the computer now).
   */
  'instances.summary': method(
    z.object({ name: z.string().trim().min(1).max(256) }),
    z.object({ component: ComponentId, rows: z.array(z.object({ label: z.string(), value: z.string() })) }),
  ),
};
