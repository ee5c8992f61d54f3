# Passwords, as System.DirectoryServices.AccountManagement checks them: Add-Type -AssemblyName loads the assembly,
# New-Object PrincipalContext('Machine', <computer>) or ('Domain', <domain>) opens a context, ValidateCredentials(user,
# password) asks it once. The state's accounts carry `passwordSha256` (the SHA-256 of the password's UTF-8 bytes; no
# password is ever in the state); `computer.domainControllerReachable: false` is a domain whose controllers do not
# answer. Each ValidateCredentials is a line in the change log (a failed logon counts toward the account's lockout on a
# real domain controller), so a test can count the attempts and make one fail.

$global:FakeAccountManagementAssembly = 'System.DirectoryServices.AccountManagement'
$global:FakeAccountManagementLoaded = $false

# Only the assembly the fake models is "loaded" here; anything else goes to the real Add-Type (on Linux, where
# that assembly does not exist, the real one refuses it, as a Windows without it would).
function Add-Type {
  if ($args.Count -eq 2 -and [string]$args[0] -ieq '-AssemblyName' -and [string]$args[1] -ieq $global:FakeAccountManagementAssembly) {
    $global:FakeAccountManagementLoaded = $true
    return
  }
  Microsoft.PowerShell.Utility\Add-Type @args
}

# New-Object wraps a constructor's exception as Windows PowerShell does: the cause is the inner exception.
function New-FakeCtorError([string]$Message) {
  [System.Management.Automation.MethodInvocationException]::new("Exception calling "".ctor"" with ""2"" argument(s): ""$Message""", [System.Exception]::new($Message))
}

# The domains a controller answers for: the computer's own, and those of its state's accounts (trusted domains).
function Test-FakeDomainKnown([string]$Domain) {
  $state = Get-FakeState
  if ($state.computer.domain -and [string]$state.computer.domain -ieq $Domain) { return $true }
  [bool](@($state.accounts) | Where-Object { $_ -and ([string]$_.name -split '\\')[0] -ieq $Domain })
}

Register-FakeType 'System.DirectoryServices.AccountManagement.PrincipalContext' {
  param($arguments)
  if (-not $global:FakeAccountManagementLoaded) {
    throw 'Cannot find type [System.DirectoryServices.AccountManagement.PrincipalContext]: verify that the assembly containing this type is loaded.'
  }
  if ($arguments.Count -ne 2) { throw 'The fake Windows models PrincipalContext(ContextType, name) only.' }
  $type = [string]$arguments[0]
  $name = [string]$arguments[1]
  $computer = (Get-FakeState).computer
  if ($type -ieq 'Machine') {
    if ($name -ine [string]$computer.name) { throw (New-FakeCtorError 'The network path was not found.') }
  } elseif ($type -ieq 'Domain') {
    # A workgroup computer, a domain nobody knows and a domain without an answering controller look alike to Windows.
    if (-not $computer.domain -or $computer.domainControllerReachable -eq $false -or -not (Test-FakeDomainKnown $name)) { throw (New-FakeCtorError 'The server could not be contacted.') }
  } else {
    throw "Cannot convert argument ""contextType"", with value: ""$type"", for ""PrincipalContext"" to type ""System.DirectoryServices.AccountManagement.ContextType"": the fake models Machine and Domain."
  }
  $context = [pscustomobject]@{ ContextType = $(if ($type -ieq 'Machine') { 'Machine' } else { 'Domain' }); Name = $name }
  $context.PSObject.TypeNames.Insert(0, 'System.DirectoryServices.AccountManagement.PrincipalContext')
  $context | Add-Member -MemberType ScriptMethod -Name Dispose -Value { }
  $context | Add-Member -MemberType ScriptMethod -Name ValidateCredentials -Value {
    param([string]$UserName, [string]$Password)
    Assert-FakeChange 'ValidateCredentials'
    # A domain takes an empty password for an anonymous bind and answers true, whoever the user: callers must never ask so.
    if ($this.ContextType -eq 'Domain' -and $Password -eq '') { return $true }
    $state = Get-FakeState
    $qualified = if ($UserName -match '\\') { $UserName } else { $this.Name + '\' + $UserName }
    $account = if ($UserName -match '@') { @($state.accounts) | Where-Object { $_ -and $_.upn -ieq $UserName } | Select-Object -First 1 } else { Find-FakeItem $state.accounts 'name' $qualified }
    if (-not $account) { return $false }
    if (-not $account.passwordSha256) { throw "The fake Windows does not know the password of $($account.name): its scenario gives none." }
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $digest = -join ($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Password)) | ForEach-Object { $_.ToString('x2') })
    $digest -eq [string]$account.passwordSha256
  }
  $context
}
