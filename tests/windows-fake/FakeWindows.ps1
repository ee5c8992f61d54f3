# The fake Windows, dot-sourced before the production bootstrap runs (see docs/windows.md): the test harness starts
#   pwsh -Command ". '<this file>'; <the production BOOTSTRAP, verbatim>"
# with CDX_FAKE_WINDOWS_STATE (the state file), CDX_FAKE_WINDOWS_DRIVES (the sandbox of C:\…) and
# CDX_FAKE_WINDOWS_CALLS (the call log) set. Functions shadow cmdlets, so the scripts run unchanged; the fake modules
# (WebAdministration, NetSecurity, ServerManager) load through Import-Module from the PSModulePath set here.

foreach ($name in 'CDX_FAKE_WINDOWS_STATE', 'CDX_FAKE_WINDOWS_DRIVES') {
  if (-not [Environment]::GetEnvironmentVariable($name)) { throw "The fake Windows needs $name." }
}
$env:PSModulePath = (Join-Path $PSScriptRoot 'modules') + [IO.Path]::PathSeparator + $env:PSModulePath
foreach ($file in 'core/State.ps1', 'core/Providers.ps1', 'shims/NewObject.ps1') { . (Join-Path $PSScriptRoot $file) }
foreach ($file in Microsoft.PowerShell.Management\Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'shims') -Filter '*.ps1' | Sort-Object Name) {
  if ($file.Name -ne 'NewObject.ps1') { . $file.FullName }
}
$computer = (Get-FakeState).computer
$env:COMPUTERNAME = $computer.name
# The installing user's domain may be another than the computer's (computer.userDomain); a workgroup's is the computer.
$env:USERDOMAIN = if ($computer.userDomain) { $computer.userDomain } elseif ($computer.domain) { $computer.domain } else { $computer.name }
$env:USERNAME = $computer.user
$env:SystemDrive = 'C:'
$env:ProgramData = 'C:\ProgramData'
Remove-Variable computer, name, file
