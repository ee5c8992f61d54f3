import type { Host } from '../hosts/host';
import { buildPlan, type PlanChoices } from '../plan/build-plan';
import type { Operation, OperationContext, UndoData } from '../plan/operation';
import type { Settings } from '../../../shared/settings/parameters';
import { executePlan, undoApplied, type Adoption, type RunOptions, type RunResult, type StepProgress } from './executor';
import { Journal, journalFiles, readJournal, type JournalEntry } from './journal';
import { acquireLock, isAlive, readLock } from './lock';
import { RunLog, type LogListener } from './run-log';

/** An installation cut off by a crash or a power loss, as its journal tells it. */
export interface InterruptedRun {
  runId: string;
  journalFile: string;
  instance: string;
  startedAt: string;
  settings: Settings;
  choices: PlanChoices;
  /** Operations it finished (with undo data) and the one it had begun, in plan order. */
  finished: { id: string; undo: UndoData }[];
  begun: { id: string; prepared: UndoData }[];
}

export function readInterruptedRun(file: string): InterruptedRun | null {
  const entries = readJournal(file);
  const start = entries.find((e): e is Extract<JournalEntry, { type: 'run.start' }> => e.type === 'run.start');
  if (!start || start.kind !== 'install') return null;
  if (entries.some((e) => e.type === 'run.end' || e.type === 'run.recovered')) return null;
  const finished = new Map<string, UndoData>();
  const begun = new Map<string, UndoData>();
  const undone = new Set<string>();
  for (const e of entries) {
    if (e.type === 'op.start') begun.set(e.id, e.prepared);
    if (e.type === 'op.end' || e.type === 'op.adopt') {
      begun.delete(e.id);
      finished.set(e.id, e.undo);
    }
    if (e.type === 'undo.end') undone.add(e.id);
  }
  return {
    runId: start.runId,
    journalFile: file,
    instance: start.instance,
    startedAt: start.time,
    settings: start.settings as Settings,
    choices: start.choices as PlanChoices,
    finished: [...finished].filter(([id]) => !undone.has(id)).map(([id, undo]) => ({ id, undo })),
    begun: [...begun].filter(([id]) => !undone.has(id)).map(([id, prepared]) => ({ id, prepared })),
  };
}

/** The run a crash cut off, if any: a journal with no end whose owner no longer holds the lock. */
export function findInterruptedRun(supportDir: string): InterruptedRun | null {
  const owner = readLock(supportDir);
  for (const file of journalFiles(supportDir).reverse()) {
    const run = readInterruptedRun(file);
    if (!run) continue;
    if (owner && owner.runId === run.runId && owner.pid > 0 && isAlive(owner.pid)) continue;
    return run;
  }
  return null;
}

export interface RecoveryOptions {
  host: Host;
  supportDir: string;
  run: InterruptedRun;
  onProgress?(progress: StepProgress): void;
  onLog?: LogListener;
}

/** Undoes, in reverse, what the interrupted run changed, and closes its journal. */
export async function rollBackInterrupted(options: RecoveryOptions): Promise<RunResult> {
  const { host, supportDir, run } = options;
  const plan = await buildPlan(host, supportDir, { settings: run.settings, choices: run.choices, passwordProvided: true });
  const log = new RunLog(supportDir, `${run.runId}-rollback`, [], options.onLog);
  const steps = plan.operations.map((op) => ({ id: op.id, description: op.description, status: 'pending' as RunResult['steps'][number]['status'] }));
  const base = { runId: run.runId, steps, logFile: log.file, journalFile: run.journalFile };
  const lock = acquireLock(supportDir, run.runId);
  if (!lock.ok) {
    log.close();
    return { ...base, outcome: 'busy', message: `Another CDX Setup run (process ${lock.owner.pid}) is changing this computer.`, lockOwner: lock.owner };
  }
  const journal = new Journal(run.journalFile);
  try {
    log.write('info', `=== Rolling back the interrupted run ${run.runId} (instance ${run.instance}, started ${run.startedAt}) ===`);
    const data = new Map<string, UndoData>([...run.finished.map((f) => [f.id, f.undo] as const), ...run.begun.map((b) => [b.id, b.prepared] as const)]);
    const applied: { index: number; op: Operation; undo: UndoData }[] = [];
    plan.operations.forEach((op, index) => {
      if (data.has(op.id)) applied.push({ index, op, undo: data.get(op.id) ?? null });
    });
    const ctx: OperationContext = { host, secrets: {}, signal: new AbortController().signal, log: (l, m) => log.write(l, m) };
    const report = (index: number, status: RunResult['steps'][number]['status']) => {
      steps[index].status = status;
      options.onProgress?.({ runId: run.runId, phase: 'undo', index, total: steps.length, operationId: steps[index].id, description: steps[index].description, status });
    };
    const failures = await undoApplied(applied, ctx, journal, log, report);
    const outcome = failures.length ? 'rollback-failed' : 'rolled-back';
    journal.append({ type: 'run.end', outcome });
    const message = failures.length
      ? `The rollback could not undo ${failures.join(', ')}; see the log ${log.file}.`
      : `The interrupted run ${run.runId} was rolled back: ${applied.length} changes undone; the computer is as it was before.`;
    log.write(failures.length ? 'error' : 'info', message);
    return { ...base, outcome, message };
  } finally {
    journal.close();
    log.close();
    lock.release();
  }
}

/** Finishes the interrupted run: what it completed is kept, what it had begun is undone and done again. */
export async function resumeInterrupted(options: RecoveryOptions & Pick<RunOptions, 'secrets' | 'signal'>): Promise<RunResult> {
  const { host, supportDir, run } = options;
  const plan = await buildPlan(host, supportDir, { settings: run.settings, choices: run.choices, passwordProvided: Boolean(options.secrets.appPoolPassword) });
  const adopt: Adoption = {
    resumes: run.runId,
    finished: new Map(run.finished.map((f) => [f.id, f.undo])),
    begun: new Map(run.begun.map((b) => [b.id, b.prepared])),
  };
  const result = await executePlan({ host, plan, secrets: options.secrets, signal: options.signal, onProgress: options.onProgress, onLog: options.onLog, adopt });
  if (result.outcome !== 'busy') {
    const journal = new Journal(run.journalFile);
    journal.append({ type: 'run.recovered', by: result.runId, action: 'resume' });
    journal.close();
  }
  return result;
}
