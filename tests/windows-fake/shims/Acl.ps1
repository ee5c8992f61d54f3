# Folder and file permissions. The state's `acl` maps a folder or file (its Windows path, lower case) to its explicit
# rules; it also inherits its ancestors' inheritable rules and the drive's defaults (Administrators and SYSTEM full
# control, Users read), as a new folder on C:\ does, unless the state's `aclProtected` lists it (a private key file in
# MachineKeys or Keys, whose folder's rules are for the folder only). Identities go through the account table:
# AddAccessRule, PurgeAccessRules and Set-Acl refuse an account Windows could not map, with Windows' message. A
# folder's rules go with the folder. As Windows: Get-Acl is refused when no rule lets Administrators (the installing
# user is one, elevated) read the permissions (the owner's implicit right is not modelled), and a file's rule takes no
# inheritance flags. Protection is modelled: `SetAccessRuleProtection` and `AreAccessRulesProtected`, kept in
# `aclProtected` by Set-Acl; and the DACL's SDDL (`GetSecurityDescriptorSddlForm('Access')`,
# `SetSecurityDescriptorSddlForm`), with Windows' aliases (BA, SY, FA, FR…), its flags (OI, CI, ID…) and its refusal of
# a form it cannot read; as Windows, the inherited entries an SDDL lists are recomputed from the folder when written.

$global:FakeDriveDefaults = @(
  @{ identity = 'BUILTIN\Administrators'; sid = 'S-1-5-32-544'; rights = 'FullControl'; inheritance = 'ContainerInherit, ObjectInherit'; propagation = 'None'; type = 'Allow' },
  @{ identity = 'NT AUTHORITY\SYSTEM'; sid = 'S-1-5-18'; rights = 'FullControl'; inheritance = 'ContainerInherit, ObjectInherit'; propagation = 'None'; type = 'Allow' },
  @{ identity = 'BUILTIN\Users'; sid = 'S-1-5-32-545'; rights = 'ReadAndExecute, Synchronize'; inheritance = 'ContainerInherit, ObjectInherit'; propagation = 'None'; type = 'Allow' }
)

