import { ACCOUNT_SID_FUNCTION } from './account-sid-script';

/**
 * A certificate's private key as the file IIS's worker process opens (Machine.findCertificateKey). A CryptoAPI (CSP)
 * key: the certificate's PrivateKey is a CryptoServiceProvider whose container names the file in MachineKeys. A CNG
 * key: PrivateKey is null (or throws), and only the RSA and ECDsa certificate extensions of .NET 4.6 (4.6.1 for ECDsa)
 * open it, as an RSACng or ECDsaCng whose Key names the file in Keys; on an older .NET those types do not exist, and
 * only CSP keys are found. The extensions are probed by name (`-as [type]`), not written as type literals, so the
 * script still parses and runs where they are missing. Paths are joined as strings: they are Windows paths.
 */
export const CERTIFICATE_KEY_FUNCTIONS = `
function Find-CdxCertificateKey([string]$thumbprint, [string]$store) {
  $cert = Get-Item -LiteralPath ('Cert:\\LocalMachine\\' + $store + '\\' + $thumbprint) -ErrorAction SilentlyContinue
  if (-not $cert) { return [pscustomobject]@{ status = 'no-certificate' } }
  if (-not $cert.HasPrivateKey) { return [pscustomobject]@{ status = 'no-private-key' } }
  $crypto = $env:ProgramData + '\\Microsoft\\Crypto\\'
  $container = try { [string]$cert.PrivateKey.CspKeyContainerInfo.UniqueKeyContainerName } catch { '' }
  if ($container) {
    $provider = 'CSP'
    $file = $crypto + 'RSA\\MachineKeys\\' + $container
  } else {
    $keys = @()
    $rsa = 'System.Security.Cryptography.X509Certificates.RSACertificateExtensions' -as [type]
    if ($rsa) { $key = try { $rsa::GetRSAPrivateKey($cert) } catch { $null }; $keys += $key }
    $ecdsa = 'System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions' -as [type]
    if ($ecdsa) { $key = try { $ecdsa::GetECDsaPrivateKey($cert) } catch { $null }; $keys += $key }
    $cng = $keys | Where-Object { $_ -and $_.Key -and $_.Key.UniqueName } | Select-Object -First 1
    if (-not $cng) { return [pscustomobject]@{ status = 'not-located' } }
    $provider = 'CNG'
    $file = $crypto + 'Keys\\' + [string]$cng.Key.UniqueName
  }
  if (-not (Test-Path -LiteralPath $file)) { return [pscustomobject]@{ status = 'file-missing'; provider = $provider; file = $file } }
  # Get-Acl is refused to a user the file's rules do not let read its permissions; Setup could not change them either.
  $readable = try { $null = Get-Acl -LiteralPath $file -ErrorAction Stop; $true } catch { $false }
  [pscustomobject]@{ status = 'found'; provider = $provider; file = $file; aclReadable = $readable }
}
# The account's explicit Allow rules on a key file, their rights together as one access mask; $null when it has none.
function Get-CdxKeyRights([string]$file, $sid) {
  $rights = $null
  foreach ($rule in @((Get-Acl -LiteralPath $file).Access)) {
    if ($rule.IsInherited -or [string]$rule.AccessControlType -ne 'Allow') { continue }
    $owner = try { $rule.IdentityReference.Translate([System.Security.Principal.SecurityIdentifier]) } catch { $null }
    if ($owner -eq $sid) { $rights = [int]$rights -bor [int]$rule.FileSystemRights }
  }
  $rights
}
`;

/**
 * The exported script's grant (export-script.ts): Read added for the account unless its rule already lets it read the
 * key (the Read bits, or generic read or all), so a second run changes nothing.
 */
export const KEY_GRANT_FUNCTION = `${ACCOUNT_SID_FUNCTION}${CERTIFICATE_KEY_FUNCTIONS}
function Grant-CdxKeyRead([string]$thumbprint, [string]$store, [string]$identity) {
  $key = Find-CdxCertificateKey $thumbprint $store
  if ($key.status -ne 'found') { throw ('The private key of the certificate ' + $thumbprint + ' in LocalMachine\\' + $store + ' cannot be given to ' + $identity + ': ' + $key.status + '. Run cdx-setup validate for the reason and the fix.') }
  $sid = ConvertTo-AccountSid $identity
  $rights = Get-CdxKeyRights $key.file $sid
  if ($null -ne $rights -and ((($rights -band 0x20089) -eq 0x20089) -or ($rights -band 0x10000000) -or ($rights -band 0x80000000))) { return }
  $acl = Get-Acl -LiteralPath $key.file
  $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($sid, 'Read', 'Allow')))
  Set-Acl -LiteralPath $key.file -AclObject $acl
}`;

/** The machine's scripts for certificate keys; windows-scripts.ts lists them with the others. */
export const CERTIFICATE_KEY_SCRIPTS = {
  findCertificateKey: `${CERTIFICATE_KEY_FUNCTIONS}
Find-CdxCertificateKey $Data.thumbprint $Data.store`,

  readKeyAccess: `${ACCOUNT_SID_FUNCTION}${CERTIFICATE_KEY_FUNCTIONS}
if (-not (Test-Path -LiteralPath $Data.file)) { return $null }
$rights = Get-CdxKeyRights $Data.file (ConvertTo-AccountSid $Data.identity)
if ($null -eq $rights) { return $null }
[pscustomobject]@{ file = $Data.file; identity = $Data.identity; rights = $rights }`,

  // The account's Allow rules are replaced by one with exactly these rights; its Deny rules (RemoveAccessRuleAll takes
  // the rules of one type) and every other account's rules stay. A file's rule has no inheritance flags.
  writeKeyAccess: `${ACCOUNT_SID_FUNCTION}
$r = $Data.rule
$acl = Get-Acl -LiteralPath $r.file
$account = ConvertTo-AccountSid $r.identity
$acl.RemoveAccessRuleAll((New-Object System.Security.AccessControl.FileSystemAccessRule($account, 'Read', 'Allow')))
$acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($account, [System.Security.AccessControl.FileSystemRights][int]$r.rights, 'Allow')))
Set-Acl -LiteralPath $r.file -AclObject $acl
$true`,

  removeKeyAccess: `${ACCOUNT_SID_FUNCTION}
if (-not (Test-Path -LiteralPath $Data.file)) { return $true }
$acl = Get-Acl -LiteralPath $Data.file
$acl.RemoveAccessRuleAll((New-Object System.Security.AccessControl.FileSystemAccessRule((ConvertTo-AccountSid $Data.identity), 'Read', 'Allow')))
Set-Acl -LiteralPath $Data.file -AclObject $acl
$true`,
} as const;
