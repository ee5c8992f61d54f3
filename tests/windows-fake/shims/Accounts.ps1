# Accounts and their SIDs. The fake computer knows Windows' built-in accounts, the accounts of its state
# (`accounts`: [{ name: 'CONTOSO\svc-async', sid: 'S-1-5-21-…' }]) and, as IIS makes them, one virtual account
# IIS APPPOOL\<pool> per application pool. NTAccount.Translate maps a name as LookupAccountName does: DOMAIN\user, or a
# bare user name; '.\user' and names nobody has fail with Windows' IdentityNotMappedException message.

$global:FakeBuiltInAccounts = @(
  @{ name = 'NT AUTHORITY\SYSTEM'; sid = 'S-1-5-18' },
  @{ name = 'NT AUTHORITY\LOCAL SERVICE'; sid = 'S-1-5-19' },
  @{ name = 'NT AUTHORITY\NETWORK SERVICE'; sid = 'S-1-5-20' },
  @{ name = 'NT AUTHORITY\Authenticated Users'; sid = 'S-1-5-11' },
  @{ name = 'BUILTIN\Administrators'; sid = 'S-1-5-32-544' },
  @{ name = 'BUILTIN\Users'; sid = 'S-1-5-32-545' },
  @{ name = 'BUILTIN\IIS_IUSRS'; sid = 'S-1-5-32-568' },
  @{ name = 'Everyone'; sid = 'S-1-1-0' },
  @{ name = 'CREATOR OWNER'; sid = 'S-1-3-0' }
)

$global:FakeNotMapped = 'Some or all identity references could not be translated.'

# IIS derives an app pool identity's SID from the SHA-1 of its upper-cased name (UTF-16): S-1-5-82-a-b-c-d-e.
function Get-FakeAppPoolSid([string]$Pool) {
  $sha = [System.Security.Cryptography.SHA1]::Create()
  $hash = $sha.ComputeHash([System.Text.Encoding]::Unicode.GetBytes($Pool.ToUpperInvariant()))
  'S-1-5-82-' + ((0..4 | ForEach-Object { [BitConverter]::ToUInt32($hash, $_ * 4) }) -join '-')
}

function Get-FakeAccounts {
  $state = Get-FakeState
  $pools = @($state.iis.appPools | Where-Object { $_ } | ForEach-Object { @{ name = 'IIS APPPOOL\' + $_.name; sid = Get-FakeAppPoolSid $_.name } })
  @($global:FakeBuiltInAccounts) + @($state.accounts | Where-Object { $_ }) + $pools
}

# The account a name means, or $null when Windows would not map it.
function Find-FakeAccount([string]$Name) {
  $accounts = Get-FakeAccounts
  if ($Name -match '^[^\\]+\\[^\\]+$') { return ($accounts | Where-Object { $_.name -ieq $Name } | Select-Object -First 1) }
  if ($Name -match '^S-1-') { return ($accounts | Where-Object { $_.sid -ieq $Name } | Select-Object -First 1) }
  if ($Name -match '\\') { return $null }
  # A bare name: the account whose user part it is (the computer's own accounts win, as LookupAccountName searches them first).
  $computer = [string](Get-FakeState).computer.name
  $matching = @($accounts | Where-Object { ($_.name -split '\\')[-1] -ieq $Name })
  $local = $matching | Where-Object { $_.name -ilike "$computer\*" } | Select-Object -First 1
  if ($local) { $local } else { $matching | Select-Object -First 1 }
}

function New-FakeSid([string]$Value) {
  $sid = [psobject]$Value
  $sid.PSObject.TypeNames.Insert(0, 'System.Security.Principal.SecurityIdentifier')
  $sid | Add-Member -NotePropertyName Value -NotePropertyValue $Value
  $sid | Add-Member -MemberType ScriptMethod -Name Translate -Value {
    param([type]$Type)
    $account = Find-FakeAccount $this.Value
    if (-not $account) { throw $global:FakeNotMapped }
    if ($Type.Name -eq 'SecurityIdentifier') { return (New-FakeSid $account.sid) }
    New-FakeNtAccount $account.name
  }
  $sid
}

function New-FakeNtAccount([string]$Name) {
  if ([string]::IsNullOrEmpty($Name)) { throw 'Exception calling ".ctor" with "1" argument(s): "Value cannot be null or empty. (Parameter ''name'')"' }
  $account = [pscustomobject]@{ Value = $Name }
  $account.PSObject.TypeNames.Insert(0, 'System.Security.Principal.NTAccount')
  $account | Add-Member -MemberType ScriptMethod -Name ToString -Force -Value { $this.Value }
  $account | Add-Member -MemberType ScriptMethod -Name Translate -Value {
    param([type]$Type)
    $found = Find-FakeAccount $this.Value
    if (-not $found) { throw $global:FakeNotMapped }
    if ($Type.Name -eq 'SecurityIdentifier') { return (New-FakeSid $found.sid) }
    New-FakeNtAccount $found.name
  }
  $account
}

Register-FakeType 'System.Security.Principal.NTAccount' {
  param($arguments)
  if ($arguments.Count -eq 2) { return (New-FakeNtAccount "$($arguments[0])\$($arguments[1])") }
  New-FakeNtAccount ([string]$arguments[0])
}

Register-FakeType 'System.Security.Principal.SecurityIdentifier' {
  param($arguments)
  $value = [string]$arguments[0]
  if ($value -notmatch '^S-1-\d+(-\d+)*$') { throw 'Exception calling ".ctor" with "1" argument(s): "Value was invalid. (Parameter ''sddlForm'')"' }
  New-FakeSid $value
}
