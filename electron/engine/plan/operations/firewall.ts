import type { FirewallRule } from '../../hosts/machine/machine';
import type { Operation } from '../operation';
import { stateOperation, stateUndo, type StateKind } from './state-operation';

const firewallKind: StateKind<FirewallRule, { name: string }> = {
  kind: 'firewall',
  read: (ctx, t) => ctx.host.machine.readFirewallRule(t.name),
  write: (ctx, _t, rule) => ctx.host.machine.writeFirewallRule(rule),
  remove: (ctx, t) => ctx.host.machine.removeFirewallRule(t.name),
};

export const firewallUndo = stateUndo(firewallKind);

export function firewallOperation(site: string, protocolLabel: 'HTTPS' | 'net.tcp', port: number): Operation {
  const name = `CDX-AsyncServer-${site}-${protocolLabel === 'HTTPS' ? 'HTTPS' : 'NetTcp'}`;
  const displayName = `Commerce Data Exchange: Async Server (${site}, ${protocolLabel} ${port})`;
  return stateOperation(
    firewallKind,
    { name },
    {
      id: `firewall:${name}`,
      description: `Allow inbound TCP port ${port} (${protocolLabel}) in Windows Firewall: rule "${displayName}"`,
      details: { name, displayName, port: String(port), protocol: 'TCP', direction: 'Inbound' },
    },
    () => ({ name, displayName, protocol: 'TCP', localPort: port, direction: 'Inbound', action: 'Allow' }),
  );
}
