import type { X509Certificate } from 'node:crypto';
import type { PresentedCertificate } from '../../../shared/contract/methods/connection';

export function presentedCertificate(cert: X509Certificate): PresentedCertificate {
  return {
    subject: cert.subject.split('\n').join(', '),
    issuer: cert.issuer.split('\n').join(', '),
    thumbprint: cert.fingerprint.replace(/:/g, '').toUpperCase(),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    dnsNames: (cert.subjectAltName ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('DNS:'))
      .map((s) => s.slice(4)),
    selfSigned: cert.subject === cert.issuer && cert.checkIssued(cert),
    pem: cert.toString(),
  };
}

/** "CN=cdx-hq01.contoso.com, O=Contoso (thumbprint 3F…, issued by …, valid until 2036-01-01)". */
export function describePresented(c: PresentedCertificate): string {
  return `${c.subject} (thumbprint ${c.thumbprint}, issued by ${c.issuer}, valid until ${c.notAfter.slice(0, 10)})`;
}

const IMPORT_ROOT = 'Cert:\\LocalMachine\\Root';

export interface TrustVerdict {
  message: string;
  fix: string;
}

/**
 * Why this computer does not trust the certificate, and how to make it trust it: a self-signed certificate is
 * imported itself (the install guide: it must be trusted on every client computer), a certificate of an unknown
 * authority through that authority's root, an expired one only by renewing it on the server.
 */
export function untrustedVerdict(code: string, detail: string, c: PresentedCertificate, server: string): TrustVerdict {
  const which = describePresented(c);
  const importLine = (file: string) => `Import-Certificate -FilePath ${file} -CertStoreLocation ${IMPORT_ROOT}`;
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    const when = code === 'CERT_HAS_EXPIRED' ? `expired on ${c.notAfter.slice(0, 10)}` : `is not valid before ${c.notBefore.slice(0, 10)}`;
    return {
      message: `${server} presented the certificate ${which}, which ${when}.`,
      fix: `Renew the certificate on ${server}, bind the new one to its website's HTTPS binding, and test again; trusting it on this computer does not help.`,
    };
  }
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || (c.selfSigned && code !== 'SELF_SIGNED_CERT_IN_CHAIN')) {
    return {
      message: `${server} presented a self-signed certificate, ${which}, that this computer does not trust.`,
      fix: `A self-signed server certificate must be trusted on every client computer: export it from ${server} (without its private key, as a .cer file) and import it into Local Computer\\Trusted Root Certification Authorities, as administrator: ${importLine('server.cer')}. Or bind a certificate from an authority this computer trusts on ${server}.`,
    };
  }
  return {
    message: `${server} presented the certificate ${which}, and this computer does not trust its issuer (${detail}).`,
    fix: `Import the root certificate of the authority "${c.issuer}" into Local Computer\\Trusted Root Certification Authorities on this computer, as administrator: ${importLine('authority-root.cer')}. Or bind a certificate from an authority this computer trusts on ${server}.`,
  };
}
