import { create } from 'zustand';
import type { CheckResult, ValidationReport, ValidationStage } from '../../shared/prerequisites/report';
import { api } from '../api/client';
import { useSecrets } from '../store/secrets';
import { secretsProvided } from '../store/secrets';
import { settingsOf } from '../store/setup-slice';
import { useWizard } from '../store/store';

export interface StageRun {
  runId: string;
  running: boolean;
  /** Results as they arrive, before the report is complete. */
  streamed: CheckResult[];
  total: number | null;
  report: ValidationReport | null;
  /** Where the engine kept a copy of the report (HTML), with the Setup support files. */
  savedTo: string | null;
  error: string | null;
}

interface ValidationState {
  runs: Partial<Record<ValidationStage, StageRun>>;
}

/**
 * The validation runs of pages 5 and 8, apart from the wizard store: a report is derived from the choices, never
 * one of them, and it does not belong in anything that saves the wizard's state.
 */
export const useValidation = create<ValidationState>()(() => ({ runs: {} }));

let sequence = 0;

function patchRun(stage: ValidationStage, runId: string, patch: (run: StageRun) => Partial<StageRun>) {
  useValidation.setState((s) => {
    const run = s.runs[stage];
    // A later run replaced this one (Revalidate pressed twice): its news is stale.
    if (!run || run.runId !== runId) return s;
    return { runs: { ...s.runs, [stage]: { ...run, ...patch(run) } } };
  });
}

/**
 * Runs the validation with what the user chose so far. The app pool password and the service account's password go
 * only with the run after the components' Configure pages, each for its check; the engine keeps them nowhere.
 */
export async function runValidation(stage: ValidationStage): Promise<void> {
  const runId = `${Date.now().toString(36)}-${++sequence}`;
  useValidation.setState((s) => ({ runs: { ...s.runs, [stage]: { runId, running: true, streamed: [], total: null, report: null, savedTo: null, error: null } } }));
  const state = useWizard.getState();
  const { choices, modifiedInstance, actions, configureByComponent } = state;
  // The parameters of the components chosen, each under its own names.
  const settings = Object.assign({}, ...choices.components.map((id) => settingsOf(state, id))) as Record<string, string>;
  const provided = secretsProvided();
  const secrets = useSecrets.getState();
  const afterConfigure = (password: string) => (stage === 'after-configure' && password !== '' ? password : undefined);
  // Next stays disabled while the checks run; the wizard re-reads `blocked` when busy clears.
  actions.setBusy(true);
  const stop = api.on('prerequisites.result', (e) => {
    if (e.runId === runId) patchRun(stage, runId, (run) => ({ streamed: [...run.streamed, e.result], total: e.total }));
  });
  try {
    const result = await api.call('prerequisites.run', {
      runId,
      stage,
      components: choices.components,
      settings,
      configure: stage === 'before-configure' ? true : choices.configure,
      configureByComponent: stage === 'before-configure' ? {} : configureByComponent,
      streaming: choices.streaming,
      passwordProvided: provided.appPoolPassword,
      appPoolPassword: afterConfigure(secrets.appPoolPassword),
      servicePassword: afterConfigure(secrets.servicePassword),
      database: choices.database,
      sqlPassword: choices.database.authentication === 'sql' ? secrets.sqlPassword : undefined,
      // Add or modify components: the instance's own ports and database are not in its way.
      instance: choices.option === 'modify' && modifiedInstance !== '' ? modifiedInstance : undefined,
    });
    patchRun(stage, runId, () => (result.ok ? { running: false, report: result.value.report, savedTo: result.value.savedTo?.html ?? null } : { running: false, error: result.error.message }));
  } finally {
    stop();
    actions.setBusy(false);
  }
}

/** Next waits for a finished run without errors. */
export function validationBlocks(stage: ValidationStage): boolean {
  const run = useValidation.getState().runs[stage];
  return !run || run.running || !run.report || run.report.summary.errors > 0;
}
