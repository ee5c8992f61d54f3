import { findInstance, putInstance, type AppliedOperation, type InstanceRecord } from '../../instances/registry';
import type { Operation, UndoData } from '../operation';
import { sameState } from './same-state';

/**
 * Records the instance in the registry, last, with what this and earlier runs applied. `applied` is filled by the
 * executor as the run goes, so the record written here lists every change the run made before it.
 */
export function instanceRecordOperation(supportDir: string, base: Omit<InstanceRecord, 'applied' | 'installedAt'>, applied: AppliedOperation[]): Operation {
  const desired = (previous: InstanceRecord | null, now: string): InstanceRecord => {
    const known = new Set(applied.map((a) => a.id));
    return {
      ...base,
      installedAt: previous?.installedAt ?? now,
      applied: [...(previous?.applied ?? []).filter((a) => !known.has(a.id)), ...applied],
    };
  };
  return {
    id: `instance:${base.name}`,
    kind: 'instance',
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
    async undo(_ctx, data) {
      putInstance(supportDir, base.name, (data?.previous ?? null) as InstanceRecord | null);
    },
  };
}
