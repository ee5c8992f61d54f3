import type { ProgramsEntry } from '../../hosts/machine/machine';
import type { Operation } from '../operation';
import { stateOperation, stateUndo, type StateKind } from './state-operation';

const programsKind: StateKind<ProgramsEntry, { key: string }> = {
  kind: 'programs-entry',
  read: (ctx, t) => ctx.host.machine.readProgramsEntry(t.key),
  write: (ctx, _t, entry) => ctx.host.machine.writeProgramsEntry(entry),
  remove: (ctx, t) => ctx.host.machine.removeProgramsEntry(t.key),
};

export const programsEntryUndo = stateUndo(programsKind);

/** The registry key of an instance's entry: letters, digits, dots, dashes and underscores only. */
export function programsEntryKey(product: string, instance: string): string {
  return `CDXSetup_${product}_${instance}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * The instance's entry in Programs and Features, where Windows admins look for what is installed, and what
 * Configuration Manager's and Intune's detection rules read. Its uninstall string runs `cdx-setup uninstall`.
 * An entry already there for this instance keeps its install date (a modify is not a new installation).
 */
export function programsEntryOperation(entry: Omit<ProgramsEntry, 'installDate'>, today: string): Operation {
  return stateOperation(
    programsKind,
    { key: entry.key },
    {
      id: `programs-entry:${entry.key}`,
      description: `Add "${entry.displayName}" to Programs and Features (uninstall: ${entry.uninstallString})`,
      details: { key: entry.key, displayName: entry.displayName, displayVersion: entry.displayVersion, uninstallString: entry.uninstallString },
    },
    (current) => ({ ...entry, installDate: current?.installDate || today }),
  );
}
