import path from 'node:path';
import type { Host } from '../hosts/host';
import type { Plan } from '../plan/build-plan';
import type { Operation, OperationContext, RunSecrets, UndoData } from '../plan/operation';
import { Journal, journalDir, type RunKind } from './journal';
import { acquireLock, type LockOwner } from './lock';
import { RunLog, type LogListener } from './run-log';

export type StepStatus = 'pending' | 'running' | 'applied' | 'skipped' | 'failed' | 'undoing' | 'undone' | 'undo-failed';

export interface StepProgress {
  runId: string;
  phase: 'apply' | 'undo';
  index: number;
  total: number;
  operationId: string;
  description: string;
  status: StepStatus;
}

export type RunOutcome = 'installed' | 'uninstalled' | 'unchanged' | 'rolled-back' | 'cancelled' | 'rollback-failed' | 'busy' | 'refused';

/** What a run did: like a migrator's result set, never a thrown error. */
export interface RunResult {
  runId: string;
  outcome: RunOutcome;
  message: string;
  steps: { id: string; description: string; status: StepStatus }[];
  /** The operation that failed and why (secrets masked). */
  failure?: { operationId: string; message: string };
  logFile: string;
  journalFile: string;
  lockOwner?: LockOwner;
}

/** What an interrupted run left, for resume: operations it finished (adopt) or began (undo first). */
export interface Adoption {
  resumes: string;
  finished: Map<string, UndoData>;
  begun: Map<string, UndoData>;
}

export interface RunOptions {
  host: Host;
  plan: Plan;
  secrets: RunSecrets;
  kind?: RunKind;
  runId?: string;
  signal?: AbortSignal;
  onProgress?(progress: StepProgress): void;
  onLog?: LogListener;
  adopt?: Adoption;
}

export function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Runs a plan: each operation is journaled before and after, skipped when already done, and on a failure or a cancel
 * every operation this run applied is undone in reverse order.
 */
