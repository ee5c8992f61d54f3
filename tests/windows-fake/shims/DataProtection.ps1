# DPAPI (System.Security.Cryptography.ProtectedData), which .NET on Linux has but refuses ("Operation is not supported
# on this platform"). A static call cannot be shadowed by a function, but PowerShell resolves a type name through its
# type accelerators before the loaded assemblies, when it compiles a script: the accelerator registered here, before
# any production script is parsed, sends [System.Security.Cryptography.ProtectedData]::Protect(...) to the fake, so
# the production script runs unchanged. The fake encrypts with AES-256-GCM under the fake computer's own key
# (state.dpapi.machineKey): a value opens only on the computer whose state holds that key, as DPAPI's machine scope.
# Stricter than Windows: it refuses CurrentUser, because a value protected for the installing user could never be
# read by the service account that needs it.

class FakeProtectedData {
  hidden static [byte[]] $Magic = [byte[]](0x43, 0x44, 0x58, 0x46) # "CDXF"

  hidden static [byte[]] MachineKey() {
    $encoded = (Get-FakeState).dpapi.machineKey
    if (-not $encoded) { throw 'The fake Windows has no DPAPI machine key (state.dpapi.machineKey).' }
    return [Convert]::FromBase64String([string]$encoded)
  }

  # PowerShell wraps what a .NET method throws: Exception calling "Unprotect" with "3" argument(s): "…", the .NET
  # exception inside. A class method's throw is not wrapped, so the fake wraps it as the real call would be.
  hidden static [void] Fail([string]$Method, [Exception]$Inner) {
    throw [System.Management.Automation.MethodInvocationException]::new("Exception calling `"$Method`" with `"3`" argument(s): `"$($Inner.Message)`"", $Inner)
  }

  hidden static [void] AssertScope([string]$Method, [System.Security.Cryptography.DataProtectionScope]$Scope) {
    if ($Scope -ne [System.Security.Cryptography.DataProtectionScope]::LocalMachine) {
      [FakeProtectedData]::Fail($Method, [System.NotSupportedException]::new("The fake Windows models DPAPI's LocalMachine scope only, not $Scope`: a value protected for the installing user cannot be read by a service account."))
    }
  }

  static [byte[]] Protect([byte[]]$UserData, [byte[]]$OptionalEntropy, [System.Security.Cryptography.DataProtectionScope]$Scope) {
    [FakeProtectedData]::AssertScope('Protect', $Scope)
    if ($null -eq $UserData) { [FakeProtectedData]::Fail('Protect', [System.ArgumentNullException]::new('userData')) }
    $nonce = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(12)
    $cipher = [byte[]]::new($UserData.Length)
    $tag = [byte[]]::new(16)
    $aes = [System.Security.Cryptography.AesGcm]::new([FakeProtectedData]::MachineKey(), 16)
    try { $aes.Encrypt($nonce, $UserData, $cipher, $tag, [FakeProtectedData]::Associated($OptionalEntropy)) } finally { $aes.Dispose() }
    return [byte[]]([FakeProtectedData]::Magic + $nonce + $tag + $cipher)
  }

  static [byte[]] Unprotect([byte[]]$EncryptedData, [byte[]]$OptionalEntropy, [System.Security.Cryptography.DataProtectionScope]$Scope) {
    [FakeProtectedData]::AssertScope('Unprotect', $Scope)
    if ($null -eq $EncryptedData) { [FakeProtectedData]::Fail('Unprotect', [System.ArgumentNullException]::new('encryptedData')) }
    $head = [FakeProtectedData]::Magic.Length
    # Windows' answer for a value another computer (or another key) protected, or a damaged one.
    $invalid = [System.Security.Cryptography.CryptographicException]::new('The data is invalid.')
    if ($EncryptedData.Length -lt $head + 28) { [FakeProtectedData]::Fail('Unprotect', $invalid) }
    for ($i = 0; $i -lt $head; $i++) { if ($EncryptedData[$i] -ne [FakeProtectedData]::Magic[$i]) { [FakeProtectedData]::Fail('Unprotect', $invalid) } }
    $nonce = [byte[]]$EncryptedData[$head..($head + 11)]
    $tag = [byte[]]$EncryptedData[($head + 12)..($head + 27)]
    $cipher = if ($EncryptedData.Length -gt $head + 28) { [byte[]]$EncryptedData[($head + 28)..($EncryptedData.Length - 1)] } else { [byte[]]::new(0) }
    $plain = [byte[]]::new($cipher.Length)
    $aes = [System.Security.Cryptography.AesGcm]::new([FakeProtectedData]::MachineKey(), 16)
    try { $aes.Decrypt($nonce, $cipher, $tag, $plain, [FakeProtectedData]::Associated($OptionalEntropy)) }
    catch { [FakeProtectedData]::Fail('Unprotect', $invalid) }
    finally { $aes.Dispose() }
    return $plain
  }

  # The entropy is bound to the value, as DPAPI binds it: another entropy does not open it.
  hidden static [byte[]] Associated([byte[]]$Entropy) {
    if ($null -eq $Entropy) { return [FakeProtectedData]::Magic }
    return [byte[]]([FakeProtectedData]::Magic + $Entropy)
  }
}

[psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')::Add('System.Security.Cryptography.ProtectedData', [FakeProtectedData])
