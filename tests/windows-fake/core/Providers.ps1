# The item cmdlets (Test-Path, Get-Item, Get-ChildItem, New-Item, Remove-Item, Get-ItemProperty, Set-ItemProperty,
# New-ItemProperty, Copy-Item)
# are shadowed by functions that send a Windows path to the fake drive it names: IIS: (registered when the fake
# WebAdministration module is imported, as on Windows), HKLM:, Cert:, and the drive letters, which map to the sandbox.
# Any other path (a Linux path of the test machine) goes to the real cmdlet. A drive nobody registered fails as
# Windows fails, so IIS:\ before Import-Module WebAdministration is an error.

$global:FakeDrives = @{}

function Register-FakeDrive([string]$Name, [hashtable]$Handler) { $global:FakeDrives[$Name.ToUpperInvariant()] = $Handler }

# 'IIS:\AppPools\X' → @{ Drive = 'IIS'; Rest = 'AppPools\X'; Handler = … }; $null for a path that is not Windows'.
function Resolve-FakePath([string]$Path) {
  if ($Path -match '^\\\\[^\\]+\\') { return @{ Drive = 'UNC'; Rest = $Path; Handler = $global:FakeDrives['FILESYSTEM']; Path = $Path } }
  if ($Path -notmatch '^([A-Za-z][A-Za-z0-9]*):(?:[\\/]+(.*))?$') { return $null }
  $drive = $Matches[1].ToUpperInvariant()
  $rest = ([string]$Matches[2]).TrimEnd('\', '/')
  $handler = if ($drive.Length -eq 1) { $global:FakeDrives['FILESYSTEM'] } else { $global:FakeDrives[$drive] }
  if (-not $handler) {
    throw (New-Object System.Management.Automation.DriveNotFoundException "Cannot find drive. A drive with the name '$($Matches[1])' does not exist.")
  }
  @{ Drive = $drive; Rest = $rest; Handler = $handler; Path = $Path }
}

function Invoke-FakeDrive($Resolved, [string]$Verb, [object[]]$Arguments) {
  $action = $Resolved.Handler[$Verb]
  if (-not $action) { throw "The fake Windows does not model $Verb on $($Resolved.Drive): paths ('$($Resolved.Path)')." }
  & $action $Resolved @Arguments
}

function New-FakeNotFound([string]$Path) {
  New-Object System.Management.Automation.ItemNotFoundException "Cannot find path '$Path' because it does not exist."
}

function Test-Path {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory, ValueFromPipeline)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [Microsoft.PowerShell.Commands.TestPathType]$PathType = 'Any'
  )
  process {
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
      $resolved = Resolve-FakePath $p
      if ($resolved) { [bool](Invoke-FakeDrive $resolved 'Test' @([string]$PathType)) }
      else { Microsoft.PowerShell.Management\Test-Path -LiteralPath $p -PathType $PathType }
    }
  }
}

function Get-Item {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory, ValueFromPipeline)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [switch]$Force
  )
  process {
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
      $resolved = Resolve-FakePath $p
      if (-not $resolved) { Microsoft.PowerShell.Management\Get-Item -LiteralPath $p -Force:$Force; continue }
      $item = Invoke-FakeDrive $resolved 'GetItem' @()
      if ($null -eq $item) { Write-Error -Exception (New-FakeNotFound $p) -Category ObjectNotFound -TargetObject $p; continue }
      $item
    }
  }
}

function Get-ChildItem {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, ValueFromPipeline)][string[]]$Path = @('.'),
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [switch]$Recurse, [switch]$Force, [switch]$File, [switch]$Directory, [string]$Filter
  )
  process {
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
      $resolved = Resolve-FakePath $p
      if (-not $resolved) { Microsoft.PowerShell.Management\Get-ChildItem -LiteralPath $p -Recurse:$Recurse -Force:$Force -File:$File -Directory:$Directory; continue }
      if ($Recurse -or $Filter) { throw "The fake Windows does not model Get-ChildItem -Recurse/-Filter on '$p'." }
      $children = Invoke-FakeDrive $resolved 'GetChildItem' @()
      if ($null -eq $children) { Write-Error -Exception (New-FakeNotFound $p) -Category ObjectNotFound -TargetObject $p; continue }
      $children
    }
  }
}

