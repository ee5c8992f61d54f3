import type { StepStatus } from '../../../shared/contract/install-schemas';
import type { Plan } from '../plan/plan';
import type { RecordedChange } from '../plan/operation';
import { kindLabel, undoKind, unknownKinds } from '../plan/undo-registry';
import type { ActiveRun, RunEnd } from './run';

/** What an interrupted run left, for resume: the changes it finished (adopted) and the one it had begun (undone first). */
export interface Adoption {
  finished: Map<string, RecordedChange>;
  begun: Map<string, RecordedChange>;
}

/** A change this run made or adopted, with the step it belongs to. */
export interface StepChange {
  index: number;
  change: RecordedChange;
}

/**
 * Runs a plan inside a run: each operation is journaled with its kind, target and the state before, before and after
 * it applies; one already done is skipped; on a failure or a cancel every change this run made (or adopted) is undone
 * in reverse order, through the undo registry, from what was journaled.
 */
export async function applyPlan(run: ActiveRun, plan: Plan, adopt?: Adoption): Promise<RunEnd> {
  const { log, journal, ctx } = run;
  const refusal = refuseUnknownKinds(plan.operations.map((op) => ({ id: op.id, kind: op.kind })), 'Nothing was changed.');
  if (refusal) return refusal;
  for (const [name, value] of Object.entries(plan.settings)) {
    const expanded = plan.expanded[name];
    log.write('debug', `Setting ${name} = "${value}"${expanded !== value ? ` (expanded: "${expanded}")` : ''}`);
  }
  const given = Object.entries(ctx.secrets).filter(([, v]) => v).map(([k]) => k);
  log.write('debug', `Passwords given (masked): ${given.length ? given.join(', ') : 'none'}.`);
  for (const note of plan.notes) log.write('info', note);

  const total = plan.operations.length;
  const applied: StepChange[] = [];
  let touched = false;
  const markApplied = (index: number, change: RecordedChange) => {
    applied.push({ index, change });
    plan.applied.push(change);
  };

  let failure: RunEnd['failure'];
  for (const [index, op] of plan.operations.entries()) {
    if (ctx.signal.aborted) break;
    run.report(index, 'apply', 'running');
    log.write('info', `[${index + 1}/${total}] ${op.id}: ${op.description}`);
    for (const [k, v] of Object.entries(op.details)) log.write('debug', `    ${k} = ${v}`);
    const adopted = adopt?.finished.get(op.id);
    if (adopted) {
      journal.append({ type: 'op.adopt', ...adopted });
      markApplied(index, adopted);
      log.write('info', '    Done by the interrupted run; kept.');
      run.report(index, 'apply', 'applied');
      continue;
    }
    try {
      const begun = adopt?.begun.get(op.id);
      if (begun) {
        log.write('info', '    The interrupted run began this operation: undoing its partial work first.');
        touched = true;
        await undoKind(begun.kind)!.undo(ctx, begun.target, begun.before);
      }
      if (await op.isDone(ctx)) {
        journal.append({ type: 'op.skip', id: op.id });
        log.write('info', '    Already in place: nothing to change.');
        run.report(index, 'apply', 'skipped');
        continue;
      }
      const prepared = op.prepare ? await op.prepare(ctx) : null;
      const change: RecordedChange = { id: op.id, kind: op.kind, target: op.target, before: prepared };
      journal.append({ type: 'op.start', ...change });
      touched = true;
      let before;
      try {
        before = await op.apply(ctx);
      } catch (err) {
        // Partial work is undone with the state prepare captured before anything changed.
        if (op.prepare) markApplied(index, change);
        throw err;
      }
      const done = { ...change, before };
      journal.append({ type: 'op.end', ...done });
      markApplied(index, done);
      // Rehearsal scenarios fail a named operation once it has made its changes, to prove rollback at every step.
      const fault = ctx.host.rehearsal?.faultAfter(op.id);
      if (fault) throw new Error(fault);
      log.write('info', '    Applied.');
      run.report(index, 'apply', 'applied');
    } catch (err) {
      const message = run.errorText(err);
      journal.append({ type: 'op.fail', id: op.id, error: message });
      log.write('error', `    Failed: ${message}`);
      run.report(index, 'apply', 'failed');
      failure = { operationId: op.id, message };
      break;
    }
  }

  const cancelled = !failure && ctx.signal.aborted;
  if (!failure && !cancelled) {
    const outcome = applied.length === 0 ? 'unchanged' : 'installed';
    const message =
      outcome === 'unchanged'
        ? 'Nothing changed: this computer already is as these settings describe.'
        : `Installed: ${applied.length} of ${total} operations changed this computer; ${total - applied.length} were already in place.`;
    return { outcome, message, changed: touched };
  }

  log.write('warning', cancelled ? 'Cancelled: undoing what this run changed, in reverse order.' : 'Rolling back what this run changed, in reverse order.');
  const undoFailures = await undoChanges(run, applied);
  if (undoFailures.length) return { outcome: 'rollback-failed', message: `The rollback could not undo ${undoFailures.join(', ')}; see the log ${log.file}.`, changed: true, ...(failure ? { failure } : {}) };
  // Adopted changes were the interrupted run's: undoing them changed the computer back to before that run.
  const changed = applied.length > 0 && applied.some((a) => adopt?.finished.has(a.change.id));
  if (cancelled) return { outcome: 'cancelled', message: 'Cancelled: every change of this run was undone; the computer is as it was before.', changed };
  return {
    outcome: 'rolled-back',
    message: `Failed at ${failure!.operationId}: ${failure!.message} Every change of this run was undone; the computer is as it was before.`,
    changed,
    failure,
  };
}

/**
 * Undoes recorded changes newest first, each through its kind's undo with its journaled target and state before.
 * Every kind must be known (refuseUnknownKinds first). Returns the ids it could not undo; it goes on past a failure,
 * so that as much as possible is put back.
 */
export async function undoChanges(run: ActiveRun, changes: StepChange[]): Promise<string[]> {
  const failures: string[] = [];
  const report = (index: number, status: StepStatus) => run.report(index, 'undo', status);
  for (const { index, change } of [...changes].reverse()) {
    report(index, 'undoing');
    run.journal.append({ type: 'undo.start', id: change.id, kind: change.kind });
    try {
      await undoKind(change.kind)!.undo(run.ctx, change.target, change.before);
      run.journal.append({ type: 'undo.end', id: change.id });
      run.log.write('info', `Undone: ${change.id}`);
      report(index, 'undone');
    } catch (err) {
      const message = run.errorText(err);
      run.journal.append({ type: 'undo.fail', id: change.id, error: message });
      run.log.write('error', `Could not undo ${change.id}: ${message}`);
      report(index, 'undo-failed');
      failures.push(change.id);
    }
  }
  return failures;
}

/**
 * A record naming a kind this version has no undo for was written by another version: going on would leave that
 * change on the computer while reporting it gone, so nothing is undone and the record stays for a version that can.
 */
export function refuseUnknownKinds(changes: { id: string; kind: unknown }[], what: string): RunEnd | null {
  const unknown = unknownKinds(changes.map((c) => c.kind));
  if (!unknown.length) return null;
  const named = unknown.map((kind) => `"${kind}" (${changes.filter((c) => kindLabel(c.kind) === kind).map((c) => c.id).join(', ')})`);
  return {
    outcome: 'cannot-undo',
    message: `This version of CDX Setup cannot undo the kind of change ${named.join(', ')}: it was recorded by another version. ${what}`,
    changed: false,
  };
}
