import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataProtection } from '../data-protection';

/** state/machine-key.json: the simulated computer's own key, as a Windows computer has its DPAPI machine key. */
export const MACHINE_KEY_FILE = 'machine-key.json';

const MAGIC = Buffer.from('CDXR', 'ascii');
const IV = 12;
const TAG = 16;

/**
 * The rehearsal's DPAPI, machine scope: AES-256-GCM with a key of this sandbox, made once when the simulated computer
 * is first set up and kept in its state (like the real one, it outlives every installation). A value is readable
 * only with that key, so a rehearsal never writes a password in plain text either, and another sandbox cannot read it.
 */
export class RehearsalDataProtection implements DataProtection {
  readonly name = 'DPAPI, local machine';
  private readonly keyFile: string;

  constructor(stateRoot: string) {
    this.keyFile = path.join(stateRoot, MACHINE_KEY_FILE);
    if (!existsSync(this.keyFile)) writeFileSync(this.keyFile, `${JSON.stringify({ dpapiMachineKey: randomBytes(32).toString('base64') }, null, 2)}\n`, { mode: 0o600 });
  }

  private key(): Buffer {
    const key = Buffer.from(String(JSON.parse(readFileSync(this.keyFile, 'utf8')).dpapiMachineKey ?? ''), 'base64');
    if (key.length !== 32) throw new Error(`The rehearsal computer's machine key (${this.keyFile}) is damaged: it is not 32 bytes of base64.`);
    return key;
  }

  async protectSecret(plaintext: string): Promise<string> {
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv).setAAD(MAGIC);
    const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), encrypted]).toString('base64');
  }

  async isProtectedSecret(blob: string, plaintext: string): Promise<boolean> {
    const decrypted = this.unprotect(blob);
    const expected = Buffer.from(plaintext, 'utf8');
    return decrypted !== null && decrypted.length === expected.length && timingSafeEqual(decrypted, expected);
  }

  /** The bytes the blob holds, or null when this computer's key does not open it (DPAPI's "The data is invalid"). */
  private unprotect(blob: string): Buffer | null {
    if (!/^[A-Za-z0-9+/]+=*$/.test(blob)) return null;
    const bytes = Buffer.from(blob, 'base64');
    if (bytes.length < MAGIC.length + IV + TAG || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const iv = bytes.subarray(MAGIC.length, MAGIC.length + IV);
    const tag = bytes.subarray(MAGIC.length + IV, MAGIC.length + IV + TAG);
    const key = this.key();
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(MAGIC);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(bytes.subarray(MAGIC.length + IV + TAG)), decipher.final()]);
    } catch {
      return null;
    }
  }
}
