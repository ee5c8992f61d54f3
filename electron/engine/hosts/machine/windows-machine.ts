import type { PowerShellRunner } from '../windows/powershell';
import { MachineError, type AccessRule, type FileAccess, type FileAccessGrant, type CertificateKey, type KeyAccessRule, type ApplicationState, type AppPoolState, type EventLogEntry, type FirewallRule, type InstalledService, type Machine, type ProgramsEntry, type ServiceState, type SiteBinding, type SiteState } from './machine';
import { BUILT_IN_ACCOUNTS, builtInAccount, type BuiltInAccount } from '../../../../shared/settings/accounts';
import { ACCOUNT_RIGHT_SCRIPTS } from './account-right-scripts';
import { FILE_ACCESS_SCRIPTS } from './file-access-scripts';
import { INSTALLED_SERVICE_SCRIPTS } from './installed-service-scripts';
import { SERVICE_SCRIPTS } from './service-scripts';
import { SCRIPTS, type ScriptName } from './windows-scripts';

/**
 * This Windows computer's IIS, folder and file permissions, services, user rights and firewall, through PowerShell
 * (scripts in windows-scripts.ts, file-access-scripts.ts, service-scripts.ts, installed-service-scripts.ts and
 * account-right-scripts.ts).
 */
export class WindowsMachine implements Machine {
  constructor(private readonly powershell: PowerShellRunner) {}

  private run<T>(name: ScriptName, data: Record<string, unknown>, what: string): Promise<T> {
    return this.runScript<T>(SCRIPTS[name], data, what);
  }

  private async runScript<T>(script: string, data: Record<string, unknown>, what: string): Promise<T> {
    const outcome = await this.powershell.run<T>(script, data);
    // The error is PowerShell's message about the object; the data (and so any password) is not part of it.
    if (!outcome.ok) throw new MachineError(`${what} failed: ${outcome.error}`);
    return outcome.value;
  }

