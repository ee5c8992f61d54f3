import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isBuiltInAccount } from '../../../../shared/settings/rules';
import { sameState } from '../../plan/operations/same-state';
import type { ResolvedAccount } from '../facts';
import type { ScenarioKeyedCertificate } from '../rehearsal/certificate-keys';
import { SYNCHRONIZE } from './key-rights';
import { RehearsalFileAccess, type StoredFileAccess } from './rehearsal-file-access';
import { SERVICE_LOGON_RIGHT, type AccessRule, type FileAccessGrant, type CertificateKey, type KeyAccessRule, type ApplicationState, type AppPoolState, type EventLogEntry, type FirewallRule, type InstalledService, type Machine, type ProgramsEntry, type ServiceState, type SiteBinding, type SiteState } from './machine';
import { sameBinding } from './same-binding';

type Collection<T> = Record<string, T>;

/** An application pool as the state file keeps it: whose password it holds, never the password. */
type StoredAppPool = AppPoolState & { passwordOf?: string };
/** A service as state/scm.json keeps it: whose password it holds, never the password. */
type StoredService = InstalledService & { passwordOf?: string };
/** A service of the scenario that was deleted. */
type Tombstone = { name: string; deleted: true };

/**
 * The rehearsal computer's IIS, folder and file permissions, services and firewall, kept as JSON under `<sandbox>/state`. Keys are sorted and a
 * file that becomes empty is deleted, so removing what was added leaves the state files byte for byte as before.
 * Passwords are never kept: a pool records only whose password it holds (`passwordOf`), so that a pool written to run
 * as a user it has no password for is refused, where IIS would accept it and the pool would never start.
 */
export class RehearsalMachine implements Machine {
  /**
   * The services as the scenario starts them (lower-case names), which writes are compared with; the scenario's
   * certificates with their key files, whose rules likewise; and the scenario's accounts, as Windows maps them.
   */
  constructor(
    private readonly stateRoot: string,
    private readonly services: Map<string, InstalledService> = new Map(),
    private readonly scenario: RehearsalMachineScenario = { certificates: [], resolveAccount: () => null, fileExists: () => false },
  ) {}

  /** Files' permissions, in state/acl.json beside the folders' rules they inherit. */
  private readonly files = new RehearsalFileAccess({
    stored: () => (this.load('acl').files ?? {}) as Record<string, StoredFileAccess>,
    put: (id, value) => this.put('acl', 'files', id, value),
    folderRules: () => Object.values(this.load('acl').rules ?? {}) as AccessRule[],
    resolveAccount: (name) => this.scenario.resolveAccount(name),
    fileExists: (file) => this.scenario.fileExists(file),
  });

  async readAppPool(name: string) {
    const stored = this.get<StoredAppPool>('iis', 'appPools', key(name));
    if (!stored) return null;
    const { passwordOf: _, ...state } = stored;
    return state;
  }
  async writeAppPool(state: AppPoolState, password?: string) {
    const stored = this.get<StoredAppPool>('iis', 'appPools', key(state.name));
    // As IIS: a password is written when given, cleared with the user name, and otherwise kept.
    const passwordOf = !state.userName ? undefined : password ? state.userName : stored?.passwordOf;
    if (state.identityType === 'SpecificUser' && passwordOf?.toLowerCase() !== state.userName.toLowerCase()) {
      throw new Error(`The application pool ${state.name} would run as ${state.userName} without the password of ${state.userName}.`);
    }
    const record: StoredAppPool = passwordOf ? { ...state, passwordOf } : state;
    this.put('iis', 'appPools', key(state.name), record);
  }
  async removeAppPool(name: string) {
    this.put('iis', 'appPools', key(name), null);
  }

