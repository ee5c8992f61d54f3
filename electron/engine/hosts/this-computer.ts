import type { ComputerIdentity } from './facts';

/** The names and addresses of this computer as a SQL Server data source: the loopbacks, its names, its FQDN, its IPs. */
export function isThisComputer(server: string, identity: ComputerIdentity): boolean {
  const s = server.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const names = ['.', '(local)', 'localhost', '127.0.0.1', '::1', identity.name, ...identity.dnsNames, ...identity.addresses];
  return names.some((n) => n.toLowerCase() === s);
}