function New-Item {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory)][string[]]$Path,
    [Parameter(ParameterSetName = 'Name', Mandatory)][AllowNull()][AllowEmptyString()][string]$Name,
    [Alias('Type')][string]$ItemType,
    [Parameter(ValueFromPipeline)][object]$Value,
    [switch]$Force
  )
  process {
    foreach ($p in $Path) {
      $resolved = Resolve-FakePath $p
      if ($resolved) { Invoke-FakeDrive $resolved 'NewItem' @($ItemType, $Value, [bool]$Force) }
      else { Microsoft.PowerShell.Management\New-Item -Path $p -ItemType $ItemType -Value $Value -Force:$Force }
    }
  }
}

function Remove-Item {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory, ValueFromPipeline)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [switch]$Recurse, [switch]$Force
  )
  process {
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
      $resolved = Resolve-FakePath $p
      if ($resolved) { Invoke-FakeDrive $resolved 'RemoveItem' @([bool]$Recurse) }
      else { Microsoft.PowerShell.Management\Remove-Item -LiteralPath $p -Recurse:$Recurse -Force:$Force }
    }
  }
}

function Get-ItemProperty {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory, ValueFromPipeline)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [Parameter(Position = 1)][string[]]$Name
  )
  process {
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
      $resolved = Resolve-FakePath $p
      if (-not $resolved) { Microsoft.PowerShell.Management\Get-ItemProperty -LiteralPath $p -Name $Name; continue }
      $answer = Invoke-FakeDrive $resolved 'GetItemProperty' @(, $Name)
      if ($answer -is [System.Exception]) { Write-Error -Exception $answer -TargetObject $p; continue }
      $answer
    }
  }
}

function Set-ItemProperty {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory, ValueFromPipeline)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [Parameter(Position = 1, Mandatory)][string]$Name,
    [Parameter(Position = 2)][AllowNull()][AllowEmptyString()][object]$Value
  )
  process {
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
      $resolved = Resolve-FakePath $p
      if (-not $resolved) { Microsoft.PowerShell.Management\Set-ItemProperty -LiteralPath $p -Name $Name -Value $Value; continue }
      Invoke-FakeDrive $resolved 'SetItemProperty' @($Name, $Value)
    }
  }
}

function New-ItemProperty {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [Parameter(Position = 1, Mandatory)][string]$Name,
    [Parameter(Position = 2)][AllowNull()][object]$Value,
    [Alias('Type')][string]$PropertyType,
    [switch]$Force
  )
  foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
    $resolved = Resolve-FakePath $p
    if ($resolved) { Invoke-FakeDrive $resolved 'NewItemProperty' @($Name, $Value) }
    else { Microsoft.PowerShell.Management\New-ItemProperty -LiteralPath $p -Name $Name -Value $Value -PropertyType $PropertyType -Force:$Force }
  }
}

# A copy into the fake computer (from the test machine's files, the payload, or from the fake computer itself).
function Copy-Item {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [Parameter(Position = 1)][string]$Destination,
    [switch]$Force, [switch]$Recurse
  )
  $target = Resolve-FakePath $Destination
  foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
    $source = Resolve-FakePath $p
    $from = if ($source) { ConvertTo-FakeSandboxPath $source.Path } else { $p }
    if (-not $target) { Microsoft.PowerShell.Management\Copy-Item -LiteralPath $from -Destination $Destination -Force:$Force -Recurse:$Recurse; continue }
    if ($target.Drive -ne 'UNC' -and $target.Drive.Length -ne 1) { throw "The fake Windows does not model Copy-Item to '$Destination'." }
    Assert-FakeChange 'Copy-Item'
    Microsoft.PowerShell.Management\Copy-Item -LiteralPath $from -Destination (ConvertTo-FakeSandboxPath $target.Path) -Force:$Force -Recurse:$Recurse
  }
}
