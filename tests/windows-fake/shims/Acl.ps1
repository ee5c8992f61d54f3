# Folder and file permissions. The state's `acl` maps a folder or file (its Windows path, lower case) to its explicit
# rules; it also inherits its ancestors' inheritable rules and the drive's defaults (Administrators and SYSTEM full
# control, Users read), as a new folder on C:\ does, unless the state's `aclProtected` lists it (a private key file in
# MachineKeys or Keys, whose folder's rules are for the folder only). Identities go through the account table:
# AddAccessRule, PurgeAccessRules and Set-Acl refuse an account Windows could not map, with Windows' message. A
# folder's rules go with the folder. As Windows: Get-Acl is refused when no rule lets Administrators (the installing
# user is one, elevated) read the permissions (the owner's implicit right is not modelled), and a file's rule takes no
# inheritance flags.

$global:FakeDriveDefaults = @(
  @{ identity = 'BUILTIN\Administrators'; sid = 'S-1-5-32-544'; rights = 'FullControl'; inheritance = 'ContainerInherit, ObjectInherit'; propagation = 'None'; type = 'Allow' },
  @{ identity = 'NT AUTHORITY\SYSTEM'; sid = 'S-1-5-18'; rights = 'FullControl'; inheritance = 'ContainerInherit, ObjectInherit'; propagation = 'None'; type = 'Allow' },
  @{ identity = 'BUILTIN\Users'; sid = 'S-1-5-32-545'; rights = 'ReadAndExecute, Synchronize'; inheritance = 'ContainerInherit, ObjectInherit'; propagation = 'None'; type = 'Allow' }
)

