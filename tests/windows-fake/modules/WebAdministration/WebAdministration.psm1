# The fake WebAdministration module: IIS's sites, applications and application pools in the state's `iis`, with the
# shapes WebAdministration gives them (a site's bindings in .bindings.Collection, processModel.identityType as a name,
# Get-WebBinding objects with AddSslCertificate/RemoveSslCertificate, certificateHash read from http.sys). Importing
# it creates the IIS:\ drive, as on Windows. It refuses what IIS refuses: a name that exists, a property IIS does not
# have, a binding another site uses, New-Website on an IIS without any site unless -Id is given.
#
# State: iis.appPools [{ name, managedRuntimeVersion, managedPipelineMode, autoStart, startMode, state,
#   processModel: { identityType, userName, passwordSha256 } }]; iis.sites [{ name, id, serverAutoStart, state,
#   bindings: [{ protocol, bindingInformation, sslFlags }], applications: [{ path, physicalPath, applicationPool,
#   enabledProtocols }] }], the application '/' being the site's root. Passwords are kept as a SHA-256 digest only.

$IdentityTypes = @('LocalSystem', 'LocalService', 'NetworkService', 'SpecificUser', 'ApplicationPoolIdentity')
$PipelineModes = @('Integrated', 'Classic')

function Find-Pool($State, [string]$Name) { Find-FakeItem $State.iis.appPools 'name' $Name }
function Find-Site($State, [string]$Name) { Find-FakeItem $State.iis.sites 'name' $Name }
function Find-App($Site, [string]$Path) { Find-FakeItem $Site.applications 'path' $Path }
function Root-App($Site) { Find-App $Site '/' }
function Computer { [string](Get-FakeState).computer.name }

function Get-PasswordDigest([string]$Password) {
  if (-not $Password) { return '' }
  $sha = [System.Security.Cryptography.SHA256]::Create()
  -join ($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Password)) | ForEach-Object { $_.ToString('x2') })
}

# ---- objects as WebAdministration returns them ------------------------------------------------------------------

function ConvertTo-PoolObject($Pool) {
  $pm = [pscustomobject]@{ identityType = $Pool.processModel.identityType; userName = $Pool.processModel.userName; password = ''; loadUserProfile = $false }
  $object = [pscustomobject]@{
    name = $Pool.name; managedRuntimeVersion = $Pool.managedRuntimeVersion; managedPipelineMode = $Pool.managedPipelineMode
    autoStart = $Pool.autoStart; startMode = $Pool.startMode; state = $Pool.state; processModel = $pm
    ItemXPath = "/system.applicationHost/applicationPools/add[@name='$($Pool.name)']"
    PSPath = "WebAdministration::\\$(Computer)\AppPools\$($Pool.name)"
  }
  $object.PSObject.TypeNames.Insert(0, 'Microsoft.IIs.PowerShell.Framework.ConfigurationElement#system.applicationHost/applicationPools#add')
  $object
}

# http.sys keys a *:port: binding by 0.0.0.0:port and an ip:port: binding by ip:port.
function Get-BindingIpPort([string]$BindingInformation) {
  $parts = $BindingInformation.Split(':')
  $ip = if ($parts[0] -eq '*' -or $parts[0] -eq '') { '0.0.0.0' } else { $parts[0] }
  "${ip}:$($parts[1])"
}

