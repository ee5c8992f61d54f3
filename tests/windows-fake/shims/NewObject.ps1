# New-Object is shadowed so that the Windows-only .NET types the scripts construct (NTAccount, FileSystemAccessRule,
# WindowsPrincipal…) come from the fake; every other type is the real one. An area registers its types here:
# Register-FakeType 'System.Security.Principal.NTAccount' { param($arguments) … }.

$global:FakeTypes = @{}

function Register-FakeType([string]$TypeName, [scriptblock]$Factory) {
  $global:FakeTypes[(Get-FakeTypeKey $TypeName)] = $Factory
}

# PowerShell resolves 'Security.Principal.NTAccount' and 'System.Security.Principal.NTAccount' to one type.
function Get-FakeTypeKey([string]$TypeName) {
  $name = $TypeName.Trim()
  if ($name -match '^System\.') { $name = $name.Substring(7) }
  $name.ToLowerInvariant()
}

function New-Object {
  [CmdletBinding(DefaultParameterSetName = 'Net')]
  param(
    [Parameter(ParameterSetName = 'Net', Mandatory, Position = 0)][string]$TypeName,
    [Parameter(ParameterSetName = 'Net', Position = 1)][Alias('Args')][object[]]$ArgumentList,
    [Parameter(ParameterSetName = 'Com', Mandatory)][string]$ComObject,
    [System.Collections.IDictionary]$Property
  )
  if ($PSCmdlet.ParameterSetName -eq 'Com') { throw "The fake Windows does not model COM objects ($ComObject)." }
  $factory = $global:FakeTypes[(Get-FakeTypeKey $TypeName)]
  if ($factory) { return (& $factory @($ArgumentList | Where-Object { $null -ne $_ })) }
  $real = @{ TypeName = $TypeName }
  if ($PSBoundParameters.ContainsKey('ArgumentList')) { $real.ArgumentList = $ArgumentList }
  if ($Property) { $real.Property = $Property }
  Microsoft.PowerShell.Utility\New-Object @real
}
