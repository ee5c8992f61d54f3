import { ACCOUNT_SID_FUNCTION } from './account-sid-script';

/**
 * The PowerShell behind a file restricted to a few accounts (Machine.readFileAccess, restrictFileAccess and
 * writeFileAccessSddl): Get-Acl and Set-Acl on the file's FileSecurity, its explicit rules read by SID (so a localised
 * Windows answers the same), and the whole DACL as SDDL for undo. Only the Access section is read and written: the
 * owner stays as it is. Values arrive in $Data; the exported script uses the same functions.
 */
export const FILE_ACCESS_FUNCTIONS = `${ACCOUNT_SID_FUNCTION}
function Get-CdxFileAccess([string]$path) {
  $acl = Get-Acl -LiteralPath $path
  $rules = @($acl.GetAccessRules($true, $false, [System.Security.Principal.SecurityIdentifier]) | ForEach-Object {
    [pscustomobject]@{ sid = [string]$_.IdentityReference.Value; rights = [int]$_.FileSystemRights; type = [string]$_.AccessControlType }
  })
  [pscustomobject]@{ path = $path; isProtected = [bool]$acl.AreAccessRulesProtected; rules = $rules; sddl = [string]$acl.GetSecurityDescriptorSddlForm('Access') }
}
function New-CdxGrantRule($grant) {
  New-Object System.Security.AccessControl.FileSystemAccessRule((ConvertTo-AccountSid ([string]$grant.identity)), [System.Security.AccessControl.FileSystemRights][string]$grant.rights, 'Allow')
}
# Every account is translated before the ACL is touched, so an unknown one changes nothing. Protected without
# preserving: the folder's rules are neither inherited nor copied; then the file's own rules go and the grants come.
function Set-CdxFileAccess([string]$path, $grants) {
  $wanted = @(@($grants) | ForEach-Object { New-CdxGrantRule $_ })
  $acl = Get-Acl -LiteralPath $path
  $acl.SetAccessRuleProtection($true, $false)
  foreach ($rule in @($acl.GetAccessRules($true, $false, [System.Security.Principal.SecurityIdentifier]))) { $acl.PurgeAccessRules($rule.IdentityReference) }
  foreach ($rule in $wanted) { $acl.AddAccessRule($rule) }
  Set-Acl -LiteralPath $path -AclObject $acl
}
# Whether the file inherits nothing and has exactly these grants (as Windows stores them): what a second run finds done.
function Test-CdxFileAccess([string]$path, $grants) {
  $current = Get-CdxFileAccess $path
  $wanted = @(@($grants) | ForEach-Object { $rule = New-CdxGrantRule $_; [string]$rule.IdentityReference.Value + '|' + [int]$rule.FileSystemRights + '|Allow' } | Sort-Object)
  $have = @($current.rules | ForEach-Object { [string]$_.sid + '|' + [string]$_.rights + '|' + [string]$_.type } | Sort-Object)
  $current.isProtected -and (($wanted -join ';') -eq ($have -join ';'))
}`;

export const FILE_ACCESS_SCRIPTS = {
  readFileAccess: `${FILE_ACCESS_FUNCTIONS}
if (-not (Test-Path -LiteralPath $Data.path -PathType Leaf)) { return $null }
Get-CdxFileAccess $Data.path`,

  restrictFileAccess: `${FILE_ACCESS_FUNCTIONS}
Set-CdxFileAccess $Data.path $Data.grants
$true`,

  // Windows recomputes the inherited rules of a DACL that is not protected from the folder when it is written: the
  // inherited entries the SDDL lists are not written as the file's own.
  writeFileAccessSddl: `
if (-not (Test-Path -LiteralPath $Data.path -PathType Leaf)) { return $true }
$acl = Get-Acl -LiteralPath $Data.path
$acl.SetSecurityDescriptorSddlForm([string]$Data.sddl, 'Access')
Set-Acl -LiteralPath $Data.path -AclObject $acl
$true`,
} as const;
