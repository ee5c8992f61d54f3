import { setTimeout as sleep } from 'node:timers/promises';
import { isBuiltInAccount } from '../../../../shared/settings/rules';
import type { ComputerFacts, HostFacts, IisRoleService, PortProbe } from '../facts';
import { readFactsSections, type FactsSections } from './facts-scenario';

/** The rehearsal computer's facts, from its scenario file, read afresh on every question. */
export class RehearsalFacts implements HostFacts {
  constructor(private readonly scenarioFile: string) {}

  private async sections(): Promise<FactsSections> {
    const sections = readFactsSections(this.scenarioFile);
    if (sections.computer.factDelayMs > 0) await sleep(sections.computer.factDelayMs);
    return sections;
  }

  async computer(): Promise<ComputerFacts> {
    const { computer } = await this.sections();
    return {
      elevated: computer.elevated,
      os: { ...computer.os, server: /server/i.test(computer.os.caption) },
      dotNetRelease: computer.dotNetRelease,
      executionPolicy: computer.executionPolicy,
      sqlcmd: computer.sqlcmd,
      pendingReboot: computer.pendingReboot,
      setupRunning: computer.setupRunning,
    };
  }

  async iisRoleServices(): Promise<IisRoleService[]> {
    return (await this.sections()).iis.roleServices as IisRoleService[];
  }

  async probePorts(ports: number[]): Promise<PortProbe[]> {
    const inUse = new Set((await this.sections()).network.portsInUse);
    return ports.map((port) => (inUse.has(port) ? { port, state: 'in-use', detail: `the scenario has a program listening on port ${port}` } : { port, state: 'free' }));
  }

  async resolveAccounts(names: string[]): Promise<Record<string, boolean>> {
    const known = new Set((await this.sections()).accounts.map((a) => a.toLowerCase()));
    return Object.fromEntries(names.map((n) => [n, isBuiltInAccount(n) || known.has(n.trim().toLowerCase())]));
  }

  async diskFreeBytes(): Promise<number> {
    return (await this.sections()).computer.diskFreeBytes;
  }
}