function ConvertTo-BindingObject($Site, $Binding) {
  $hash = ''; $store = ''
  if ($Binding.protocol -eq 'https') {
    $ssl = Find-FakeSslCertificate (Get-FakeState) (Get-BindingIpPort $Binding.bindingInformation)
    if ($ssl) { $hash = $ssl.certificateHash; $store = $ssl.certificateStoreName }
  }
  $object = [pscustomobject]@{
    protocol = $Binding.protocol; bindingInformation = $Binding.bindingInformation; sslFlags = [int]$Binding.sslFlags
    certificateHash = $hash; certificateStoreName = $store
    ItemXPath = "/system.applicationHost/sites/site[@name='$($Site.name)' and @id='$($Site.id)']"
  }
  $object.PSObject.TypeNames.Insert(0, 'Microsoft.IIs.PowerShell.Framework.ConfigurationElement#site#bindings#binding')
  $object | Add-Member -MemberType ScriptMethod -Name AddSslCertificate -Value {
    param([string]$Thumbprint, [string]$StoreName)
    if ($this.protocol -ne 'https') { throw 'The binding is not an https binding.' }
    Assert-FakeChange 'AddSslCertificate'
    Add-FakeSslCertificate (Get-BindingIpPort $this.bindingInformation) $Thumbprint $StoreName '{4dc3e181-e14b-4a21-b022-59fc669b0914}'
  }
  $object | Add-Member -MemberType ScriptMethod -Name RemoveSslCertificate -Value {
    Assert-FakeChange 'RemoveSslCertificate'
    Remove-FakeSslCertificate (Get-BindingIpPort $this.bindingInformation)
  }
  $object
}

function ConvertTo-SiteObject($Site) {
  $root = Root-App $Site
  $collection = @($Site.bindings | Where-Object { $_ } | ForEach-Object { ConvertTo-BindingObject $Site $_ })
  $object = [pscustomobject]@{
    name = $Site.name; id = [long]$Site.id; serverAutoStart = $Site.serverAutoStart; state = $Site.state
    bindings = [pscustomobject]@{ Collection = $collection }
    physicalPath = $root.physicalPath; applicationPool = $root.applicationPool; enabledProtocols = $root.enabledProtocols
    userName = ''; password = ''
    ItemXPath = "/system.applicationHost/sites/site[@name='$($Site.name)' and @id='$($Site.id)']"
    PSPath = "WebAdministration::\\$(Computer)\Sites\$($Site.name)"
  }
  $object.PSObject.TypeNames.Insert(0, 'Microsoft.IIs.PowerShell.Framework.ConfigurationElement#site')
  $object
}

function ConvertTo-AppObject($Site, $App) {
  $object = [pscustomobject]@{
    path = $App.path; applicationPool = $App.applicationPool; enabledProtocols = $App.enabledProtocols; physicalPath = $App.physicalPath
    ItemXPath = "/system.applicationHost/sites/site[@name='$($Site.name)' and @id='$($Site.id)']/application[@path='$($App.path)']"
    PSPath = "WebAdministration::\\$(Computer)\Sites\$($Site.name)$($App.path.Replace('/', '\'))"
  }
  $object.PSObject.TypeNames.Insert(0, 'Microsoft.IIs.PowerShell.Framework.ConfigurationElement#site#application')
  $object
}

# ---- rules IIS enforces -----------------------------------------------------------------------------------------

function Assert-PhysicalPath([string]$Path) {
  if (-not $Path -or -not (Microsoft.PowerShell.Management\Test-Path -LiteralPath (ConvertTo-FakeSandboxPath ([Environment]::ExpandEnvironmentVariables($Path))))) {
    throw "Parameter 'PhysicalPath' should point to existing path."
  }
}

function Assert-BindingFormat($Binding) {
  $info = [string]$Binding.bindingInformation
  $ok = switch ([string]$Binding.protocol) {
    { $_ -in 'http', 'https' } { $info -match '^(\*|[0-9.]+|\[[0-9a-fA-F:]+\]):(\d+):[^:]*$' -and [int]$Matches[2] -ge 1 -and [int]$Matches[2] -le 65535 }
    'net.tcp' { $info -match '^(\d+):.+$' -and [int]$Matches[1] -ge 1 -and [int]$Matches[1] -le 65535 }
    { $_ -in 'net.pipe', 'net.msmq', 'msmq.formatname' } { $info -ne '' }
    default { $false }
  }
  if (-not $ok) { throw "The binding '$($Binding.protocol) $info' is not valid: the value of bindingInformation does not match its protocol." }
}

