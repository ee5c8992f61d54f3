import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyProvider } from '../machine/machine';
import { ScenarioCertificateKey, type LoadedScenario } from './scenario';

/** The rights a scenario's key rule names, as the access masks Windows stores (.NET adds Synchronize to Allow rules). */
export const KEY_RULE_RIGHTS = { FullControl: 0x1f01ff, Read: 0x120089 } as const;

/** The folders Windows keeps machine keys in, by provider. */
export const MACHINE_KEY_FOLDERS: Record<KeyProvider, string> = {
  CSP: 'C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys',
  CNG: 'C:\\ProgramData\\Microsoft\\Crypto\\Keys',
};

/** Windows names a machine key file <hash>_<the computer's MachineGuid>; the rehearsal's computer has this one. */
const MACHINE_GUID = '8f6d2b1e-4c3a-4e59-9b7d-0a1c2e3f4d5b';

export interface ScenarioKeyFile {
  provider: KeyProvider;
  /** The key file's Windows path. */
  file: string;
  onDisk: boolean;
  /** Its explicit Allow rules as the scenario starts them, each with its access mask. */
  rules: { identity: string; rights: number }[];
}

/** A certificate of the scenario's LocalMachine stores, with where its private key is kept (null: it has none). */
export interface ScenarioKeyedCertificate {
  thumbprint: string;
  store: string;
  key: ScenarioKeyFile | null;
}

/** The scenario's LocalMachine certificates and their keys: the rehearsal host's and the fake Windows' first state. */
export function scenarioCertificateKeys(loaded: LoadedScenario): ScenarioKeyedCertificate[] {
  return loaded.scenario.certificates
    .filter((c) => c.rootStore === 'LocalMachine')
    .map((c) => {
      const certificate = new X509Certificate(readFileSync(path.resolve(loaded.baseDir, c.certificate)));
      const thumbprint = certificate.fingerprint.replace(/:/g, '');
      if (!c.privateKey) return { thumbprint, store: c.store, key: null };
      const key = c.key ?? ScenarioCertificateKey.parse({});
      const name = key.name ?? `${createHash('md5').update(thumbprint).digest('hex')}_${MACHINE_GUID}`;
      const rules = key.rules.map((r) => ({ identity: r.identity, rights: KEY_RULE_RIGHTS[r.rights] }));
      return { thumbprint, store: c.store, key: { provider: key.provider, file: `${MACHINE_KEY_FOLDERS[key.provider]}\\${name}`, onDisk: key.onDisk, rules } };
    });
}
