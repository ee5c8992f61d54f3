import type { FirewallRule } from '../../hosts/machine/machine';
import type { Operation } from '../operation';
import { stateOperation } from './state-operation';

export function firewallOperation(site: string, protocolLabel: 'HTTPS' | 'net.tcp', port: number): Operation {
  const name = `CDX-AsyncServer-${site}-${protocolLabel === 'HTTPS' ? 'HTTPS' : 'NetTcp'}`;
  const displayName = `Commerce Data Exchange: Async Server (${site}, ${protocolLabel} ${port})`;
  return stateOperation<FirewallRule>(
    {
      id: `firewall:${name}`,
      kind: 'firewall',
      description: `Allow inbound TCP port ${port} (${protocolLabel}) in Windows Firewall: rule "${displayName}"`,
      details: { name, displayName, port: String(port), protocol: 'TCP', direction: 'Inbound' },
    },
    {
      read: (ctx) => ctx.host.machine.readFirewallRule(name),
      write: (ctx, rule) => ctx.host.machine.writeFirewallRule(rule),
      remove: (ctx) => ctx.host.machine.removeFirewallRule(name),
      desired: () => ({ name, displayName, protocol: 'TCP', localPort: port, direction: 'Inbound', action: 'Allow' }),
    },
  );
}
