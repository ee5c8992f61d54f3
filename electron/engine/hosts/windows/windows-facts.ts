import { IIS_ROLE_SERVICE_NAMES, type ComputerFacts, type ComputerIdentity, type HostFacts, type IisRoleService, type PasswordVerdict, type PortProbe, type ResolvedAccount } from '../facts';
import { bindProbe, freeBytesAt } from '../local-probes';
import {
  COMPUTER_FACTS_SCRIPT,
  COMPUTER_IDENTITY_SCRIPT,
  IIS_ROLE_SERVICES_SCRIPT,
  parseComputerFacts,
  parseComputerIdentity,
  parseIisRoleServices,
  parseResolvedAccounts,
  parsePortOwners,
  PORT_OWNERS_SCRIPT,
  RESOLVE_ACCOUNTS_SCRIPT,
} from './facts-scripts';
import { masked, parsePasswordVerdict, VERIFY_PASSWORD_SCRIPT } from './password-script';
import type { PowerShellRunner } from './powershell';

/** This Windows computer's facts: PowerShell for what only Windows knows, real binds and disk queries for the rest. */
export class WindowsFacts implements HostFacts {
  constructor(private readonly powershell: PowerShellRunner) {}

  private async run<T>(what: string, script: string, data: unknown, parse: (raw: unknown) => T): Promise<T> {
    const outcome = await this.powershell.run<unknown>(script, data);
    if (!outcome.ok) throw new Error(`${what} could not be read: ${outcome.error}`);
    return parse(outcome.value);
  }

  computer(): Promise<ComputerFacts> {
    return this.run('The computer\'s facts', COMPUTER_FACTS_SCRIPT, {}, parseComputerFacts);
  }

  iisRoleServices(): Promise<IisRoleService[]> {
    return this.run('The installed IIS role services', IIS_ROLE_SERVICES_SCRIPT, { names: IIS_ROLE_SERVICE_NAMES }, parseIisRoleServices);
  }

  /** A real bind; for a port that is taken, the process that holds it (net.tcp shares a port SMSvcHost holds). */
  async probePorts(ports: number[]): Promise<PortProbe[]> {
    const probes = await Promise.all(ports.map(bindProbe));
    const taken = probes.filter((p) => p.state === 'in-use').map((p) => p.port);
    if (taken.length === 0) return probes;
    const owners = await this.run('The owners of the ports', PORT_OWNERS_SCRIPT, { ports: taken }, parsePortOwners).catch(() => ({}) as Record<number, string>);
    return probes.map((p) => (owners[p.port] ? { ...p, owner: owners[p.port], detail: `${owners[p.port]}.exe listens on port ${p.port}` } : p));
  }

  resolveAccounts(names: string[]): Promise<Record<string, ResolvedAccount | null>> {
    return this.run('The accounts', RESOLVE_ACCOUNTS_SCRIPT, { names }, (raw) => parseResolvedAccounts(raw, names));
  }

  computerIdentity(): Promise<ComputerIdentity> {
    return this.run('The computer\'s names', COMPUTER_IDENTITY_SCRIPT, {}, parseComputerIdentity);
  }

  /** PrincipalContext.ValidateCredentials, once; a script that fails outright is a check that could not be made. */
  async verifyAccountPassword(account: string, password: string): Promise<PasswordVerdict> {
    const outcome = await this.powershell.run<unknown>(VERIFY_PASSWORD_SCRIPT, { account, password });
    if (!outcome.ok) return { verdict: 'cannot-check', reason: masked(outcome.error, password).replace(/\.$/, '') };
    return parsePasswordVerdict(outcome.value, password);
  }

  diskFreeBytes(windowsPath: string): Promise<number> {
    return freeBytesAt(windowsPath);
  }
}
