import type { CertificateInfo } from '../../../../shared/contract/schemas';

/** Lists a certificate store; `$Data` carries rootStore and store, so nothing is spliced into the script text. */
export const LIST_CERTIFICATES_SCRIPT = `
$path = 'Cert:\\' + $Data.rootStore + '\\' + $Data.store
@(Get-ChildItem -Path $path | ForEach-Object {
  [pscustomobject]@{
    thumbprint = $_.Thumbprint
    subject = $_.Subject
    issuer = $_.Issuer
    friendlyName = $_.FriendlyName
    notBefore = $_.NotBefore.ToUniversalTime().ToString('o')
    notAfter = $_.NotAfter.ToUniversalTime().ToString('o')
    hasPrivateKey = $_.HasPrivateKey
    ekus = @($_.EnhancedKeyUsageList | ForEach-Object { $_.ObjectId })
    dnsNames = @($_.DnsNameList | ForEach-Object { $_.Unicode })
  }
})
`;

export interface RawStoreCertificate {
  thumbprint: string;
  subject: string;
  issuer: string;
  friendlyName?: string | null;
  notBefore: string;
  notAfter: string;
  hasPrivateKey: boolean;
  ekus?: string[] | null;
  dnsNames?: string[] | null;
}

export function parseStoreCertificates(raw: unknown, now: Date): CertificateInfo[] {
  // ConvertTo-Json turns a one-element array into the element itself.
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as RawStoreCertificate[];
  return list.map((c) => {
    const notBefore = new Date(c.notBefore);
    const notAfter = new Date(c.notAfter);
    const ekus = c.ekus ?? [];
    return {
      thumbprint: c.thumbprint.toUpperCase(),
      subject: c.subject,
      issuer: c.issuer,
      friendlyName: c.friendlyName ?? '',
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      hasPrivateKey: Boolean(c.hasPrivateKey),
      expired: notAfter < now || notBefore > now,
      serverAuthentication: ekus.length === 0 || ekus.includes('1.3.6.1.5.5.7.3.1'),
      selfSigned: c.subject === c.issuer,
      dnsNames: c.dnsNames ?? [],
    };
  });
}
