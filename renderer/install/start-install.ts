import type { ComponentId } from '../../shared/components/ids';
import { componentDefinition } from '../../shared/components/registry';
import { needsSqlPassword } from '../../shared/settings/install-defaults';
import { api } from '../api/client';
import { useSecrets } from '../store/secrets';
import { configureOf, settingsOf } from '../store/setup-slice';
import { useWizard, type WizardStore } from '../store/store';
import { refreshInstallState } from './sync-run';

/**
 * One component's installation: the passwords leave the secrets store only inside this request, and only those its
 * settings need. The engine runs the prerequisite gate first (page 8's result may be stale); when it refuses, its
 * failed checks are shown on Ready to install and nothing was changed.
 */
async function startComponent(state: WizardStore, component: ComponentId): Promise<string | null> {
  const { components, database, streaming } = state.choices;
  const configure = configureOf(state, component);
  const settings = settingsOf(state, component);
  const secrets = useSecrets.getState();
  const needs = new Set(componentDefinition(component).passwords(settings, configure).map((p) => p.secret));
  const r = await api.call('install.start', {
    component,
    settings,
    choices: { configure, components, database, streaming },
    appPoolPassword: needs.has('appPoolPassword') ? secrets.appPoolPassword : '',
    servicePassword: needs.has('servicePassword') ? secrets.servicePassword : '',
    connectionPassword: needs.has('connectionPassword') ? secrets.connectionPassword : '',
    sqlPassword: needsSqlPassword(configure, database) ? secrets.sqlPassword : '',
  });
  if (!r.ok) return r.error.message;
  state.actions.setInstall({ gateRefusal: r.value.started ? null : r.value.failedChecks, installing: r.value.started ? component : null });
  if (!r.value.started) {
    const count = r.value.failedChecks.length;
    return `The prerequisite validation before installing ${componentDefinition(component).title} found ${count === 1 ? 'an error' : `${count} errors`}: nothing was changed. Fix what is listed under Prerequisites not met, then select Install again.`;
  }
  await refreshInstallState();
  return null;
}

/** Install: the chosen components one after another, in Setup's order, each its own run (and its own rollback). */
export async function startInstall(state: WizardStore): Promise<string | null> {
  const [first, ...rest] = state.choices.components;
  state.actions.setInstall({ installQueue: rest, finishedInstalls: [] });
  return startComponent(state, first);
}

/**
 * Once a run has ended: it joins Finish's list, and when it succeeded the next component waiting starts; a failed
 * run (rolled back) leaves the rest uninstalled, as a topology does. Returns whether another run started.
 */
let continuing = false;

/** Whether the mirrored run, started by this session, has ended and is not yet on Finish's list. */
function runEnded(): boolean {
  const { installRun: run, installing } = useWizard.getState();
  return installing !== null && run !== null && !run.running && run.result !== null;
}

export async function continueInstall(): Promise<boolean> {
  if (continuing) return false;
  continuing = true;
  let started = false;
  try {
    // A run that ends before the call that started it has returned is taken here too.
    while (runEnded()) started = await continueAfter();
  } finally {
    continuing = false;
  }
  return started;
}

async function continueAfter(): Promise<boolean> {
  const state = useWizard.getState();
  const run = state.installRun;
  if (!run || run.running || !run.result || state.installing === null) return false;
  const ended = {
    component: state.installing,
    instance: run.instance,
    outcome: run.result.outcome,
    message: run.result.message,
    logFile: run.result.logFile,
    asyncServerUrl: run.asyncServerUrl,
  };
  const success = ended.outcome === 'installed' || ended.outcome === 'unchanged';
  const [next, ...rest] = success ? state.installQueue : [];
  // The queue empties only once the next run has started (or cannot), so Next stays disabled in between.
  state.actions.setInstall({ finishedInstalls: [...state.finishedInstalls, ended], installing: null, ...(next ? {} : { installQueue: [] }) });
  if (!next) return false;
  const problem = await startComponent(useWizard.getState(), next);
  useWizard.getState().actions.setInstall({ installQueue: problem ? [] : rest });
  if (problem) useWizard.getState().actions.setPageError(problem);
  return problem === null;
}
