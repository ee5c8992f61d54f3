import type { RunKind, RunState, StepProgress } from '../../../shared/contract/install-schemas';
import type { EngineContext } from '../engine';
import { newRunId, type RunReport } from '../executor/run';
import type { RunHooks } from './install-service';

const LOG_LINES_KEPT = 2000;

/**
 * The engine keeps the current run, apart from any window: the installing page asks for it on mount, so a reloaded
 * window reattaches to a run that went on without it. One per engine; the runs themselves are the install service's.
 */
export class CurrentRun {
  private state: RunState | null = null;
  private controller: AbortController | null = null;

  constructor(private readonly ctx: EngineContext) {}

  current(): RunState | null {
    return this.state;
  }

  get running(): boolean {
    return this.state?.running ?? false;
  }

  cancel(): boolean {
    if (!this.state?.running || !this.controller) return false;
    this.state.cancelling = true;
    this.controller.abort();
    return true;
  }

  /** Forgets a finished run that never started to change anything (the gate refused it), so no page reattaches to it. */
  forget(runId: string): void {
    if (this.state?.runId === runId && !this.state.running) this.state = null;
  }

  /**
   * Starts a run in the background under an id chosen now, the id its log, journal and events carry, so the caller
   * can answer with it at once. Resolves with the run's result.
   */
  launch(kind: RunKind, instance: string, run: (hooks: Required<Pick<RunHooks, 'runId' | 'signal' | 'onStart' | 'onProgress' | 'onLog'>>) => Promise<RunReport>): { runId: string; done: Promise<RunReport> } {
    const runId = newRunId();
    const controller = new AbortController();
    this.controller = controller;
    const state: RunState = { runId, kind, instance, asyncServerUrl: null, running: true, cancelling: false, current: null, steps: [], log: [], result: null };
    this.state = state;
    const onProgress = (p: StepProgress) => {
      state.current = p;
      state.steps[p.index] = { id: p.operationId, description: p.description, status: p.status };
      this.ctx.emit('install.progress', p);
    };
    const onLog = (entry: RunState['log'][number]) => {
      state.log.push(entry);
      if (state.log.length > LOG_LINES_KEPT) state.log.splice(0, state.log.length - LOG_LINES_KEPT);
      if (entry.level !== 'debug') this.ctx.emit('log.entry', entry);
    };
    const onStart: RunHooks['onStart'] = (started) => {
      state.instance = started.instance;
      state.asyncServerUrl = started.asyncServerUrl;
      state.steps = started.steps;
    };
    const done = run({ runId, signal: controller.signal, onStart, onProgress, onLog })
      .catch((err): RunReport => ({
        runId,
        kind,
        instance,
        outcome: 'rollback-failed',
        message: `The run stopped unexpectedly: ${err instanceof Error ? err.message : String(err)}`,
        changed: true,
        asyncServerUrl: state.asyncServerUrl,
        steps: state.steps,
        logFile: '',
        journalFile: '',
      }))
      .then((result) => {
        state.running = false;
        state.cancelling = false;
        if (result.steps.length) state.steps = result.steps;
        state.result = { outcome: result.outcome, message: result.message, logFile: result.logFile, ...(result.failure ? { failure: result.failure } : {}) };
        this.ctx.emit('install.finished', { runId, outcome: result.outcome, message: result.message });
        return result;
      });
    return { runId, done };
  }
}

const runs = new WeakMap<EngineContext, CurrentRun>();

export function currentRun(ctx: EngineContext): CurrentRun {
  let run = runs.get(ctx);
  if (!run) {
    run = new CurrentRun(ctx);
    runs.set(ctx, run);
  }
  return run;
}
