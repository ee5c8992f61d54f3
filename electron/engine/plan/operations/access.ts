import type { AccessRights, AccessRule } from '../../hosts/machine/machine';
import type { Operation } from '../operation';
import { stateOperation, stateUndo, type StateKind } from './state-operation';

type AccessTarget = { path: string; identity: string };

const accessKind: StateKind<AccessRule, AccessTarget> = {
  kind: 'acl',
  read: (ctx, t) => ctx.host.machine.readAccess(t.path, t.identity),
  write: (ctx, _t, rule) => ctx.host.machine.writeAccess(rule),
  remove: (ctx, t) => ctx.host.machine.removeAccess(t.path, t.identity),
};

export const accessUndo = stateUndo(accessKind);

/** An account as the plan names it: as it was written, and how the host's scripts find it (a SID, or DOMAIN\user). */
export interface AccountReference {
  written: string;
  reference: string;
}

/**
 * A permission for one account. The rule names the account by its reference (a built-in account's well-known SID,
 * else its down-level name), which is what the host's scripts translate; the plan shows it as it was written.
 */
export function accessOperation(folder: string, account: AccountReference, rights: AccessRights, why: string): Operation {
  const identity = account.reference;
  const shown = account.written === identity ? identity : `${account.written} (${identity})`;
  return stateOperation(
    accessKind,
    { path: folder, identity },
    {
      id: `acl:${folder}:${account.written}`,
      description: `Grant ${shown} ${rights} permission on ${folder} (${why})`,
      details: { path: folder, identity, account: account.written, rights, why },
    },
    () => ({ path: folder, identity, rights }),
  );
}
