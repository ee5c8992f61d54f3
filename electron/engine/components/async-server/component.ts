import { asyncServerDefinition } from '../../../../shared/components/async-server/definition';
import { asSettings } from '../../../../shared/components/async-server/parameters';
import { validatePrerequisites } from '../../prerequisites/validate';
import type { EngineComponent } from '../component';
import { collisions } from './collisions';
import { iisUndo } from './iis';
import { planAsyncServer } from './plan';
import { topologyClashes } from './topology-clashes';

/** Async Server as the engine knows it: its plan, its collisions (with installed instances and in a topology), the undo of its IIS kinds, its prerequisite checks. */
export const asyncServerComponent: EngineComponent = {
  definition: asyncServerDefinition,
  plan: planAsyncServer,
  collisions,
  topologyClashes,
  undoKinds: iisUndo,
  prerequisites(input) {
    const settings = asSettings(input.settings);
    return validatePrerequisites(
      {
        stage: 'after-configure',
        components: input.choices.components,
        settings,
        configure: input.choices.configure,
        passwordProvided: Boolean(input.secrets.appPoolPassword),
        database: input.choices.database,
        ...(input.modifies ? { instance: input.instanceName } : {}),
      },
      { host: input.host, toolVersion: input.toolVersion, secrets: { sqlPassword: input.secrets.sqlPassword, appPoolPassword: input.secrets.appPoolPassword }, supportDir: input.supportDir },
    );
  },
  // Finish shows the Async Server URL from the run itself (copyable); nothing else is Async Server's to add.
  summary: async () => [],
  serverUrl(raw, configure, computerName) {
    const settings = asSettings(raw);
    return configure ? `https://${computerName}:${settings.WebSiteHttpsPort.trim()}/${settings.WebApplicationName.trim()}` : null;
  },
};
