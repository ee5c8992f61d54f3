#!/usr/bin/env bash
# The Windows-path tests run the production PowerShell in real pwsh and parse T-SQL with Microsoft's ScriptDom.
# PowerShell 7.6.9 installs as a .NET tool (a later version may want a later .NET); ScriptDom restores from NuGet.
set -euo pipefail
cd "$(dirname "$0")/.."
PWSH_VERSION=7.6.9
tools="$HOME/.dotnet/tools"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The Windows-path tests need the .NET SDK (dotnet) to install PowerShell $PWSH_VERSION and ScriptDom: install the .NET 10 SDK." >&2
  exit 1
fi
if ! command -v pwsh >/dev/null 2>&1 && [ ! -x "$tools/pwsh" ]; then
  echo "Installing PowerShell $PWSH_VERSION as a .NET tool for the Windows-path tests…"
  dotnet tool install --global PowerShell --version "$PWSH_VERSION" >/dev/null
fi
pwsh_bin=$(command -v pwsh || echo "$tools/pwsh")
if ! "$pwsh_bin" -NoLogo -NoProfile -NonInteractive -Command 'exit 0' >/dev/null 2>&1; then
  echo "PowerShell at $pwsh_bin does not start; the Windows-path tests cannot run." >&2
  exit 1
fi
packages=.tools/nuget
if [ ! -f "$packages/microsoft.sqlserver.transactsql.scriptdom/180.140.0/lib/netstandard2.1/Microsoft.SqlServer.TransactSql.ScriptDom.dll" ]; then
  echo "Restoring Microsoft.SqlServer.TransactSql.ScriptDom from NuGet for the T-SQL parse tests…"
  dotnet restore tools/windows-toolchain/windows-toolchain.csproj --packages "$packages" -v quiet >/dev/null
fi