  async readAppPool(name: string) {
    return parseAppPool(await this.run<unknown>('readAppPool', { name }, `Reading the application pool ${name}`));
  }
  async writeAppPool(state: AppPoolState, password?: string) {
    // No password, no `password` key: the script then leaves the pool's own password as it is.
    await this.run('writeAppPool', password === undefined ? { state } : { state, password }, `Setting up the application pool ${state.name}`);
  }
  async removeAppPool(name: string) {
    await this.run('removeAppPool', { name }, `Removing the application pool ${name}`);
  }
  async readSite(name: string) {
    return parseSite(await this.run<unknown>('readSite', { name }, `Reading the website ${name}`));
  }
  async writeSite(state: SiteState) {
    await this.run('writeSite', { state }, `Setting up the website ${state.name}`);
  }
  async removeSite(name: string) {
    await this.run('removeSite', { name }, `Removing the website ${name}`);
  }
  async writeBinding(site: string, binding: SiteBinding) {
    await this.run('writeBinding', { site, binding }, `Setting up the ${binding.protocol} binding ${binding.bindingInformation} of the website ${site}`);
  }
  async removeBinding(site: string, binding: SiteBinding) {
    await this.run('removeBinding', { site, binding }, `Removing the ${binding.protocol} binding ${binding.bindingInformation} of the website ${site}`);
  }
  async readApplication(site: string, path: string) {
    return parseApplication(await this.run<unknown>('readApplication', { site, path }, `Reading the web application ${site}${path}`));
  }
  async writeApplication(state: ApplicationState) {
    await this.run('writeApplication', { state }, `Setting up the web application ${state.site}${state.path}`);
  }
  async removeApplication(site: string, path: string) {
    await this.run('removeApplication', { site, path }, `Removing the web application ${site}${path}`);
  }
  async readAccess(path: string, identity: string) {
    return parseAccess(await this.run<unknown>('readAccess', { path, identity }, `Reading the permissions of ${identity} on ${path}`));
  }
  async writeAccess(rule: AccessRule) {
    await this.run('writeAccess', { rule }, `Granting ${rule.identity} ${rule.rights} on ${rule.path}`);
  }
  async removeAccess(path: string, identity: string) {
    await this.run('removeAccess', { path, identity }, `Removing the permissions of ${identity} on ${path}`);
  }
  async findCertificateKey(thumbprint: string, store: string) {
    return parseCertificateKey(await this.run<unknown>('findCertificateKey', { thumbprint, store }, `Finding the private key of the certificate ${thumbprint}`));
  }
  async readKeyAccess(file: string, identity: string) {
    return parseKeyAccess(await this.run<unknown>('readKeyAccess', { file, identity }, `Reading the permissions of ${identity} on the key file ${file}`));
  }
  async writeKeyAccess(rule: KeyAccessRule) {
    await this.run('writeKeyAccess', { rule }, `Granting ${rule.identity} access to the key file ${rule.file}`);
  }
  async removeKeyAccess(file: string, identity: string) {
    await this.run('removeKeyAccess', { file, identity }, `Removing the permissions of ${identity} on the key file ${file}`);
  }
  async readFileAccess(path: string) {
    return parseFileAccess(await this.runScript<unknown>(FILE_ACCESS_SCRIPTS.readFileAccess, { path }, `Reading the permissions of ${path}`));
  }
  async restrictFileAccess(path: string, grants: FileAccessGrant[]) {
    await this.runScript(FILE_ACCESS_SCRIPTS.restrictFileAccess, { path, grants }, `Restricting ${path} to ${grants.map((g) => `${g.identity} (${g.rights})`).join(', ')}`);
  }
  async writeFileAccessSddl(path: string, sddl: string) {
    await this.runScript(FILE_ACCESS_SCRIPTS.writeFileAccessSddl, { path, sddl }, `Writing back the permissions of ${path}`);
  }
  async readService(name: string) {
    return parseService(await this.runScript<unknown>(SERVICE_SCRIPTS.readService, { name }, `Reading the service ${name}`));
  }
  async writeService(state: ServiceState) {
    await this.runScript(SERVICE_SCRIPTS.writeService, { state }, `${state.running ? 'Starting' : 'Stopping'} the service ${state.name} (start mode ${state.startMode})`);
  }
  async readInstalledService(name: string) {
    return parseInstalledService(await this.runScript<unknown>(INSTALLED_SERVICE_SCRIPTS.readInstalledService, { name }, `Reading the Windows service ${name}`));
  }
  async writeInstalledService(state: InstalledService, password?: string) {
    // No password, no `password` key: the service keeps its own (the script never asks the SCM to change it).
    const data = { state: { ...state, account: scmAccount(state.account) }, ...(password === undefined ? {} : { password }) };
    await this.runScript(INSTALLED_SERVICE_SCRIPTS.writeInstalledService, data, `Setting up the Windows service ${state.name} (${state.account}, ${state.startType}, ${state.status})`);
  }
  async removeInstalledService(name: string) {
    await this.runScript(INSTALLED_SERVICE_SCRIPTS.removeInstalledService, { name }, `Removing the Windows service ${name}`);
  }
  async readAccountRight(account: string, right: string) {
    return (await this.runScript<unknown>(ACCOUNT_RIGHT_SCRIPTS.readAccountRight, { account: rightsAccount(account), right }, `Reading the user right ${right} of ${account}`)) === true;
  }
  async writeAccountRight(account: string, right: string, granted: boolean) {
    await this.runScript(ACCOUNT_RIGHT_SCRIPTS.writeAccountRight, { account: rightsAccount(account), right, granted }, `${granted ? 'Granting' : 'Revoking'} the user right ${right} ${granted ? 'to' : 'of'} ${account}`);
  }
  async readFirewallRule(name: string) {
    return parseFirewallRule(await this.run<unknown>('readFirewallRule', { name }, `Reading the firewall rule ${name}`));
  }
  async writeFirewallRule(rule: FirewallRule) {
    await this.run('writeFirewallRule', { rule }, `Adding the firewall rule ${rule.displayName}`);
  }
  async removeFirewallRule(name: string) {
    await this.run('removeFirewallRule', { name }, `Removing the firewall rule ${name}`);
  }
  async readProgramsEntry(key: string) {
    return parseProgramsEntry(await this.run<unknown>('readProgramsEntry', { key }, `Reading the Programs and Features entry ${key}`));
  }
  async writeProgramsEntry(entry: ProgramsEntry) {
    await this.run('writeProgramsEntry', { entry }, `Writing the Programs and Features entry ${entry.displayName}`);
  }
  async removeProgramsEntry(key: string) {
    await this.run('removeProgramsEntry', { key }, `Removing the Programs and Features entry ${key}`);
  }
  async writeEvent(event: EventLogEntry) {
    await this.run('writeEvent', { event }, `Writing event ${event.eventId} of ${event.source} to the Application log`);
  }
}