# Two sites cannot serve one binding: IIS refuses the second (it cannot start it), so the fake refuses the write.
function Assert-BindingsFree($State, [string]$SiteName, $Bindings) {
  $seen = @{}
  foreach ($b in @($Bindings)) {
    $key = "$($b.protocol)/$($b.bindingInformation)".ToLowerInvariant()
    if ($seen[$key]) { throw "Cannot add duplicate collection entry of type 'binding' with combined key attributes 'protocol, bindingInformation' respectively set to '$($b.protocol), $($b.bindingInformation)'" }
    $seen[$key] = $true
    foreach ($other in @($State.iis.sites | Where-Object { $_ -and $_.name -ine $SiteName })) {
      if (@($other.bindings | Where-Object { "$($_.protocol)/$($_.bindingInformation)".ToLowerInvariant() -eq $key })) {
        throw "The binding '$($b.protocol) $($b.bindingInformation)' is already used by the website '$($other.name)'."
      }
    }
  }
}

function ConvertTo-IdentityType($Value) {
  if ($Value -is [int] -or $Value -is [long] -or "$Value" -match '^\d+$') {
    $i = [int]$Value
    if ($i -ge 0 -and $i -lt $IdentityTypes.Count) { return $IdentityTypes[$i] }
  }
  $named = $IdentityTypes | Where-Object { $_ -ieq [string]$Value } | Select-Object -First 1
  if (-not $named) { throw "'$Value' is not a valid value for the property identityType: use one of $($IdentityTypes -join ', ')." }
  $named
}

function PropertyNotFound([string]$Name, [string]$Where) { "Property $Name is not found on \\$(Computer)\$Where.`r`nParameter name: propName" }

function Set-PoolProperty($State, $Pool, [string]$Name, $Value) {
  Set-PoolAttribute $Pool $Name $Value
  $pm = $Pool.processModel
  if ($pm.identityType -eq 'SpecificUser') {
    # IIS keeps any user name in its configuration; the fake refuses one Windows cannot map, so that tests see it.
    if ($pm.userName -and -not (Find-FakeAccount $pm.userName)) { throw "The identity of application pool $($Pool.name) is invalid: $($global:FakeNotMapped)" }
    # A specific user without a name or its password is a pool that cannot start (WAS event 5021).
    $Pool.state = if ($pm.userName -and $pm.passwordSha256) { 'Started' } else { 'Stopped' }
  } else { $Pool.state = 'Started' }
}

function Set-PoolAttribute($Pool, [string]$Name, $Value) {
  $pm = $Pool.processModel
  switch -regex ($Name) {
    '^managedRuntimeVersion$' { if ([string]$Value -notin 'v4.0', 'v2.0', '') { throw "'$Value' is not a valid value for managedRuntimeVersion." }; $Pool.managedRuntimeVersion = [string]$Value }
    '^managedPipelineMode$' {
      $mode = if ("$Value" -match '^\d+$') { $PipelineModes[[int]$Value] } else { $PipelineModes | Where-Object { $_ -ieq [string]$Value } }
      if (-not $mode) { throw "'$Value' is not a valid value for managedPipelineMode." }
      $Pool.managedPipelineMode = $mode
    }
    '^autoStart$' { $Pool.autoStart = [bool]$Value }
    '^startMode$' { if ([string]$Value -notin 'OnDemand', 'AlwaysRunning') { throw "'$Value' is not a valid value for startMode." }; $Pool.startMode = [string]$Value }
    '^processModel\.identityType$' { $pm.identityType = ConvertTo-IdentityType $Value }
    '^processModel\.userName$' { $pm.userName = [string]$Value }
    '^processModel\.password$' { $pm.passwordSha256 = Get-PasswordDigest ([string]$Value) }
    '^processModel$' {
      if ($Value -isnot [System.Collections.IDictionary]) { throw 'processModel takes a hashtable of its attributes.' }
      foreach ($k in $Value.Keys) {
        if ($k -notin 'identityType', 'userName', 'password') { throw (PropertyNotFound "processModel.$k" "AppPools\$($Pool.name)") }
        Set-PoolAttribute $Pool "processModel.$k" $Value[$k]
      }
    }
    default { throw (PropertyNotFound $Name "AppPools\$($Pool.name)") }
  }
}

