/**
 * What an installation changes on a computer besides files (which go through `Host.realPath` and Node's fs on every
 * host): IIS, folder permissions, services and the firewall. Every kind of object is read, written and removed, so an
 * operation's undo is always "write back what was read before, or remove what did not exist". A website is the
 * exception that makes this exact: it may hold other bindings than ours (Default Web Site's 443 and 808:*), so its
 * bindings are written one at a time and the rest of the site is never rewritten to change one.
 */
export interface AppPoolState {
  name: string;
  /** 'SpecificUser' with `userName`, or a built-in identity (NetworkService, LocalSystem, ApplicationPoolIdentity). */
  identityType: 'SpecificUser' | 'NetworkService' | 'LocalSystem' | 'LocalService' | 'ApplicationPoolIdentity';
  userName: string;
  managedRuntimeVersion: string;
  pipelineMode: 'Integrated' | 'Classic';
}

export interface SiteBinding {
  protocol: 'http' | 'https' | 'net.tcp';
  /** IIS's form: `*:8443:` for http(s), `808:*` for net.tcp. */
  bindingInformation: string;
  /** https only: the certificate bound to the port (netsh http sslcert / SslFlags 0). */
  certificateThumbprint?: string;
  certificateStore?: string;
}

export interface SiteState {
  name: string;
  physicalPath: string;
  appPool: string;
  bindings: SiteBinding[];
  enabledProtocols: string;
}

export interface ApplicationState {
  site: string;
  /** `/AsyncServer` */
  path: string;
  physicalPath: string;
  appPool: string;
  enabledProtocols: string;
}

export type AccessRights = 'ReadAndExecute' | 'Modify' | 'FullControl';

/** An explicit, inherited-by-children Allow rule for one identity on one folder. */
export interface AccessRule {
  path: string;
  identity: string;
  rights: AccessRights;
}

export interface FirewallRule {
  name: string;
  displayName: string;
  protocol: 'TCP';
  localPort: number;
  direction: 'Inbound';
  action: 'Allow';
}

/**
 * A Programs and Features entry: HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\<key>, its values as
 * Windows reads them (InstallDate yyyyMMdd, NoModify and NoRepair set).
 */
export interface ProgramsEntry {
  key: string;
  displayName: string;
  displayVersion: string;
  publisher: string;
  installDate: string;
  uninstallString: string;
  quietUninstallString: string;
}

/** One event of the Windows Application log. */
export interface EventLogEntry {
  source: string;
  entryType: 'Information' | 'Warning' | 'Error';
  eventId: number;
  message: string;
}

export type ServiceStartMode = 'Automatic' | 'Manual' | 'Disabled';

/** A Windows service as Setup needs it: how it starts, and whether it runs now. */
export interface ServiceState {
  /** The service's short name: W3SVC, WAS, NetTcpActivator, NetTcpPortSharing. */
  name: string;
  startMode: ServiceStartMode;
  running: boolean;
}


/**
 * A Windows service a component installs (Async Client's), as the Service Control Manager keeps it (sc.exe qc and
 * qfailure); ServiceState is a service of Windows whose start mode Setup only sets.
 */
export interface InstalledService {
  name: string;
  displayName: string;
  /** The executable, quoted as the SCM runs it. */
  binaryPath: string;
  /** The account it logs on as (DOMAIN\user, .\user, or NT Authority\…). */
  account: string;
  startType: 'Automatic' | 'Manual' | 'Disabled';
  /** Recovery on failure: restart after `restartDelaySeconds`, the failure count reset after `resetSeconds`. */
  recovery: { restart: boolean; restartDelaySeconds: number; resetSeconds: number };
  status: 'Running' | 'Stopped';
}

/**
 * Where Windows keeps the private key of a certificate in LocalMachine: a legacy CryptoAPI (CSP) key is the file
 * named by its unique container name in %ProgramData%\Microsoft\Crypto\RSA\MachineKeys, a CNG key the file named by
 * its unique name in %ProgramData%\Microsoft\Crypto\Keys. IIS's worker process opens that file as the app pool
 * identity, so the identity needs Read on it.
 */
export type CertificateKey =
  /** `aclReadable`: whether the user running Setup can read (and so change) the file's permissions. */
  | { status: 'found'; provider: KeyProvider; file: string; aclReadable: boolean }
  /** The key has a name, but no file of that name is where its provider keeps machine keys (a smart card, an HSM, a TPM, or a key left in a user's profile). */
  | { status: 'file-missing'; provider: KeyProvider; file: string }
  /** The certificate has a private key that neither the CryptoAPI nor (from .NET 4.6) CNG can name. */
  | { status: 'not-located' }
  | { status: 'no-private-key' }
  | { status: 'no-certificate' };

export type KeyProvider = 'CSP' | 'CNG';

/**
 * The explicit Allow rule of one identity on a key file. `rights` is the access mask as Windows stores it
 * (FileSystemRights: Read and Synchronize is 0x120089), so that writing back what was read restores it exactly.
 */
export interface KeyAccessRule {
  file: string;
  identity: string;
  rights: number;
}

/**
 * One explicit rule of a file's access control list, by SID (so a localised Windows reads it the same): its access
 * mask as Windows stores it (Full control is 0x1F01FF, Read with the Synchronize .NET adds is 0x120089).
 */
export interface FileAccessRule {
  sid: string;
  rights: number;
  type: 'Allow' | 'Deny';
}

