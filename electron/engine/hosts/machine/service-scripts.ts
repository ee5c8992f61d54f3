/**
 * The PowerShell behind Windows services (W3SVC, WAS, the net.tcp ones). As everywhere, values arrive in $Data.
 */
export const SERVICE_SCRIPTS = {
  // Win32_Service has the start mode on every version (ServiceController.StartType needs .NET 4.6.1). The name is
  // checked before it goes into the WQL filter, so it cannot change the query.
  readService: `
if ($Data.name -notmatch '^[A-Za-z0-9_.-]+$') { throw ('"' + $Data.name + '" is not a service name.') }
$svc = Get-CimInstance -ClassName Win32_Service -Filter ("Name = '" + $Data.name + "'")
if (-not $svc) { return $null }
$mode = switch ([string]$svc.StartMode) { 'Auto' { 'Automatic' } 'Disabled' { 'Disabled' } default { 'Manual' } }
[pscustomobject]@{ name = [string]$svc.Name; startMode = $mode; running = ([string]$svc.State -eq 'Running') }`,

  // Without -Force: a service that others still need is not stopped behind their back (undo stops dependents first).
  writeService: `
$s = $Data.state
Set-Service -Name $s.name -StartupType $s.startMode
if ($s.running) { Start-Service -Name $s.name } else { Stop-Service -Name $s.name }
$true`,
} as const;
