import os from 'node:os';
import type { CertificateInfo } from '../../../../shared/contract/schemas';
import { MssqlHostSql } from '../../database/mssql-session';
import type { HostSql } from '../../database/sql-host';
import type { Host } from '../host';
import { WindowsMachine } from '../machine/windows-machine';
import type { ServerCertificate } from '../server-certificate';
import { LIST_CERTIFICATES_SCRIPT, parseStoreCertificates } from './certificates';
import { exportStoreCertificate } from './export-certificate';
import { PowerShellSession, type PowerShellRunner } from './powershell';
import { WindowsDataProtection } from './windows-data-protection';
import { WindowsFacts } from './windows-facts';
import { WindowsNetwork } from './windows-network';

/** The production host: this Windows computer, changed through PowerShell. */
export class WindowsHost implements Host {
  readonly kind = 'windows' as const;
  readonly computerName = os.hostname();
  readonly description = `${os.version()} "${os.hostname()}"`;
  readonly rehearsal = null;
  readonly facts: WindowsFacts;
  readonly machine: WindowsMachine;
  readonly network: WindowsNetwork;
  readonly dataProtection: WindowsDataProtection;

  constructor(
    readonly powershell: PowerShellRunner = new PowerShellSession(),
    readonly sql: HostSql = new MssqlHostSql(),
  ) {
    this.facts = new WindowsFacts(powershell);
    this.machine = new WindowsMachine(powershell);
    this.network = new WindowsNetwork(powershell);
    this.dataProtection = new WindowsDataProtection(powershell);
  }

  /** Ends the PowerShell session (an idle session does not keep the process alive, but a host that is done says so). */
  async close(): Promise<void> {
    if (this.powershell instanceof PowerShellSession) await this.powershell.close();
  }

  async environment(): Promise<Record<string, string>> {
    return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  }

  realPath(windowsPath: string): string {
    return windowsPath;
  }

  async listCertificates(rootStore: string, store: string): Promise<CertificateInfo[]> {
    const outcome = await this.powershell.run<unknown>(LIST_CERTIFICATES_SCRIPT, { rootStore, store });
    if (!outcome.ok) throw new Error(`The certificate store ${rootStore}\\${store} could not be read: ${outcome.error}`);
    return parseStoreCertificates(outcome.value, new Date());
  }

  serverCertificate(thumbprint: string): Promise<ServerCertificate> {
    return exportStoreCertificate(this.powershell, thumbprint);
  }
}