function Set-SiteProperty($State, $Site, [string]$Name, $Value) {
  $root = Root-App $Site
  switch ($Name) {
    'physicalPath' { Assert-PhysicalPath ([string]$Value); $root.physicalPath = [string]$Value }
    'applicationPool' { $root.applicationPool = [string]$Value }
    'enabledProtocols' { $root.enabledProtocols = [string]$Value }
    'serverAutoStart' { $Site.serverAutoStart = [bool]$Value }
    'bindings' {
      $list = @($Value | Where-Object { $_ } | ForEach-Object {
          if ($_ -isnot [System.Collections.IDictionary] -or -not $_.protocol -or $null -eq $_.bindingInformation) { throw 'Each binding needs protocol and bindingInformation.' }
          foreach ($k in $_.Keys) { if ($k -notin 'protocol', 'bindingInformation', 'sslFlags') { throw (PropertyNotFound "bindings.$k" "Sites\$($Site.name)") } }
          $b = [ordered]@{ protocol = [string]$_.protocol; bindingInformation = [string]$_.bindingInformation; sslFlags = [int]$_.sslFlags }
          Assert-BindingFormat $b
          $b
        })
      Assert-BindingsFree $State $Site.name $list
      $Site.bindings = $list
    }
    default { throw (PropertyNotFound $Name "Sites\$($Site.name)") }
  }
}

function Set-AppProperty($Site, $App, [string]$Name, $Value) {
  switch ($Name) {
    'physicalPath' { Assert-PhysicalPath ([string]$Value); $App.physicalPath = [string]$Value }
    'applicationPool' { $App.applicationPool = [string]$Value }
    'enabledProtocols' { $App.enabledProtocols = [string]$Value }
    default { throw (PropertyNotFound $Name "Sites\$($Site.name)$($App.path.Replace('/', '\'))") }
  }
}

# ---- the IIS:\ drive ---------------------------------------------------------------------------------------------

# 'AppPools\X' → pool; 'Sites\X' → site; 'Sites\X\a\b' → application /a/b of X.
function Resolve-IisPath($State, [string]$Rest) {
  $parts = @($Rest -split '\\' | Where-Object { $_ })
  if ($parts.Count -eq 0) { return @{ Kind = 'root' } }
  $top = $parts[0]
  if ($top -ieq 'AppPools') {
    if ($parts.Count -eq 1) { return @{ Kind = 'pools' } }
    if ($parts.Count -eq 2) { return @{ Kind = 'pool'; Pool = Find-Pool $State $parts[1]; Name = $parts[1] } }
  }
  if ($top -ieq 'Sites') {
    if ($parts.Count -eq 1) { return @{ Kind = 'sites' } }
    $site = Find-Site $State $parts[1]
    if ($parts.Count -eq 2) { return @{ Kind = 'site'; Site = $site; Name = $parts[1] } }
    $path = '/' + (($parts | Select-Object -Skip 2) -join '/')
    return @{ Kind = 'app'; Site = $site; App = $(if ($site) { Find-App $site $path }); Path = $path }
  }
  if ($top -ieq 'SslBindings') { throw "The fake Windows does not model IIS:\SslBindings; http.sys bindings are reached through netsh or a binding's AddSslCertificate." }
  @{ Kind = 'none' }
}

