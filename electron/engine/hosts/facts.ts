/**
 * What the prerequisite checks ask of a computer. Each host answers in its own way: the Windows host through
 * PowerShell, the rehearsal host from its scenario (re-read on every call, so a fixed scenario is seen on Revalidate),
 * and every host binds ports and measures disks for real where it can.
 */
export interface ComputerFacts {
  /** The process runs with administrator rights (elevated token). */
  elevated: boolean;
  os: { caption: string; version: string; server: boolean };
  /** $PSVersionTable.PSVersion of the Windows PowerShell the host runs its scripts in (4.0 on 2012 R2 as shipped). */
  powershellVersion: string;
  /** HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full Release; null when .NET 4.5+ is absent. */
  dotNetRelease: number | null;
  /** The effective PowerShell execution policy (Restricted, RemoteSigned, …). */
  executionPolicy: string;
  /** Where sqlcmd.exe is, or null when it is not on the computer. */
  sqlcmd: string | null;
  pendingReboot: boolean;
  /** Another installation (Windows Installer or CDX Setup) is running now. */
  setupRunning: boolean;
}

/** The IIS role services (Windows feature names) Async Server needs. */
export const IIS_ROLE_SERVICES = {
  'Web-Server': 'Web Server (IIS)',
  'Web-Asp-Net45': 'ASP.NET 4.5',
  'NET-WCF-HTTP-Activation45': 'WCF Services: HTTP Activation',
  'NET-WCF-TCP-Activation45': 'WCF Services: TCP Activation (non-HTTP activation)',
  'Web-Scripting-Tools': 'IIS Management Scripts and Tools',
} as const;
export type IisRoleService = keyof typeof IIS_ROLE_SERVICES;
export const IIS_ROLE_SERVICE_NAMES = Object.keys(IIS_ROLE_SERVICES) as IisRoleService[];

export interface PortProbe {
  port: number;
  /** free: nothing listens; in-use: something does; unknown: this process may not bind it (why in detail). */
  state: 'free' | 'in-use' | 'unknown';
  detail?: string;
  /** in-use: the listening process's name when known (SMSvcHost: the Net.Tcp Port Sharing Service, which shares it). */
  owner?: string;
}

/** An account as Windows knows it on this computer. */
export interface ResolvedAccount {
  /** Its down-level name (DOMAIN\user; a built-in account in this Windows' language), from its SID. */
  name: string;
  sid: string;
}

/**
 * Who this computer is on the network. Network Service and ApplicationPoolIdentity reach another computer's SQL
 * Server as the computer's own domain account (DOMAIN\NAME$), and a SQL Server named by any of these names or
 * addresses is this computer.
 */
export interface ComputerIdentity {
  /** The NetBIOS computer name (%COMPUTERNAME%), which `.\user` stands for. */
  name: string;
  /** The DNS name of the computer's domain; null in a workgroup. */
  dnsDomain: string | null;
  /** The computer's account in its domain, looked up from the computer (not from the installing user); null when none. */
  machineAccount: string | null;
  /** Its DNS host name and fully qualified name. */
  dnsNames: string[];
  /** Its IP addresses. */
  addresses: string[];
}

/**
 * What the account's domain (or, for a local account, this computer) says of a password: it signs the account in, it
 * does not (a wrong password; Windows does not tell that apart from a disabled or locked-out account), the account is
 * not known, or nobody could answer (no domain controller reached…), with the reason in words.
 */
export type PasswordVerdict =
  | { verdict: 'valid' }
  | { verdict: 'wrong-password' }
  | { verdict: 'unknown-account' }
  | { verdict: 'cannot-check'; reason: string };

export interface HostFacts {
  /** null on a computer that is not Windows: there is nothing Windows-specific to ask. */
  computer(): Promise<ComputerFacts | null>;
  /** The installed role services among those Async Server needs; null when not Windows. */
  iisRoleServices(): Promise<IisRoleService[] | null>;
  probePorts(ports: number[]): Promise<PortProbe[]>;
  /**
   * Each account (DOMAIN\user, user@domain, COMPUTER\user, or a SID such as S-1-5-20) as this computer's Windows
   * resolves it, null for one it does not know; null altogether when accounts cannot be looked up here.
   */
  resolveAccounts(names: string[]): Promise<Record<string, ResolvedAccount | null> | null>;
  computerIdentity(): Promise<ComputerIdentity>;
  /**
   * Whether `password` signs in the account `account` (its down-level name, DOMAIN\user or COMPUTER\user; never a
   * built-in account, which has no password). One sign-in attempt: a wrong password counts toward the account's
   * lockout threshold, so callers ask once per validation. The password travels only as data, never in a message.
   */
  verifyAccountPassword(account: string, password: string): Promise<PasswordVerdict>;
  /** Free bytes on the volume that holds this Windows path (or would, once its folders exist). */
  diskFreeBytes(windowsPath: string): Promise<number>;
}
