# cdx-setup in PowerShell: the installed app's CLI run by the app's own Node (ELECTRON_RUN_AS_NODE), as
# bin\cdx-setup.cmd does, but without cmd.exe re-reading the arguments (^, &, % and quotes arrive as typed) and
# without its "Terminate batch job (Y/N)?" on Ctrl+C. PowerShell picks this file over the .cmd. docs/packaging.md.
# Windows PowerShell 4.0 and later.
$root = Split-Path -Parent $PSScriptRoot
$exe = Join-Path $root 'cdx-setup.exe'
$cli = Join-Path (Join-Path (Join-Path $root 'resources') 'app.asar') (Join-Path 'dist' 'cli.cjs')

if (-not (Test-Path -LiteralPath $exe)) {
  [Console]::Error.WriteLine("cdx-setup: $exe is missing: repair CDX Setup by running its installer again.")
  exit 1
}

# cdx-setup.exe asks for administrator rights: unelevated, PowerShell cannot start it. Say what to do instead.
if ([Environment]::OSVersion.Platform -eq 'Win32NT') {
  $principal = New-Object Security.Principal.WindowsPrincipal ([Security.Principal.WindowsIdentity]::GetCurrent())
  if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    [Console]::Error.WriteLine('cdx-setup changes IIS, certificates, the firewall and SQL Server: run it from a PowerShell window opened with Run as administrator.')
    exit 2
  }
}

# The variables live in this PowerShell process, which outlives the script: put back what was there.
$names = 'ELECTRON_RUN_AS_NODE', 'ELECTRON_NO_ATTACH_CONSOLE', 'ELECTRON_NO_ASAR'
$saved = @{}
foreach ($name in $names) { $saved[$name] = (Get-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue) }
try {
  $env:ELECTRON_RUN_AS_NODE = '1'
  # A user's ELECTRON_NO_ATTACH_CONSOLE would swallow the output; ELECTRON_NO_ASAR would hide the bundle.
  Remove-Item -LiteralPath Env:ELECTRON_NO_ATTACH_CONSOLE, Env:ELECTRON_NO_ASAR -ErrorAction SilentlyContinue
  & $exe $cli @args
  $code = $LASTEXITCODE
} finally {
  foreach ($name in $names) {
    if ($saved[$name]) { Set-Item -LiteralPath "Env:$name" -Value $saved[$name].Value }
    else { Remove-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue }
  }
}
exit $code
