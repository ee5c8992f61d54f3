# The Configuration Manager / Intune install and uninstall program of an Async Server instance (README.md beside
# this script). Windows PowerShell 4.0 and later.
#   Install:   powershell.exe -NoProfile -ExecutionPolicy Bypass -File Invoke-CdxSetup.ps1 -Settings ss-settings.xml
#   Uninstall: powershell.exe -NoProfile -ExecutionPolicy Bypass -File Invoke-CdxSetup.ps1 -Uninstall -Instance AsyncServer
# The app pool user's password comes from the task sequence variable CDXSetupAppPoolPassword (set it with "Do not
# display this value"), read here from the task sequence environment and handed to cdx-setup in its own process
# environment: never on a command line, never in a file, never in the content on the distribution point.
param(
  [string]$Settings,
  [switch]$Uninstall,
  [string]$Instance,
  # Where cdx-setup is: the installer puts its bin folder on the machine PATH, which a running agent may not see yet.
  [string]$CdxSetup = (Join-Path $env:ProgramFiles 'CDX Setup\bin\cdx-setup.ps1')
)

# cdx-setup's exit codes as Configuration Manager reads them: 0 success; 1 failed (rolled back), 2 bad input and
# 3 prerequisites not met are failures (nothing to retry until the settings or the server change). cdx-setup never
# needs a restart, so 3010 is never returned; a restart pending on the server is its prerequisite pending-reboot (3).
$ExitCodes = @{ 0 = 0; 1 = 1; 2 = 2; 3 = 3 }

function Get-TaskSequenceValue([string]$Name) {
  try { $ts = New-Object -ComObject Microsoft.SMS.TSEnvironment -ErrorAction Stop } catch { return $null }
  $value = $ts.Value($Name)
  if ($value) { return $value }
  return $null
}

if ($Uninstall) {
  if (-not $Instance) { [Console]::Error.WriteLine('Invoke-CdxSetup: -Uninstall needs -Instance NAME.'); exit 2 }
  $arguments = @('uninstall', '--instance', $Instance)
} else {
  if (-not $Settings) { [Console]::Error.WriteLine('Invoke-CdxSetup: give -Settings FILE (the ss-settings.xml of this node).'); exit 2 }
  $arguments = @('deploy', '--settings', (Join-Path $PSScriptRoot $Settings), '--json')
}

$password = Get-TaskSequenceValue 'CDXSetupAppPoolPassword'
$sqlPassword = Get-TaskSequenceValue 'CDXSetupSqlPassword'
if ($password) { $env:CDX_SETUP_PASSWORD = $password }
if ($sqlPassword) { $env:CDX_SETUP_SQL_PASSWORD = $sqlPassword }
try {
  & $CdxSetup @arguments
  $code = $LASTEXITCODE
} finally {
  Remove-Item -LiteralPath Env:CDX_SETUP_PASSWORD, Env:CDX_SETUP_SQL_PASSWORD -ErrorAction SilentlyContinue
}
if ($ExitCodes.ContainsKey($code)) { exit $ExitCodes[$code] }
exit 1
