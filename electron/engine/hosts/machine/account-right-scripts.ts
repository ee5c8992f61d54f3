/**
 * The PowerShell behind a user right such as Log on as a service (SeServiceLogonRight), through secedit.exe, which
 * every Windows Server has and which needs no compiled code: the local policy's user rights are exported, the one
 * right's line is edited, and a template holding only that line is applied, so every other right stays as it is.
 * Accounts are compared by SID (a built-in account arrives as its well-known SID); the temporary template, export
 * and security database are removed whatever happens. Values arrive in $Data.
 */
const RIGHT_FUNCTIONS = `
if ($Data.right -notmatch '^Se[A-Za-z]+(Right|Privilege)$') { throw ('"' + $Data.right + '" is not a user right.') }
function ConvertTo-CdxSid([string]$identity) {
  if ($identity -match '^S-1-[0-9]+(-[0-9]+)+$') { return $identity }
  # .\\user is this computer's user, which LookupAccountName knows only by the computer's name.
  if ($identity.StartsWith('.\\')) { $identity = $env:COMPUTERNAME + $identity.Substring(1) }
  [string](New-Object System.Security.Principal.NTAccount($identity)).Translate([System.Security.Principal.SecurityIdentifier]).Value
}
function New-CdxTempPath([string]$extension) {
  [IO.Path]::Combine([IO.Path]::GetTempPath(), 'cdx-rights-' + [guid]::NewGuid().ToString('N') + $extension)
}
# The right's holders as the exported policy lists them: *S-1-… for an account Windows knows, a name otherwise.
function Read-CdxRightHolders([string]$right) {
  $export = New-CdxTempPath '.inf'
  try {
    $out = & secedit.exe /export /cfg $export /areas USER_RIGHTS | Out-String
    if ($LASTEXITCODE -ne 0) { throw ('secedit /export failed: ' + $out.Trim()) }
    $line = [IO.File]::ReadAllLines($export) | Where-Object { $_ -match ('^\\s*' + [regex]::Escape($right) + '\\s*=') } | Select-Object -First 1
    if (-not $line) { return }
    $line.Substring($line.IndexOf('=') + 1).Split(',') | ForEach-Object { $_.Trim() } | Where-Object { $_ }
  } finally {
    if ([IO.File]::Exists($export)) { [IO.File]::Delete($export) }
  }
}
function Test-CdxHolder([string]$holder, [string]$sid) {
  if ($holder.StartsWith('*')) { return $holder.Substring(1) -eq $sid }
  try { (ConvertTo-CdxSid $holder) -eq $sid } catch { $false }
}`;

export const ACCOUNT_RIGHT_SCRIPTS = {
  readAccountRight: `${RIGHT_FUNCTIONS}
$sid = ConvertTo-CdxSid $Data.account
$holders = @(Read-CdxRightHolders $Data.right)
[bool](@($holders | Where-Object { Test-CdxHolder $_ $sid }).Count -gt 0)`,

  writeAccountRight: `${RIGHT_FUNCTIONS}
$sid = ConvertTo-CdxSid $Data.account
$holders = @(Read-CdxRightHolders $Data.right)
$others = @($holders | Where-Object { -not (Test-CdxHolder $_ $sid) })
if (($others.Count -lt $holders.Count) -eq [bool]$Data.granted) { return $true }
if ($Data.granted) { $wanted = $others + @('*' + $sid) } else { $wanted = $others }
$template = New-CdxTempPath '.inf'
$database = New-CdxTempPath '.sdb'
try {
  $text = '[Unicode]', 'Unicode=yes', '[Version]', 'signature="$CHICAGO$"', 'Revision=1', '[Privilege Rights]', ($Data.right + ' = ' + ($wanted -join ','))
  [IO.File]::WriteAllText($template, (($text -join "\`r\`n") + "\`r\`n"), [Text.Encoding]::Unicode)
  $out = & secedit.exe /configure /db $database /cfg $template /areas USER_RIGHTS /quiet | Out-String
  # 3: completed with warnings (an account of the line it could not map); the read below says whether ours held.
  if ($LASTEXITCODE -ne 0 -and $LASTEXITCODE -ne 3) { throw ('secedit /configure failed: ' + $out.Trim() + ' (see %windir%\\security\\logs\\scesrv.log)') }
} finally {
  foreach ($f in $template, $database, [IO.Path]::ChangeExtension($database, '.jfm')) { if ([IO.File]::Exists($f)) { [IO.File]::Delete($f) } }
}
$after = @(Read-CdxRightHolders $Data.right)
$holds = @($after | Where-Object { Test-CdxHolder $_ $sid }).Count -gt 0
if ($holds -ne [bool]$Data.granted) { throw ('secedit did not ' + $(if ($Data.granted) { 'grant ' } else { 'revoke ' }) + $Data.right + ' for ' + $Data.account + ' (see %windir%\\security\\logs\\scesrv.log).') }
$true`,
} as const;
