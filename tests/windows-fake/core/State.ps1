# The fake Windows keeps its whole state in one JSON file ($env:CDX_FAKE_WINDOWS_STATE), read at every call and
# written after every change, so that consecutive PowerShell processes and the test that reads the file see one
# machine. It is written with ConvertTo-Json's indentation, which is byte for byte what JSON.stringify(x, null, 2)
# writes: a change undone leaves the file exactly as it was, and the engine tests compare it by hash.

function Get-FakeState {
  [IO.File]::ReadAllText($env:CDX_FAKE_WINDOWS_STATE) | ConvertFrom-Json -AsHashtable
}

function Save-FakeState([System.Collections.IDictionary]$State) {
  $target = $env:CDX_FAKE_WINDOWS_STATE
  [IO.File]::WriteAllText("$target.tmp", (ConvertTo-Json -InputObject $State -Depth 50) + "`n")
  [IO.File]::Move("$target.tmp", $target, $true)
}

# Every call that would change Windows goes through here first: it is counted in the call log
# ($env:CDX_FAKE_WINDOWS_CALLS, one JSON line per call, kept outside the machine's sandbox), and a fault of the state
# ({ "command": "Set-Acl", "occurrence": 2, "message": "…" }) makes that occurrence of the command fail before it
# changes anything, as Windows refusing the call would.
function Assert-FakeChange([string]$Command) {
  $log = $env:CDX_FAKE_WINDOWS_CALLS
  $occurrence = 1
  if ($log) {
    if ([IO.File]::Exists($log)) {
      $occurrence += @([IO.File]::ReadAllLines($log) | Where-Object { ($_ | ConvertFrom-Json).command -eq $Command }).Count
    }
    [IO.File]::AppendAllText($log, (ConvertTo-Json -Compress -InputObject ([ordered]@{ command = $Command; occurrence = $occurrence })) + "`n")
  }
  foreach ($fault in @((Get-FakeState).faults)) {
    if ($fault -and $fault.command -eq $Command -and [int]$fault.occurrence -eq $occurrence) { throw [string]$fault.message }
  }
}

# Windows names (sites, pools, accounts, rules) compare without regard to case.
function Find-FakeItem($List, [string]$Property, [string]$Value) {
  @($List) | Where-Object { $_ -and [string]$_[$Property] -ieq $Value } | Select-Object -First 1
}

function Remove-FakeItem($List, $Item) {
  , @(@($List) | Where-Object { -not [object]::ReferenceEquals($_, $Item) })
}

# A Windows path on the fake computer as a path in its sandbox: C:\inetpub\x is <drives>/C/inetpub/x and
# \\server\share\x is <drives>/UNC/server/share/x, the mapping the test harness gives the engine's own file access.
function ConvertTo-FakeSandboxPath([string]$WindowsPath) {
  $root = $env:CDX_FAKE_WINDOWS_DRIVES
  if ($WindowsPath -match '^([A-Za-z]):(?:[\\/](.*))?$') { $parts = @($Matches[1].ToUpperInvariant()) + @(($Matches[2] -split '[\\/]+') | Where-Object { $_ -and $_ -ne '.' }) }
  elseif ($WindowsPath -match '^\\\\([^\\]+)\\(.*)$') { $parts = @('UNC', $Matches[1]) + @(($Matches[2] -split '[\\/]+') | Where-Object { $_ -and $_ -ne '.' }) }
  else { throw "The fake Windows cannot map '$WindowsPath': not a full Windows path." }
  if ($parts -contains '..') { throw "The fake Windows does not follow '..' in '$WindowsPath'." }
  [IO.Path]::Combine([string[]](@($root) + $parts))
}

# Whether a Windows path names something in the sandbox, its case ignored as Windows ignores it (the sandbox is a
# Linux folder, where case counts).
function Test-FakeSandboxPathCaseless([string]$WindowsPath) {
  $exact = ConvertTo-FakeSandboxPath $WindowsPath
  if ([IO.File]::Exists($exact) -or [IO.Directory]::Exists($exact)) { return $true }
  $root = $env:CDX_FAKE_WINDOWS_DRIVES
  $current = $root
  foreach ($segment in $exact.Substring($root.Length).Split([IO.Path]::DirectorySeparatorChar, [StringSplitOptions]::RemoveEmptyEntries)) {
    if (-not [IO.Directory]::Exists($current)) { return $false }
    $next = [IO.Directory]::EnumerateFileSystemEntries($current) | Where-Object { [IO.Path]::GetFileName($_) -ieq $segment } | Select-Object -First 1
    if (-not $next) { return $false }
    $current = $next
  }
  $true
}
