# Parses T-SQL with Microsoft's ScriptDom, as SQL Server 2012 (TSql110Parser) understands it. One process for all:
# the statements arrive as JSON on stdin ([{ id, text }]), and each comes back with its errors and its statement count.
param([Parameter(Mandatory = $true)][string]$ScriptDom)
$ErrorActionPreference = 'Stop'
[Console]::InputEncoding = New-Object System.Text.UTF8Encoding($false)
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false)
Add-Type -Path $ScriptDom
$items = @([Console]::In.ReadToEnd() | ConvertFrom-Json)
$results = foreach ($item in $items) {
  # QUOTED_IDENTIFIER ON, as every SQL Server connection from mssql/tedious and sqlcmd has it.
  $parser = New-Object Microsoft.SqlServer.TransactSql.ScriptDom.TSql110Parser($true)
  $errors = $null
  $reader = New-Object System.IO.StringReader([string]$item.text)
  $fragment = $parser.Parse($reader, [ref]$errors)
  $statements = 0
  if ($fragment -ne $null) { foreach ($batch in $fragment.Batches) { $statements += $batch.Statements.Count } }
  [pscustomobject]@{
    id         = [string]$item.id
    # What the parser received, so a test can tell the text arrived intact (non-ASCII through stdin and back).
    chars      = ([string]$item.text).Length
    statements = $statements
    errors     = @($errors | ForEach-Object { [pscustomobject]@{ line = $_.Line; column = $_.Column; message = $_.Message } })
  }
}
ConvertTo-Json -InputObject @($results) -Depth 4 -Compress
