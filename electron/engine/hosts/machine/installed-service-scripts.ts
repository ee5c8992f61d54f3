/**
 * The PowerShell behind a Windows service a component installs (Async Client's), for Windows PowerShell 4.0 and later
 * on Windows Server 2012 R2: Win32_Service through the CIM cmdlets (its configuration, Change and Delete), New-Service
 * to create it, sc.exe for the recovery actions (no cmdlet of 4.0 or 5.1 has them), Start-Service and Stop-Service.
 * Values arrive in $Data. The password goes only into a PSCredential (New-Service) or the arguments of
 * Win32_Service.Change, never onto a command line: sc.exe create and sc.exe config would show it to every process.
 */

/** The service by name as WQL wants it (a quote or backslash escaped), or $null. */
const FIND_SERVICE = `
function Find-CdxService([string]$name) {
  if (-not $name -or $name -match '[\\\\/]') { throw ('"' + $name + '" is not a service name.') }
  Get-CimInstance -ClassName Win32_Service -Filter ("Name = '" + $name.Replace("'", "\\'") + "'")
}`;

/**
 * sc.exe qfailure prints the reset period and the actions in fixed English words on every language
 * (RESET_PERIOD, RESTART -- Delay = 60000 milliseconds.); a service without actions has no FAILURE_ACTIONS line.
 */
const READ_RECOVERY = `
function Read-CdxRecovery([string]$name) {
  $text = (& sc.exe qfailure $name 5000 | Out-String)
  if ($LASTEXITCODE -ne 0) { throw ('sc.exe qfailure ' + $name + ' failed: ' + $text.Trim()) }
  $reset = 0
  if ($text -match 'RESET_PERIOD[^:]*:\\s*(\\d+)') { $reset = [int]$Matches[1] }
  $delay = 0
  $restart = $text -match 'FAILURE_ACTIONS\\s*:\\s*RESTART -- Delay = (\\d+)'
  if ($restart) { $delay = [int]([int64]$Matches[1] / 1000) }
  @{ restart = [bool]$restart; restartDelaySeconds = $delay; resetSeconds = $reset }
}`;

export const INSTALLED_SERVICE_SCRIPTS = {
  readInstalledService: `${FIND_SERVICE}${READ_RECOVERY}
$svc = Find-CdxService $Data.name
if (-not $svc) { return $null }
$start = switch ([string]$svc.StartMode) { 'Auto' { 'Automatic' } 'Disabled' { 'Disabled' } default { 'Manual' } }
[pscustomobject]@{
  name = [string]$svc.Name
  displayName = [string]$svc.DisplayName
  binaryPath = [string]$svc.PathName
  account = [string]$svc.StartName
  startType = $start
  recovery = Read-CdxRecovery $svc.Name
  status = $(if ([string]$svc.State -eq 'Running') { 'Running' } else { 'Stopped' })
}`,

  /**
   * Creates the service (New-Service, its account in a PSCredential) or reconfigures it (Win32_Service.Change, the
   * password among the method's arguments), asking only for what differs, then its recovery and its state. Without a
   * password an existing service keeps the one it has; a built-in account has none (an empty one, as the SCM wants).
   */
  writeInstalledService: `${FIND_SERVICE}${READ_RECOVERY}
$s = $Data.state
$account = [string]$s.account
$builtIn = @('LocalSystem', 'NT AUTHORITY\\NetworkService', 'NT AUTHORITY\\LocalService') -contains $account
$password = $null
if ($builtIn) { $password = '' } elseif ($Data.password) { $password = [string]$Data.password }
$svc = Find-CdxService $s.name
if (-not $svc) {
  if ($null -eq $password) { throw ('The Windows service ' + $s.name + ' cannot be created for ' + $account + ' without its password.') }
  $create = @{ Name = [string]$s.name; BinaryPathName = [string]$s.binaryPath; DisplayName = [string]$s.displayName; StartupType = [string]$s.startType }
  if ($account -ne 'LocalSystem') {
    $secure = New-Object System.Security.SecureString
    foreach ($c in $password.ToCharArray()) { $secure.AppendChar($c) }
    $create.Credential = New-Object System.Management.Automation.PSCredential($account, $secure)
  }
  New-Service @create | Out-Null
  $svc = Find-CdxService $s.name
} else {
  $change = @{}
  if ([string]$svc.DisplayName -cne [string]$s.displayName) { $change.DisplayName = [string]$s.displayName }
  if ([string]$svc.PathName -cne [string]$s.binaryPath) { $change.PathName = [string]$s.binaryPath }
  $mode = switch ([string]$s.startType) { 'Automatic' { 'Auto' } default { [string]$s.startType } }
  if ([string]$svc.StartMode -ne $mode) { $change.StartMode = [string]$s.startType }
  $otherAccount = [string]$svc.StartName -ne $account
  if ($otherAccount -and $null -eq $password) { throw ('The Windows service ' + $s.name + ' cannot log on as ' + $account + ' without its password.') }
  if ($otherAccount -or ($Data.password -and -not $builtIn)) { $change.StartName = $account; $change.StartPassword = $password }
  if ($change.Count -gt 0) {
    $result = Invoke-CimMethod -InputObject $svc -MethodName Change -Arguments $change
    # Win32_Service.Change's return values, as its documentation names them.
    $why = @{ 2 = 'access denied'; 15 = 'the service logon failed'; 16 = 'the service is marked for deletion'; 21 = 'a parameter is invalid'; 22 = 'the account does not exist or cannot log on as this service' }
    if ($result.ReturnValue -ne 0) { throw ('Win32_Service.Change of ' + $s.name + ' failed with ' + $result.ReturnValue + $(if ($why.ContainsKey([int]$result.ReturnValue)) { ': ' + $why[[int]$result.ReturnValue] } else { '' }) + '.') }
  }
}
$r = $s.recovery
$current = Read-CdxRecovery $s.name
if ($current.restart -ne [bool]$r.restart -or $current.resetSeconds -ne [int]$r.resetSeconds -or ($r.restart -and $current.restartDelaySeconds -ne [int]$r.restartDelaySeconds)) {
  if ($r.restart) {
    $ms = [string]([int]$r.restartDelaySeconds * 1000)
    $out = & sc.exe failure $s.name reset= ([string][int]$r.resetSeconds) actions= ('restart/' + $ms + '/restart/' + $ms + '/restart/' + $ms) | Out-String
  } else {
    # Windows PowerShell drops an empty argument; '""' reaches sc.exe as the empty list it documents for no action.
    $out = & sc.exe failure $s.name reset= ([string][int]$r.resetSeconds) actions= '""' | Out-String
  }
  if ($LASTEXITCODE -ne 0) { throw ('sc.exe failure ' + $s.name + ' failed: ' + $out.Trim()) }
}
$running = [string](Find-CdxService $s.name).State -eq 'Running'
if ($s.status -eq 'Running' -and -not $running) { Start-Service -Name $s.name }
if ($s.status -ne 'Running' -and $running) { Stop-Service -Name $s.name }
$true`,

  removeInstalledService: `${FIND_SERVICE}
$svc = Find-CdxService $Data.name
if (-not $svc) { return $true }
if ([string]$svc.State -ne 'Stopped') { Stop-Service -Name $svc.Name }
$result = Invoke-CimMethod -InputObject $svc -MethodName Delete
if ($result.ReturnValue -ne 0) { throw ('Win32_Service.Delete of ' + $Data.name + ' failed with ' + $result.ReturnValue + $(if ($result.ReturnValue -eq 16) { ': the service is already marked for deletion (close Services and Event Viewer, then run again).' } else { '.' })) }
$true`,
} as const;
