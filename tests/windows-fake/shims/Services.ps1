# The Service Control Manager: one list of services, Windows' own (W3SVC, WAS, the Net.Tcp ones) and those Setup
# creates, in the state's `services`: [{ name, displayName, status, startType, dependsOn, binaryPath, account,
# passwordSha256, recovery: { resetSeconds, actions: [{ type: 'RESTART', delayMs }] } }]. Passwords are kept as a
# SHA-256 digest only. Get-Service, Start-Service, Stop-Service, Set-Service and New-Service, Win32_Service (with
# Change and Delete through Invoke-CimMethod) and sc.exe qfailure/failure all read and change this one list.

function Find-FakeService([string]$Name) { Find-FakeItem (Get-FakeState).services 'name' $Name }

function Get-FakeServicePasswordDigest([string]$Password) {
  if (-not $Password) { return '' }
  $sha = [System.Security.Cryptography.SHA256]::Create()
  -join ($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Password)) | ForEach-Object { $_.ToString('x2') })
}

# The SCM's own names for the built-in accounts, which need no password; any other account must map (error 1057).
$global:FakeScmBuiltIns = @('LocalSystem', 'NT AUTHORITY\NetworkService', 'NT AUTHORITY\LocalService')
$global:FakeInvalidServiceAccount = 'The account name is invalid or does not exist, or the password is invalid for the account name specified.'

