import path from 'node:path';
import type { FileAccess, FileAccessGrant } from '../../hosts/machine/machine';
import type { Operation, OperationContext, UndoKind } from '../operation';

/** Administrators and SYSTEM by their well-known SIDs, which name them on a Windows in any language. */
export const ADMINISTRATORS_SID = 'S-1-5-32-544';
export const SYSTEM_SID = 'S-1-5-18';

/** The masks Windows stores for these rights on a file (an Allow rule gets Synchronize from .NET). */
const STORED_MASK: Record<FileAccessGrant['rights'], number> = { FullControl: 0x1f01ff, Read: 0x120089 };

const isSid = (identity: string) => /^S-1-\d+(-\d+)+$/.test(identity);

/** The operation with its grants, for the exported script. */
export type FileAccessOperation = Operation & { readonly grants: readonly FileAccessGrant[] };

export function isFileAccessOperation(op: Operation): op is FileAccessOperation {
  return op.kind === fileAccessUndo.kind && 'grants' in op;
}

export interface FileAccessInput {
  /** The file, as a Windows path on the target; an earlier step of the plan writes it. */
  file: string;
  /** For the Ready page: "the Async Client configuration". */
  what: string;
  /** The account that reads the file (a service's), as the settings wrote it. */
  account: string;
  /** How the host's scripts find it: a built-in account's well-known SID, else its down-level name (COMPUTER\\user for .\\user). */
  reference: string;
}

/**
 * Restricts a file to Administrators and SYSTEM (Full control) and one account (Read), inheritance from its folder
 * removed without copying the folder's rules: for a file that is to hold a secret only this computer's key protects
 * (DPAPI's machine scope opens it for any process that can read the file). A file already so is done; undo writes
 * back its previous DACL from the SDDL the journal keeps (an inheriting file inherits its folder's rules again).
 */
export function fileAccessOperation(input: FileAccessInput): FileAccessOperation {
  const grants: FileAccessGrant[] = [
    { identity: ADMINISTRATORS_SID, rights: 'FullControl' },
    { identity: SYSTEM_SID, rights: 'FullControl' },
    // A service of LocalSystem reads the file as SYSTEM, which has Full control already.
    ...(input.reference === SYSTEM_SID || input.reference === ADMINISTRATORS_SID ? [] : [{ identity: input.reference, rights: 'Read' as const }]),
  ];
  const shown = input.account === input.reference ? input.account : `${input.account} (${input.reference})`;

  /** The grants as Windows would store them, by SID; null when the account cannot be looked up now. */
  async function wanted(ctx: OperationContext): Promise<string[] | null> {
    const sids: string[] = [];
    for (const grant of grants) {
      const sid = isSid(grant.identity) ? grant.identity : (await ctx.host.facts.resolveAccounts([grant.identity]))?.[grant.identity]?.sid;
      if (!sid) return null;
      sids.push(`${sid.toUpperCase()}|${STORED_MASK[grant.rights]}|Allow`);
    }
    return sids.sort();
  }
  const have = (access: FileAccess) => access.rules.map((r) => `${r.sid.toUpperCase()}|${r.rights >>> 0}|${r.type}`).sort();

  return {
    grants,
    id: `file-acl:${input.file}`,
    kind: fileAccessUndo.kind,
    target: { path: input.file },
    description: `Restrict ${input.what} (${input.file}) to Administrators and SYSTEM with Full control and ${shown} with Read, inheritance from its folder removed`,
    details: {
      path: input.file,
      administrators: `${ADMINISTRATORS_SID} FullControl`,
      system: `${SYSTEM_SID} FullControl`,
      account: input.account,
      reference: input.reference,
      inheritance: 'removed (the folder\'s rules not copied)',
    },
    async isDone(ctx) {
      const current = await ctx.host.machine.readFileAccess(input.file);
      if (!current?.isProtected) return false;
      const sids = await wanted(ctx);
      return sids !== null && sids.join(';') === have(current).join(';');
    },
    async prepare(ctx) {
      return { previous: (await ctx.host.machine.readFileAccess(input.file))?.sddl ?? null };
    },
    async apply(ctx) {
      const current = await ctx.host.machine.readFileAccess(input.file);
      if (!current) throw new Error(`The file ${input.file} is not there, so its permissions cannot be restricted.`);
      await ctx.host.machine.restrictFileAccess(input.file, grants);
      ctx.log('info', `Restricted ${path.win32.basename(input.file)} to Administrators, SYSTEM and ${shown}; it was ${current.sddl}.`);
      return { previous: current.sddl };
    },
  };
}

/** Writes back the file's DACL as it was, from its SDDL; a file that is gone needs nothing. */
export const fileAccessUndo: UndoKind = {
  kind: 'file-acl',
  async undo(ctx, target, before) {
    const previous = before?.previous;
    if (typeof previous !== 'string') return;
    const file = String(target.path);
    if (!(await ctx.host.machine.readFileAccess(file))) {
      ctx.log('info', `${file} is no longer there: its permissions need no restoring.`);
      return;
    }
    await ctx.host.machine.writeFileAccessSddl(file, previous);
    ctx.log('info', `Restored the permissions of ${path.win32.basename(file)}: ${previous}.`);
  },
};
