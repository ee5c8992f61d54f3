/**
 * The PowerShell behind the Windows machine. Every value (names, paths, the password) arrives in `$Data` from the
 * JSON envelope on standard input, never spliced into the script text, so no name can break out of a string and no
 * secret appears in a command line. Each read answers with JSON that `windows-machine.ts` parses.
 */
import { ACCOUNT_SID_FUNCTION as ACCOUNT_SID } from './account-sid-script';
import { CERTIFICATE_KEY_SCRIPTS } from './certificate-key-scripts';

const IIS = 'Import-Module WebAdministration;';

/**
 * A website's bindings, one at a time, so that its other bindings (Default Web Site's 443, WCF's 808:*) are never
 * touched; the exported script uses the same functions. http.sys holds one certificate per ip:port, not per site: '*:8443:' is 0.0.0.0:8443, and the certificate bound
 * there before goes before another one is added. The application id is IIS's own, as IIS Manager binds it.
 */
export const SITE_FUNCTIONS = `
# WebAdministration's New-Website fails on an IIS whose last site was removed unless it is given an id: the next free one.
function Get-CdxFreeSiteId {
  1 + [int](@(Get-Website | ForEach-Object { [int]$_.id }) | Measure-Object -Maximum).Maximum
}
function Split-CdxBinding($b) {
  $parts = ([string]$b.bindingInformation).Split(':')
  $ip = if ($parts[0] -eq '*' -or $parts[0] -eq '') { '0.0.0.0' } else { $parts[0] }
  @{ ip = $parts[0]; port = [int]$parts[1]; host = $(if ($parts.Count -gt 2) { $parts[2] } else { '' }); ipPort = $ip + ':' + $parts[1] }
}
function Find-CdxBinding([string]$site, $b) {
  Get-WebBinding -Name $site -Protocol $b.protocol | Where-Object { $_.bindingInformation -eq $b.bindingInformation } | Select-Object -First 1
}
function Remove-CdxCertificate($b) {
  $ipPort = (Split-CdxBinding $b).ipPort
  & netsh.exe http delete sslcert ("ipport=" + $ipPort) | Out-Null
  if ($LASTEXITCODE -ne 0) { throw ("netsh could not remove the certificate bound to " + $ipPort + ".") }
}
function Set-CdxBinding([string]$site, $b) {
  if (-not (Find-CdxBinding $site $b)) {
    if ($b.protocol -eq 'http' -or $b.protocol -eq 'https') {
      $p = Split-CdxBinding $b
      New-WebBinding -Name $site -Protocol $b.protocol -IPAddress $p.ip -Port $p.port -HostHeader $p.host | Out-Null
    } else {
      # New-WebBinding spells every binding ip:port:host; net.tcp is spelled port:host (808:*).
      New-ItemProperty -LiteralPath ("IIS:\\Sites\\" + $site) -Name bindings -Value @{ protocol = [string]$b.protocol; bindingInformation = [string]$b.bindingInformation } | Out-Null
    }
  }
  if ($b.protocol -ne 'https') { return }
  $current = [string](Find-CdxBinding $site $b).certificateHash
  $wanted = [string]$b.certificateThumbprint
  if ($current -eq $wanted) { return }
  if ($current) { Remove-CdxCertificate $b }
  if (-not $wanted) { return }
  $store = if ($b.certificateStore) { [string]$b.certificateStore } else { 'My' }
  $ipPort = (Split-CdxBinding $b).ipPort
  & netsh.exe http add sslcert ("ipport=" + $ipPort) ("certhash=" + $wanted) ("certstorename=" + $store) 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' | Out-Null
  if ($LASTEXITCODE -ne 0) { throw ("netsh could not bind the certificate " + $wanted + " to " + $ipPort + ".") }
}
`;

