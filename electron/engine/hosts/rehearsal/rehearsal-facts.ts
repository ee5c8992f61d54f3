import { setTimeout as sleep } from 'node:timers/promises';
import { bindingPort } from '../machine/binding-port';
import type { SiteState } from '../machine/machine';
import type { ComputerFacts, ComputerIdentity, HostFacts, IisRoleService, PasswordVerdict, PortProbe, ResolvedAccount } from '../facts';
import { readFactsSections, type FactsSections } from './facts-scenario';
import { rehearsalIdentity, resolveRehearsalAccount, verifyRehearsalPassword } from './rehearsal-accounts';

/**
 * The rehearsal computer's facts, from its scenario file, read afresh on every question, and from what the rehearsal
 * installed: a port bound by a website in its IIS state is in use, as IIS holds it on a real server.
 */
export class RehearsalFacts implements HostFacts {
  constructor(
    private readonly scenarioFile: string,
    private readonly sites: () => Promise<SiteState[]> = async () => [],
  ) {}

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
      powershellVersion: computer.powershellVersion,
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
    const inUse = new Map((await this.sections()).network.portsInUse.map((p) => (typeof p === 'number' ? [p, null] : [p.port, p.process])));
    const sites = await this.sites();
    return ports.map((port): PortProbe => {
      if (inUse.has(port)) {
        const owner = inUse.get(port);
        return owner ? { port, state: 'in-use', detail: `${owner}.exe listens on port ${port}`, owner } : { port, state: 'in-use', detail: `the scenario has a program listening on port ${port}` };
      }
      const binding = sites.flatMap((s) => s.bindings.map((b) => ({ site: s.name, b }))).find((x) => bindingPort(x.b) === port);
      if (!binding) return { port, state: 'free' };
      // As on Windows: http.sys (the System process) holds HTTPS ports, the Net.Tcp Port Sharing Service net.tcp ones.
      const owner = binding.b.protocol === 'net.tcp' ? 'SMSvcHost' : 'System';
      return { port, state: 'in-use', detail: `IIS listens on it for the website ${binding.site}`, owner };
    });
  }

  async resolveAccounts(names: string[]): Promise<Record<string, ResolvedAccount | null>> {
    const sections = await this.sections();
    return Object.fromEntries(names.map((n) => [n, resolveRehearsalAccount(sections, n)]));
  }

  async computerIdentity(): Promise<ComputerIdentity> {
    return rehearsalIdentity(await this.sections());
  }

  async verifyAccountPassword(account: string, password: string): Promise<PasswordVerdict> {
    return verifyRehearsalPassword(await this.sections(), account, password);
  }

  async diskFreeBytes(): Promise<number> {
    return (await this.sections()).computer.diskFreeBytes;
  }
}
