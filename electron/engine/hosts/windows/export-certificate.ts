import { randomBytes, X509Certificate } from 'node:crypto';
import { ServerCertificateError, type ServerCertificate } from '../server-certificate';
import type { PowerShellRunner } from './powershell';

/**
 * Node's TLS cannot use a key held by Windows' certificate store, so the certificate is exported as a PFX, kept only
 * in memory, protected by a one-time password made here and sent to PowerShell on standard input with the rest of
 * `$Data` (never on a command line). Only keys marked exportable can leave the store.
 */
export const EXPORT_CERTIFICATE_SCRIPT = `
$cert = @(Get-ChildItem -Path 'Cert:\\LocalMachine\\My' | Where-Object { $_.Thumbprint -eq $Data.thumbprint }) | Select-Object -First 1
if (-not $cert) { throw ('No certificate with the thumbprint ' + $Data.thumbprint + ' is in Cert:\\LocalMachine\\My.') }
if (-not $cert.HasPrivateKey) { throw ('The certificate ' + $Data.thumbprint + ' in Cert:\\LocalMachine\\My has no private key.') }
$pfx = $cert.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, [string]$Data.password)
@{ pfx = [Convert]::ToBase64String($pfx); certificate = [Convert]::ToBase64String($cert.RawData) }
`;

export async function exportStoreCertificate(powershell: PowerShellRunner, thumbprint: string): Promise<ServerCertificate> {
  const passphrase = randomBytes(24).toString('base64url');
  const outcome = await powershell.run<{ pfx: string; certificate: string }>(EXPORT_CERTIFICATE_SCRIPT, { thumbprint, password: passphrase });
  if (!outcome.ok) {
    // What .NET says of a key that was imported without "Mark this key as exportable".
    const notExportable = /not valid for use in specified state|key not valid|not exportable/i.test(outcome.error);
    throw new ServerCertificateError(
      notExportable
        ? `The private key of the certificate ${thumbprint} in Cert:\\LocalMachine\\My is not exportable, so this program cannot serve it: import it again with its key marked exportable, or give --tls-cert FILE and --tls-key FILE.`
        : outcome.error,
    );
  }
  return { tls: { pfx: Buffer.from(outcome.value.pfx, 'base64'), passphrase }, certificate: new X509Certificate(Buffer.from(outcome.value.certificate, 'base64')) };
}