/** The SCM's own names of the built-in accounts, which it knows on a Windows in any language; any other account as given. */
const SCM_ACCOUNTS: Record<BuiltInAccount, string> = { LocalSystem: 'LocalSystem', NetworkService: 'NT AUTHORITY\\NetworkService', LocalService: 'NT AUTHORITY\\LocalService' };

export function scmAccount(account: string): string {
  const builtIn = builtInAccount(account);
  return builtIn ? SCM_ACCOUNTS[builtIn] : account.trim();
}

/** A built-in account by its well-known SID, which names it on a Windows in any language. */
function rightsAccount(account: string): string {
  const builtIn = builtInAccount(account);
  return builtIn ? BUILT_IN_ACCOUNTS[builtIn].sid : account.trim();
}

type Raw = Record<string, unknown>;

function record(value: unknown, what: string): Raw | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new MachineError(`PowerShell answered ${what} with something that is not an object.`);
  return value as Raw;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const IDENTITY_TYPES = ['SpecificUser', 'NetworkService', 'LocalSystem', 'LocalService', 'ApplicationPoolIdentity'] as const;

export function parseAppPool(value: unknown): AppPoolState | null {
  const r = record(value, 'an application pool');
  if (!r) return null;
  const identityType = IDENTITY_TYPES.find((t) => t.toLowerCase() === str(r.identityType).toLowerCase()) ?? 'ApplicationPoolIdentity';
  return {
    name: str(r.name),
    identityType,
    userName: identityType === 'SpecificUser' ? str(r.userName) : '',
    managedRuntimeVersion: str(r.managedRuntimeVersion),
    pipelineMode: str(r.pipelineMode) === 'Classic' ? 'Classic' : 'Integrated',
  };
}

export function parseSite(value: unknown): SiteState | null {
  const r = record(value, 'a website');
  if (!r) return null;
  // ConvertTo-Json turns a one-element array into the element itself.
  const rawBindings = Array.isArray(r.bindings) ? r.bindings : r.bindings ? [r.bindings] : [];
  const bindings = rawBindings.map((b): SiteBinding => {
    const x = record(b, 'a binding') ?? {};
    const protocol = str(x.protocol) as SiteBinding['protocol'];
    const binding: SiteBinding = { protocol, bindingInformation: str(x.bindingInformation) };
    if (protocol === 'https' && str(x.certificateThumbprint)) {
      binding.certificateThumbprint = str(x.certificateThumbprint).toUpperCase();
      binding.certificateStore = str(x.certificateStore) || 'My';
    }
    return binding;
  });
  return { name: str(r.name), physicalPath: str(r.physicalPath), appPool: str(r.appPool), bindings, enabledProtocols: str(r.enabledProtocols) };
}

