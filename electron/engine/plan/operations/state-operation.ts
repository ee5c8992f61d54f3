import type { Operation, OperationContext, UndoData, UndoKind, UndoTarget } from '../operation';
import { sameState } from './same-state';

/**
 * A kind of machine object (a pool, a site, a rule…), reached through its target alone: the operation and its undo
 * share it, so undoing needs only what the journal kept.
 */
export interface StateKind<T, Target extends UndoTarget> {
  kind: string;
  read(ctx: OperationContext, target: Target): Promise<T | null>;
  write(ctx: OperationContext, target: Target, state: T): Promise<void>;
  remove(ctx: OperationContext, target: Target): Promise<void>;
}

/** Undo writes back the object as it was before, or removes it when there was none. */
export function stateUndo<T, Target extends UndoTarget>(kind: StateKind<T, Target>): UndoKind {
  return {
    kind: kind.kind,
    async undo(ctx, target, before) {
      const previous = (before?.previous ?? null) as T | null;
      if (previous === null) await kind.remove(ctx, target as Target);
      else await kind.write(ctx, target as Target, previous);
    },
  };
}

/**
 * An operation on one machine object: the object as it should be is computed from the object as it is, so that
 * re-running finds it done and an object shared with another instance keeps what the other added.
 */
export function stateOperation<T, Target extends UndoTarget>(
  kind: StateKind<T, Target>,
  target: Target,
  meta: Pick<Operation, 'id' | 'description' | 'details'>,
  /** What the object should become, given what it is now (null: it does not exist yet). */
  desired: (current: T | null) => T,
): Operation {
  return {
    ...meta,
    kind: kind.kind,
    target,
    async isDone(ctx) {
      const current = await kind.read(ctx, target);
      return current !== null && sameState(current, desired(current));
    },
    async prepare(ctx) {
      return { previous: (await kind.read(ctx, target)) as UndoData };
    },
    async apply(ctx) {
      const previous = await kind.read(ctx, target);
      await kind.write(ctx, target, desired(previous));
      return { previous: previous as UndoData };
    },
  };
}
