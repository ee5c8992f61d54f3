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