export function parseApplication(value: unknown): ApplicationState | null {
  const r = record(value, 'a web application');
  if (!r) return null;
  return { site: str(r.site), path: str(r.path), physicalPath: str(r.physicalPath), appPool: str(r.appPool), enabledProtocols: str(r.enabledProtocols) };
}

export function parseAccess(value: unknown): AccessRule | null {
  const r = record(value, 'a permission');
  if (!r) return null;
  const rights = str(r.rights);
  return { path: str(r.path), identity: str(r.identity), rights: rights === 'FullControl' || rights === 'Modify' ? rights : 'ReadAndExecute' };
}

export function parseCertificateKey(value: unknown): CertificateKey {
  const r = record(value, 'a certificate key') ?? {};
  const status = str(r.status);
  if (status === 'no-certificate' || status === 'no-private-key' || status === 'not-located') return { status };
  const provider = str(r.provider) === 'CNG' ? 'CNG' : 'CSP';
  if (status === 'file-missing') return { status, provider, file: str(r.file) };
  if (status === 'found') return { status, provider, file: str(r.file), aclReadable: r.aclReadable === true };
  throw new MachineError(`PowerShell answered a certificate key with the status "${status}", which CDX Setup does not know.`);
}

export function parseKeyAccess(value: unknown): KeyAccessRule | null {
  const r = record(value, 'a key permission');
  if (!r) return null;
  return { file: str(r.file), identity: str(r.identity), rights: Number(r.rights) | 0 };
}

export function parseFileAccess(value: unknown): FileAccess | null {
  const r = record(value, 'a file\'s permissions');
  if (!r) return null;
  // ConvertTo-Json turns a one-element array into the element itself.
  const raw = Array.isArray(r.rules) ? r.rules : r.rules ? [r.rules] : [];
  const rules = raw.map((x) => {
    const rule = record(x, 'a file permission') ?? {};
    return { sid: str(rule.sid), rights: Number(rule.rights) >>> 0, type: str(rule.type) === 'Deny' ? ('Deny' as const) : ('Allow' as const) };
  });
  return { path: str(r.path), isProtected: r.isProtected === true, rules, sddl: str(r.sddl) };
}

export function parseService(value: unknown): ServiceState | null {
  const r = record(value, 'a service');
  if (!r) return null;
  const mode = str(r.startMode);
  return { name: str(r.name), startMode: mode === 'Automatic' || mode === 'Disabled' ? mode : 'Manual', running: r.running === true };
}

export function parseInstalledService(value: unknown): InstalledService | null {
  const r = record(value, 'a Windows service');
  if (!r) return null;
  const recovery = record(r.recovery, 'a service\'s recovery') ?? {};
  const start = str(r.startType);
  return {
    name: str(r.name),
    displayName: str(r.displayName),
    binaryPath: str(r.binaryPath),
    account: str(r.account),
    startType: start === 'Automatic' || start === 'Disabled' ? start : 'Manual',
    recovery: { restart: recovery.restart === true, restartDelaySeconds: Number(recovery.restartDelaySeconds ?? 0), resetSeconds: Number(recovery.resetSeconds ?? 0) },
    status: str(r.status) === 'Running' ? 'Running' : 'Stopped',
  };
}

export function parseFirewallRule(value: unknown): FirewallRule | null {
  const r = record(value, 'a firewall rule');
  if (!r) return null;
  return { name: str(r.name), displayName: str(r.displayName), protocol: 'TCP', localPort: Number(r.localPort), direction: 'Inbound', action: 'Allow' };
}

export function parseProgramsEntry(value: unknown): ProgramsEntry | null {
  const r = record(value, 'a Programs and Features entry');
  if (!r) return null;
  return {
    key: str(r.key),
    displayName: str(r.displayName),
    displayVersion: str(r.displayVersion),
    publisher: str(r.publisher),
    installDate: str(r.installDate),
    uninstallString: str(r.uninstallString),
    quietUninstallString: str(r.quietUninstallString),
  };
}