Register-FakeDrive 'IIS' @{
  Test = {
    param($resolved, $pathType)
    $r = Resolve-IisPath (Get-FakeState) $resolved.Rest
    switch ($r.Kind) { 'root' { $true } 'pools' { $true } 'sites' { $true } 'pool' { $null -ne $r.Pool } 'site' { $null -ne $r.Site } 'app' { $null -ne $r.App } default { $false } }
  }
  GetItem = {
    param($resolved)
    $r = Resolve-IisPath (Get-FakeState) $resolved.Rest
    switch ($r.Kind) {
      'pool' { if ($r.Pool) { ConvertTo-PoolObject $r.Pool } }
      'site' { if ($r.Site) { ConvertTo-SiteObject $r.Site } }
      'app' { if ($r.App) { ConvertTo-AppObject $r.Site $r.App } }
      default { throw "The fake Windows does not model Get-Item on '$($resolved.Path)'." }
    }
  }
  GetChildItem = {
    param($resolved)
    $state = Get-FakeState
    $r = Resolve-IisPath $state $resolved.Rest
    switch ($r.Kind) {
      'pools' { @($state.iis.appPools | Where-Object { $_ } | ForEach-Object { ConvertTo-PoolObject $_ }) }
      'sites' { @($state.iis.sites | Where-Object { $_ } | ForEach-Object { ConvertTo-SiteObject $_ }) }
      default { throw "The fake Windows does not model Get-ChildItem on '$($resolved.Path)'." }
    }
  }
  GetItemProperty = {
    param($resolved, $names)
    $item = & $global:FakeDrives['IIS'].GetItem $resolved
    if (-not $item) { return (New-FakeNotFound $resolved.Path) }
    if (-not $names) { return $item }
    if (@($names).Count -ne 1) { throw 'The fake Windows reads one IIS property at a time.' }
    $name = @($names)[0]
    $value = $item
    foreach ($segment in $name.Split('.')) {
      if (-not ($value.PSObject.Properties.Name -contains $segment)) { throw (PropertyNotFound $name ($resolved.Rest)) }
      $value = $value.$segment
    }
    # WebAdministration answers a single attribute as an object whose Value holds it.
    if ($value -is [string] -or $value -is [ValueType]) { return [pscustomobject]@{ Name = $name; Value = $value } }
    $value
  }
  SetItemProperty = {
    param($resolved, $name, $value)
    $state = Get-FakeState
    $r = Resolve-IisPath $state $resolved.Rest
    $target = switch ($r.Kind) { 'pool' { $r.Pool } 'site' { $r.Site } 'app' { $r.App } default { throw "The fake Windows does not model Set-ItemProperty on '$($resolved.Path)'." } }
    if (-not $target) { throw (New-FakeNotFound $resolved.Path) }
    Assert-FakeChange 'Set-ItemProperty'
    switch ($r.Kind) {
      'pool' { Set-PoolProperty $state $r.Pool $name $value }
      'site' { Set-SiteProperty $state $r.Site $name $value }
      'app' { Set-AppProperty $r.Site $r.App $name $value }
    }
    Save-FakeState $state
  }
  # New-ItemProperty IIS:\Sites\X -Name bindings -Value @{ protocol; bindingInformation }: one binding added, as IIS
  # adds an element to a collection (a duplicate is refused, like New-WebBinding's).
  NewItemProperty = {
    param($resolved, $name, $value)
    $state = Get-FakeState
    $r = Resolve-IisPath $state $resolved.Rest
    if ($r.Kind -ne 'site' -or $name -ne 'bindings') { throw "The fake Windows models New-ItemProperty only for a website's bindings, not '$name' on '$($resolved.Path)'." }
    if (-not $r.Site) { throw (New-FakeNotFound $resolved.Path) }
    if ($value -isnot [System.Collections.IDictionary] -or -not $value.protocol -or $null -eq $value.bindingInformation) { throw 'A binding needs protocol and bindingInformation.' }
    foreach ($k in $value.Keys) { if ($k -notin 'protocol', 'bindingInformation', 'sslFlags') { throw (PropertyNotFound "bindings.$k" "Sites\$($r.Site.name)") } }
    $binding = [ordered]@{ protocol = [string]$value.protocol; bindingInformation = [string]$value.bindingInformation; sslFlags = [int]$value.sslFlags }
    Assert-BindingFormat $binding
    $list = @($r.Site.bindings | Where-Object { $_ }) + @($binding)
    Assert-BindingsFree $state $r.Site.name $list
    Assert-FakeChange 'New-ItemProperty'
    $r.Site.bindings = $list
    Save-FakeState $state
  }
}

# ---- cmdlets ------------------------------------------------------------------------------------------------------

