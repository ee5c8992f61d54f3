import { builtInAccount } from '../../../../shared/settings/accounts';
import type { InstalledService } from '../../hosts/machine/machine';
import type { Operation, OperationContext, UndoKind } from '../operation';
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

/** Undo starts the service again when the stop found it running. */
export const installedServiceStopUndo: UndoKind = {
  kind: 'installed-service.stop',
  async undo(ctx, target, before) {
    const current = await ctx.host.machine.readInstalledService(String(target.name));
    if (current && before?.wasRunning === true && current.status !== 'Running') await ctx.host.machine.writeInstalledService({ ...current, status: 'Running' });
  },
};

/**
 * Stops a running service while `changes` change what it reads: a service reads its configuration only when it
 * starts, and Windows does not replace the executable of a running service. The plan's start step, last, starts it
 * again, so a modify takes effect. Nothing to do when the service does not run, or when every one of `changes` is
 * already in place (a modify that changes nothing the service reads leaves it running).
 */
export function installedServiceStopOperation(name: string, changes: readonly Operation[]): Operation {
  const running = async (ctx: OperationContext) => (await ctx.host.machine.readInstalledService(name))?.status === 'Running';
  return {
    id: `installed-service.stop:${name}`,
    kind: installedServiceStopUndo.kind,
    target: { name },
    description: `Stop the Windows service ${name}, when it runs, while its files and configuration change (it is started again at the end)`,
    details: { name, while: changes.map((c) => c.id).join(', ') },
    async isDone(ctx) {
      if (!(await running(ctx))) return true;
      for (const op of changes) if (!(await op.isDone(ctx))) return false;
      return true;
    },
    async prepare(ctx) {
      return { wasRunning: await running(ctx) };
    },
    async apply(ctx) {
      const current = await ctx.host.machine.readInstalledService(name);
      const wasRunning = current?.status === 'Running';
      if (current && wasRunning) await ctx.host.machine.writeInstalledService({ ...current, status: 'Stopped' });
      return { wasRunning };
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

/** `stop`: the plan's stop of the same service; while it has a service to stop, this start is not in place either. */
export function installedServiceStartOperation(name: string, stop?: Operation): Operation {
  return {
    id: `installed-service.start:${name}`,
    kind: installedServiceStartUndo.kind,
    target: { name },
    description: `Start the Windows service ${name}`,
    details: { name },
    async isDone(ctx) {
      if ((await ctx.host.machine.readInstalledService(name))?.status !== 'Running') return false;
      return stop ? await stop.isDone(ctx) : true;
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