function Get-FakeAclKey([string]$WindowsPath) { $WindowsPath.TrimEnd('\', '/').Replace('/', '\').ToLowerInvariant() }

function ConvertTo-FakeRuleObject($Rule, [bool]$Inherited) {
  $object = [pscustomobject]@{
    FileSystemRights = [System.Security.AccessControl.FileSystemRights]$Rule.rights
    AccessControlType = [System.Security.AccessControl.AccessControlType]$Rule.type
    IdentityReference = New-FakeNtAccount $Rule.identity
    IsInherited = $Inherited
    InheritanceFlags = [System.Security.AccessControl.InheritanceFlags]$Rule.inheritance
    PropagationFlags = [System.Security.AccessControl.PropagationFlags]$Rule.propagation
  }
  $object.PSObject.TypeNames.Insert(0, 'System.Security.AccessControl.FileSystemAccessRule')
  $object
}

# The identity of a rule or a Purge call as its account entry; Windows' IdentityNotMappedException when unknown.
function Resolve-FakeIdentity($Identity) {
  $name = if ($Identity -is [string]) { $Identity } else { [string]$Identity.Value }
  # A SecurityIdentifier by its SID; a string or an NTAccount by its name only.
  $bySid = $Identity.PSObject.TypeNames[0] -eq 'System.Security.Principal.SecurityIdentifier'
  $account = if ($bySid) { Find-FakeAccount $name } else { Find-FakeAccountByName $name }
  if (-not $account) { throw $global:FakeNotMapped }
  $account
}

Register-FakeType 'System.Security.AccessControl.FileSystemAccessRule' {
  param($arguments)
  if ($arguments.Count -eq 3) { $arguments = @($arguments[0], $arguments[1], 'None', 'None', $arguments[2]) }
  if ($arguments.Count -ne 5) { throw "The fake Windows models FileSystemAccessRule(identity, rights, type) and (identity, rights, inheritance, propagation, type) only." }
  $rights = [System.Security.AccessControl.FileSystemRights]$arguments[1]
  $type = [System.Security.AccessControl.AccessControlType]$arguments[4]
  # .NET adds Synchronize to every Allow rule (and Windows stores it so).
  if ($type -eq 'Allow') { $rights = $rights -bor [System.Security.AccessControl.FileSystemRights]::Synchronize }
  # An IdentityReference (the fake's NTAccount or SecurityIdentifier) as it is; a string is an account name, as in .NET.
  $reference = @('System.Security.Principal.NTAccount', 'System.Security.Principal.SecurityIdentifier') -contains $arguments[0].PSObject.TypeNames[0]
  $identity = if ($reference) { $arguments[0] } else { New-FakeNtAccount ([string]$arguments[0]) }
  $rule = [pscustomobject]@{
    IdentityReference = $identity
    FileSystemRights = $rights
    AccessControlType = $type
    InheritanceFlags = [System.Security.AccessControl.InheritanceFlags]$arguments[2]
    PropagationFlags = [System.Security.AccessControl.PropagationFlags]$arguments[3]
    IsInherited = $false
  }
  $rule.PSObject.TypeNames.Insert(0, 'System.Security.AccessControl.FileSystemAccessRule')
  $rule
}

function Get-FakeInheritedRules([string]$WindowsPath, $Acl) {
  if (@((Get-FakeState).aclProtected) -contains (Get-FakeAclKey $WindowsPath)) { return @() }
  $rules = @()
  $parent = $WindowsPath.TrimEnd('\')
  while ($parent -match '^(.*)\\[^\\]+$') {
    $parent = $Matches[1]
    foreach ($r in @($Acl[(Get-FakeAclKey $parent)] | Where-Object { $_ })) {
      if ($r.inheritance -match 'ContainerInherit') { $rules += , $r }
    }
  }
  $rules + $global:FakeDriveDefaults
}

function Get-Acl {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath
  )
  foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
    if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath (ConvertTo-FakeSandboxPath $p))) {
      Write-Error -Exception (New-FakeNotFound $p) -Category ObjectNotFound -TargetObject $p
      continue
    }
    $acl = (Get-FakeState).acl
    if (-not $acl) { $acl = @{} }
    $explicit = @($acl[(Get-FakeAclKey $p)] | Where-Object { $_ } | ForEach-Object { [ordered]@{} + $_ })
    $inherited = @(Get-FakeInheritedRules $p $acl)
    $readPermissions = [int][System.Security.AccessControl.FileSystemRights]::ReadPermissions
    if (-not @($explicit + $inherited | Where-Object { $_.sid -eq 'S-1-5-32-544' -and $_.type -eq 'Allow' -and ([int][System.Security.AccessControl.FileSystemRights]$_.rights -band $readPermissions) })) {
      Write-Error -Exception ([System.UnauthorizedAccessException]::new('Attempted to perform an unauthorized operation.')) -Category PermissionDenied -TargetObject $p
      continue
    }
    $isFile = Microsoft.PowerShell.Management\Test-Path -LiteralPath (ConvertTo-FakeSandboxPath $p) -PathType Leaf
    $security = [pscustomobject]@{ Path = $p; Rules = [System.Collections.ArrayList]$explicit; Inherited = $inherited; IsFile = $isFile }
    $security.PSObject.TypeNames.Insert(0, $(if ($isFile) { 'System.Security.AccessControl.FileSecurity' } else { 'System.Security.AccessControl.DirectorySecurity' }))
    $security | Add-Member -MemberType ScriptProperty -Name Access -Value {
      @($this.Rules | ForEach-Object { ConvertTo-FakeRuleObject $_ $false }) + @($this.Inherited | ForEach-Object { ConvertTo-FakeRuleObject $_ $true })
    }
    $security | Add-Member -MemberType ScriptMethod -Name PurgeAccessRules -Value {
      param($Identity)
      $sid = (Resolve-FakeIdentity $Identity).sid
      foreach ($r in @($this.Rules | Where-Object { $_.sid -ieq $sid })) { $this.Rules.Remove($r) }
    }
    $security | Add-Member -MemberType ScriptMethod -Name RemoveAccessRuleAll -Value {
      param($Rule)
      $sid = (Resolve-FakeIdentity $Rule.IdentityReference).sid
      foreach ($r in @($this.Rules | Where-Object { $_.sid -ieq $sid -and $_.type -eq [string]$Rule.AccessControlType })) { $this.Rules.Remove($r) }
    }
    $security | Add-Member -MemberType ScriptMethod -Name AddAccessRule -Value {
      param($Rule)
      # .NET's FileSecurity is not a container's: inheritance or propagation flags are refused.
      if ($this.IsFile -and ([string]$Rule.InheritanceFlags -ne 'None' -or [string]$Rule.PropagationFlags -ne 'None')) { throw [System.ArgumentException]::new('No flags can be set.', 'inheritanceFlags') }
      $account = Resolve-FakeIdentity $Rule.IdentityReference
      $entry = [ordered]@{
        identity = $account.name; sid = $account.sid; rights = [string]$Rule.FileSystemRights
        inheritance = [string]$Rule.InheritanceFlags; propagation = [string]$Rule.PropagationFlags; type = [string]$Rule.AccessControlType
      }
      # Windows merges an Allow rule into the one for the same account and inheritance.
      $same = $this.Rules | Where-Object { $_.sid -ieq $entry.sid -and $_.type -eq $entry.type -and $_.inheritance -eq $entry.inheritance -and $_.propagation -eq $entry.propagation } | Select-Object -First 1
      if ($same) { $same.rights = [string]([System.Security.AccessControl.FileSystemRights]$same.rights -bor [System.Security.AccessControl.FileSystemRights]$entry.rights) }
      else { [void]$this.Rules.Add($entry) }
    }
    $security | Add-Member -MemberType ScriptMethod -Name SetAccessRule -Value {
      param($Rule)
      $sid = (Resolve-FakeIdentity $Rule.IdentityReference).sid
      foreach ($r in @($this.Rules | Where-Object { $_.sid -ieq $sid -and $_.type -eq [string]$Rule.AccessControlType })) { $this.Rules.Remove($r) }
      $this.AddAccessRule($Rule)
    }
    $security
  }
}

function Set-Acl {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(ParameterSetName = 'Path', Position = 0, Mandatory)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath', Mandatory)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
    [Parameter(Mandatory, Position = 1)][object]$AclObject
  )
  foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $null -ne $_ }) {
    if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath (ConvertTo-FakeSandboxPath $p))) { throw (New-FakeNotFound $p) }
    # An ACL holds SIDs: a rule that has one is checked by it (a key file's SYSTEM rule on a German Windows too).
    foreach ($r in @($AclObject.Rules)) { $null = Resolve-FakeIdentity $(if ($r.sid) { New-FakeSid $r.sid } else { $r.identity }) }
    Assert-FakeChange 'Set-Acl'
    $state = Get-FakeState
    $acl = [ordered]@{}
    # Rules of folders that are gone went with them.
    foreach ($key in @($state.acl.Keys)) {
      if (Test-FakeSandboxPathCaseless $key) { $acl[$key] = $state.acl[$key] }
    }
    $rules = @($AclObject.Rules)
    $key = Get-FakeAclKey $p
    if ($rules.Count) { $acl[$key] = $rules } else { $acl.Remove($key) }
    $state.acl = $acl
    Save-FakeState $state
  }
}