  async readSite(name: string) {
    return this.get<SiteState>('iis', 'sites', key(name));
  }
  async writeSite(state: SiteState) {
    const current = await this.readSite(state.name);
    const bindings = current ? current.bindings : state.bindings;
    this.put('iis', 'sites', key(state.name), { ...state, bindings });
  }
  async writeBinding(site: string, binding: SiteBinding) {
    const current = await this.existingSite(site);
    const at = current.bindings.findIndex((b) => sameBinding(b, binding));
    const bindings = at < 0 ? [...current.bindings, binding] : current.bindings.map((b, i) => (i === at ? binding : b));
    this.put('iis', 'sites', key(site), { ...current, bindings });
  }
  async removeBinding(site: string, binding: SiteBinding) {
    const current = await this.existingSite(site);
    this.put('iis', 'sites', key(site), { ...current, bindings: current.bindings.filter((b) => !sameBinding(b, binding)) });
  }
  private async existingSite(name: string): Promise<SiteState> {
    const current = await this.readSite(name);
    if (!current) throw new Error(`The website ${name} does not exist.`);
    return current;
  }
  async removeSite(name: string) {
    this.put('iis', 'sites', key(name), null);
  }
  /** Every website, for the rehearsal's ports fact: IIS holds the ports a site binds, as on a real server. */
  async listSites(): Promise<SiteState[]> {
    return Object.values(this.load('iis').sites ?? {}) as SiteState[];
  }

  async readApplication(site: string, appPath: string) {
    return this.get<ApplicationState>('iis', 'applications', key(`${site}${appPath}`));
  }
  async writeApplication(state: ApplicationState) {
    if (!(await this.readSite(state.site))) throw new Error(`The website ${state.site} does not exist.`);
    this.put('iis', 'applications', key(`${state.site}${state.path}`), state);
  }
  async removeApplication(site: string, appPath: string) {
    this.put('iis', 'applications', key(`${site}${appPath}`), null);
  }

  async readAccess(folder: string, identity: string) {
    return this.get<AccessRule>('acl', 'rules', key(`${folder}|${identity}`));
  }
  async writeAccess(rule: AccessRule) {
    this.put('acl', 'rules', key(`${rule.path}|${rule.identity}`), rule);
  }
  async removeAccess(folder: string, identity: string) {
    this.put('acl', 'rules', key(`${folder}|${identity}`), null);
  }

  async readFileAccess(file: string) {
    return this.files.read(file);
  }
  async restrictFileAccess(file: string, grants: FileAccessGrant[]) {
    this.files.restrict(file, grants);
  }
  async writeFileAccessSddl(file: string, sddl: string) {
    this.files.writeSddl(file, sddl);
  }

  /**
   * One Service Control Manager, persisted in state/scm.json: the scenario's services of Windows (W3SVC, WAS…) and the
   * services an installation creates are one list, read and written through both views of the Machine (ServiceState
   * and InstalledService). A service of the scenario is kept in the file only while it differs from how the scenario
   * starts it (a deleted one as a tombstone), so undoing every change leaves no file.
   */
  private scm(name: string): StoredService | null {
    const stored = this.get<StoredService | Tombstone>('scm', 'services', key(name));
    if (stored && 'deleted' in stored) return null;
    return stored ?? this.services.get(key(name)) ?? null;
  }
  private keep(service: StoredService): void {
    const initial = this.services.get(key(service.name));
    this.put('scm', 'services', key(service.name), initial && sameState(service, initial) ? null : service);
  }

  async findCertificateKey(thumbprint: string, store: string): Promise<CertificateKey> {
    const cert = this.scenario.certificates.find((c) => c.thumbprint === thumbprint.toUpperCase() && c.store.toLowerCase() === store.toLowerCase());
    if (!cert) return { status: 'no-certificate' };
    if (!cert.key) return { status: 'no-private-key' };
    const { provider, file } = cert.key;
    if (!cert.key.onDisk) return { status: 'file-missing', provider, file };
    return { status: 'found', provider, file, aclReadable: this.administratorsRead(this.keyRules(file) ?? []) };
  }
  async readKeyAccess(file: string, identity: string): Promise<KeyAccessRule | null> {
    const rules = this.readableKeyRules(file);
    if (!rules) return null;
    const name = this.account(identity).toLowerCase();
    const rule = rules.find((r) => this.canonical(r.identity) === name);
    return rule ? { file, identity, rights: rule.rights } : null;
  }
  /** As Windows: the rule takes the place of the account's Allow rule where it had one, else it comes last. */
  async writeKeyAccess(rule: KeyAccessRule) {
    const rules = this.readableKeyRules(rule.file);
    if (!rules) throw new Error(`Cannot find path '${rule.file}' because it does not exist.`);
    const account = this.account(rule.identity);
    const written = { identity: account, rights: rule.rights | SYNCHRONIZE };
    const at = rules.findIndex((r) => this.canonical(r.identity) === account.toLowerCase());
    this.putKeyRules(rule.file, at < 0 ? [...rules, written] : rules.map((r, i) => (i === at ? written : r)));
  }
  async removeKeyAccess(file: string, identity: string) {
    const rules = this.readableKeyRules(file);
    if (!rules) return;
    const name = this.account(identity).toLowerCase();
    this.putKeyRules(file, rules.filter((r) => this.canonical(r.identity) !== name));
  }

