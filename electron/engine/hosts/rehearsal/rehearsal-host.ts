import { X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CertificateInfo } from '../../../../shared/contract/schemas';
import { describeCertificate } from '../certificate-file';
import type { Host, Rehearsal } from '../host';
import { ServerCertificateError, type ServerCertificate } from '../server-certificate';
import { RehearsalMachine } from '../machine/rehearsal-machine';
import { windowsPathUnder } from '../windows-paths';
import { scenarioCertificateKeys } from './certificate-keys';
import { readFactsSections } from './facts-scenario';
import { parseFaults } from './faults';
import { resolveRehearsalAccount } from './rehearsal-accounts';
import { RehearsalDataProtection } from './rehearsal-data-protection';
import { RehearsalFacts } from './rehearsal-facts';
import { scenarioServices } from './services-scenario';
import { parsePayloadFolders, seedPayloadFolders } from './payload-folders';
import type { LoadedScenario } from './scenario';
import { RehearsalSql } from './sql/rehearsal-sql';
import { parseNetworkSection } from './network/network-scenario';
import { RehearsalNetwork } from './network/rehearsal-network';
import { simulatedWindowsEnvironment } from './windows-environment';

/**
 * A simulated Windows server. Files are really written under the sandbox root (drive C: is `<root>/C`), and the
 * simulated machine state (IIS, firewall, SQL) persists as JSON under `<root>/state`, so a test can compare the
 * machine before and after.
 */
export class RehearsalHost implements Host {
  readonly kind = 'rehearsal' as const;
  readonly computerName: string;
  readonly description: string;
  readonly rehearsal: Rehearsal;
  readonly drivesRoot: string;
  readonly stateRoot: string;
  readonly facts: RehearsalFacts;
  readonly sql: RehearsalSql;
  readonly machine: RehearsalMachine;
  readonly network: RehearsalNetwork;
  readonly dataProtection: RehearsalDataProtection;

  constructor(
    readonly loaded: LoadedScenario,
    readonly sandboxRoot: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    const { scenario } = loaded;
    this.computerName = scenario.computer.name;
    this.description = `Rehearsal of ${scenario.computer.os.caption} "${scenario.computer.name}" (scenario ${scenario.name})`;
    const faults = parseFaults(loaded.file, scenario.faults);
    this.rehearsal = { scenario: scenario.name, sandboxRoot, faultAfter: (id) => faults.find((f) => f.operation === id)?.message ?? null };
    this.drivesRoot = path.join(sandboxRoot, 'drives');
    this.stateRoot = path.join(sandboxRoot, 'state');
    mkdirSync(path.join(this.drivesRoot, 'C'), { recursive: true });
    mkdirSync(this.stateRoot, { recursive: true });
    seedPayloadFolders(this.drivesRoot, parsePayloadFolders(loaded.file, scenario.payloadFolders));
    this.sql = RehearsalSql.fromScenario(loaded, this.stateRoot);
    this.dataProtection = new RehearsalDataProtection(this.stateRoot);
    this.machine = new RehearsalMachine(this.stateRoot, scenarioServices(loaded.file, scenario.services), {
      certificates: scenarioCertificateKeys(loaded),
      resolveAccount: (name) => resolveRehearsalAccount(readFactsSections(loaded.file), name),
      fileExists: (file) => statSync(this.realPath(file), { throwIfNoEntry: false })?.isFile() === true,
    });
    this.facts = new RehearsalFacts(loaded.file, () => this.machine.listSites());
    this.network = new RehearsalNetwork(parseNetworkSection(loaded.file, scenario.network), (f) => this.scenarioFile(f), async () => this.rootStorePems());
  }

  get scenario() {
    return this.loaded.scenario;
  }

  async environment(): Promise<Record<string, string>> {
    const { computer } = this.scenario;
    return {
      // In a workgroup Windows sets USERDOMAIN to the computer's name.
      ...simulatedWindowsEnvironment(computer.name, computer.domain ?? computer.name),
      ...computer.environment,
    };
  }

  realPath(windowsPath: string): string {
    return windowsPathUnder(this.drivesRoot, windowsPath);
  }

  /** A file the scenario refers to, relative to the scenario file. */
  scenarioFile(relative: string): string {
    return path.resolve(this.loaded.baseDir, relative);
  }

  async listCertificates(rootStore: string, store: string): Promise<CertificateInfo[]> {
    return this.scenario.certificates
      .filter((c) => c.rootStore === rootStore && c.store.toLowerCase() === store.toLowerCase())
      .map((c) =>
        describeCertificate(
          readFileSync(this.scenarioFile(c.certificate)),
          c.privateKey ? readFileSync(this.scenarioFile(c.privateKey)) : null,
          this.now(),
        ),
      );
  }

  /** Cert:\\LocalMachine\\Root of the scenario: the only authorities a rehearsal trusts. */
  private rootStorePems(): string[] {
    return this.scenario.certificates
      .filter((c) => c.rootStore === 'LocalMachine' && c.store.toLowerCase() === 'root')
      .map((c) => readFileSync(this.scenarioFile(c.certificate), 'utf8'));
  }

  /** The scenario's PEM files stand for the store; a certificate without a key file has no private key, as on Windows. */
  async serverCertificate(thumbprint: string): Promise<ServerCertificate> {
    const inStore = this.scenario.certificates.filter((c) => c.rootStore === 'LocalMachine' && c.store.toLowerCase() === 'my');
    for (const entry of inStore) {
      const cert = readFileSync(this.scenarioFile(entry.certificate));
      const certificate = new X509Certificate(cert);
      if (certificate.fingerprint.replace(/:/g, '') !== thumbprint) continue;
      if (!entry.privateKey) throw new ServerCertificateError(`The certificate ${thumbprint} in Cert:\\LocalMachine\\My has no private key.`);
      return { tls: { cert, key: readFileSync(this.scenarioFile(entry.privateKey)) }, certificate };
    }
    throw new ServerCertificateError(`No certificate with the thumbprint ${thumbprint} is in Cert:\\LocalMachine\\My.`);
  }
}
