import { X509Certificate } from 'node:crypto';

/**
 * A certificate with its private key, for a TLS server of this process (the web console beyond loopback): what
 * Node's TLS takes, either a PFX with its one-time passphrase (Windows exports it from its store) or PEM certificate
 * and key (a file given, or a rehearsal scenario's).
 */
export interface ServerCertificate {
  tls: { pfx: Buffer; passphrase: string } | { cert: Buffer; key: Buffer };
  /** The public certificate, for the names the server answers to. */
  certificate: X509Certificate;
}

export class ServerCertificateError extends Error {}

/**
 * A thumbprint as admins paste it: from the certificate dialog it carries spaces and an invisible left-to-right
 * mark; Windows compares it as 40 hexadecimal digits.
 */
export function normalizeThumbprint(value: string): string {
  const thumbprint = value.replace(/[\s\u200e\u200f\ufeff]/g, '').toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(thumbprint)) throw new ServerCertificateError(`"${value}" is not a certificate thumbprint: it has 40 hexadecimal digits (0-9, A-F).`);
  return thumbprint;
}
