# What the facts script asks of the computer: WMI's Win32_OperatingSystem, Win32_ComputerSystem and
# Win32_NetworkAdapterConfiguration, elevation
# (whoami /groups lists the token's integrity level by SID, which no language translates), the environment.

function Get-CimInstance {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0)][Alias('Class')][string]$ClassName, [string]$Namespace, [string]$Filter)
  $computer = (Get-FakeState).computer
  switch ($ClassName) {
    'Win32_OperatingSystem' { [pscustomobject]@{ Caption = $computer.os.caption; Version = $computer.os.version; ProductType = [uint32]$computer.os.productType; CSName = $computer.name } }
    'Win32_Service' { Get-FakeWin32Service $Filter }
    # Domain is the domain's DNS name on a member, the workgroup's name otherwise.
    'Win32_ComputerSystem' {
      $member = [bool]$computer.domain
      [pscustomobject]@{ Name = $computer.name; Domain = $(if ($member) { $computer.dnsDomain } else { 'WORKGROUP' }); PartOfDomain = $member; DNSHostName = $computer.name }
    }
    # One network adapter with the computer's addresses (the scripts ask for the IP-enabled ones).
    'Win32_NetworkAdapterConfiguration' { [pscustomobject]@{ Description = 'Fake Ethernet Adapter'; IPEnabled = $true; IPAddress = [string[]]@($computer.addresses | Where-Object { $_ }) } }
    default { throw "The fake Windows does not model the WMI class $ClassName." }
  }
}

function whoami.exe {
  $computer = (Get-FakeState).computer
  if ($args -contains '/groups') {
    # High Mandatory Level is the elevated token's label; Medium the filtered one.
    if ($computer.elevated) { '"Mandatory Label\High Mandatory Level","Label","S-1-16-12288",""' }
    else { '"Mandatory Label\Medium Mandatory Level","Label","S-1-16-8192",""' }
  } else { "$($computer.domain)\$($computer.user)".ToLowerInvariant() }
  $global:LASTEXITCODE = 0
}

# The state's computer.executionPolicy names the scopes that are set ({ "LocalMachine": "RemoteSigned" }).
function Get-ExecutionPolicy {
  [CmdletBinding()]
  param([Microsoft.PowerShell.ExecutionPolicyScope]$Scope, [switch]$List)
  $policies = (Get-FakeState).computer.executionPolicy
  if ($List) { return ('MachinePolicy', 'UserPolicy', 'Process', 'CurrentUser', 'LocalMachine' | ForEach-Object { [pscustomobject]@{ Scope = $_; ExecutionPolicy = $(if ($policies[$_]) { $policies[$_] } else { 'Undefined' }) } }) }
  if (-not $PSBoundParameters.ContainsKey('Scope')) { throw 'The fake Windows answers Get-ExecutionPolicy for a named -Scope (or -List).' }
  $value = $policies[[string]$Scope]
  if ($value) { $value } else { 'Undefined' }
}