# The account a service logs on as, as LookupAccountName finds it: .\user is this computer's user.
function Find-FakeServiceAccount([string]$Account) {
  if ($global:FakeScmBuiltIns -contains $Account) { return @{ name = $Account; builtIn = $true } }
  $name = if ($Account.StartsWith('.\')) { [string](Get-FakeState).computer.name + $Account.Substring(1) } else { $Account }
  Find-FakeAccountByName $name
}

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

# Why the SCM would not start the service, as Windows says it, or $null: a missing executable (error 2), an account
# without its password or without Log on as a service, or whose password is not the account's (error 1069).
function Get-FakeStartFailure($State, $Service) {
  $binary = [string]$Service.binaryPath
  if ($binary) {
    $exe = if ($binary.StartsWith('"')) { $binary.Substring(1, $binary.IndexOf('"', 1) - 1) } else { ($binary -split ' ')[0] }
    if (-not (Test-FakeSandboxPathCaseless $exe)) { return 'The system cannot find the file specified' }
  }
  $account = [string]$Service.account
  if (-not $account -or $global:FakeScmBuiltIns -contains $account) { return $null }
  $known = Find-FakeServiceAccount $account
  $logonFailure = 'The service did not start due to a logon failure'
  if (-not $known -or -not $Service.passwordSha256) { return $logonFailure }
  # The account's password, when the scenario gives one (an optional fact: accounts[].passwordSha256, its digest).
  if ($known.passwordSha256 -and $known.passwordSha256 -ne $Service.passwordSha256) { return $logonFailure }
  $holders = @($State.lsa.rights.SeServiceLogonRight | Where-Object { $_ })
  if ($holders -notcontains ('*' + $known.sid)) { return $logonFailure }
  $null
}

function Start-Service {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)][Alias('ServiceName')][string[]]$Name)
  process {
    foreach ($n in $Name) {
      $state = Get-FakeState
      $service = Find-FakeItem $state.services 'name' $n
      if (-not $service) { Write-Error -Message "Cannot find any service with service name '$n'." -Category ObjectNotFound; continue }
      $cannot = "Service '$($service.displayName) ($($service.name))' cannot be started due to the following error: Cannot start service $($service.name) on computer '.'."
      if ($service.startType -eq 'Disabled') { throw $cannot }
      $why = Get-FakeStartFailure $state $service
      if ($why) { throw "$cannot $why." }
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

# New-Service as Windows PowerShell 4.0 and 5.1 have it: the account from -Credential (LocalSystem without one).
function New-Service {
  [CmdletBinding()]
  param(
    [Parameter(Mandatory, Position = 0)][string]$Name,
    [Parameter(Mandatory, Position = 1)][string]$BinaryPathName,
    [string]$DisplayName,
    [string]$Description,
    [ValidateSet('Automatic', 'Manual', 'Disabled')][string]$StartupType = 'Automatic',
    [System.Management.Automation.PSCredential]$Credential,
    [string[]]$DependsOn
  )
  $shown = if ($DisplayName) { $DisplayName } else { $Name }
  $cannot = "Service '$shown ($Name)' cannot be created due to the following error:"
  $state = Get-FakeState
  if (Find-FakeItem $state.services 'name' $Name) { throw "$cannot The specified service already exists" }
  $account = 'LocalSystem'
  $password = ''
  if ($Credential) {
    $account = $Credential.UserName
    $password = $Credential.GetNetworkCredential().Password
    if (-not (Find-FakeServiceAccount $account)) { throw "$cannot $global:FakeInvalidServiceAccount" }
  }
  Assert-FakeChange 'New-Service'
  $service = [ordered]@{
    name = $Name; displayName = $shown; status = 'Stopped'; startType = $StartupType; dependsOn = @($DependsOn | Where-Object { $_ })
    binaryPath = $BinaryPathName; account = $account; passwordSha256 = (Get-FakeServicePasswordDigest $password)
    recovery = [ordered]@{ resetSeconds = 0; actions = @() }
  }
  $state.services = @($state.services | Where-Object { $_ }) + @($service)
  Save-FakeState $state
  ConvertTo-FakeServiceObject $service
}

# Win32_Service as WMI answers it: StartMode Auto/Manual/Disabled, State Running/Stopped, PathName, StartName; only
# -Filter "Name = 'X'" (a quote in the name escaped as WQL escapes it, \').
function Get-FakeWin32Service([string]$Filter) {
  if ($Filter -notmatch "^\s*Name\s*=\s*'((?:[^'\\]|\\.)*)'\s*$") { throw "The fake Windows answers Win32_Service only for -Filter ""Name = '...'"" (got: $Filter)." }
  $service = Find-FakeService ($Matches[1] -replace '\\(.)', '$1')
  if (-not $service) { return }
  $mode = switch ($service.startType) { 'Automatic' { 'Auto' } default { $service.startType } }
  $object = [pscustomobject]@{
    Name = $service.name; DisplayName = $service.displayName; StartMode = $mode; State = $(if ($service.status -eq 'Running') { 'Running' } else { 'Stopped' })
    PathName = [string]$service.binaryPath; StartName = [string]$service.account
  }
  $object.PSObject.TypeNames.Insert(0, 'Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_Service')
  $object
}

# Win32_Service's Change and Delete, answering their ReturnValue as WMI does (0 done, 22 an account it cannot use).
function Invoke-CimMethod {
  [CmdletBinding()]
  param([Parameter(Mandatory)]$InputObject, [Parameter(Mandatory)][string]$MethodName, [System.Collections.IDictionary]$Arguments = @{})
  if (@($InputObject.PSObject.TypeNames) -notcontains 'Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_Service') { throw "The fake Windows models Invoke-CimMethod only on a Win32_Service." }
  $state = Get-FakeState
  $service = Find-FakeItem $state.services 'name' $InputObject.Name
  if (-not $service) { return [pscustomobject]@{ ReturnValue = [uint32]6 } }
  switch ($MethodName) {
    'Change' {
      $unknown = @($Arguments.Keys | Where-Object { @('DisplayName', 'PathName', 'StartMode', 'StartName', 'StartPassword') -notcontains $_ })
      if ($unknown) { throw "The fake Windows does not model Win32_Service.Change's $($unknown -join ', ')." }
      if ($Arguments.Contains('StartMode') -and @('Automatic', 'Manual', 'Disabled') -notcontains $Arguments.StartMode) { return [pscustomobject]@{ ReturnValue = [uint32]21 } }
      if ($Arguments.Contains('StartName') -and -not (Find-FakeServiceAccount ([string]$Arguments.StartName))) { return [pscustomobject]@{ ReturnValue = [uint32]22 } }
      Assert-FakeChange 'Win32_Service.Change'
      if ($Arguments.Contains('DisplayName')) { $service.displayName = [string]$Arguments.DisplayName }
      if ($Arguments.Contains('PathName')) { $service.binaryPath = [string]$Arguments.PathName }
      if ($Arguments.Contains('StartMode')) { $service.startType = [string]$Arguments.StartMode }
      if ($Arguments.Contains('StartName')) { $service.account = [string]$Arguments.StartName }
      # A null password leaves the one the service has, as the method documents; '' clears it.
      if ($Arguments.Contains('StartPassword') -and $null -ne $Arguments.StartPassword) { $service.passwordSha256 = Get-FakeServicePasswordDigest ([string]$Arguments.StartPassword) }
    }
    'Delete' {
      # Stricter than Windows, which marks a running service for deletion and deletes it once it stops: a script that
      # forgets to stop the service first is seen here.
      if ($service.status -eq 'Running') { return [pscustomobject]@{ ReturnValue = [uint32]16 } }
      Assert-FakeChange 'Win32_Service.Delete'
      $state.services = Remove-FakeItem $state.services $service
    }
    default { throw "The fake Windows does not model Win32_Service.$MethodName." }
  }
  Save-FakeState $state
  [pscustomobject]@{ ReturnValue = [uint32]0 }
}

# sc.exe qfailure and sc.exe failure, printing what sc.exe prints and setting its exit code (1060: no such service).
function sc.exe {
  $words = @($args | ForEach-Object { [string]$_ })
  $global:LASTEXITCODE = 0
  if ($words.Count -lt 2 -or @('qfailure', 'failure') -notcontains $words[0]) { throw "The fake Windows models only sc.exe qfailure and sc.exe failure, not: sc.exe $($words -join ' ')" }
  $state = Get-FakeState
  $service = Find-FakeItem $state.services 'name' $words[1]
  if (-not $service) {
    "[SC] OpenService FAILED 1060:"; ''; 'The specified service does not exist as an installed service.'; ''
    $global:LASTEXITCODE = 1060
    return
  }
  $recovery = $service.recovery
  if ($words[0] -eq 'qfailure') {
    '[SC] QueryServiceConfig2 SUCCESS'; ''
    "SERVICE_NAME: $($service.name)"
    "        RESET_PERIOD (in seconds)    : $(if ($recovery) { $recovery.resetSeconds } else { 0 })"
    '        REBOOT_MESSAGE               : '
    '        COMMAND_LINE                 : '
    $first = $true
    foreach ($a in @($recovery.actions | Where-Object { $_ })) {
      $label = if ($first) { '        FAILURE_ACTIONS              : ' } else { '                                       ' }
      "$label$($a.type) -- Delay = $($a.delayMs) milliseconds."
      $first = $false
    }
    ''
    return
  }
  # sc.exe failure <name> reset= <seconds> actions= <type/delay/…> ("" for none): "reset=" and its value are two words.
  $options = @{}
  for ($i = 2; $i -lt $words.Count - 1; $i += 2) { $options[$words[$i].TrimEnd('=').ToLowerInvariant()] = $words[$i + 1] }
  if (-not $options.ContainsKey('reset') -or -not $options.ContainsKey('actions')) { throw "The fake Windows models sc.exe failure with reset= and actions= (got: $($words -join ' '))." }
  $list = if ($options.actions -eq '""') { @() } else { @($options.actions.Split('/')) }
  $types = @(for ($i = 0; $i -lt $list.Count; $i += 2) { $list[$i] })
  if ($list.Count % 2 -ne 0 -or @($types | Where-Object { @('restart', 'run', 'reboot') -notcontains $_ }).Count -gt 0) {
    'DESCRIPTION:'; '        Changes the actions upon failure.'; $global:LASTEXITCODE = 87; return
  }
  $actions = @(for ($i = 0; $i -lt $list.Count; $i += 2) { [ordered]@{ type = $list[$i].ToUpperInvariant(); delayMs = [int]$list[$i + 1] } })
  Assert-FakeChange 'sc.exe failure'
  $service.recovery = [ordered]@{ resetSeconds = [int]$options.reset; actions = $actions }
  Save-FakeState $state
  '[SC] ChangeServiceConfig2 SUCCESS'
}
