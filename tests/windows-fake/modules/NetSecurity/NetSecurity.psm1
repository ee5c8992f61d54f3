# The fake NetSecurity module: Windows Firewall rules in the state's `firewall.rules`
# ([{ name, displayName, direction, action, protocol, localPort, profile, enabled }]). Names are unique, as on
# Windows; a rule that is not there is an ObjectNotFound error, which -ErrorAction SilentlyContinue silences.

function Find-Rule($State, [string]$Name) { Find-FakeItem $State.firewall.rules 'name' $Name }

function ConvertTo-RuleObject($Rule) {
  $object = [pscustomobject]@{
    Name = $Rule.name; DisplayName = $Rule.displayName; Direction = $Rule.direction; Action = $Rule.action
    Profile = $Rule.profile; Enabled = $(if ($Rule.enabled) { 'True' } else { 'False' }); InstanceID = $Rule.name
  }
  $object.PSObject.TypeNames.Insert(0, 'Microsoft.Management.Infrastructure.CimInstance#root/standardcimv2/MSFT_NetFirewallRule')
  $object
}

function Get-NetFirewallRule {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name, [string[]]$DisplayName)
  $rules = @((Get-FakeState).firewall.rules | Where-Object { $_ })
  if (-not $Name -and -not $DisplayName) { return ($rules | ForEach-Object { ConvertTo-RuleObject $_ }) }
  foreach ($n in @($Name)) {
    if (-not $n) { continue }
    $rule = Find-FakeItem $rules 'name' $n
    if ($rule) { ConvertTo-RuleObject $rule } else { Write-Error -Message "No MSFT_NetFirewallRule objects found with property 'Name' equal to '$n'.  Verify the value of the property and retry." -Category ObjectNotFound -TargetObject $n }
  }
  foreach ($d in @($DisplayName)) {
    if (-not $d) { continue }
    $found = @($rules | Where-Object { $_.displayName -ieq $d })
    if ($found) { $found | ForEach-Object { ConvertTo-RuleObject $_ } } else { Write-Error -Message "No MSFT_NetFirewallRule objects found with property 'DisplayName' equal to '$d'.  Verify the value of the property and retry." -Category ObjectNotFound -TargetObject $d }
  }
}

function Get-NetFirewallPortFilter {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline, Mandatory)][object]$AssociatedNetFirewallRule)
  process {
    $rule = Find-Rule (Get-FakeState) $AssociatedNetFirewallRule.Name
    if (-not $rule) { throw "The firewall rule $($AssociatedNetFirewallRule.Name) no longer exists." }
    [pscustomobject]@{ Protocol = $rule.protocol; LocalPort = @($rule.localPort | ForEach-Object { [string]$_ }); RemotePort = 'Any'; InstanceID = $rule.name }
  }
}

function New-NetFirewallRule {
  [CmdletBinding()]
  param(
    [string]$Name, [Parameter(Mandatory)][string]$DisplayName, [ValidateSet('Inbound', 'Outbound')][string]$Direction = 'Inbound',
    [ValidateSet('Allow', 'Block', 'NotConfigured')][string]$Action = 'Allow', [string]$Protocol = 'Any', [string[]]$LocalPort,
    [string[]]$Profile = @('Any'), [ValidateSet('True', 'False')][string]$Enabled = 'True'
  )
  $state = Get-FakeState
  if (-not $Name) { $Name = '{' + [guid]::NewGuid().ToString() + '}' }
  if (Find-Rule $state $Name) { throw 'Cannot create a file when that file already exists.' }
  $proto = switch -regex ($Protocol) { '^(?i)tcp$|^6$' { 'TCP' } '^(?i)udp$|^17$' { 'UDP' } '^(?i)any$' { 'Any' } default { throw "The fake Windows models the protocols TCP, UDP and Any, not $Protocol." } }
  if ($LocalPort -and $proto -eq 'Any') { throw 'The port is only valid with TCP or UDP.' }
  foreach ($p in @($LocalPort)) { if ($p -notmatch '^\d+$' -or [int]$p -lt 1 -or [int]$p -gt 65535) { throw "The port $p is not valid." } }
  Assert-FakeChange 'New-NetFirewallRule'
  $rule = [ordered]@{
    name = $Name; displayName = $DisplayName; direction = $Direction; action = $Action; protocol = $proto
    localPort = @($LocalPort | ForEach-Object { [int]$_ }); profile = ($Profile -join ', '); enabled = ($Enabled -eq 'True')
  }
  $state.firewall.rules = @($state.firewall.rules | Where-Object { $_ }) + @($rule)
  Save-FakeState $state
  ConvertTo-RuleObject $rule
}

function Remove-NetFirewallRule {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name)
  foreach ($n in $Name) {
    $state = Get-FakeState
    $rule = Find-Rule $state $n
    if (-not $rule) { Write-Error -Message "No MSFT_NetFirewallRule objects found with property 'Name' equal to '$n'.  Verify the value of the property and retry." -Category ObjectNotFound -TargetObject $n; continue }
    Assert-FakeChange 'Remove-NetFirewallRule'
    $state.firewall.rules = Remove-FakeItem $state.firewall.rules $rule
    Save-FakeState $state
  }
}

Export-ModuleMember -Function Get-NetFirewallRule, Get-NetFirewallPortFilter, New-NetFirewallRule, Remove-NetFirewallRule