function New-WebAppPool {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0)][string]$Name, [switch]$Force)
  $state = Get-FakeState
  $existing = Find-Pool $state $Name
  if ($existing -and -not $Force) { throw 'Destination element already exists, please use "force" parameter to override.' }
  Assert-FakeChange 'New-WebAppPool'
  $pool = [ordered]@{
    name = $Name; managedRuntimeVersion = 'v4.0'; managedPipelineMode = 'Integrated'; autoStart = $true; startMode = 'OnDemand'; state = 'Started'
    processModel = [ordered]@{ identityType = 'ApplicationPoolIdentity'; userName = ''; passwordSha256 = '' }
  }
  $pools = @($state.iis.appPools | Where-Object { $_ })
  if ($existing) { $pools = Remove-FakeItem $pools $existing }
  $state.iis.appPools = @($pools) + @($pool)
  Save-FakeState $state
  ConvertTo-PoolObject $pool
}

function Remove-WebAppPool {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0)][string]$Name)
  $state = Get-FakeState
  $pool = Find-Pool $state $Name
  if (-not $pool) { throw (New-FakeNotFound "IIS:\AppPools\$Name") }
  Assert-FakeChange 'Remove-WebAppPool'
  $state.iis.appPools = Remove-FakeItem $state.iis.appPools $pool
  Save-FakeState $state
}

function Get-Website {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string]$Name)
  $sites = @((Get-FakeState).iis.sites | Where-Object { $_ })
  # WebAdministration's -Name is a wildcard; the fake models exact names and *.
  if ($Name -and $Name -ne '*') { $sites = @($sites | Where-Object { $_.name -ieq $Name }) }
  $sites | ForEach-Object { ConvertTo-SiteObject $_ }
}

function New-Website {
  [CmdletBinding()]
  param(
    [Parameter(Mandatory, Position = 0)][string]$Name,
    [uint32]$Id, [string]$PhysicalPath, [string]$ApplicationPool, [uint32]$Port, [string]$IPAddress = '*', [string]$HostHeader = '',
    [switch]$Ssl, [int]$SslFlags, [switch]$Force
  )
  $state = Get-FakeState
  $sites = @($state.iis.sites | Where-Object { $_ })
  $existing = Find-Site $state $Name
  if ($existing -and -not $Force) { throw 'Destination element already exists, please use "force" parameter to override.' }
  # WebAdministration computes the new id from the sites that exist and fails on an IIS that has none.
  if (-not $PSBoundParameters.ContainsKey('Id') -and $sites.Count -eq 0) { throw 'Index was outside the bounds of the array.' }
  $newId = if ($PSBoundParameters.ContainsKey('Id')) { [long]$Id } else { ([long]($sites | ForEach-Object { [long]$_.id } | Measure-Object -Maximum).Maximum) + 1 }
  if ($sites | Where-Object { [long]$_.id -eq $newId -and $_.name -ine $Name }) { throw "A website with the id $newId already exists." }
  if (-not $PSBoundParameters.ContainsKey('Port')) { $Port = 80 }
  $binding = [ordered]@{ protocol = $(if ($Ssl) { 'https' } else { 'http' }); bindingInformation = "${IPAddress}:${Port}:$HostHeader"; sslFlags = $SslFlags }
  Assert-BindingFormat $binding
  # -Force lets a site be created with a binding another site has (it then does not start).
  if (-not $Force) { Assert-BindingsFree $state $Name @($binding) }
  Assert-FakeChange 'New-Website'
  $pool = if ($ApplicationPool) { $ApplicationPool } else { 'DefaultAppPool' }
  $site = [ordered]@{
    name = $Name; id = $newId; serverAutoStart = $true; state = 'Started'; bindings = @($binding)
    applications = @([ordered]@{ path = '/'; physicalPath = $PhysicalPath; applicationPool = $pool; enabledProtocols = 'http' })
  }
  if ($existing) { $sites = Remove-FakeItem $sites $existing }
  $state.iis.sites = @($sites) + @($site)
  Save-FakeState $state
  ConvertTo-SiteObject $site
}

