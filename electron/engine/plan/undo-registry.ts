import { engineComponents } from '../components/registry';
import { databaseUndoKinds } from '../database/plan-operations';
import type { UndoKind } from './operation';
import { accessUndo } from './operations/access';
import { appConfigUndo } from './operations/app-config';
import { certificateKeyUndo } from './operations/certificate-key';
import { accountRightUndo } from './operations/account-right';
import { fileAccessUndo } from './operations/file-access';
import { fileContentUndo } from './operations/file-content';
import { filesUndo } from './operations/files';
import { firewallUndo } from './operations/firewall';
import { folderUndo } from './operations/folder';
import { instanceRecordUndo } from './operations/instance-record';
import { programsEntryUndo } from './operations/programs-entry';
import { protectedSettingUndo } from './operations/protected-setting';
import { serviceUndo } from './operations/services';
import { installedServiceStartUndo, installedServiceStopUndo, installedServiceUndo } from './operations/installed-service';

/**
 * Every kind of operation this version can undo, by kind: each operation module, and each component for the kinds
 * only it has, contributes the undo of its kinds,
 * which works from the journaled target and state before alone. A kind a journal or an instance record names that is
 * not here was written by another version: undoing stops rather than skip it (Kysely's migrator refuses the same way
 * when its record names a migration its code does not have).
 */
const KINDS: UndoKind[] = [folderUndo, filesUndo, appConfigUndo, fileContentUndo, fileAccessUndo, protectedSettingUndo, serviceUndo, installedServiceUndo, installedServiceStopUndo, installedServiceStartUndo, accountRightUndo, accessUndo, certificateKeyUndo, firewallUndo, ...databaseUndoKinds, programsEntryUndo, instanceRecordUndo, ...engineComponents().flatMap((c) => c.undoKinds)];

const BY_KIND = new Map<string, UndoKind>();
for (const k of KINDS) {
  if (BY_KIND.has(k.kind)) throw new Error(`Two undo registry entries for the kind ${k.kind}.`);
  BY_KIND.set(k.kind, k);
}

export function undoKind(kind: string): UndoKind | undefined {
  return BY_KIND.get(kind);
}

/** A recorded kind as a message names it; an entry of an earlier format has none. */
export function kindLabel(kind: unknown): string {
  return typeof kind === 'string' ? kind : '(none recorded)';
}

/** The kinds among `kinds` that this version cannot undo, each once, in their order, as kindLabel names them. */
export function unknownKinds(kinds: Iterable<unknown>): string[] {
  const unknown: string[] = [];
  for (const kind of kinds) {
    const name = kindLabel(kind);
    if (!(typeof kind === 'string' && BY_KIND.has(kind)) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}