/** A file's access control list (its DACL) as Windows keeps it. */
export interface FileAccess {
  path: string;
  /** Inheritance from the folder removed: the folder's inheritable rules do not apply (SE_DACL_PROTECTED). */
  isProtected: boolean;
  /** Its explicit rules, in their order; the inherited ones are in `sddl` only. */
  rules: FileAccessRule[];
  /** The whole DACL in SDDL (`D:PAI(A;;FA;;;BA)…`), inherited rules included: what undo writes back. */
  sddl: string;
}

/** An Allow rule a file is restricted to: the account as the host's scripts translate it (a SID, or DOMAIN\user). */
export interface FileAccessGrant {
  identity: string;
  rights: 'FullControl' | 'Read';
}

/** The user right a service account needs to run a service: "Log on as a service". */
export const SERVICE_LOGON_RIGHT = 'SeServiceLogonRight';

export interface Machine {
  readAppPool(name: string): Promise<AppPoolState | null>;
  /**
   * Writes the pool's settings and identity (type and user name). The password goes to the host and nowhere else;
   * without one, the pool keeps the password it has, so writing back a pool as it was read never changes a password
   * we never knew. A state without a user name (a built-in identity) keeps no password: it is cleared.
   */
  writeAppPool(state: AppPoolState, password?: string): Promise<void>;
  removeAppPool(name: string): Promise<void>;

  /** The website with every binding it has, ours or not. */
  readSite(name: string): Promise<SiteState | null>;
  /**
   * A missing website is created with `state.bindings` (and the certificates of its https ones); an existing one gets
   * `physicalPath`, `appPool` and `enabledProtocols`, and keeps its bindings: those change through writeBinding.
   */
  writeSite(state: SiteState): Promise<void>;
  /** The website, its bindings and the certificates bound to its https ports. */
  removeSite(name: string): Promise<void>;
  /**
   * Makes one binding (same protocol and bindingInformation) as given: added when the site lacks it, and for https
   * with exactly the given certificate on its ip:port (none when it names none). The site's other bindings stay.
   */
  writeBinding(site: string, binding: SiteBinding): Promise<void>;
  /** Removes one binding, and for https the certificate bound to its ip:port; the site's other bindings stay. */
  removeBinding(site: string, binding: SiteBinding): Promise<void>;

  readApplication(site: string, path: string): Promise<ApplicationState | null>;
  writeApplication(state: ApplicationState): Promise<void>;
  removeApplication(site: string, path: string): Promise<void>;

  readAccess(path: string, identity: string): Promise<AccessRule | null>;
  writeAccess(rule: AccessRule): Promise<void>;
  removeAccess(path: string, identity: string): Promise<void>;

  /** The private key of the certificate with this thumbprint in Cert:\LocalMachine\<store>. */
  findCertificateKey(thumbprint: string, store: string): Promise<CertificateKey>;
  /** The identity's explicit Allow rule on a key file; null when it has none (or the file is gone). */
  readKeyAccess(file: string, identity: string): Promise<KeyAccessRule | null>;
  /** Makes the identity's Allow rule on the key file exactly `rights` (its Deny rules and the others' rules stay). */
  writeKeyAccess(rule: KeyAccessRule): Promise<void>;
  /** Removes the identity's Allow rule from the key file; nothing when the file is gone. */
  removeKeyAccess(file: string, identity: string): Promise<void>;

  /** The file's access control list; null when there is no such file. */
  readFileAccess(path: string): Promise<FileAccess | null>;
  /**
   * Removes the file's inheritance from its folder (copying none of the inherited rules) and makes its explicit rules
   * exactly these Allow rules. An account Windows cannot map is refused before anything changes.
   */
  restrictFileAccess(path: string, grants: FileAccessGrant[]): Promise<void>;
  /**
   * Writes back a DACL as readFileAccess gave it (its SDDL): the explicit rules and whether it inherits; an inheriting
   * file gets its folder's rules again from the folder, as Windows recomputes them. Nothing when the file is gone.
   */
  writeFileAccessSddl(path: string, sddl: string): Promise<void>;

  /** null: the service is not installed (Setup never creates or removes one). */
  readService(name: string): Promise<ServiceState | null>;
  /** Sets the start mode, then starts or stops the service. */
  writeService(state: ServiceState): Promise<void>;

  readInstalledService(name: string): Promise<InstalledService | null>;
  /**
   * Creates the service or reconfigures it (and starts or stops it to `status`). The password goes to the SCM and
   * nowhere else; without one the service keeps the password it has, as IIS does for a pool.
   */
  writeInstalledService(state: InstalledService, password?: string): Promise<void>;
  /** Stops the service if it runs, and deletes it. */
  removeInstalledService(name: string): Promise<void>;

  /** Whether the account holds the user right (LSA), explicitly. */
  readAccountRight(account: string, right: string): Promise<boolean>;
  writeAccountRight(account: string, right: string, granted: boolean): Promise<void>;

  readFirewallRule(name: string): Promise<FirewallRule | null>;
  writeFirewallRule(rule: FirewallRule): Promise<void>;
  removeFirewallRule(name: string): Promise<void>;

  readProgramsEntry(key: string): Promise<ProgramsEntry | null>;
  writeProgramsEntry(entry: ProgramsEntry): Promise<void>;
  removeProgramsEntry(key: string): Promise<void>;

  /** Writes one event to the Application log, registering its source the first time. A record: nothing undoes it. */
  writeEvent(event: EventLogEntry): Promise<void>;
}

export class MachineError extends Error {}
