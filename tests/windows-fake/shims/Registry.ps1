# HKLM:\ reads: the state's `registry` maps a key under HKEY_LOCAL_MACHINE ('SOFTWARE\Microsoft\…') to its values.
# A key exists when it or a key below it is listed; reading a value that is not there fails as on Windows.

function Find-FakeRegistryKey([string]$Rest) {
  $keys = (Get-FakeState).registry
  if (-not $keys) { return $null }
  foreach ($k in $keys.Keys) { if ($k -ieq $Rest) { return @{ Name = $k; Values = $keys[$k] } } }
  foreach ($k in $keys.Keys) { if ($k.StartsWith("$Rest\", [StringComparison]::OrdinalIgnoreCase)) { return @{ Name = $Rest; Values = @{} } } }
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
}
