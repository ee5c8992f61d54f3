# The fake ServerManager module: the Windows features and role services of the state's `features` (names installed).

function Get-WindowsFeature {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name)
  $installed = @((Get-FakeState).features)
  foreach ($n in @($Name)) {
    if (-not $n) { continue }
    [pscustomobject]@{ Name = $n; DisplayName = $n; Installed = [bool]($installed | Where-Object { $_ -ieq $n }); InstallState = $(if ($installed | Where-Object { $_ -ieq $n }) { 'Installed' } else { 'Available' }) }
  }
}

Export-ModuleMember -Function Get-WindowsFeature
