/**
 * The PowerShell behind the Windows machine. Every value (names, paths, the password) arrives in `$Data` from the
 * JSON envelope on standard input, never spliced into the script text, so no name can break out of a string and no
 * secret appears in a command line. Each read answers with JSON that `windows-machine.ts` parses.
 */
const IIS = 'Import-Module WebAdministration;';

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
$path = "IIS:\\AppPools\\" + $Data.state.name
if (-not (Test-Path -LiteralPath $path)) { New-WebAppPool -Name $Data.state.name | Out-Null }
Set-ItemProperty -LiteralPath $path -Name managedRuntimeVersion -Value $Data.state.managedRuntimeVersion
Set-ItemProperty -LiteralPath $path -Name managedPipelineMode -Value $Data.state.pipelineMode
if ($Data.state.identityType -eq 'SpecificUser') {
  Set-ItemProperty -LiteralPath $path -Name processModel -Value @{ userName = $Data.state.userName; password = $Data.password; identityType = 3 }
} else {
  Set-ItemProperty -LiteralPath $path -Name processModel.identityType -Value $Data.state.identityType
}
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

  writeSite: `${IIS}
$s = $Data.state
$path = "IIS:\\Sites\\" + $s.name
if (-not (Test-Path -LiteralPath $path)) {
  New-Item -ItemType Directory -Force -Path $s.physicalPath | Out-Null
  New-Website -Name $s.name -PhysicalPath $s.physicalPath -ApplicationPool $s.appPool -Port 1 -Force | Out-Null
}
Set-ItemProperty -LiteralPath $path -Name physicalPath -Value $s.physicalPath
Set-ItemProperty -LiteralPath $path -Name applicationPool -Value $s.appPool
$list = @(foreach ($b in $s.bindings) { @{ protocol = $b.protocol; bindingInformation = $b.bindingInformation } })
Set-ItemProperty -LiteralPath $path -Name bindings -Value $list
Set-ItemProperty -LiteralPath $path -Name enabledProtocols -Value $s.enabledProtocols
foreach ($b in $s.bindings) {
  if ($b.protocol -ne 'https' -or -not $b.certificateThumbprint) { continue }
  $port = [int]($b.bindingInformation.Split(':')[1])
  $binding = Get-WebBinding -Name $s.name -Protocol https -Port $port
  # http.sys refuses a second certificate on a port: the one bound before (if any) goes first.
  try { $binding.RemoveSslCertificate() } catch { }
  $binding.AddSslCertificate($b.certificateThumbprint, $b.certificateStore)
}
$true`,

  removeSite: `${IIS}
$site = Get-Website | Where-Object { $_.name -eq $Data.name }
if ($site) {
  foreach ($b in $site.bindings.Collection) {
    if ($b.protocol -eq 'https') {
      $port = [int]($b.bindingInformation.Split(':')[1])
      & netsh.exe http delete sslcert ("ipport=0.0.0.0:" + $port) | Out-Null
    }
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

  readAccess: `
if (-not (Test-Path -LiteralPath $Data.path)) { return $null }
$acl = Get-Acl -LiteralPath $Data.path
$sid = (New-Object System.Security.Principal.NTAccount($Data.identity)).Translate([System.Security.Principal.SecurityIdentifier])
$rule = $acl.Access | Where-Object {
  $owner = try { $_.IdentityReference.Translate([System.Security.Principal.SecurityIdentifier]) } catch { $null }
  -not $_.IsInherited -and $_.AccessControlType -eq 'Allow' -and $owner -eq $sid
} | Select-Object -First 1
if (-not $rule) { return $null }
$rights = [string]$rule.FileSystemRights
$named = if ($rights -match 'FullControl') { 'FullControl' } elseif ($rights -match 'Modify') { 'Modify' } else { 'ReadAndExecute' }
[pscustomobject]@{ path = $Data.path; identity = $Data.identity; rights = $named }`,

  writeAccess: `
$acl = Get-Acl -LiteralPath $Data.rule.path
$account = New-Object System.Security.Principal.NTAccount($Data.rule.identity)
$acl.PurgeAccessRules($account)
$rule = New-Object System.Security.AccessControl.FileSystemAccessRule($account, $Data.rule.rights, 'ContainerInherit,ObjectInherit', 'None', 'Allow')
$acl.AddAccessRule($rule)
Set-Acl -LiteralPath $Data.rule.path -AclObject $acl
$true`,

  removeAccess: `
if (-not (Test-Path -LiteralPath $Data.path)) { return $true }
$acl = Get-Acl -LiteralPath $Data.path
$acl.PurgeAccessRules((New-Object System.Security.Principal.NTAccount($Data.identity)))
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
} as const;

export type ScriptName = keyof typeof SCRIPTS;
