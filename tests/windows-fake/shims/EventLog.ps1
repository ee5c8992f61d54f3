# The Application log: registered sources and events in eventlog.json beside the state file (a record that only
# grows, as on Windows, kept apart so that a change undone still leaves the state file as it was). As Windows does,
# New-EventLog refuses a source registered already and Write-EventLog one that is not.

function Get-FakeEventLogFile { Join-Path (Split-Path -Parent $env:CDX_FAKE_WINDOWS_STATE) 'eventlog.json' }

function Get-FakeEventLog {
  $file = Get-FakeEventLogFile
  if (-not [IO.File]::Exists($file)) { return @{ sources = @(); Application = @() } }
  [IO.File]::ReadAllText($file) | ConvertFrom-Json -AsHashtable
}

function Save-FakeEventLog($Log) {
  $file = Get-FakeEventLogFile
  [IO.File]::WriteAllText("$file.tmp", (ConvertTo-Json -InputObject $Log -Depth 10) + "`n")
  [IO.File]::Move("$file.tmp", $file, $true)
}

function New-EventLog {
  [CmdletBinding()]
  param([Parameter(Mandatory)][string]$LogName, [Parameter(Mandatory)][string[]]$Source)
  Assert-FakeChange 'New-EventLog'
  $log = Get-FakeEventLog
  foreach ($s in $Source) {
    if (@($log.sources) -icontains $s) { throw (New-Object System.InvalidOperationException "The `"$s`" source is already registered on the `"localhost`" computer.") }
    $log.sources = @($log.sources) + @($s)
  }
  Save-FakeEventLog $log
}

function Write-EventLog {
  [CmdletBinding()]
  param(
    [Parameter(Mandatory)][string]$LogName,
    [Parameter(Mandatory)][string]$Source,
    [Parameter(Mandatory)][int]$EventId,
    [ValidateSet('Error', 'Warning', 'Information', 'SuccessAudit', 'FailureAudit')][string]$EntryType = 'Information',
    [Parameter(Mandatory)][string]$Message
  )
  Assert-FakeChange 'Write-EventLog'
  if ($LogName -ne 'Application') { throw "The fake Windows models the Application log only, not $LogName." }
  $log = Get-FakeEventLog
  if (-not (@($log.sources) -icontains $Source)) { throw (New-Object System.InvalidOperationException "The source name `"$Source`" does not exist on computer `"localhost`".") }
  if ($EventId -lt 0 -or $EventId -gt 65535) { throw "The event identifier $EventId is out of range (0 to 65535)." }
  $log.Application = @($log.Application) + @([ordered]@{ source = $Source; entryType = $EntryType; eventId = $EventId; message = $Message })
  Save-FakeEventLog $log
}
