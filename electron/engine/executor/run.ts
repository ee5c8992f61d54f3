import type { RunFailure, RunKind, RunOutcome, RunResult, RunStep, StepProgress, StepStatus } from '../../../shared/contract/install-schemas';
import type { Host } from '../hosts/host';
import type { OperationContext, RunSecrets } from '../plan/operation';
import { Journal, JOURNAL_FORMAT, journalFileOf, type JournalEntry } from './journal';
import { acquireLock, type LockOwner } from './lock';
import { runEvent } from './run-event';
import { RunLog, type LogListener } from './run-log';

/** What every run (install, resume, rollback, uninstall) is started with. */
export interface RunSpec {
  kind: RunKind;
  instance: string;
  host: Host;
  supportDir: string;
  secrets: RunSecrets;
  /** The steps the run will take, planned up front: shown as pending at once and journaled in run.start. */
  steps: { id: string; kind: string; description: string }[];
  asyncServerUrl: string | null;
  /** Given by the caller that reported it already (the API answers install.start with it); a new one otherwise. */
  runId?: string;
  signal?: AbortSignal;
  /** Once the run holds the lock: its id and the steps it will take. */
  onStart?(run: { runId: string; kind: RunKind; instance: string; asyncServerUrl: string | null; steps: RunStep[] }): void;
  onProgress?(progress: StepProgress): void;
  onLog?: LogListener;
  /** What run.start keeps besides the steps (settings and choices for a resume, the run recovered); never a secret. */
  header?: Pick<Extract<JournalEntry, { type: 'run.start' }>, 'component' | 'settings' | 'choices' | 'recovers'>;
}

/** How a run's body ended; the scaffolding journals and logs it and builds the result. */
export interface RunEnd {
  outcome: RunOutcome;
  message: string;
  changed: boolean;
  failure?: RunFailure;
  failedChecks?: RunResult['failedChecks'];
  skippedChecks?: string[];
}

export type RunReport = RunResult & { lockOwner?: LockOwner };

/** A run holding the lock, with its log, journal, steps and the context its operations and undos get. */
export class ActiveRun {
  readonly steps: RunStep[];
  readonly ctx: OperationContext;

  constructor(
    readonly spec: RunSpec,
    readonly runId: string,
    readonly log: RunLog,
    readonly journal: Journal,
  ) {
    this.steps = spec.steps.map((s) => ({ id: s.id, description: s.description, status: 'pending' }));
    this.ctx = {
      host: spec.host,
      supportDir: spec.supportDir,
      secrets: spec.secrets,
      signal: spec.signal ?? new AbortController().signal,
      log: (level, message) => log.write(level, message),
    };
  }

  report(index: number, phase: 'apply' | 'undo', status: StepStatus): void {
    const step = this.steps[index];
    step.status = status;
    this.spec.onProgress?.({ runId: this.runId, phase, index, total: this.steps.length, operationId: step.id, description: step.description, status });
  }

  /** An error's message with every secret of the run masked, fit for the log, the journal and the result. */
  errorText(err: unknown): string {
    return this.log.mask(err instanceof Error ? err.message : String(err));
  }
}

export function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The one scaffolding of every run: refuse a computer that cannot be changed, hold the lock, open the log and the
 * journal, journal the start and the end, and turn whatever the body does (even an unexpected error) into a result.
 */
export async function withRun(spec: RunSpec, body: (run: ActiveRun) => Promise<RunEnd>): Promise<RunReport> {
  const runId = spec.runId ?? newRunId();
  const secrets = Object.values(spec.secrets).filter((v): v is string => typeof v === 'string' && v !== '');
  const log = new RunLog(spec.supportDir, runId, secrets, spec.onLog);
  const journalFile = journalFileOf(spec.supportDir, runId);
  const result = (end: RunEnd, steps: RunStep[], extra: Partial<RunReport> = {}): RunReport => ({
    runId,
    kind: spec.kind,
    instance: spec.instance,
    asyncServerUrl: spec.asyncServerUrl,
    steps,
    logFile: log.file,
    journalFile,
    ...end,
    ...extra,
  });
  const pending = () => spec.steps.map((s): RunStep => ({ id: s.id, description: s.description, status: 'pending' }));

  if (spec.host.kind === 'unsupported') {
    const message = `${spec.host.description}. Run on the Windows server, or add --rehearsal to rehearse the installation.`;
    log.write('error', message);
    log.close();
    return result({ outcome: 'refused', message, changed: false }, pending());
  }
  const lock = acquireLock(spec.supportDir, runId);
  if (!lock.ok) {
    const message = `Another CDX Setup run (process ${lock.owner.pid}, run ${lock.owner.runId}) is changing this computer; wait for it to finish.`;
    log.write('error', message);
    log.close();
    return result({ outcome: 'busy', message, changed: false }, pending(), { lockOwner: lock.owner });
  }
  const journal = new Journal(journalFile);
  const run = new ActiveRun(spec, runId, log, journal);
  try {
    log.write('info', `=== CDX Setup ${spec.kind} run ${runId} on ${spec.host.description} ===`);
    log.write('info', `Instance ${spec.instance}; ${spec.steps.length} steps; support files ${spec.supportDir}; journal ${journalFile}.`);
    journal.append({ type: 'run.start', format: JOURNAL_FORMAT, runId, kind: spec.kind, instance: spec.instance, steps: spec.steps, ...spec.header });
    spec.onStart?.({ runId, kind: spec.kind, instance: spec.instance, asyncServerUrl: spec.asyncServerUrl, steps: run.steps.map((s) => ({ ...s })) });
    let end: RunEnd;
    try {
      end = await body(run);
    } catch (err) {
      // Operations' failures are results; this is the engine's own failure, and what the run did stays journaled.
      end = { outcome: 'rollback-failed', message: `The run stopped unexpectedly: ${run.errorText(err)} See the journal ${journalFile}.`, changed: true };
    }
    const failed = !['installed', 'uninstalled', 'unchanged', 'rolled-back', 'cancelled'].includes(end.outcome);
    log.write(failed ? 'error' : 'info', end.message);
    journal.append({ type: 'run.end', outcome: end.outcome });
    try {
      await spec.host.machine.writeEvent(runEvent({ kind: spec.kind, instance: spec.instance, runId, outcome: end.outcome, message: end.message, logFile: log.file, journalFile }));
    } catch (err) {
      // The run is done whatever the Application log says; its own log keeps why the event is missing.
      log.write('warning', `The event of this run could not be written to the Application log: ${run.errorText(err)}`);
    }
    return result(end, run.steps);
  } finally {
    journal.close();
    log.close();
    lock.release();
  }
}
