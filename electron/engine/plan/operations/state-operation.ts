import type { Operation, OperationContext, UndoData } from '../operation';
import { sameState } from './same-state';

/**
 * An operation on one machine object (a pool, a site, a rule…): the object as it should be is computed from the
 * object as it is, so that re-running finds it done and an object shared with another instance keeps what the other
 * added. Undo writes back the object as it was before, or removes it when there was none.
 */
export interface StateAccess<T> {
  read(ctx: OperationContext): Promise<T | null>;
  write(ctx: OperationContext, state: T): Promise<void>;
  remove(ctx: OperationContext): Promise<void>;
  /** What the object should become, given what it is now (null: it does not exist yet). */
  desired(current: T | null): T;
}

export function stateOperation<T>(meta: Pick<Operation, 'id' | 'kind' | 'description' | 'details'>, access: StateAccess<T>): Operation {
  return {
    ...meta,
    async isDone(ctx) {
      const current = await access.read(ctx);
      return current !== null && sameState(current, access.desired(current));
    },
    async prepare(ctx) {
      return { previous: (await access.read(ctx)) as UndoData };
    },
    async apply(ctx) {
      const previous = await access.read(ctx);
      await access.write(ctx, access.desired(previous));
      return { previous: previous as UndoData };
    },
    async undo(ctx, data) {
      const previous = (data?.previous ?? null) as T | null;
      if (previous === null) await access.remove(ctx);
      else await access.write(ctx, previous);
    },
  };
}
