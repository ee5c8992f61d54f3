import type { RunState } from '../../../shared/contract/install-schemas';
import type { Settings } from '../../../shared/settings/parameters';
import type { EngineContext } from '../engine';
import type { Plan } from '../plan/build-plan';
import type { RunSecrets } from '../plan/operation';
import { executePlan, type RunResult, type StepProgress } from './executor';
import { findInterruptedRun, resumeInterrupted, rollBackInterrupted, type InterruptedRun } from './recovery';

const LOG_LINES_KEPT = 2000;

/**
 * The engine keeps the current run, apart from any window: the installing page asks for it on mount, so a reloaded
 * window reattaches to a run that went on without it. One service per engine.
 */
export class InstallService {
  private state: RunState | null = null;
  private controller: AbortController | null = null;

  constructor(private readonly ctx: EngineContext) {}

  current(): RunState | null {
    return this.state;
  }

  get running(): boolean {
    return this.state?.running ?? false;
  }

  start(plan: Plan, secrets: RunSecrets): string {
    return this.launch('install', plan.instanceName, this.urlOf(plan.expanded, plan.choices.configure), plan.operations.map((o) => ({ id: o.id, description: o.description })), (hooks) =>
      executePlan({ host: this.ctx.host, plan, secrets, ...hooks }),
    );
  }

  recover(supportDir: string, run: InterruptedRun, action: 'rollback' | 'resume', secrets: RunSecrets): string {
    const options = { host: this.ctx.host, supportDir, run };
    return this.launch(action, run.instance, this.urlOf(run.settings, run.choices.configure), [], (hooks) =>
      action === 'rollback'
        ? rollBackInterrupted({ ...options, onProgress: hooks.onProgress, onLog: hooks.onLog })
        : resumeInterrupted({ ...options, ...hooks, secrets }),
    );
  }

  cancel(): boolean {
    if (!this.state?.running || !this.controller) return false;
    this.state.cancelling = true;
    this.controller.abort();
    return true;
  }

  interrupted(supportDir: string): InterruptedRun | null {
    return this.running ? null : findInterruptedRun(supportDir);
  }

  private urlOf(settings: Settings, configure: boolean): string | null {
    return configure ? `https://${this.ctx.host.computerName}:${settings.WebSiteHttpsPort.trim()}/${settings.WebApplicationName.trim()}` : null;
  }

  private launch(
    kind: RunState['kind'],
    instance: string,
    asyncServerUrl: string | null,
    steps: { id: string; description: string }[],
    run: (hooks: { signal: AbortSignal; onProgress(p: StepProgress): void; onLog(e: RunState['log'][number]): void }) => Promise<RunResult>,
  ): string {
    const controller = new AbortController();
    this.controller = controller;
    const provisional = `pending-${Date.now()}`;
    const state: RunState = { runId: provisional, kind, instance, asyncServerUrl, running: true, cancelling: false, current: null, steps: steps.map((s) => ({ ...s, status: 'pending' as const })), log: [], result: null };
    this.state = state;
    const onProgress = (p: StepProgress) => {
      state.runId = p.runId;
      state.current = p;
      if (state.steps.length !== p.total) state.steps = Array.from({ length: p.total }, (_, i) => state.steps[i] ?? { id: '', description: '', status: 'pending' });
      state.steps[p.index] = { id: p.operationId, description: p.description, status: p.status };
      this.ctx.emit('install.progress', p);
    };
    const onLog = (entry: RunState['log'][number]) => {
      state.log.push(entry);
      if (state.log.length > LOG_LINES_KEPT) state.log.splice(0, state.log.length - LOG_LINES_KEPT);
      if (entry.level !== 'debug') this.ctx.emit('log.entry', entry);
    };
    void run({ signal: controller.signal, onProgress, onLog })
      .catch((err): RunResult => ({
        runId: state.runId,
        outcome: 'rollback-failed',
        message: `The run stopped unexpectedly: ${err instanceof Error ? err.message : String(err)}`,
        steps: state.steps,
        logFile: '',
        journalFile: '',
      }))
      .then((result) => {
        state.runId = result.runId;
        state.running = false;
        state.cancelling = false;
        state.steps = result.steps;
        state.result = { outcome: result.outcome, message: result.message, logFile: result.logFile, ...(result.failure ? { failure: result.failure } : {}) };
        this.ctx.emit('install.finished', { runId: result.runId, outcome: result.outcome, message: result.message });
      });
    return provisional;
  }
}

const services = new WeakMap<EngineContext, InstallService>();

export function installService(ctx: EngineContext): InstallService {
  let service = services.get(ctx);
  if (!service) {
    service = new InstallService(ctx);
    services.set(ctx, service);
  }
  return service;
}
