import { findInstance, putInstance, type InstanceRecord } from '../../instances/registry';
import type { Operation, RecordedChange, UndoData, UndoKind } from '../operation';
import { sameState } from './same-state';

/** Undo puts back the record as it was before the run (or removes it when there was none). */
export const instanceRecordUndo: UndoKind = {
  kind: 'instance',
  async undo(ctx, target, before) {
    putInstance(ctx.supportDir, String(target.name), (before?.previous ?? null) as InstanceRecord | null);
  },
};

/**
 * Records the instance in the registry, last, with every change its runs made. `applied` is filled by the executor
 * as the run goes, so the record written here lists every change the run made before it, after those of earlier
 * runs: uninstall undoes them all in reverse, newest first, the way a migrator steps down.
 */
export function instanceRecordOperation(supportDir: string, base: Omit<InstanceRecord, 'applied' | 'installedAt'>, applied: RecordedChange[]): Operation {
  const desired = (previous: InstanceRecord | null, now: string): InstanceRecord => ({
    ...base,
    installedAt: previous?.installedAt ?? now,
    applied: [...(previous?.applied ?? []), ...applied],
  });
  return {
    id: `instance:${base.name}`,
    kind: instanceRecordUndo.kind,
    target: { name: base.name },
    description: `Record the instance ${base.name} (version ${base.version}) in the Setup support files`,
    details: { name: base.name, version: base.version, database: `${base.database.server}/${base.database.name}` },
    async isDone() {
      const previous = findInstance(supportDir, base.name);
      return previous !== null && sameState(previous, desired(previous, previous.installedAt));
    },
    async prepare() {
      return { previous: findInstance(supportDir, base.name) as UndoData };
    },
    async apply() {
      const previous = findInstance(supportDir, base.name);
      putInstance(supportDir, base.name, desired(previous, new Date().toISOString()));
      return { previous: previous as UndoData };
    },
  };
}
