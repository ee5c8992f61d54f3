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

export function accessOperation(folder: string, identity: string, rights: AccessRights, why: string): Operation {
  return stateOperation(
    accessKind,
    { path: folder, identity },
    {
      id: `acl:${folder}:${identity}`,
      description: `Grant ${identity} ${rights} permission on ${folder} (${why})`,
      details: { path: folder, identity, rights, why },
    },
    () => ({ path: folder, identity, rights }),
  );
}
