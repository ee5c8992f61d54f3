import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../../../../shared/contract/describe-error';

/**
 * A rehearsal scenario: a simulated Windows server, described as data. Every section has defaults so a scenario
 * states only what differs from a healthy Windows Server with IIS.
 */
export const ScenarioKeyRule = z.object({ identity: z.string(), rights: z.enum(['FullControl', 'Read']) });

/**
 * Where Windows keeps a certificate's private key (see Machine.findCertificateKey): a CryptoAPI (CSP) key file in
 * MachineKeys or a CNG key file in Keys, and that file's explicit rules.
 */
export const ScenarioCertificateKey = z.object({
  provider: z.enum(['CSP', 'CNG']).default('CSP'),
  /** The key file's name (its unique container name, or CNG's unique name); made up from the thumbprint when not given. */
  name: z.string().optional(),
  /** false: the store names the key, but no such file is on the computer (a smart card, an HSM, a user's profile). */
  onDisk: z.boolean().default(true),
  /** The file's explicit Allow rules; by default what Windows gives a key an administrator imported. */
  rules: z.array(ScenarioKeyRule).default([
    { identity: 'NT AUTHORITY\\SYSTEM', rights: 'FullControl' },
    { identity: 'BUILTIN\\Administrators', rights: 'FullControl' },
  ]),
});

export const ScenarioCertificate = z.object({
  rootStore: z.enum(['LocalMachine', 'CurrentUser']).default('LocalMachine'),
  store: z.string().default('My'),
  /** A PEM file, relative to the scenario file. */
  certificate: z.string(),
  /** Its private key (PEM), relative to the scenario file; absent when the store holds no key for it. */
  privateKey: z.string().optional(),
  /** How its private key is stored (with `privateKey` only); a CSP key file readable by administrators otherwise. */
  key: ScenarioCertificateKey.optional(),
});

export const Scenario = z.object({
  name: z.string(),
  description: z.string().default(''),
  computer: z
    .object({
      name: z.string().default('CDX-HQ01'),
      /** The NetBIOS name of the computer's domain; null for a computer in a workgroup. */
      domain: z.string().nullable().default('CONTOSO'),
      os: z
        .object({
          caption: z.string().default('Microsoft Windows Server 2012 R2 Datacenter'),
          version: z.string().default('6.3.9600'),
        })
        .default({ caption: 'Microsoft Windows Server 2012 R2 Datacenter', version: '6.3.9600' }),
      environment: z.record(z.string(), z.string()).default({}),
    })
    .default({
      name: 'CDX-HQ01',
      domain: 'CONTOSO',
      os: { caption: 'Microsoft Windows Server 2012 R2 Datacenter', version: '6.3.9600' },
      environment: {},
    }),
  certificates: z.array(ScenarioCertificate).default([]),
  /**
   * Sections owned by later features (IIS role services, ports in use, accounts, SQL servers, faults, services). They are
   * kept as data here and validated by the feature that reads them.
   */
  iis: z.record(z.string(), z.unknown()).default({}),
  network: z.record(z.string(), z.unknown()).default({}),
  accounts: z.array(z.unknown()).default([]),
  sqlServers: z.array(z.record(z.string(), z.unknown())).default([]),
  faults: z.array(z.record(z.string(), z.unknown())).default([]),
  services: z.record(z.string(), z.unknown()).default({}),
  payloadFolders: z.array(z.unknown()).default([]),
});
export type Scenario = z.infer<typeof Scenario>;

export interface LoadedScenario {
  scenario: Scenario;
  /** The scenario file's folder: relative file references resolve against it. */
  baseDir: string;
  file: string;
}

export const DEFAULT_SCENARIO_FILE = 'default/scenario.json';

export function loadScenario(file: string): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(file, `cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(file, `is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(file, `is not a valid scenario: ${describeZodError(parsed.error)}`);
  return { scenario: parsed.data, baseDir: path.dirname(path.resolve(file)), file: path.resolve(file) };
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Rehearsal scenario ${file} ${detail}`);
  }
}