export const SCRIPTS = {
  readAppPool: `${IIS}
$path = "IIS:\\AppPools\\" + $Data.name
if (-not (Test-Path -LiteralPath $path)) { return $null }
$pool = Get-Item -LiteralPath $path
[pscustomobject]@{
  name = $pool.name
  identityType = [string]$pool.processModel.identityType
  userName = [string]$pool.processModel.userName
  managedRuntimeVersion = [string]$pool.managedRuntimeVersion
  pipelineMode = [string]$pool.managedPipelineMode
}`,

  writeAppPool: `${IIS}
$s = $Data.state
$path = "IIS:\\AppPools\\" + $s.name
if (-not (Test-Path -LiteralPath $path)) { New-WebAppPool -Name $s.name | Out-Null }
Set-ItemProperty -LiteralPath $path -Name managedRuntimeVersion -Value $s.managedRuntimeVersion
Set-ItemProperty -LiteralPath $path -Name managedPipelineMode -Value $s.pipelineMode
$identity = @{ LocalSystem = 0; LocalService = 1; NetworkService = 2; SpecificUser = 3; ApplicationPoolIdentity = 4 }
$model = @{ identityType = $identity[[string]$s.identityType]; userName = [string]$s.userName }
# Without a password the pool keeps its own: writing a pool back as it was read never changes a password we never knew.
if (-not $s.userName) { $model.password = '' } elseif ($Data.password) { $model.password = [string]$Data.password }
Set-ItemProperty -LiteralPath $path -Name processModel -Value $model
$true`,

  removeAppPool: `${IIS}
$path = "IIS:\\AppPools\\" + $Data.name
if (Test-Path -LiteralPath $path) { Remove-WebAppPool -Name $Data.name }
$true`,

  readSite: `${IIS}
$site = Get-Website | Where-Object { $_.name -eq $Data.name }
if (-not $site) { return $null }
$bindings = @(foreach ($b in $site.bindings.Collection) {
  [pscustomobject]@{
    protocol = [string]$b.protocol
    bindingInformation = [string]$b.bindingInformation
    certificateThumbprint = [string]$b.certificateHash
    certificateStore = [string]$b.certificateStoreName
  }
})
[pscustomobject]@{
  name = $site.name
  physicalPath = [string]$site.physicalPath
  appPool = [string]$site.applicationPool
  bindings = $bindings
  enabledProtocols = [string]$site.enabledProtocols
}`,

  writeSite: `${IIS}${SITE_FUNCTIONS}
$s = $Data.state
$path = "IIS:\\Sites\\" + $s.name
if (-not (Test-Path -LiteralPath $path)) {
  $bindings = @($s.bindings)
  if ($bindings.Count -eq 0 -or @('http', 'https') -notcontains $bindings[0].protocol) { throw ("The website " + $s.name + " needs an http or https binding to be created.") }
  $first = Split-CdxBinding $bindings[0]
  New-Item -ItemType Directory -Force -Path $s.physicalPath | Out-Null
  New-Website -Id (Get-CdxFreeSiteId) -Name $s.name -PhysicalPath $s.physicalPath -ApplicationPool $s.appPool -IPAddress $first.ip -Port $first.port -HostHeader $first.host -Ssl:($bindings[0].protocol -eq 'https') | Out-Null
  foreach ($b in $bindings) { Set-CdxBinding $s.name $b }
}
Set-ItemProperty -LiteralPath $path -Name physicalPath -Value $s.physicalPath
Set-ItemProperty -LiteralPath $path -Name applicationPool -Value $s.appPool
Set-ItemProperty -LiteralPath $path -Name enabledProtocols -Value $s.enabledProtocols
$true`,

  writeBinding: `${IIS}${SITE_FUNCTIONS}
if (-not (Test-Path -LiteralPath ("IIS:\\Sites\\" + $Data.site))) { throw ("The website " + $Data.site + " does not exist.") }
Set-CdxBinding $Data.site $Data.binding
$true`,

  removeBinding: `${IIS}${SITE_FUNCTIONS}
$live = Find-CdxBinding $Data.site $Data.binding
if ($live) {
  if ($live.protocol -eq 'https' -and $live.certificateHash) { Remove-CdxCertificate $live }
  Remove-WebBinding -Name $Data.site -Protocol $live.protocol -BindingInformation $live.bindingInformation
}
$true`,

  removeSite: `${IIS}${SITE_FUNCTIONS}
$site = Get-Website | Where-Object { $_.name -eq $Data.name }
if ($site) {
  foreach ($b in @($site.bindings.Collection)) {
    if ($b.protocol -eq 'https' -and $b.certificateHash) { Remove-CdxCertificate $b }
  }
  Remove-Website -Name $Data.name
}
$true`,

  readApplication: `${IIS}
$app = Get-WebApplication -Site $Data.site -Name $Data.path.TrimStart('/')
if (-not $app) { return $null }
[pscustomobject]@{
  site = $Data.site
  path = [string]$app.path
  physicalPath = [string]$app.physicalPath
  appPool = [string]$app.applicationPool
  enabledProtocols = [string]$app.enabledProtocols
}`,

  writeApplication: `${IIS}
$a = $Data.state
$name = $a.path.TrimStart('/')
if (-not (Get-WebApplication -Site $a.site -Name $name)) {
  New-WebApplication -Site $a.site -Name $name -PhysicalPath $a.physicalPath -ApplicationPool $a.appPool -Force | Out-Null
}
$path = "IIS:\\Sites\\" + $a.site + "\\" + $name
Set-ItemProperty -LiteralPath $path -Name physicalPath -Value $a.physicalPath
Set-ItemProperty -LiteralPath $path -Name applicationPool -Value $a.appPool
Set-ItemProperty -LiteralPath $path -Name enabledProtocols -Value $a.enabledProtocols
$true`,

  removeApplication: `${IIS}
$name = $Data.path.TrimStart('/')
if (Get-WebApplication -Site $Data.site -Name $name) { Remove-WebApplication -Site $Data.site -Name $name }
$true`,

  readAccess: `${ACCOUNT_SID}
if (-not (Test-Path -LiteralPath $Data.path)) { return $null }
$acl = Get-Acl -LiteralPath $Data.path
$sid = ConvertTo-AccountSid $Data.identity
$rule = $acl.Access | Where-Object {
  $owner = try { $_.IdentityReference.Translate([System.Security.Principal.SecurityIdentifier]) } catch { $null }
  -not $_.IsInherited -and $_.AccessControlType -eq 'Allow' -and $owner -eq $sid
} | Select-Object -First 1
if (-not $rule) { return $null }
$rights = [string]$rule.FileSystemRights
$named = if ($rights -match 'FullControl') { 'FullControl' } elseif ($rights -match 'Modify') { 'Modify' } else { 'ReadAndExecute' }
[pscustomobject]@{ path = $Data.path; identity = $Data.identity; rights = $named }`,

  writeAccess: `${ACCOUNT_SID}
$acl = Get-Acl -LiteralPath $Data.rule.path
$account = ConvertTo-AccountSid $Data.rule.identity
$acl.PurgeAccessRules($account)
$rule = New-Object System.Security.AccessControl.FileSystemAccessRule($account, $Data.rule.rights, 'ContainerInherit,ObjectInherit', 'None', 'Allow')
$acl.AddAccessRule($rule)
Set-Acl -LiteralPath $Data.rule.path -AclObject $acl
$true`,

  removeAccess: `${ACCOUNT_SID}
if (-not (Test-Path -LiteralPath $Data.path)) { return $true }
$acl = Get-Acl -LiteralPath $Data.path
$acl.PurgeAccessRules((ConvertTo-AccountSid $Data.identity))
Set-Acl -LiteralPath $Data.path -AclObject $acl
$true`,

  readFirewallRule: `Import-Module NetSecurity;
$rule = Get-NetFirewallRule -Name $Data.name -ErrorAction SilentlyContinue
if (-not $rule) { return $null }
$port = $rule | Get-NetFirewallPortFilter
[pscustomobject]@{
  name = [string]$rule.Name
  displayName = [string]$rule.DisplayName
  protocol = [string]$port.Protocol
  localPort = [int]($port.LocalPort | Select-Object -First 1)
  direction = [string]$rule.Direction
  action = [string]$rule.Action
}`,

  writeFirewallRule: `Import-Module NetSecurity;
$r = $Data.rule
Remove-NetFirewallRule -Name $r.name -ErrorAction SilentlyContinue
New-NetFirewallRule -Name $r.name -DisplayName $r.displayName -Protocol $r.protocol -LocalPort $r.localPort -Direction $r.direction -Action $r.action -Profile Any | Out-Null
$true`,

  removeFirewallRule: `Import-Module NetSecurity;
Remove-NetFirewallRule -Name $Data.name -ErrorAction SilentlyContinue
$true`,

  // Programs and Features: the 64-bit view of HKLM (PowerShell's registry provider), one key per instance.
  readProgramsEntry: `$path = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\' + $Data.key
if (-not (Test-Path -LiteralPath $path)) { return $null }
$p = Get-ItemProperty -LiteralPath $path
[pscustomobject]@{
  key = [string]$Data.key
  displayName = [string]$p.DisplayName
  displayVersion = [string]$p.DisplayVersion
  publisher = [string]$p.Publisher
  installDate = [string]$p.InstallDate
  uninstallString = [string]$p.UninstallString
  quietUninstallString = [string]$p.QuietUninstallString
}`,

  writeProgramsEntry: `$e = $Data.entry
$path = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\' + $e.key
if (-not (Test-Path -LiteralPath $path)) { New-Item -Path $path -Force | Out-Null }
$values = @{ DisplayName = $e.displayName; DisplayVersion = $e.displayVersion; Publisher = $e.publisher; InstallDate = $e.installDate; UninstallString = $e.uninstallString; QuietUninstallString = $e.quietUninstallString }
foreach ($name in $values.Keys) { New-ItemProperty -LiteralPath $path -Name $name -Value ([string]$values[$name]) -PropertyType String -Force | Out-Null }
foreach ($name in 'NoModify', 'NoRepair') { New-ItemProperty -LiteralPath $path -Name $name -Value 1 -PropertyType DWord -Force | Out-Null }
$true`,

  removeProgramsEntry: `$path = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\' + $Data.key
if (Test-Path -LiteralPath $path) { Remove-Item -LiteralPath $path -Recurse -Force }
$true`,

  // The source is registered once (New-EventLog needs administrator rights, which Setup has); a registered source
  // is a key under the log's registry key, which Test-Path reads without searching every log as SourceExists does.
  writeEvent: `$e = $Data.event
if (-not (Test-Path -LiteralPath ('HKLM:\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\' + $e.source))) { New-EventLog -LogName Application -Source $e.source }
Write-EventLog -LogName Application -Source $e.source -EntryType $e.entryType -EventId ([int]$e.eventId) -Message $e.message
$true`,

  ...CERTIFICATE_KEY_SCRIPTS,
} as const;

export type ScriptName = keyof typeof SCRIPTS;
