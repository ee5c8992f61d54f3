# HKLM:\ reads and writes: the state's `registry` maps a key under HKEY_LOCAL_MACHINE ('SOFTWARE\Microsoft\…') to its
# values. A key exists when it or a key below it is listed; reading a value that is not there fails as on Windows.
# Keys are created (New-Item -Force creates the missing parents, as the registry provider does), given values
# (New-ItemProperty, String or DWord) and removed with the keys below them (Remove-Item -Recurse, which
# Windows demands for a key that has subkeys). The Application log's registered sources are keys too (EventLog.ps1).

function Find-FakeRegistryKey([string]$Rest) {
  $keys = (Get-FakeState).registry
  if ($Rest -match '^SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\(.+)$') {
    if (@((Get-FakeEventLog).sources) -icontains $Matches[1]) { return @{ Name = $Rest; Values = @{} } }
  }
  if (-not $keys) { return $null }
  foreach ($k in $keys.Keys) { if ($k -ieq $Rest) { return @{ Name = $k; Values = $keys[$k] } } }
  foreach ($k in $keys.Keys) { if ($k.StartsWith("$Rest\", [StringComparison]::OrdinalIgnoreCase)) { return @{ Name = $Rest; Values = @{} } } }
  $null
}

function Get-FakeRegistryName($State, [string]$Rest) {
  foreach ($k in @($State.registry.Keys)) { if ($k -ieq $Rest) { return $k } }
  $null
}

Register-FakeDrive 'HKLM' @{
  Test = { param($resolved, $pathType) $null -ne (Find-FakeRegistryKey $resolved.Rest) }
  GetItemProperty = {
    param($resolved, $names)
    $key = Find-FakeRegistryKey $resolved.Rest
    if (-not $key) { return (New-FakeNotFound $resolved.Path) }
    $answer = [ordered]@{}
    $wanted = if ($names) { $names } else { @($key.Values.Keys) }
    foreach ($n in $wanted) {
      $found = @($key.Values.Keys) | Where-Object { $_ -ieq $n } | Select-Object -First 1
      if ($null -eq $found) { return (New-Object System.Management.Automation.PSArgumentException "Property $n does not exist at path HKEY_LOCAL_MACHINE\$($resolved.Rest).") }
      $answer[$found] = $key.Values[$found]
    }
    $answer.PSPath = "Microsoft.PowerShell.Core\Registry::HKEY_LOCAL_MACHINE\$($resolved.Rest)"
    [pscustomobject]$answer
  }
  NewItem = {
    param($resolved, $itemType, $value, $force)
    Assert-FakeChange 'New-Item'
    $state = Get-FakeState
    if (-not $state.registry) { $state.registry = [ordered]@{} }
    if (Get-FakeRegistryName $state $resolved.Rest) {
      if (-not $force) { throw "A key at this path already exists." }
      return
    }
    $state.registry[$resolved.Rest] = [ordered]@{}
    Save-FakeState $state
  }
  # New-ItemProperty (core/Providers.ps1): the value as the script gives it, a number for DWord, else a string.
  NewItemProperty = {
    param($resolved, $name, $value)
    Assert-FakeChange 'New-ItemProperty'
    $state = Get-FakeState
    $key = Get-FakeRegistryName $state $resolved.Rest
    if (-not $key) { throw (New-FakeNotFound $resolved.Path) }
    $values = $state.registry[$key]
    $existing = @($values.Keys) | Where-Object { $_ -ieq $name } | Select-Object -First 1
    if ($existing) { $values.Remove($existing) }
    $values[$name] = if ($value -is [int]) { $value } else { [string]$value }
    Save-FakeState $state
  }
  RemoveItem = {
    param($resolved, $recurse)
    Assert-FakeChange 'Remove-Item'
    $state = Get-FakeState
    $name = Get-FakeRegistryName $state $resolved.Rest
    if (-not $name) { throw (New-FakeNotFound $resolved.Path) }
    $below = @($state.registry.Keys | Where-Object { $_.StartsWith("$name\", [StringComparison]::OrdinalIgnoreCase) })
    if ($below.Count -and -not $recurse) { throw "The item at $($resolved.Path) has children and the Recurse parameter was not specified." }
    foreach ($k in @($below) + @($name)) { $state.registry.Remove($k) }
    Save-FakeState $state
  }
}
