import { lookup } from 'node:dns/promises';
import { rootCertificates } from 'node:tls';

/** Where this process opens a TCP connection to reach a host name and port as the computer itself would. */
export interface NetworkEndpoint {
  host: string;
  port: number;
}

/**
 * The computer's view of the network, for probes of a remote service: how it resolves names, where a connection
 * goes, and which root certificates it trusts. A real computer answers with its own resolver and store; a rehearsal
 * answers from its scenario (a names map, services on loopback, the scenario's Root store).
 */
export interface HostNetwork {
  /** The addresses the computer resolves a host name to; empty when the name does not resolve. */
  resolve(hostName: string): Promise<string[]>;
  endpoint(hostName: string, port: number): Promise<NetworkEndpoint>;
  /** The root certificates (PEM) the computer trusts for server authentication. */
  trustedRoots(): Promise<string[]>;
}

/** The real resolver; unresolvable names answer empty, other resolver failures are thrown. */
export async function resolveWithDns(hostName: string): Promise<string[]> {
  try {
    return (await lookup(hostName, { all: true })).map((a) => a.address);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return [];
    throw err;
  }
}

/** A computer whose trust store this process cannot read: Node.js's own list of public authorities stands for it. */
export const publicNetwork: HostNetwork = {
  resolve: resolveWithDns,
  endpoint: async (host, port) => ({ host, port }),
  trustedRoots: async () => [...rootCertificates],
};
