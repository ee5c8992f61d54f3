/**
 * A secret kept on the computer so that only this computer can read it back: Windows' DPAPI with the machine scope
 * (`ProtectedData` with `DataProtectionScope.LocalMachine`), which is what a Windows service running as any account
 * of this computer can decrypt, and no other computer. The plaintext goes in and never comes back out: a value on
 * disk is checked against a password on the host itself, so no answer, log or journal line can carry it.
 */
export interface DataProtection {
  /** How the Ready page names the protection: "DPAPI, local machine". */
  readonly name: string;
  /** The secret encrypted for this computer, as base64 (what a configuration file holds). */
  protectSecret(plaintext: string): Promise<string>;
  /**
   * Whether `blob` decrypts, on this computer, to exactly `plaintext`. False for a blob this computer cannot decrypt
   * (another computer's, a damaged one, not base64): writing it again is then the way to have it right.
   */
  isProtectedSecret(blob: string, plaintext: string): Promise<boolean>;
}

/** The protection a payload manifest can ask for (manifest.json `service.secrets.*.protection`). */
export const DPAPI_LOCAL_MACHINE = 'dpapi-localmachine';
