import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the Windows-path tests find real PowerShell and Microsoft's T-SQL parser. `npm test` installs both
 * (scripts/ensure-windows-tools.sh); a missing one is a failure that says how to get it, never a skip.
 */
export function pwshPath(): string {
  const candidates = [process.env.CDX_PWSH, ...(process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'pwsh')), path.join(os.homedir(), '.dotnet', 'tools', 'pwsh')];
  const found = candidates.find((c): c is string => Boolean(c) && existsSync(c as string));
  if (!found) throw new Error('pwsh (PowerShell 7.6.9) is missing: run `bash scripts/ensure-windows-tools.sh` (it installs it as a .NET tool).');
  return found;
}

export function scriptDomPath(): string {
  const dll = path.resolve('.tools/nuget/microsoft.sqlserver.transactsql.scriptdom/180.140.0/lib/netstandard2.1/Microsoft.SqlServer.TransactSql.ScriptDom.dll');
  if (!existsSync(dll)) throw new Error('ScriptDom is missing: run `bash scripts/ensure-windows-tools.sh` (it restores it from NuGet).');
  return dll;
}

/** NSIS's compiler, for the installer's custom script (Debian's nsis package; scripts/ensure-fleet-tools.sh). */
export function makensisPath(): string {
  const found = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'makensis')).find((c) => existsSync(c));
  if (!found) throw new Error('makensis is missing: run `bash scripts/ensure-fleet-tools.sh` (it installs Debian\'s nsis and ansible).');
  return found;
}

/** Debian's ansible-playbook, for the fleet recipe's test (scripts/ensure-fleet-tools.sh installs it). */
export function ansiblePlaybookPath(): string {
  const found = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'ansible-playbook')).find((c) => existsSync(c));
  if (!found) throw new Error('ansible-playbook is missing: run `bash scripts/ensure-fleet-tools.sh` (it installs Debian\'s ansible, with ansible.windows).');
  return found;
}
