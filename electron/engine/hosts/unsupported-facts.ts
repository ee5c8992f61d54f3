import type { HostFacts, PortProbe } from './facts';
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

  diskFreeBytes(windowsPath: string): Promise<number> {
    return freeBytesAt(this.realPath(windowsPath));
  }
}
