import { asyncServerDefinition } from '../../../../shared/components/async-server/definition';
import { asSettings } from '../../../../shared/components/async-server/parameters';
import { normalizeSettings } from '../../../../shared/components/async-server/rules';
import type { ComponentSettings } from '../../../../shared/components/component';
import type { ComponentChecks } from '../../prerequisites/check';
import { runValidation } from '../../prerequisites/run-validation';
import type { EngineComponent } from '../component';
import { ASYNC_SERVER_CHECKS } from './checks/index';
import { collisions } from './collisions';
import { iisUndo } from './iis';
import { messageDatabaseSpec } from './message-database';
import { planAsyncServer } from './plan';
import { topologyClashes } from './topology-clashes';

/** Its checks read every one of its parameters, normalized as its field rules normalize them. */
const checks: ComponentChecks = { list: ASYNC_SERVER_CHECKS, settings: (raw) => normalizeSettings(asSettings(raw)) };
const messageDatabase = (expanded: ComponentSettings, computerName: string) => messageDatabaseSpec(asSettings(expanded), computerName);

/**
 * Async Server as the engine knows it: its plan, its collisions (with installed instances and in a topology), the
 * undo of its IIS kinds, its prerequisite checks (the frame's runner runs them) and its message database.
 */
export const asyncServerComponent: EngineComponent = {
  definition: asyncServerDefinition,
  plan: planAsyncServer,
  collisions,
  topologyClashes,
  undoKinds: iisUndo,
  checks,
  messageDatabase,
  prerequisites(input) {
    const settings = asSettings(input.settings);
    return runValidation(
      {
        stage: 'after-configure',
        components: input.choices.components,
        settings,
        configure: input.choices.configure,
        passwordProvided: Boolean(input.secrets.appPoolPassword),
        database: input.choices.database,
        ...(input.modifies ? { instance: input.instanceName } : {}),
      },
      {
        host: input.host,
        toolVersion: input.toolVersion,
        secrets: { sqlPassword: input.secrets.sqlPassword, appPoolPassword: input.secrets.appPoolPassword },
        supportDir: input.supportDir,
        checks: checks.list,
        judged: { checks, messageDatabase },
      },
    );
  },
  // Finish shows the Async Server URL from the run itself (copyable); nothing else is Async Server's to add.
  summary: async () => [],
  serverUrl(raw, configure, computerName) {
    const settings = asSettings(raw);
    return configure ? `https://${computerName}:${settings.WebSiteHttpsPort.trim()}/${settings.WebApplicationName.trim()}` : null;
  },
};
