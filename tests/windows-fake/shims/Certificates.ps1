# Cert:\LocalMachine\<store>: the state's `certificates` hold real PEM certificates (and private keys), so
# thumbprints, dates and extensions are computed by .NET, not typed in. PowerShell on Windows adds DnsNameList and
# EnhancedKeyUsageList to certificates; the fake adds them from the certificate's extensions (pwsh on Linux declares
# both but answers null, so its declarations are removed first).

Remove-TypeData -TypeName 'System.Security.Cryptography.X509Certificates.X509Certificate2' -ErrorAction SilentlyContinue

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