function Remove-Website {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0)][string]$Name)
  $state = Get-FakeState
  $site = Find-Site $state $Name
  if (-not $site) { throw (New-FakeNotFound "IIS:\Sites\$Name") }
  Assert-FakeChange 'Remove-Website'
  # Windows leaves http.sys's SSL bindings in place: whoever removes a site removes them.
  $state.iis.sites = Remove-FakeItem $state.iis.sites $site
  Save-FakeState $state
}

function Get-WebBinding {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string]$Name, [string]$Protocol, [uint32]$Port, [string]$IPAddress, [string]$HostHeader)
  foreach ($site in @((Get-FakeState).iis.sites | Where-Object { $_ -and (-not $Name -or $_.name -ieq $Name) })) {
    foreach ($b in @($site.bindings | Where-Object { $_ })) {
      if ($Protocol -and $b.protocol -ine $Protocol) { continue }
      $parts = $b.bindingInformation.Split(':')
      $bPort = if ($b.protocol -in 'http', 'https') { $parts[1] } else { $parts[0] }
      if ($PSBoundParameters.ContainsKey('Port') -and [string]$Port -ne $bPort) { continue }
      if ($IPAddress -and $b.protocol -in 'http', 'https' -and $parts[0] -ne $IPAddress) { continue }
      if ($PSBoundParameters.ContainsKey('HostHeader') -and $b.protocol -in 'http', 'https' -and $parts[2] -ine $HostHeader) { continue }
      ConvertTo-BindingObject $site $b
    }
  }
}

function New-WebBinding {
  [CmdletBinding()]
  # As WebAdministration's: no -BindingInformation, so it cannot spell net.tcp's 808:* (New-ItemProperty can).
  param([Parameter(Position = 0)][string]$Name, [string]$Protocol = 'http', [uint32]$Port = 80, [string]$IPAddress = '*', [string]$HostHeader = '', [int]$SslFlags)
  $state = Get-FakeState
  $site = Find-Site $state $Name
  if (-not $site) { throw (New-FakeNotFound "IIS:\Sites\$Name") }
  $info = "${IPAddress}:${Port}:$HostHeader"
  $binding = [ordered]@{ protocol = $Protocol; bindingInformation = $info; sslFlags = $SslFlags }
  Assert-BindingFormat $binding
  $list = @($site.bindings | Where-Object { $_ }) + @($binding)
  Assert-BindingsFree $state $site.name $list
  Assert-FakeChange 'New-WebBinding'
  $site.bindings = $list
  Save-FakeState $state
}

function Remove-WebBinding {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string]$Name, [string]$Protocol, [uint32]$Port, [string]$IPAddress = '*', [string]$HostHeader = '', [string]$BindingInformation)
  $state = Get-FakeState
  $site = Find-Site $state $Name
  if (-not $site) { throw (New-FakeNotFound "IIS:\Sites\$Name") }
  $info = if ($BindingInformation) { $BindingInformation } elseif ($Protocol -in 'http', 'https') { "${IPAddress}:${Port}:$HostHeader" } else { "${Port}:$HostHeader" }
  $match = @($site.bindings | Where-Object { $_ -and (-not $Protocol -or $_.protocol -ieq $Protocol) -and $_.bindingInformation -ieq $info }) | Select-Object -First 1
  if (-not $match) { throw "The binding '$Protocol $info' does not exist on the website $Name." }
  Assert-FakeChange 'Remove-WebBinding'
  $site.bindings = Remove-FakeItem $site.bindings $match
  Save-FakeState $state
}

function Get-WebApplication {
  [CmdletBinding()]
  param([string]$Site, [Parameter(Position = 0)][string]$Name)
  foreach ($s in @((Get-FakeState).iis.sites | Where-Object { $_ -and (-not $Site -or $_.name -ieq $Site) })) {
    foreach ($app in @($s.applications | Where-Object { $_ -and $_.path -ne '/' })) {
      if ($Name -and $app.path -ine ('/' + $Name.Trim('/'))) { continue }
      ConvertTo-AppObject $s $app
    }
  }
}