  /** The key file's rules as they are now (the state's once changed, else the scenario's); null: no such file. */
  private keyRules(file: string): KeyRule[] | null {
    const initial = this.initialKeyRules(file);
    if (!initial) return null;
    return this.get<KeyRule[]>('keys', 'files', key(file)) ?? initial;
  }
  private initialKeyRules(file: string): KeyRule[] | null {
    return this.scenario.certificates.find((c) => c.key?.onDisk && key(c.key.file) === key(file))?.key?.rules ?? null;
  }
  /** As Windows refuses Get-Acl to a user the file's rules give no Read permissions (the installing user is an administrator). */
  private readableKeyRules(file: string): KeyRule[] | null {
    const rules = this.keyRules(file);
    if (rules && !this.administratorsRead(rules)) throw new Error(`Attempted to perform an unauthorized operation: the permissions of ${file} cannot be read.`);
    return rules;
  }
  private administratorsRead(rules: KeyRule[]): boolean {
    return rules.some((r) => this.canonical(r.identity) === 'builtin\\administrators' && ((r.rights >>> 0) & READ_PERMISSIONS) !== 0);
  }
  private putKeyRules(file: string, rules: KeyRule[]) {
    this.put('keys', 'files', key(file), sameState(rules, this.initialKeyRules(file)) ? null : rules);
  }
  /** An account as Windows maps it, or Windows' refusal: a pool's virtual account exists while its pool does. */
  private account(identity: string): string {
    const pool = /^IIS AppPool\\(.+)$/i.exec(identity.trim());
    if (pool && this.get('iis', 'appPools', key(pool[1]))) return `IIS APPPOOL\\${pool[1]}`;
    const found = pool ? null : this.scenario.resolveAccount(identity)?.name;
    if (!found) throw new Error(`Some or all identity references could not be translated: ${identity}.`);
    return found;
  }
  /** A rule's account as compared: a scenario's rule may name a group the rehearsal's accounts lack (BUILTIN\\Administrators), which goes by its name. */
  private canonical(identity: string): string {
    try {
      return this.account(identity).toLowerCase();
    } catch {
      return identity.toLowerCase();
    }
  }

  async readService(name: string) {
    const service = this.scm(name);
    return service ? { name: service.name, startMode: service.startType, running: service.status === 'Running' } : null;
  }
  async writeService(state: ServiceState) {
    const current = this.scm(state.name);
    if (!current) throw new Error(`Cannot find any service with service name '${state.name}'.`);
    // As Windows refuses: a disabled service does not start.
    if (state.running && state.startMode === 'Disabled') throw new Error(`Service '${current.name}' cannot be started: it is disabled.`);
    this.keep({ ...current, startType: state.startMode, status: state.running ? 'Running' : 'Stopped' });
  }

