import type { AccessRights } from '../../hosts/machine/machine';
import type { Operation } from '../operation';
import { stateOperation } from './state-operation';

export function accessOperation(folder: string, identity: string, rights: AccessRights, why: string): Operation {
  return stateOperation(
    {
      id: `acl:${folder}:${identity}`,
      kind: 'acl',
      description: `Grant ${identity} ${rights} permission on ${folder} (${why})`,
      details: { path: folder, identity, rights, why },
    },
    {
      read: (ctx) => ctx.host.machine.readAccess(folder, identity),
      write: (ctx, rule) => ctx.host.machine.writeAccess(rule),
      remove: (ctx) => ctx.host.machine.removeAccess(folder, identity),
      desired: () => ({ path: folder, identity, rights }),
    },
  );
}
