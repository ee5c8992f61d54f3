# http.sys's SSL bindings (`httpSys.sslCertificates`: [{ ipPort, certificateHash, certificateStoreName, appId }]),
# changed by netsh http add|delete sslcert and by a WebAdministration binding's AddSslCertificate/RemoveSslCertificate.
# http.sys holds one certificate per ip:port and wants the certificate, with its private key, in the named store.

function Find-FakeSslCertificate($State, [string]$IpPort) { Find-FakeItem $State.httpSys.sslCertificates 'ipPort' $IpPort }

function Add-FakeSslCertificate([string]$IpPort, [string]$Hash, [string]$StoreName, [string]$AppId) {
  $state = Get-FakeState
  if (Find-FakeSslCertificate $state $IpPort) { throw 'Cannot create a file when that file already exists. (Exception from HRESULT: 0x800700B7)' }
  $store = if ($StoreName) { $StoreName } else { 'MY' }
  $cert = Get-FakeCertificates 'LocalMachine' $store | Where-Object { $_.Thumbprint -ieq $Hash } | Select-Object -First 1
  # The message Windows gives for a certificate it cannot use (absent, or without its private key).
  if (-not $cert -or -not $cert.HasPrivateKey) { throw 'A specified logon session does not exist. It may already have been terminated. (Exception from HRESULT: 0x80070520)' }
  $state.httpSys.sslCertificates = @($state.httpSys.sslCertificates | Where-Object { $_ }) + @([ordered]@{ ipPort = $IpPort; certificateHash = $Hash.ToUpperInvariant(); certificateStoreName = $store; appId = $AppId })
  Save-FakeState $state
}

function Remove-FakeSslCertificate([string]$IpPort) {
  $state = Get-FakeState
  $existing = Find-FakeSslCertificate $state $IpPort
  if (-not $existing) { throw 'The system cannot find the file specified. (Exception from HRESULT: 0x80070002)' }
  $state.httpSys.sslCertificates = Remove-FakeItem $state.httpSys.sslCertificates $existing
  Save-FakeState $state
}

# netsh prints its answer and sets its exit code; it never throws (a native command does not, in PowerShell 4.0–7).
function netsh.exe {
  $words = @($args | ForEach-Object { [string]$_ })
  $global:LASTEXITCODE = 0
  if ($words.Count -lt 3 -or $words[0] -ne 'http' -or $words[2] -ne 'sslcert') { throw "The fake Windows models only netsh http show|add|delete sslcert, not: netsh $($words -join ' ')" }
  $options = @{}
  foreach ($w in $words | Select-Object -Skip 3) { if ($w -match '^([^=]+)=(.*)$') { $options[$Matches[1].ToLowerInvariant()] = $Matches[2] } }
  $ipPort = $options['ipport']
  switch ($words[1]) {
    'show' {
      $all = @((Get-FakeState).httpSys.sslCertificates | Where-Object { $_ -and (-not $ipPort -or $_.ipPort -ieq $ipPort) })
      if ($ipPort -and -not $all) { 'The system cannot find the file specified.'; $global:LASTEXITCODE = 1; return }
      ''; 'SSL Certificate bindings:'; '-------------------------'; ''
      foreach ($b in $all) {
        "    IP:port                      : $($b.ipPort)"
        "    Certificate Hash             : $($b.certificateHash.ToLowerInvariant())"
        "    Application ID               : $($b.appId)"
        "    Certificate Store Name       : $($b.certificateStoreName)"
        ''
      }
    }
    'add' {
      Assert-FakeChange 'netsh http add sslcert'
      try { Add-FakeSslCertificate $ipPort $options['certhash'] $options['certstorename'] $options['appid']; ''; 'SSL Certificate successfully added'; '' }
      catch { "SSL Certificate add failed, Error: $(if ($_ -match '0x800700B7') { 183 } else { 1312 })"; $_.Exception.Message -replace ' \(Exception.*$', ''; $global:LASTEXITCODE = 1 }
    }
    'delete' {
      if (-not (Find-FakeSslCertificate (Get-FakeState) $ipPort)) { ''; 'SSL Certificate deletion failed, Error: 2'; 'The system cannot find the file specified.'; ''; $global:LASTEXITCODE = 1; return }
      Assert-FakeChange 'netsh http delete sslcert'
      Remove-FakeSslCertificate $ipPort
      ''; 'SSL Certificate successfully deleted'; ''
    }
    default { throw "The fake Windows does not model netsh http $($words[1]) sslcert." }
  }
}
Set-Alias -Name netsh -Value netsh.exe -Scope Global
