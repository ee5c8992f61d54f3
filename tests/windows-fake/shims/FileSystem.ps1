# Drive letters and UNC paths: the fake computer's files are real files in its sandbox (C:\x is <drives>/C/x), the
# same folders the engine writes through Host.realPath. Creating and removing items are changes (see Assert-FakeChange).

Register-FakeDrive 'FILESYSTEM' @{
  Test = {
    param($resolved, $pathType)
    Microsoft.PowerShell.Management\Test-Path -LiteralPath (ConvertTo-FakeSandboxPath $resolved.Path) -PathType $pathType
  }
  GetItem = {
    param($resolved)
    $real = ConvertTo-FakeSandboxPath $resolved.Path
    if (Microsoft.PowerShell.Management\Test-Path -LiteralPath $real) { Microsoft.PowerShell.Management\Get-Item -LiteralPath $real -Force }
  }
  GetChildItem = {
    param($resolved)
    $real = ConvertTo-FakeSandboxPath $resolved.Path
    if (Microsoft.PowerShell.Management\Test-Path -LiteralPath $real) { Microsoft.PowerShell.Management\Get-ChildItem -LiteralPath $real -Force }
  }
  NewItem = {
    param($resolved, $itemType, $value, $force)
    Assert-FakeChange 'New-Item'
    $real = ConvertTo-FakeSandboxPath $resolved.Path
    if ((Microsoft.PowerShell.Management\Test-Path -LiteralPath $real) -and -not $force) { throw "An item with the specified name $($resolved.Path) already exists." }
    $type = if ($itemType) { $itemType } else { 'File' }
    Microsoft.PowerShell.Management\New-Item -ItemType $type -Path $real -Value $value -Force:$force
  }
  RemoveItem = {
    param($resolved, $recurse)
    $real = ConvertTo-FakeSandboxPath $resolved.Path
    if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath $real)) { throw (New-FakeNotFound $resolved.Path) }
    Assert-FakeChange 'Remove-Item'
    Microsoft.PowerShell.Management\Remove-Item -LiteralPath $real -Recurse:$recurse -Force
  }
}
