# Puts CDX Setup's bin folder on the machine PATH (-Action Add) or takes it off (-Action Remove), for the NSIS
# installer (build/installer.nsh). Windows PowerShell 4.0 and later.
# The value is read and written unexpanded, as REG_EXPAND_SZ: [Environment]::SetEnvironmentVariable would write
# other programs' %SystemRoot% entries back expanded. NSIS string functions are not used because they cut a PATH
# longer than 1024 characters.
param(
  [Parameter(Mandatory = $true)][ValidateSet('Add', 'Remove')][string]$Action,
  [Parameter(Mandatory = $true)][string]$Folder
)
$ErrorActionPreference = 'Stop'

# The PATH without this folder (however it is written: case, a trailing backslash, quotes), and with it once at the
# end for Add. Every other entry is kept exactly as it was, empty ones included.
function Get-EditedPath {
  param([string]$Current, [string]$Folder, [string]$Action)
  $ours = $Folder.Trim().Trim('"').TrimEnd('\')
  $kept = @($Current -split ';' | Where-Object { $_.Trim().Trim('"').TrimEnd('\') -ne $ours })
  $value = $kept -join ';'
  if ($Action -eq 'Add') {
    $value = $value.TrimEnd(';')
    if ($value -ne '') { $value += ';' }
    $value += $ours
  }
  return $value
}

$key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SYSTEM\CurrentControlSet\Control\Session Manager\Environment', $true)
try {
  $current = [string]$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
  $edited = Get-EditedPath -Current $current -Folder $Folder -Action $Action
  if ($edited -ne $current) { $key.SetValue('Path', $edited, [Microsoft.Win32.RegistryValueKind]::ExpandString) }
} finally {
  $key.Close()
}
