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

/** An inbound allow rule for one TCP port; the component names the rule (its name is what undo finds it by). */
export function firewallOperation(rule: { name: string; displayName: string; protocolLabel: string; port: number }): Operation {
  const { name, displayName, protocolLabel, port } = rule;
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
