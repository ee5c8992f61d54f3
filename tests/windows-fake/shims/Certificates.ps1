# Cert:\LocalMachine\<store>: the state's `certificates` hold real PEM certificates (and private keys), so
# thumbprints, dates and extensions are computed by .NET, not typed in. PowerShell on Windows adds DnsNameList and
# EnhancedKeyUsageList to certificates; the fake adds them from the certificate's extensions (pwsh on Linux declares
# both but answers null, so its declarations are removed first).

Remove-TypeData -TypeName 'System.Security.Cryptography.X509Certificates.X509Certificate2' -ErrorAction SilentlyContinue

# Where Windows keeps a certificate's private key: the state's `key` ({ provider: 'CSP'|'CNG', name }), a file in the
# sandbox's MachineKeys or Keys folder. A CSP key shows in the certificate's PrivateKey (a CryptoServiceProvider with
# its CspKeyContainerInfo), as .NET Framework gives it; for a CNG key PrivateKey is null, as there. A CNG key is named by
# the Key (a CngKey) of what RSACertificateExtensions / ECDsaCertificateExtensions return: those static calls are
# .NET's own here too, so their answer (an RSAOpenSsl, an ECDsaOpenSsl) gets the Key of the state's CNG certificate
# with the same public key, as RSACng and ECDsaCng have it. The production script is thus unchanged.
function Get-FakeCngKey($Algorithm) {
  $spki = [Convert]::ToBase64String($Algorithm.ExportSubjectPublicKeyInfo())
  foreach ($c in @((Get-FakeState).certificates | Where-Object { $_ -and $_.key -and $_.key.provider -eq 'CNG' })) {
    $x509 = [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem($c.certificate)
    if ([Convert]::ToBase64String($x509.PublicKey.ExportSubjectPublicKeyInfo()) -eq $spki) { return [pscustomobject]@{ UniqueName = [string]$c.key.name } }
  }
  $null
}
foreach ($algorithm in 'System.Security.Cryptography.RSAOpenSsl', 'System.Security.Cryptography.ECDsaOpenSsl') {
  Update-TypeData -TypeName $algorithm -MemberType ScriptProperty -MemberName Key -Value { Get-FakeCngKey $this } -Force
}

function Get-FakeCertificates([string]$RootStore, [string]$Store) {
  foreach ($c in @((Get-FakeState).certificates | Where-Object { $_ -and $_.rootStore -ieq $RootStore -and $_.store -ieq $Store })) {
    $x509 = if ($c.privateKey) { [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem($c.certificate, $c.privateKey) }
    else { [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem($c.certificate) }
    $cert = [psobject]$x509
    $cert | Add-Member -Force -NotePropertyName FriendlyName -NotePropertyValue ([string]$c.friendlyName)
    $ekus = @($x509.Extensions | Where-Object { $_.Oid.Value -eq '2.5.29.37' } | ForEach-Object { $_.EnhancedKeyUsages } | ForEach-Object { [pscustomobject]@{ FriendlyName = $_.FriendlyName; ObjectId = $_.Value } })
    $cert | Add-Member -Force -NotePropertyName EnhancedKeyUsageList -NotePropertyValue $ekus
    $dns = @($x509.Extensions | Where-Object { $_.Oid.Value -eq '2.5.29.17' } | ForEach-Object { $_.EnumerateDnsNames() } | ForEach-Object { [pscustomobject]@{ Punycode = $_; Unicode = [System.Globalization.IdnMapping]::new().GetUnicode($_) } })
    $cert | Add-Member -Force -NotePropertyName DnsNameList -NotePropertyValue $dns
    if ($c.privateKey -and $c.key) {
      $private = if ($c.key.provider -eq 'CSP') { [pscustomobject]@{ CspKeyContainerInfo = [pscustomobject]@{ UniqueKeyContainerName = [string]$c.key.name } } } else { $null }
      $cert | Add-Member -Force -NotePropertyName PrivateKey -NotePropertyValue $private
    }
    $cert | Add-Member -Force -NotePropertyName PSParentPath -NotePropertyValue "Microsoft.PowerShell.Security\Certificate::$RootStore\$Store"
    $cert
  }
}

function Split-FakeCertPath([string]$Rest) {
  $parts = @($Rest -split '\\' | Where-Object { $_ })
  @{ RootStore = $parts[0]; Store = $parts[1]; Thumbprint = $parts[2]; Depth = $parts.Count }
}

Register-FakeDrive 'CERT' @{
  Test = {
    param($resolved, $pathType)
    $p = Split-FakeCertPath $resolved.Rest
    if ($p.Depth -lt 3) { return $p.Depth -eq 0 -or $p.RootStore -in 'LocalMachine', 'CurrentUser' }
    $null -ne (Get-FakeCertificates $p.RootStore $p.Store | Where-Object { $_.Thumbprint -ieq $p.Thumbprint })
  }
  GetChildItem = {
    param($resolved)
    $p = Split-FakeCertPath $resolved.Rest
    if ($p.Depth -ne 2) { throw "The fake Windows lists certificate stores (Cert:\LocalMachine\My), not '$($resolved.Path)'." }
    @(Get-FakeCertificates $p.RootStore $p.Store)
  }
  GetItem = {
    param($resolved)
    $p = Split-FakeCertPath $resolved.Rest
    if ($p.Depth -ne 3) { throw "The fake Windows reads single certificates (Cert:\LocalMachine\My\<thumbprint>), not '$($resolved.Path)'." }
    Get-FakeCertificates $p.RootStore $p.Store | Where-Object { $_.Thumbprint -ieq $p.Thumbprint }
  }
}
