# Windows services: the state's `services` ([{ name, displayName, status, startType }]).

function Find-FakeService([string]$Name) { Find-FakeItem (Get-FakeState).services 'name' $Name }

function ConvertTo-FakeServiceObject($Service) {
  $object = [pscustomobject]@{ Name = $Service.name; ServiceName = $Service.name; DisplayName = $Service.displayName; Status = $Service.status; StartType = $Service.startType }
  $object.PSObject.TypeNames.Insert(0, 'System.ServiceProcess.ServiceController')
  $object
}

function Get-Service {
  [CmdletBinding()]
  param([Parameter(Position = 0, ValueFromPipeline)][Alias('ServiceName')][string[]]$Name)
  process {
    if (-not $Name) { return @((Get-FakeState).services | Where-Object { $_ } | ForEach-Object { ConvertTo-FakeServiceObject $_ }) }
    foreach ($n in $Name) {
      $service = Find-FakeService $n
      if ($service) { ConvertTo-FakeServiceObject $service }
      else { Write-Error -Message "Cannot find any service with service name '$n'." -Category ObjectNotFound -TargetObject $n }
    }
  }
}

function Start-Service {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)][Alias('ServiceName')][string[]]$Name)
  process {
    foreach ($n in $Name) {
      $state = Get-FakeState
      $service = Find-FakeItem $state.services 'name' $n
      if (-not $service) { Write-Error -Message "Cannot find any service with service name '$n'." -Category ObjectNotFound; continue }
      if ($service.startType -eq 'Disabled') { throw "Service '$($service.displayName) ($n)' cannot be started due to the following error: Cannot start service $n on computer '.'." }
      Assert-FakeChange 'Start-Service'
      $service.status = 'Running'
      Save-FakeState $state
    }
  }
}

# Set-Service -StartupType, as Windows PowerShell 4.0 and 5.1 take it (Automatic, Manual, Disabled).
function Set-Service {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0)][Alias('ServiceName')][string]$Name, [ValidateSet('Automatic', 'Manual', 'Disabled')][string]$StartupType)
  $state = Get-FakeState
  $service = Find-FakeItem $state.services 'name' $Name
  if (-not $service) { throw "Service '$Name' was not found on computer '.'." }
  Assert-FakeChange 'Set-Service'
  if ($StartupType) { $service.startType = $StartupType }
  Save-FakeState $state
}

# Stop-Service without -Force refuses a service that running services depend on, as Windows does.
function Stop-Service {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)][Alias('ServiceName')][string[]]$Name, [switch]$Force)
  process {
    foreach ($n in $Name) {
      $state = Get-FakeState
      $service = Find-FakeItem $state.services 'name' $n
      if (-not $service) { Write-Error -Message "Cannot find any service with service name '$n'." -Category ObjectNotFound; continue }
      $dependents = @(@($state.services) | Where-Object { $_ -and $_.status -eq 'Running' -and @($_.dependsOn) -contains $service.name })
      if ($dependents.Count -gt 0 -and -not $Force) { throw "Cannot stop service '$($service.displayName) ($n)' because it has dependent services. It can only be stopped if the Force flag is set." }
      Assert-FakeChange 'Stop-Service'
      $service.status = 'Stopped'
      Save-FakeState $state
    }
  }
}

# Win32_Service as WMI answers it: StartMode Auto/Manual/Disabled, State Running/Stopped; only -Filter "Name = 'X'".
function Get-FakeWin32Service([string]$Filter) {
  if ($Filter -notmatch "^\s*Name\s*=\s*'([^']*)'\s*$") { throw "The fake Windows answers Win32_Service only for -Filter ""Name = '...'"" (got: $Filter)." }
  $service = Find-FakeService $Matches[1]
  if (-not $service) { return }
  $mode = switch ($service.startType) { 'Automatic' { 'Auto' } default { $service.startType } }
  [pscustomobject]@{ Name = $service.name; DisplayName = $service.displayName; StartMode = $mode; State = $(if ($service.status -eq 'Running') { 'Running' } else { 'Stopped' }) }
}
