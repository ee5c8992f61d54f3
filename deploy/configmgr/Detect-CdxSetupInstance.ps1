# Detection script for Configuration Manager and Intune: the instance is installed when its Programs and Features
# entry is there with at least the version deployed. Output (any) means installed; none means not installed.
# Windows PowerShell 4.0 and later. Set $Instance and $Version for the deployment type.
$Instance = 'AsyncServer'
$Version = '6.3.0.0'
$key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\CDXSetup_async-server_' + $Instance
if (Test-Path -LiteralPath $key) {
  $entry = Get-ItemProperty -LiteralPath $key
  if ([version]$entry.DisplayVersion -ge [version]$Version) { 'Installed' }
}
