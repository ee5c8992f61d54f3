import { MssqlHostSql } from '../database/mssql-session';
import os from 'node:os';
import path from 'node:path';
import type { CertificateInfo } from '../../../shared/contract/schemas';
import type { Host } from './host';
import { ServerCertificateError, type ServerCertificate } from './server-certificate';
import { UnsupportedFacts } from './unsupported-facts';
import { unsupportedMachine } from './machine/unsupported-machine';
import { MachineError } from './machine/machine';
import type { DataProtection } from './data-protection';
import { windowsPathUnder } from './windows-paths';
import { publicNetwork } from './network';

const refuse = async (): Promise<never> => {
  throw new MachineError('This computer is not Windows: it has no DPAPI to keep a password for. Use --rehearsal to rehearse the installation.');
};

const unsupportedDataProtection: DataProtection = { name: 'DPAPI, local machine', protectSecret: refuse, isProtectedSecret: refuse };

/**
 * A computer that is neither Windows nor rehearsing: checks that can run anywhere still run, but nothing is
 * installed, and the operating system check says a Windows Server is required and how to rehearse instead.
 */
export class UnsupportedHost implements Host {
  readonly kind = 'unsupported' as const;
  readonly computerName = os.hostname();
  readonly description = `${os.type()} ${os.release()} "${os.hostname()}" (not Windows: nothing can be installed here)`;
  readonly rehearsal = null;
  readonly facts = new UnsupportedFacts((p) => this.realPath(p));
  readonly sql = new MssqlHostSql();
  readonly machine = unsupportedMachine;
  readonly network = publicNetwork;
  readonly dataProtection = unsupportedDataProtection;

  constructor(private readonly scratchRoot: string) {}

  async environment(): Promise<Record<string, string>> {
    return { SystemDrive: 'C:', ProgramData: 'C:\\ProgramData', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
  }

  realPath(windowsPath: string): string {
    return windowsPathUnder(path.join(this.scratchRoot, 'drives'), windowsPath);
  }

  async listCertificates(): Promise<CertificateInfo[]> {
    return [];
  }

  async serverCertificate(): Promise<ServerCertificate> {
    throw new ServerCertificateError('This computer is not Windows: it has no certificate store. Give --tls-cert FILE and --tls-key FILE.');
  }
}