  async readInstalledService(name: string) {
    const stored = this.scm(name);
    if (!stored) return null;
    const { passwordOf: _, ...state } = stored;
    return state;
  }
  /**
   * As the Service Control Manager: a service of a named account needs that account's password (it would not start
   * without it), and it starts only when the account holds Log on as a service (error 1069, a logon failure, else).
   */
  async writeInstalledService(state: InstalledService, password?: string) {
    const stored = this.scm(state.name);
    const builtIn = isBuiltInAccount(state.account);
    const passwordOf = builtIn ? undefined : password ? state.account : stored?.passwordOf;
    if (!builtIn && passwordOf?.toLowerCase() !== state.account.toLowerCase()) {
      throw new Error(`The service ${state.name} would log on as ${state.account} without the password of ${state.account}.`);
    }
    if (state.status === 'Running' && stored?.status !== 'Running') {
      if (state.startType === 'Disabled') throw new Error(`The service ${state.name} cannot be started: it is disabled.`);
      if (!builtIn && !(await this.readAccountRight(state.account, SERVICE_LOGON_RIGHT))) {
        throw new Error(`The service ${state.name} did not start due to a logon failure (1069): ${state.account} does not hold Log on as a service.`);
      }
    }
    this.keep(passwordOf ? { ...state, passwordOf } : state);
  }
  async removeInstalledService(name: string) {
    this.put('scm', 'services', key(name), this.services.has(key(name)) ? { name, deleted: true } : null);
  }

  async readAccountRight(account: string, right: string) {
    return this.get<boolean>('lsa', 'rights', key(`${account}|${right}`)) === true;
  }
  async writeAccountRight(account: string, right: string, granted: boolean) {
    this.put('lsa', 'rights', key(`${account}|${right}`), granted ? true : null);
  }

  async readFirewallRule(name: string) {
    return this.get<FirewallRule>('firewall', 'rules', key(name));
  }
  async writeFirewallRule(rule: FirewallRule) {
    this.put('firewall', 'rules', key(rule.name), rule);
  }
  async removeFirewallRule(name: string) {
    this.put('firewall', 'rules', key(name), null);
  }

  async readProgramsEntry(name: string) {
    return this.get<ProgramsEntry>('programs', 'entries', key(name));
  }
  async writeProgramsEntry(entry: ProgramsEntry) {
    this.put('programs', 'entries', key(entry.key), entry);
  }
  async removeProgramsEntry(name: string) {
    this.put('programs', 'entries', key(name), null);
  }

  /** The Application log, newest last, as Event Viewer would list it; it only grows, as on Windows. */
  async writeEvent(event: EventLogEntry) {
    const file = this.file(EVENT_LOG);
    const events = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { Application: unknown[] }).Application : [];
    events.push({ time: new Date().toISOString(), log: 'Application', ...event });
    mkdirSync(this.stateRoot, { recursive: true });
    writeFileSync(`${file}.tmp`, `${JSON.stringify({ Application: events }, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  }

  private file(name: string) {
    return path.join(this.stateRoot, `${name}.json`);
  }

  private load(name: string): Record<string, Collection<unknown>> {
    const file = this.file(name);
    if (!existsSync(file)) return {};
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Collection<unknown>>;
  }

  private get<T>(file: string, collection: string, id: string): T | null {
    return (this.load(file)[collection]?.[id] as T | undefined) ?? null;
  }

  private put(file: string, collection: string, id: string, value: unknown): void {
    const data = this.load(file);
    const items = { ...(data[collection] ?? {}) };
    if (value === null) delete items[id];
    else items[id] = value;
    if (Object.keys(items).length === 0) delete data[collection];
    else data[collection] = items;
    const target = this.file(file);
    if (Object.keys(data).length === 0) {
      rmSync(target, { force: true });
      return;
    }
    mkdirSync(this.stateRoot, { recursive: true });
    writeFileSync(`${target}.tmp`, `${JSON.stringify(sortKeys(data), null, 2)}\n`);
    renameSync(`${target}.tmp`, target);
  }
}

/**
 * What the rehearsal machine needs of its scenario: the certificates with their key files, its accounts, and whether a
 * file is on its drives (a file's permissions go with the file).
 */
export interface RehearsalMachineScenario {
  certificates: ScenarioKeyedCertificate[];
  resolveAccount(name: string): ResolvedAccount | null;
  fileExists(windowsPath: string): boolean;
}

type KeyRule = { identity: string; rights: number };

/** ReadPermissions (READ_CONTROL): what Get-Acl needs; the generic rights that include it. */
const READ_PERMISSIONS = 0x20000 | 0x10000000 | 0x80000000;

/** state/eventlog.json: the rehearsal's Application log. */
export const EVENT_LOG = 'eventlog';

/** IIS, ACL, firewall and registry key names are case-insensitive on Windows. */
function key(name: string): string {
  return name.toLowerCase();
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