function New-WebApplication {
  [CmdletBinding()]
  param([Parameter(Mandatory)][string]$Site, [Parameter(Mandatory, Position = 0)][string]$Name, [Parameter(Mandatory)][string]$PhysicalPath, [string]$ApplicationPool, [switch]$Force)
  $state = Get-FakeState
  $s = Find-Site $state $Site
  if (-not $s) { throw (New-FakeNotFound "IIS:\Sites\$Site") }
  $path = '/' + $Name.Trim('/')
  $existing = Find-App $s $path
  if ($existing -and -not $Force) { throw 'Destination element already exists, please use "force" parameter to override.' }
  Assert-PhysicalPath $PhysicalPath
  Assert-FakeChange 'New-WebApplication'
  $pool = if ($ApplicationPool) { $ApplicationPool } else { (Root-App $s).applicationPool }
  $app = [ordered]@{ path = $path; physicalPath = $PhysicalPath; applicationPool = $pool; enabledProtocols = 'http' }
  $apps = @($s.applications | Where-Object { $_ })
  if ($existing) { $apps = Remove-FakeItem $apps $existing }
  $s.applications = @($apps) + @($app)
  Save-FakeState $state
  ConvertTo-AppObject $s $app
}

function Remove-WebApplication {
  [CmdletBinding()]
  param([Parameter(Mandatory)][string]$Site, [Parameter(Mandatory, Position = 0)][string]$Name)
  $state = Get-FakeState
  $s = Find-Site $state $Site
  $app = if ($s) { Find-App $s ('/' + $Name.Trim('/')) }
  if (-not $app) { throw (New-FakeNotFound "IIS:\Sites\$Site\$Name") }
  Assert-FakeChange 'Remove-WebApplication'
  $s.applications = Remove-FakeItem $s.applications $app
  Save-FakeState $state
}

function Set-FakeRuntimeState([string]$Kind, [string]$Name, [string]$Value, [string]$Command) {
  $state = Get-FakeState
  $item = if ($Kind -eq 'pool') { Find-Pool $state $Name } else { Find-Site $state $Name }
  if (-not $item) { throw (New-FakeNotFound $(if ($Kind -eq 'pool') { "IIS:\AppPools\$Name" } else { "IIS:\Sites\$Name" })) }
  if ($Value -eq 'Started' -and $Kind -eq 'pool' -and $item.processModel.identityType -eq 'SpecificUser' -and -not $item.processModel.passwordSha256) {
    throw "The application pool $Name cannot start: its identity has no password."
  }
  Assert-FakeChange $Command
  $item.state = $Value
  Save-FakeState $state
}

function Start-WebAppPool { [CmdletBinding()] param([Parameter(Mandatory, Position = 0)][string]$Name) Set-FakeRuntimeState 'pool' $Name 'Started' 'Start-WebAppPool' }
function Stop-WebAppPool { [CmdletBinding()] param([Parameter(Mandatory, Position = 0)][string]$Name) Set-FakeRuntimeState 'pool' $Name 'Stopped' 'Stop-WebAppPool' }
function Start-Website { [CmdletBinding()] param([Parameter(Mandatory, Position = 0)][string]$Name) Set-FakeRuntimeState 'site' $Name 'Started' 'Start-Website' }
function Stop-Website { [CmdletBinding()] param([Parameter(Mandatory, Position = 0)][string]$Name) Set-FakeRuntimeState 'site' $Name 'Stopped' 'Stop-Website' }
function Get-WebAppPoolState {
  [CmdletBinding()] param([Parameter(Mandatory, Position = 0)][string]$Name)
  $pool = Find-Pool (Get-FakeState) $Name
  if (-not $pool) { throw (New-FakeNotFound "IIS:\AppPools\$Name") }
  [pscustomobject]@{ Value = $pool.state }
}

Export-ModuleMember -Function New-WebAppPool, Remove-WebAppPool, Get-Website, New-Website, Remove-Website, Get-WebBinding, New-WebBinding, Remove-WebBinding,
  Get-WebApplication, New-WebApplication, Remove-WebApplication, Start-WebAppPool, Stop-WebAppPool, Start-Website, Stop-Website, Get-WebAppPoolState
