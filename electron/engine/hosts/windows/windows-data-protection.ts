import type { DataProtection } from '../data-protection';
import type { PowerShellRunner } from './powershell';

/**
 * DPAPI through PowerShell: the secret travels only in $Data (standard input) and is neither printed nor returned.
 * System.Security holds ProtectedData in .NET Framework 4 (Windows PowerShell 4.0 and 5.1). No extra entropy: the
 * application reads the value back with ProtectedData.Unprotect(bytes, null, LocalMachine).
 */
export const DATA_PROTECTION_SCRIPTS = {
  protectSecret: `
Add-Type -AssemblyName System.Security
$bytes = [System.Text.Encoding]::UTF8.GetBytes([string]$Data.secret)
$blob = [System.Security.Cryptography.ProtectedData]::Protect($bytes, $null, [System.Security.Cryptography.DataProtectionScope]::LocalMachine)
[Array]::Clear($bytes, 0, $bytes.Length)
[Convert]::ToBase64String($blob)`,

  // Decrypted and compared here, so that the password never comes back on the answer line. A blob this computer
  // cannot decrypt (another computer's, damaged, not base64) is "not the same", not an error: it is written again.
  isProtectedSecret: `
Add-Type -AssemblyName System.Security
try {
  $bytes = [System.Security.Cryptography.ProtectedData]::Unprotect([Convert]::FromBase64String([string]$Data.blob), $null, [System.Security.Cryptography.DataProtectionScope]::LocalMachine)
} catch {
  $inner = $_.Exception.InnerException
  if ($inner -is [System.Security.Cryptography.CryptographicException] -or $inner -is [System.FormatException]) { return $false }
  throw
}
$same = [string]::Equals([System.Text.Encoding]::UTF8.GetString($bytes), [string]$Data.secret, [System.StringComparison]::Ordinal)
[Array]::Clear($bytes, 0, $bytes.Length)
$same`,
} as const;

export class WindowsDataProtection implements DataProtection {
  readonly name = 'DPAPI, local machine';

  constructor(private readonly powershell: PowerShellRunner) {}

  async protectSecret(plaintext: string): Promise<string> {
    const outcome = await this.powershell.run<unknown>(DATA_PROTECTION_SCRIPTS.protectSecret, { secret: plaintext });
    // PowerShell's message is about the call; the secret is in the data, which is not part of it.
    if (!outcome.ok) throw new Error(`Encrypting a password for this computer (DPAPI) failed: ${outcome.error}`);
    if (typeof outcome.value !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(outcome.value)) throw new Error('Encrypting a password for this computer (DPAPI) gave no base64 value.');
    return outcome.value;
  }

  async isProtectedSecret(blob: string, plaintext: string): Promise<boolean> {
    const outcome = await this.powershell.run<unknown>(DATA_PROTECTION_SCRIPTS.isProtectedSecret, { blob, secret: plaintext });
    if (!outcome.ok) throw new Error(`Reading a password encrypted for this computer (DPAPI) failed: ${outcome.error}`);
    return outcome.value === true;
  }
}
