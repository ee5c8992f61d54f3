import path from 'node:path';
import { Journal, journalDir } from '../executor/journal';
import { acquireLock } from '../executor/lock';
import { newRunId, undoApplied, type RunResult, type StepProgress } from '../executor/executor';
import { RunLog, type LogListener } from '../executor/run-log';
import type { Host } from '../hosts/host';
import { buildPlan } from '../plan/build-plan';
import type { Operation, OperationContext, UndoData } from '../plan/operation';
import { findInstance, putInstance, readInstances } from './registry';

export interface UninstallOptions {
  host: Host;
  supportDir: string;
  name: string;
  onProgress?(progress: StepProgress): void;
  onLog?: LogListener;
}

/**
 * Removes one instance: the changes its runs made are undone in reverse, except what another instance's plan also
 * lists (a shared website, the Retail Salt Utility), which stays. Nothing else on the computer is touched.
 */
export async function uninstallInstance(options: UninstallOptions): Promise<RunResult | { outcome: 'not-found'; message: string }> {
  const { host, supportDir, name } = options;
  const record = findInstance(supportDir, name);
  if (!record) {
    const known = readInstances(supportDir).map((i) => i.name);
    return { outcome: 'not-found', message: `No instance named ${name} is installed on this computer${known.length ? ` (installed: ${known.join(', ')})` : ''}.` };
  }
  const plan = await buildPlan(host, supportDir, { settings: record.settings, choices: record.choices, passwordProvided: true });
  const shared = new Set(readInstances(supportDir).filter((i) => i.name !== record.name).flatMap((i) => i.operationIds));
  const undoOf = new Map(record.applied.map((a) => [a.id, a.undo] as const));
  const runId = newRunId();
  const log = new RunLog(supportDir, `${runId}-uninstall`, [], options.onLog);
  const journalFile = path.join(journalDir(supportDir), `${runId}.jsonl`);
  const steps = plan.operations.map((op) => ({ id: op.id, description: op.description, status: 'pending' as RunResult['steps'][number]['status'] }));
  const base = { runId, steps, logFile: log.file, journalFile };
  const lock = acquireLock(supportDir, runId);
  if (!lock.ok) {
    log.close();
    return { ...base, outcome: 'busy', message: `Another CDX Setup run (process ${lock.owner.pid}) is changing this computer.`, lockOwner: lock.owner };
  }
  const journal = new Journal(journalFile);
  try {
    log.write('info', `=== Uninstalling the instance ${record.name} (version ${record.version}) ===`);
    journal.append({ type: 'run.start', runId, kind: 'uninstall', instance: record.name, settings: record.settings, choices: record.choices, operationIds: plan.operations.map((o) => o.id) });
    const toUndo: { index: number; op: Operation; undo: UndoData }[] = [];
    plan.operations.forEach((op, index) => {
      if (op.kind === 'instance') return;
      if (shared.has(op.id)) {
        log.write('info', `Kept ${op.id}: another instance uses it.`);
        steps[index].status = 'skipped';
      } else if (undoOf.has(op.id)) toUndo.push({ index, op, undo: undoOf.get(op.id) ?? null });
      else {
        log.write('info', `Kept ${op.id}: it was there before this instance was installed.`);
        steps[index].status = 'skipped';
      }
    });
    const ctx: OperationContext = { host, secrets: {}, signal: new AbortController().signal, log: (l, m) => log.write(l, m) };
    const failures = await undoApplied(toUndo, ctx, journal, log, (index, status) => {
      steps[index].status = status;
      options.onProgress?.({ runId, phase: 'undo', index, total: steps.length, operationId: steps[index].id, description: steps[index].description, status });
    });
    if (failures.length) {
      const message = `The instance ${record.name} could not be removed completely (${failures.join(', ')}); it stays registered. See ${log.file}.`;
      journal.append({ type: 'run.end', outcome: 'rollback-failed' });
      log.write('error', message);
      return { ...base, outcome: 'rollback-failed', message };
    }
    putInstance(supportDir, record.name, null);
    const message = `The instance ${record.name} was removed: ${toUndo.length} changes undone.`;
    journal.append({ type: 'run.end', outcome: 'uninstalled' });
    log.write('info', message);
    return { ...base, outcome: 'uninstalled', message };
  } finally {
    journal.close();
    log.close();
    lock.release();
  }
}