function Get-FakeAclKey([string]$WindowsPath) { $WindowsPath.TrimEnd('\', '/').Replace('/', '\').ToLowerInvariant() }

function ConvertTo-FakeRuleObject($Rule, [bool]$Inherited, [bool]$BySid = $false) {
  $object = [pscustomobject]@{
    FileSystemRights = [System.Security.AccessControl.FileSystemRights]$Rule.rights
    AccessControlType = [System.Security.AccessControl.AccessControlType]$Rule.type
    IdentityReference = $(if ($BySid) { New-FakeSid $Rule.sid } else { New-FakeNtAccount $Rule.identity })
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

# SDDL as Windows writes a DACL: its aliases for well-known SIDs and file rights, hexadecimal for any other mask.
$global:FakeSddlSids = [ordered]@{ BA = 'S-1-5-32-544'; BU = 'S-1-5-32-545'; IS = 'S-1-5-32-568'; SY = 'S-1-5-18'; LS = 'S-1-5-19'; NS = 'S-1-5-20'; AU = 'S-1-5-11'; WD = 'S-1-1-0'; CO = 'S-1-3-0' }
$global:FakeSddlRights = [ordered]@{ FA = 0x1F01FF; FR = 0x120089; FW = 0x120116; FX = 0x1200A0 }
$global:FakeSddlGeneric = @{ GA = 0x10000000; GX = 0x20000000; GW = 0x40000000; GR = 0x80000000 }

function ConvertTo-FakeSddlEntry($Rule, [bool]$Inherited, [bool]$IsFile) {
  $flags = ''
  # A file's inherited entries carry no inheritance flags: a file has no children.
  if (-not ($Inherited -and $IsFile)) {
    if ([string]$Rule.inheritance -match 'ObjectInherit') { $flags += 'OI' }
    if ([string]$Rule.inheritance -match 'ContainerInherit') { $flags += 'CI' }
    if ([string]$Rule.propagation -match 'NoPropagateInherit') { $flags += 'NP' }
    if ([string]$Rule.propagation -match 'InheritOnly') { $flags += 'IO' }
  }
  if ($Inherited) { $flags += 'ID' }
  $mask = [uint32][BitConverter]::ToUInt32([BitConverter]::GetBytes([int][System.Security.AccessControl.FileSystemRights]$Rule.rights), 0)
  $rights = @($global:FakeSddlRights.Keys | Where-Object { $global:FakeSddlRights[$_] -eq $mask }) | Select-Object -First 1
  if (-not $rights) { $rights = '0x' + $mask.ToString('x') }
  $sid = @($global:FakeSddlSids.Keys | Where-Object { $global:FakeSddlSids[$_] -ieq $Rule.sid }) | Select-Object -First 1
  if (-not $sid) { $sid = [string]$Rule.sid }
  '(' + $(if ($Rule.type -eq 'Deny') { 'D' } else { 'A' }) + ';' + $flags + ';' + $rights + ';;;' + $sid + ')'
}

# The entries a DACL's SDDL gives the object as its own (not the inherited ones), in the state's form; Windows'
# ArgumentException for a form it cannot read.
function ConvertFrom-FakeSddl([string]$Sddl) {
  $invalid = [System.ArgumentException]::new('The SDDL form of a security descriptor object is invalid.', 'sddlForm')
  if ($Sddl -notmatch '^D:((?:P|AI|AR)*)((?:\([^()]*\))*)$') { throw $invalid }
  $protected = $Matches[1].Contains('P')
  $rules = [System.Collections.ArrayList]::new()
  foreach ($ace in [regex]::Matches($Matches[2], '\(([^()]*)\)')) {
    $parts = $ace.Groups[1].Value.Split(';')
    if ($parts.Count -ne 6 -or @('A', 'D') -notcontains $parts[0] -or $parts[3] -or $parts[4] -or $parts[1] -notmatch '^(OI|CI|NP|IO|ID)*$') { throw $invalid }
    if ($parts[1] -match 'ID') { continue }
    $text = $parts[2]
    if ($text -match '^0x[0-9a-fA-F]+$') { $mask = [Convert]::ToUInt32($text.Substring(2), 16) }
    elseif ($global:FakeSddlRights.Contains($text)) { $mask = [uint32]$global:FakeSddlRights[$text] }
    elseif ($text -match '^(GA|GX|GW|GR)+$') { $mask = [uint32]0; foreach ($g in [regex]::Matches($text, '..')) { $mask = $mask -bor [uint32]$global:FakeSddlGeneric[$g.Value] } }
    else { throw $invalid }
    $sid = if ($global:FakeSddlSids.Contains($parts[5])) { $global:FakeSddlSids[$parts[5]] } elseif ($parts[5] -match '^S-1-\d+(-\d+)+$') { $parts[5] } else { throw $invalid }
    $inheritance = @(@{ OI = 'ObjectInherit'; CI = 'ContainerInherit' }.GetEnumerator() | Where-Object { $parts[1].Contains($_.Key) } | ForEach-Object { $_.Value })
    $propagation = @(@{ NP = 'NoPropagateInherit'; IO = 'InheritOnly' }.GetEnumerator() | Where-Object { $parts[1].Contains($_.Key) } | ForEach-Object { $_.Value })
    $account = Find-FakeAccount $sid
    [void]$rules.Add([ordered]@{
      identity = $(if ($account) { $account.name } else { $sid }); sid = $sid
      rights = [string][System.Security.AccessControl.FileSystemRights][BitConverter]::ToInt32([BitConverter]::GetBytes($mask), 0)
      inheritance = [string][System.Security.AccessControl.InheritanceFlags]$(if ($inheritance.Count) { $inheritance -join ', ' } else { 'None' })
      propagation = [string][System.Security.AccessControl.PropagationFlags]$(if ($propagation.Count) { $propagation -join ', ' } else { 'None' })
      type = $(if ($parts[0] -eq 'D') { 'Deny' } else { 'Allow' })
    })
  }
  @{ Protected = $protected; Rules = $rules }
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
    $protected = @((Get-FakeState).aclProtected) -contains (Get-FakeAclKey $p)
    $security = [pscustomobject]@{ Path = $p; Rules = [System.Collections.ArrayList]$explicit; Inherited = $inherited; IsFile = $isFile; Protected = $protected }
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
    $security | Add-Member -MemberType ScriptProperty -Name AreAccessRulesProtected -Value { $this.Protected }
    # As .NET: protecting drops the inherited rules, or first copies them as the object's own when asked to preserve them.
    $security | Add-Member -MemberType ScriptMethod -Name SetAccessRuleProtection -Value {
      param([bool]$IsProtected, [bool]$PreserveInheritance)
      if ($IsProtected -and -not $this.Protected) {
        if ($PreserveInheritance) { foreach ($r in @($this.Inherited)) { [void]$this.Rules.Add(([ordered]@{} + $r)) } }
        $this.Inherited = @()
      }
      $this.Protected = $IsProtected
    }
    $security | Add-Member -MemberType ScriptMethod -Name GetAccessRules -Value {
      param([bool]$IncludeExplicit, [bool]$IncludeInherited, [type]$TargetType)
      $bySid = $TargetType.Name -eq 'SecurityIdentifier'
      $rules = @()
      if ($IncludeExplicit) { $rules += @($this.Rules | ForEach-Object { ConvertTo-FakeRuleObject $_ $false $bySid }) }
      if ($IncludeInherited) { $rules += @($this.Inherited | ForEach-Object { ConvertTo-FakeRuleObject $_ $true $bySid }) }
      , $rules
    }
    $security | Add-Member -MemberType ScriptMethod -Name GetSecurityDescriptorSddlForm -Value {
      param($Sections)
      if ([string]$Sections -ne 'Access') { throw "The fake Windows models the Access section of a security descriptor only, not $Sections." }
      $isFile = $this.IsFile
      $entries = @($this.Rules | ForEach-Object { ConvertTo-FakeSddlEntry $_ $false $isFile }) + @($this.Inherited | ForEach-Object { ConvertTo-FakeSddlEntry $_ $true $isFile })
      'D:' + $(if ($this.Protected) { 'P' } else { '' }) + 'AI' + ($entries -join '')
    }
    $security | Add-Member -MemberType ScriptMethod -Name SetSecurityDescriptorSddlForm -Value {
      param([string]$Sddl, $Sections)
      if ([string]$Sections -ne 'Access') { throw "The fake Windows models the Access section of a security descriptor only, not $Sections." }
      $dacl = ConvertFrom-FakeSddl $Sddl
      $this.Rules = $dacl.Rules
      $this.Protected = $dacl.Protected
      $this.Inherited = @()
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
    # The protection goes with the ACL; a path keeps its place in the list, so undoing leaves the state as it was.
    $listed = @($state.aclProtected | Where-Object { $_ })
    $wanted = if (-not $AclObject.Protected) { @($listed | Where-Object { $_ -ne $key }) } elseif ($listed -contains $key) { $listed } else { $listed + @($key) }
    if ((@($wanted) -join '|') -ne ($listed -join '|')) { $state.aclProtected = @($wanted) }
    Save-FakeState $state
  }
}
