import { builtInAccount } from '../../../../shared/settings/accounts';
import type { InstalledService } from '../../hosts/machine/machine';
import type { Operation, UndoKind } from '../operation';
import { sameState } from './same-state';

/** One account however it is spelled: its case, or a built-in account's spellings (LocalSystem, NT AUTHORITY\SYSTEM…). */
export function sameAccount(a: string, b: string): boolean {
  const builtIn = builtInAccount(a);
  return builtIn !== null ? builtIn === builtInAccount(b) : a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Why an existing service cannot be given the settings' account, or null. A service that logs on as another named
 * account keeps it: replacing that account would overwrite a password nobody gave us, which rollback and uninstall
 * could then not write back (as an application pool of another user, in Async Server's iis.ts).
 */
export function installedServiceAccountConflict(account: string, existing: InstalledService | null): { details: string; fix: string } | null {
  if (!existing || builtInAccount(existing.account) !== null || sameAccount(existing.account, account)) return null;
  return {
    details: `The Windows service ${existing.name} already logs on as ${existing.account}. CDX Setup does not replace it by ${account}: the password of ${existing.account} could not be given back on rollback or uninstall.`,
    fix: `Set ServiceUser to ${existing.account}, or change the service's account in Services first.`,
  };
}

/** Undo writes the service back as it was (without a password: it keeps the one it has), or deletes it. */
export const installedServiceUndo: UndoKind = {
  kind: 'installed-service',
  async undo(ctx, target, before) {
    const previous = (before?.previous ?? null) as InstalledService | null;
    if (previous === null) await ctx.host.machine.removeInstalledService(String(target.name));
    else await ctx.host.machine.writeInstalledService(previous);
  },
};

/**
 * A Windows service as the settings give it, stopped or running. A service that exists keeps its password unless
 * its account changes; one that runs keeps running when only its configuration changes; one that logs on as another
 * named account is refused before anything is written (installedServiceAccountConflict).
 */
export type InstalledServiceOperation = Operation & { readonly desired: InstalledService };

export function isInstalledServiceOperation(op: Operation): op is InstalledServiceOperation {
  return op.kind === installedServiceUndo.kind && 'desired' in op;
}

export function installedServiceOperation(desired: InstalledService, what: string): InstalledServiceOperation {
  // The account as the SCM spells it, when it is the same account; a running service keeps running.
  const target = (current: InstalledService | null): InstalledService => ({
    ...desired,
    account: current && sameAccount(current.account, desired.account) ? current.account : desired.account,
    status: desired.status === 'Running' || current?.status !== 'Running' ? desired.status : 'Running',
  });
  return {
    desired,
    id: `installed-service:${desired.name}`,
    kind: installedServiceUndo.kind,
    target: { name: desired.name },
    description: `${what}: the Windows service ${desired.name} running as ${desired.account}, started ${desired.startType.toLowerCase()}ally, restarted on failure`,
    details: { name: desired.name, displayName: desired.displayName, binaryPath: desired.binaryPath, account: desired.account, startType: desired.startType },
    async isDone(ctx) {
      const current = await ctx.host.machine.readInstalledService(desired.name);
      return current !== null && sameState(current, target(current));
    },
    async prepare(ctx) {
      return { previous: await ctx.host.machine.readInstalledService(desired.name) };
    },
    async apply(ctx) {
      const previous = await ctx.host.machine.readInstalledService(desired.name);
      const conflict = installedServiceAccountConflict(desired.account, previous);
      if (conflict) throw new Error(`${conflict.details} ${conflict.fix}`);
      const keepsAccount = previous !== null && sameAccount(previous.account, desired.account);
      await ctx.host.machine.writeInstalledService(target(previous), keepsAccount ? undefined : ctx.secrets.servicePassword);
      return { previous };
    },
  };
}

/** Starts the service, last: undo stops it again when it was not running before. */
export const installedServiceStartUndo: UndoKind = {
  kind: 'installed-service.start',
  async undo(ctx, target, before) {
    const current = await ctx.host.machine.readInstalledService(String(target.name));
    if (current && before?.wasRunning !== true) await ctx.host.machine.writeInstalledService({ ...current, status: 'Stopped' });
  },
};

export function installedServiceStartOperation(name: string): Operation {
  return {
    id: `installed-service.start:${name}`,
    kind: installedServiceStartUndo.kind,
    target: { name },
    description: `Start the Windows service ${name}`,
    details: { name },
    async isDone(ctx) {
      return (await ctx.host.machine.readInstalledService(name))?.status === 'Running';
    },
    async prepare(ctx) {
      return { wasRunning: (await ctx.host.machine.readInstalledService(name))?.status === 'Running' };
    },
    async apply(ctx) {
      const current = await ctx.host.machine.readInstalledService(name);
      if (!current) throw new Error(`The Windows service ${name} does not exist.`);
      const wasRunning = current.status === 'Running';
      if (!wasRunning) await ctx.host.machine.writeInstalledService({ ...current, status: 'Running' });
      return { wasRunning };
    },
  };
}
