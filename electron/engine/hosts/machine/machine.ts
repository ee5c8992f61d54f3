/**
 * What an installation changes on a computer besides files (which go through `Host.realPath` and Node's fs on every
 * host): IIS, folder permissions and the firewall. Every kind of object is read, written whole and removed, so an
 * operation's undo is always "write back what was read before, or remove what did not exist".
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

export interface Machine {
  readAppPool(name: string): Promise<AppPoolState | null>;
  /** The password, for a SpecificUser identity, goes to the host and nowhere else. */
  writeAppPool(state: AppPoolState, password?: string): Promise<void>;
  removeAppPool(name: string): Promise<void>;

  readSite(name: string): Promise<SiteState | null>;
  writeSite(state: SiteState): Promise<void>;
  removeSite(name: string): Promise<void>;

  readApplication(site: string, path: string): Promise<ApplicationState | null>;
  writeApplication(state: ApplicationState): Promise<void>;
  removeApplication(site: string, path: string): Promise<void>;

  readAccess(path: string, identity: string): Promise<AccessRule | null>;
  writeAccess(rule: AccessRule): Promise<void>;
  removeAccess(path: string, identity: string): Promise<void>;

  readFirewallRule(name: string): Promise<FirewallRule | null>;
  writeFirewallRule(rule: FirewallRule): Promise<void>;
  removeFirewallRule(name: string): Promise<void>;

  /**
   * A failure to simulate once the named operation has made its changes (rehearsal scenarios' `faults`), so that
   * rollback is proven at every step; always null on a real computer.
   */
  faultAt(operationId: string): string | null;
}

export class MachineError extends Error {}
