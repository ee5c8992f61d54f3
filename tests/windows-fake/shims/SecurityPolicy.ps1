# The local security policy's user rights (the state's `lsa.rights`: { SeServiceLogonRight: ['*S-1-5-80-0', …] },
# each holder as secedit writes it, *SID), through secedit.exe /export and /configure of the USER_RIGHTS area.
# /export writes every right in a UTF-16 template as secedit does; /configure applies the rights its template lists
# and leaves the others, creates its security database where /db says (the script removes it), and maps a holder
# given by name to its SID or, when it cannot, leaves the right alone and exits with 3 (completed with warnings).

function Resolve-FakeSeceditPath([string]$Path) {
  if ($Path -match '^[A-Za-z]:' -or $Path.StartsWith('\\')) { return (ConvertTo-FakeSandboxPath $Path) }
  $Path
}

function secedit.exe {
  $words = @($args | ForEach-Object { [string]$_ })
  $global:LASTEXITCODE = 0
  $options = @{}
  for ($i = 0; $i -lt $words.Count; $i++) {
    if ($words[$i] -match '^/(export|configure|quiet)$') { $options[$Matches[1]] = $true }
    elseif ($words[$i] -match '^/(cfg|db|areas|log)$' -and $i + 1 -lt $words.Count) { $options[$Matches[1]] = $words[$i + 1]; $i++ }
    else { throw "The fake Windows does not model secedit.exe $($words -join ' ')." }
  }
  if ($options.areas -ne 'USER_RIGHTS') { throw "The fake Windows models secedit.exe only for /areas USER_RIGHTS (got: $($words -join ' '))." }
  if (-not $options.cfg) { 'The parameter is incorrect.'; $global:LASTEXITCODE = 1; return }
  $cfg = Resolve-FakeSeceditPath $options.cfg
  if ($options.export) {
    $lines = @('[Unicode]', 'Unicode=yes', '[Privilege Rights]')
    $rights = (Get-FakeState).lsa.rights
    foreach ($right in @($rights.Keys | Sort-Object)) {
      $holders = @($rights[$right] | Where-Object { $_ })
      if ($holders.Count) { $lines += "$right = $($holders -join ',')" }
    }
    $lines += '[Version]', 'signature="$CHICAGO$"', 'Revision=1'
    [IO.File]::WriteAllText($cfg, (($lines -join "`r`n") + "`r`n"), [Text.Encoding]::Unicode)
    ''; 'The task has completed successfully.'; 'See log %windir%\security\logs\scesrv.log for detail info.'
    return
  }
  if (-not $options.configure -or -not $options.db) { 'The parameter is incorrect.'; $global:LASTEXITCODE = 1; return }
  if (-not [IO.File]::Exists($cfg)) { 'The system cannot find the file specified.'; $global:LASTEXITCODE = 2; return }
  $bytes = [IO.File]::ReadAllBytes($cfg)
  # secedit reads a template in UTF-16 ([Unicode] Unicode=yes); another encoding is not a template to it.
  if ($bytes.Length -lt 2 -or $bytes[0] -ne 0xFF -or $bytes[1] -ne 0xFE) { 'The template is not a valid security template.'; $global:LASTEXITCODE = 1; return }
  $section = ''
  $wanted = [ordered]@{}
  $warning = $false
  foreach ($line in [Text.Encoding]::Unicode.GetString($bytes, 2, $bytes.Length - 2) -split "`r?`n") {
    if ($line -match '^\s*\[(.+)\]\s*$') { $section = $Matches[1]; continue }
    if ($section -ne 'Privilege Rights' -or $line -notmatch '^\s*(Se[A-Za-z]+)\s*=\s*(.*)$') { continue }
    $right = $Matches[1]
    $unmapped = $false
    $holders = @($Matches[2].Split(',') | ForEach-Object { $_.Trim() } | Where-Object { $_ } | ForEach-Object {
      if ($_.StartsWith('*')) { $_ } else { $account = Find-FakeAccountByName $_; if ($account) { '*' + $account.sid } else { $unmapped = $true } }
    })
    if ($unmapped) { $warning = $true; continue }
    $wanted[$right] = @($holders | Where-Object { $_ })
  }
  Assert-FakeChange 'secedit /configure'
  $state = Get-FakeState
  if (-not $state.lsa) { $state.lsa = [ordered]@{ rights = [ordered]@{} } }
  foreach ($right in $wanted.Keys) { $state.lsa.rights[$right] = $wanted[$right] }
  Save-FakeState $state
  [IO.File]::WriteAllBytes((Resolve-FakeSeceditPath $options.db), [byte[]]@(0))
  if ($warning) { ''; 'The task has completed. Warnings occurred for some attributes during this operation.'; $global:LASTEXITCODE = 3; return }
  ''; 'The task has completed successfully.'; 'See log %windir%\security\logs\scesrv.log for detail info.'
}
