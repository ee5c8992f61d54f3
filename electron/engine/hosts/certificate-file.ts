import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { CertificateInfo } from '../../../shared/contract/schemas';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

/**
 * A certificate as the Windows store shows it, read from a real PEM file. The thumbprint is computed as Windows
 * computes it (SHA-1 of the DER encoding), never typed in.
 */
export function describeCertificate(pem: string | Buffer, privateKeyPem: string | Buffer | null, now: Date): CertificateInfo {
  const cert = new X509Certificate(pem);
  let hasPrivateKey = false;
  if (privateKeyPem) {
    try {
      hasPrivateKey = cert.checkPrivateKey(createPrivateKey(privateKeyPem));
    } catch {
      hasPrivateKey = false;
    }
  }
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  // No extended key usage extension means the certificate is valid for every purpose, server authentication included.
  const usages = cert.keyUsage;
  return {
    thumbprint: cert.fingerprint.replace(/:/g, '').toUpperCase(),
    subject: cert.subject.split('\n').join(', '),
    issuer: cert.issuer.split('\n').join(', '),
    friendlyName: commonName(cert.subject),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    hasPrivateKey,
    expired: notAfter.getTime() < now.getTime() || notBefore.getTime() > now.getTime(),
    serverAuthentication: usages === undefined || usages.includes(SERVER_AUTH),
    selfSigned: cert.subject === cert.issuer && cert.checkIssued(cert),
    dnsNames: (cert.subjectAltName ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('DNS:'))
      .map((s) => s.slice(4)),
  };
}

function commonName(subject: string): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1] ?? '';
}
