import type { CertificateInfo, HostKind } from '../../../shared/contract/schemas';
import type { DataProtection } from './data-protection';
import type { HostFacts } from './facts';
import type { HostSql } from '../database/sql-host';
import type { Machine } from './machine/machine';
import type { HostNetwork } from './network';
import type { ServerCertificate } from './server-certificate';

/** What only a rehearsal host has: its scenario, its sandbox, and the faults its scenario injects. */
export interface Rehearsal {
  scenario: string;
  sandboxRoot: string;
  /**
   * The failure the scenario's `faults` section injects once the named operation has made its changes, or null: the
   * rehearsal host's own means of proving rollback at every step (a real computer has no rehearsal, so no faults).
   */
  faultAfter(operationId: string): string | null;
}

/**
 * Everything that reads or changes the target computer goes through a host: the Windows host in production, the
 * rehearsal host for QA and demos, the unsupported host on a computer that is neither.
 */
export interface Host {
  readonly kind: HostKind;
  readonly computerName: string;
  /** One line for a banner or a report: "Rehearsal of Windows Server 2012 R2 (scenario default)". */
  readonly description: string;
  readonly rehearsal: Rehearsal | null;
  /** The target computer's environment variables (SystemDrive, ProgramData…), for `%VAR%` expansion. */
  environment(): Promise<Record<string, string>>;
  /** A Windows path on the target as a path this process can open (identity on Windows, inside the sandbox else). */
  realPath(windowsPath: string): string;
  listCertificates(rootStore: string, store: string): Promise<CertificateInfo[]>;
  /**
   * The certificate of LocalMachine\My with this (normalised) thumbprint, with its private key, for a TLS server of
   * this process; a ServerCertificateError saying why when it cannot be had.
   */
  serverCertificate(thumbprint: string): Promise<ServerCertificate>;
  /** What the prerequisite checks ask of the computer. */
  readonly facts: HostFacts;
  /** SQL Servers: real ones through mssql, or the rehearsal's simulated ones. */
  readonly sql: HostSql;
  /** IIS, folder permissions and the firewall: what an installation changes besides files. */
  readonly machine: Machine;
  /** Secrets an application reads from its configuration, encrypted so that only this computer can read them. */
  readonly dataProtection: DataProtection;
  /** Names, connections and trusted roots as the computer sees them, for probes of a remote service. */
  readonly network: HostNetwork;
}
