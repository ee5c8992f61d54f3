# Who listens on a TCP port: the state's `network.listeners` ([{ localPort, processId, processName }]), answered by
# Get-NetTCPConnection (NetTCPIP, Windows Server 2012 and later) and by Get-Process -Id for those process ids.

function Get-NetTCPConnection {
  [CmdletBinding()]
  param([uint16[]]$LocalPort, [string]$State)
  $network = (Get-FakeState).network
  foreach ($l in @($(if ($network) { $network.listeners } else { @() }))) {
    if ($l -and (-not $LocalPort -or $LocalPort -contains [uint16]$l.localPort) -and (-not $State -or $State -eq 'Listen')) {
      [pscustomobject]@{ LocalAddress = '0.0.0.0'; LocalPort = [uint16]$l.localPort; State = 'Listen'; OwningProcess = [uint32]$l.processId }
    }
  }
}

function Get-Process {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name, [int[]]$Id)
  if ($PSBoundParameters.ContainsKey('Id')) {
    $network = (Get-FakeState).network
    foreach ($processId in $Id) {
      $l = @($(if ($network) { $network.listeners } else { @() })) | Where-Object { $_ -and [int]$_.processId -eq $processId } | Select-Object -First 1
      if ($l) { [pscustomobject]@{ Id = $processId; ProcessName = [string]$l.processName } }
      else { Write-Error -Message "Cannot find a process with the process identifier $processId." -Category ObjectNotFound }
    }
    return
  }
  Microsoft.PowerShell.Management\Get-Process @PSBoundParameters
}