export async function executePlan(options: RunOptions): Promise<RunResult> {
  const { host, plan } = options;
  const runId = options.runId ?? newRunId();
  const secrets = [options.secrets.appPoolPassword ?? '', options.secrets.sqlPassword ?? ''];
  const log = new RunLog(plan.supportDir, runId, secrets, options.onLog);
  const journalFile = path.join(journalDir(plan.supportDir), `${runId}.jsonl`);
  const steps = plan.operations.map((op) => ({ id: op.id, description: op.description, status: 'pending' as StepStatus }));
  const result = (outcome: RunOutcome, message: string, extra: Partial<RunResult> = {}): RunResult => ({ runId, outcome, message, steps, logFile: log.file, journalFile, ...extra });

  if (host.kind === 'unsupported') {
    const message = `${host.description}. Run on the Windows server, or add --rehearsal to rehearse the installation.`;
    log.write('error', message);
    log.close();
    return result('refused', message);
  }
  const lock = acquireLock(plan.supportDir, runId);
  if (!lock.ok) {
    const message = `Another CDX Setup run (process ${lock.owner.pid}, run ${lock.owner.runId}) is changing this computer; wait for it to finish.`;
    log.write('error', message);
    log.close();
    return result('busy', message, { lockOwner: lock.owner });
  }
  const journal = new Journal(journalFile);
  const signal = options.signal ?? new AbortController().signal;
  const ctx: OperationContext = { host, secrets: options.secrets, signal, log: (level, message) => log.write(level, message) };
  const total = plan.operations.length;
  const report = (index: number, phase: 'apply' | 'undo', status: StepStatus) => {
    steps[index].status = status;
    options.onProgress?.({ runId, phase, index, total, operationId: steps[index].id, description: steps[index].description, status });
  };
  const applied: { index: number; op: Operation; undo: UndoData }[] = [];
  const markApplied = (index: number, op: Operation, undo: UndoData) => {
    applied.push({ index, op, undo });
    plan.applied.push({ id: op.id, undo });
  };

  try {
    const kind = options.kind ?? 'install';
    log.write('info', `=== CDX Setup ${kind} run ${runId} on ${host.description} ===`);
    log.write('info', `Instance ${plan.instanceName}; ${total} operations; support files ${plan.supportDir}; journal ${journalFile}.`);
    for (const [name, value] of Object.entries(plan.settings)) {
      log.write('debug', `Setting ${name} = "${value}"${plan.expanded[name as keyof typeof plan.expanded] !== value ? ` (expanded: "${plan.expanded[name as keyof typeof plan.expanded]}")` : ''}`);
    }
    log.write('debug', `Password for AppPoolUser: ${options.secrets.appPoolPassword ? 'given (masked)' : 'none'}.`);
    for (const note of plan.notes) log.write('info', note);
    journal.append({
      type: 'run.start',
      runId,
      kind,
      instance: plan.instanceName,
      settings: plan.settings,
      choices: plan.choices,
      operationIds: plan.operations.map((o) => o.id),
      ...(options.adopt ? { resumes: options.adopt.resumes } : {}),
    });

    let failure: RunResult['failure'];
    for (const [index, op] of plan.operations.entries()) {
      if (signal.aborted) break;
      report(index, 'apply', 'running');
      log.write('info', `[${index + 1}/${total}] ${op.id}: ${op.description}`);
      for (const [k, v] of Object.entries(op.details)) log.write('debug', `    ${k} = ${v}`);
      const adopted = options.adopt?.finished.get(op.id);
      if (options.adopt?.finished.has(op.id)) {
        journal.append({ type: 'op.adopt', id: op.id, undo: adopted ?? null });
        markApplied(index, op, adopted ?? null);
        log.write('info', '    Done by the interrupted run; kept.');
        report(index, 'apply', 'applied');
        continue;
      }
      try {
        if (options.adopt?.begun.has(op.id)) {
          log.write('info', '    The interrupted run began this operation: undoing its partial work first.');
          await op.undo(ctx, options.adopt.begun.get(op.id) ?? null);
        }
        if (await op.isDone(ctx)) {
          journal.append({ type: 'op.skip', id: op.id });
          log.write('info', '    Already in place: nothing to change.');
          report(index, 'apply', 'skipped');
          continue;
        }
        const prepared = op.prepare ? await op.prepare(ctx) : null;
        journal.append({ type: 'op.start', id: op.id, prepared });
        let undo: UndoData;
        try {
          undo = await op.apply(ctx);
        } catch (err) {
          // Partial work is undone with what prepare captured before anything changed.
          if (op.prepare) markApplied(index, op, prepared);
          throw err;
        }
        journal.append({ type: 'op.end', id: op.id, undo });
        markApplied(index, op, undo);
        const fault = host.machine.faultAt(op.id);
        if (fault) throw new Error(fault);
        log.write('info', '    Applied.');
        report(index, 'apply', 'applied');
      } catch (err) {
        const message = log.mask(err instanceof Error ? err.message : String(err));
        journal.append({ type: 'op.fail', id: op.id, error: message });
        log.write('error', `    Failed: ${message}`);
        report(index, 'apply', 'failed');
        failure = { operationId: op.id, message };
        break;
      }
    }

    const cancelled = !failure && signal.aborted;
    if (!failure && !cancelled) {
      const changed = applied.length;
      const outcome: RunOutcome = changed === 0 ? 'unchanged' : 'installed';
      const message =
        outcome === 'unchanged'
          ? 'Nothing changed: this computer already is as these settings describe.'
          : `${kind === 'uninstall' ? 'Done' : 'Installed'}: ${changed} of ${total} operations changed this computer; ${total - changed} were already in place.`;
      log.write('info', message);
      journal.append({ type: 'run.end', outcome });
      return result(outcome, message);
    }

    log.write('warning', cancelled ? 'Cancelled: undoing what this run changed, in reverse order.' : 'Rolling back what this run changed, in reverse order.');
    const undoFailures = await undoApplied(applied, ctx, journal, log, (i, s) => report(i, 'undo', s));
    const outcome: RunOutcome = undoFailures.length ? 'rollback-failed' : cancelled ? 'cancelled' : 'rolled-back';
    const message = undoFailures.length
      ? `The rollback could not undo ${undoFailures.join(', ')}; see the log ${log.file}.`
      : cancelled
        ? 'Cancelled: every change of this run was undone; the computer is as it was before.'
        : `Failed at ${failure!.operationId}: ${failure!.message} Every change of this run was undone; the computer is as it was before.`;
    log.write(undoFailures.length ? 'error' : 'info', message);
    journal.append({ type: 'run.end', outcome });
    return result(outcome, message, failure ? { failure } : {});
  } finally {
    journal.close();
    log.close();
    lock.release();
  }
}

export async function undoApplied(
  applied: { index: number; op: Operation; undo: UndoData }[],
  ctx: OperationContext,
  journal: Journal,
  log: RunLog,
  report: (index: number, status: StepStatus) => void,
): Promise<string[]> {
  const failures: string[] = [];
  for (const { index, op, undo } of [...applied].reverse()) {
    report(index, 'undoing');
    journal.append({ type: 'undo.start', id: op.id });
    try {
      await op.undo(ctx, undo);
      journal.append({ type: 'undo.end', id: op.id });
      log.write('info', `Undone: ${op.id}`);
      report(index, 'undone');
    } catch (err) {
      const message = log.mask(err instanceof Error ? err.message : String(err));
      journal.append({ type: 'undo.fail', id: op.id, error: message });
      log.write('error', `Could not undo ${op.id}: ${message}`);
      report(index, 'undo-failed');
      failures.push(op.id);
    }
  }
  return failures;
}
