import type { RunKind } from '../../../shared/contract/install-schemas';
import type { ComponentSettings } from '../../../shared/components/component';
import type { ComponentId } from '../../../shared/components/ids';
import type { PlanChoices } from '../plan/plan';
import type { RecordedChange } from '../plan/operation';
import { journalFiles, readJournal, type JournalEntry } from './journal';
import { isAlive, readLock } from './lock';

/** An installation cut off by a crash or a power loss, as its journal tells it. */
export interface InterruptedRun {
  runId: string;
  kind: RunKind;
  journalFile: string;
  instance: string;
  startedAt: string;
  /** The component its settings are of (journals without one are Async Server's). */
  component?: ComponentId;
  settings: ComponentSettings;
  choices: PlanChoices;
  /** Every change it made and did not undo, in the order it made them, each as journaled: all an undo needs. */
  changes: RecordedChange[];
  /** Of those, the ones it finished (a resume keeps them); the others it had begun (a resume undoes them first). */
  finished: Set<string>;
  /** Its steps' descriptions, by id, as it journaled them. */
  descriptions: Record<string, string>;
}

/** Runs that apply a plan; one cut off midway is offered for rollback or resume. */
const RECOVERABLE: RunKind[] = ['install', 'resume'];

export function readInterruptedRun(file: string): InterruptedRun | null {
  const entries = readJournal(file);
  const start = entries.find((e): e is Extract<JournalEntry, { type: 'run.start' }> => e.type === 'run.start');
  if (!start || !RECOVERABLE.includes(start.kind)) return null;
  if (entries.some((e) => e.type === 'run.end' || e.type === 'run.recovered')) return null;
  const changes = new Map<string, RecordedChange>();
  const finished = new Set<string>();
  for (const e of entries) {
    if (e.type === 'op.start') changes.set(e.id, { id: e.id, kind: e.kind, target: e.target, before: e.before });
    if (e.type === 'op.end' || e.type === 'op.adopt') {
      // A change is listed where it began; its end brings the state before as apply found it.
      changes.set(e.id, { id: e.id, kind: e.kind, target: e.target, before: e.before });
      finished.add(e.id);
    }
    if (e.type === 'undo.end') {
      changes.delete(e.id);
      finished.delete(e.id);
    }
  }
  return {
    runId: start.runId,
    kind: start.kind,
    journalFile: file,
    instance: start.instance,
    startedAt: start.time,
    ...(start.component ? { component: start.component } : {}),
    settings: start.settings ?? {},
    choices: start.choices as PlanChoices,
    changes: [...changes.values()],
    finished,
    descriptions: Object.fromEntries((start.steps ?? []).map((s) => [s.id, s.description])),
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
