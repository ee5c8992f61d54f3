# Accounts and their SIDs. The fake computer knows Windows' built-in accounts (in its language), the accounts of its
# state (`accounts`: [{ name: 'CONTOSO\svc-async', sid: 'S-1-5-21-…', upn: 'svc-async@contoso.com' }]), its own
# computer account in its domain and, as IIS makes them, one virtual account IIS APPPOOL\<pool> per application pool. NTAccount.Translate maps a name as LookupAccountName does: DOMAIN\user, or a
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

# A localized Windows names its built-in accounts in its own language (the state's computer.language) and knows them
# by no other name, while their SIDs stay the same: there NT AUTHORITY\NETWORK SERVICE does not translate.
$global:FakeLocalizedBuiltInNames = @{
  'de-DE' = @{
    'S-1-5-18' = 'NT-AUTORITÄT\SYSTEM'; 'S-1-5-19' = 'NT-AUTORITÄT\LOKALER DIENST'; 'S-1-5-20' = 'NT-AUTORITÄT\NETZWERKDIENST'
    'S-1-5-11' = 'NT-AUTORITÄT\Authentifizierte Benutzer'; 'S-1-5-32-544' = 'VORDEFINIERT\Administratoren'; 'S-1-5-32-545' = 'VORDEFINIERT\Benutzer'
    'S-1-5-32-568' = 'VORDEFINIERT\IIS_IUSRS'; 'S-1-1-0' = 'Jeder'; 'S-1-3-0' = 'ERSTELLER-BESITZER'
  }
}

# The computer's own account in its domain (DOMAIN\NAME$), which Network Service and app pool identities are on the
# network; a computer in a workgroup (no computer.domain) has none.
$global:FakeComputerAccountSid = 'S-1-5-21-3623811015-3361044348-30300820-1000'

function Get-FakeBuiltInAccounts {
  $language = [string](Get-FakeState).computer.language
  $names = $global:FakeLocalizedBuiltInNames[$language]
  if (-not $names) { return $global:FakeBuiltInAccounts }
  @($global:FakeBuiltInAccounts | ForEach-Object { @{ name = $names[$_.sid]; sid = $_.sid } })
}

# IIS derives an app pool identity's SID from the SHA-1 of its upper-cased name (UTF-16): S-1-5-82-a-b-c-d-e.
function Get-FakeAppPoolSid([string]$Pool) {
  $sha = [System.Security.Cryptography.SHA1]::Create()
  $hash = $sha.ComputeHash([System.Text.Encoding]::Unicode.GetBytes($Pool.ToUpperInvariant()))
  'S-1-5-82-' + ((0..4 | ForEach-Object { [BitConverter]::ToUInt32($hash, $_ * 4) }) -join '-')
}

function Get-FakeAccounts {
  $state = Get-FakeState
  $pools = @($state.iis.appPools | Where-Object { $_ } | ForEach-Object { @{ name = 'IIS APPPOOL\' + $_.name; sid = Get-FakeAppPoolSid $_.name } })
  $computer = @()
  if ($state.computer.domain) { $computer = @(@{ name = [string]$state.computer.domain + '\' + [string]$state.computer.name + '$'; sid = $global:FakeComputerAccountSid }) }
  @(Get-FakeBuiltInAccounts) + @($state.accounts | Where-Object { $_ }) + $computer + $pools
}

# The account a name means, or $null when Windows would not map it.
function Find-FakeAccount([string]$Name) {
  $accounts = Get-FakeAccounts
  if ($Name -match '^[^\\]+\\[^\\]+$') { return ($accounts | Where-Object { $_.name -ieq $Name } | Select-Object -First 1) }
  if ($Name -match '^S-1-') { return ($accounts | Where-Object { $_.sid -ieq $Name } | Select-Object -First 1) }
  if ($Name -match '\\') { return $null }
  # user@domain: a user principal name, as the account's `upn` says (LookupAccountName asks the domain for it).
  if ($Name -match '^[^@]+@[^@]+$') { return ($accounts | Where-Object { $_.upn -and $_.upn -ieq $Name } | Select-Object -First 1) }
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

# An account name, never a SID string: Windows' LookupAccountName does not read 'S-1-5-20' as an account.
function Find-FakeAccountByName([string]$Name) {
  if ($Name -match '^S-1-') { return $null }
  Find-FakeAccount $Name
}

function New-FakeNtAccount([string]$Name) {
  if ([string]::IsNullOrEmpty($Name)) { throw 'Exception calling ".ctor" with "1" argument(s): "Value cannot be null or empty. (Parameter ''name'')"' }
  $account = [pscustomobject]@{ Value = $Name }
  $account.PSObject.TypeNames.Insert(0, 'System.Security.Principal.NTAccount')
  $account | Add-Member -MemberType ScriptMethod -Name ToString -Force -Value { $this.Value }
  $account | Add-Member -MemberType ScriptMethod -Name Translate -Value {
    param([type]$Type)
    $found = Find-FakeAccountByName $this.Value
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
