import os from 'node:os';
import type { ComputerIdentity, HostFacts, PasswordVerdict, PortProbe } from './facts';
import { bindProbe, freeBytesAt } from './local-probes';

/** A computer that is not Windows: the Windows facts do not exist, but ports and disks are probed for real. */
export class UnsupportedFacts implements HostFacts {
  constructor(private readonly realPath: (windowsPath: string) => string) {}

  async computer() {
    return null;
  }

  async iisRoleServices() {
    return null;
  }

  probePorts(ports: number[]): Promise<PortProbe[]> {
    return Promise.all(ports.map(bindProbe));
  }

  async resolveAccounts() {
    return null;
  }

  async verifyAccountPassword(): Promise<PasswordVerdict> {
    return { verdict: 'cannot-check', reason: 'this computer is not Windows, so it has no domain to ask' };
  }

  /** What this computer's network stack says; it belongs to no Windows domain, so it has no machine account. */
  async computerIdentity(): Promise<ComputerIdentity> {
    const host = os.hostname();
    const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address));
    return { name: host.split('.')[0].toUpperCase(), dnsDomain: null, machineAccount: null, dnsNames: [...new Set([host.split('.')[0], host])], addresses };
  }

  diskFreeBytes(windowsPath: string): Promise<number> {
    return freeBytesAt(this.realPath(windowsPath));
  }
}
