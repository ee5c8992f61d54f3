import path from 'node:path';
import { BUILT_IN_ACCOUNTS, builtInAccount } from '../../../shared/settings/accounts';
import { ACCOUNT_RIGHT_SCRIPTS } from '../hosts/machine/account-right-scripts';
import { FILE_ACCESS_FUNCTIONS } from '../hosts/machine/file-access-scripts';
import { INSTALLED_SERVICE_SCRIPTS } from '../hosts/machine/installed-service-scripts';
import { scmAccount } from '../hosts/machine/windows-machine';
import { psQuote } from '../hosts/windows/powershell';
import type { Operation } from './operation';
import { isFileAccessOperation } from './operations/file-access';
import { isFileContentOperation } from './operations/file-content';
import { isInstalledServiceOperation } from './operations/installed-service';

/**
 * The exported script's steps for a Windows service, its user right, a file written whole and a file restricted to a
 * few accounts (Async Client's), made of the very scripts deploy runs (installed-service-scripts.ts,
 * account-right-scripts.ts, file-access-scripts.ts): each step sets `$Data` as
 * the envelope would and runs the script in its own scope. The service's password comes from -ServiceCredential or
 * Get-Credential, and is asked for only when the service does not log on as its account yet.
 */
export function serviceScriptFor(op: Operation): string[] | null {
  const q = psQuote;
  const block = (script: string) => ['& {', ...script.trim().split('\n').map((l) => `  ${l}`), '} | Out-Null'];
  if (isFileContentOperation(op)) {
    const target = String(op.target.path);
    const content = q(Buffer.from(op.content, 'utf8').toString('base64'));
    return [
      `New-Item -ItemType Directory -Force -Path ${q(path.win32.dirname(target))} | Out-Null`,
      // .NET resolves a path against its own current folder: the provider's full name is handed to it instead.
      `$contentPath = [IO.Path]::Combine((Get-Item -LiteralPath ${q(path.win32.dirname(target))}).FullName, ${q(path.win32.basename(target))})`,
      `if (-not [IO.File]::Exists($contentPath) -or [Convert]::ToBase64String([IO.File]::ReadAllBytes($contentPath)) -ne ${content}) { [IO.File]::WriteAllBytes($contentPath, [Convert]::FromBase64String(${content})) }`,
    ];
  }
  if (isFileAccessOperation(op)) {
    // The same functions as deploy's, looked at first: a file already restricted so is left as it is.
    const grants = op.grants.map((g) => `[pscustomobject]@{ identity = ${q(g.identity)}; rights = ${q(g.rights)} }`).join(', ');
    const target = q(String(op.target.path));
    return [...block(`${FILE_ACCESS_FUNCTIONS}
$grants = @(${grants})
if (-not (Test-CdxFileAccess ${target} $grants)) { Set-CdxFileAccess ${target} $grants }`)];
  }
  if (op.kind === 'account-right') {
    const account = String(op.details.account);
    const builtIn = builtInAccount(account);
    return [`$Data = [pscustomobject]@{ account = ${q(builtIn ? BUILT_IN_ACCOUNTS[builtIn].sid : account)}; right = ${q(String(op.details.right))}; granted = $true }`, ...block(ACCOUNT_RIGHT_SCRIPTS.writeAccountRight)];
  }
  if (isInstalledServiceOperation(op)) {
    const d = op.desired;
    const account = scmAccount(d.account);
    const needsPassword = builtInAccount(d.account) === null;
    const r = d.recovery;
    return [
      `$Data = [pscustomobject]@{ name = ${q(d.name)} }`,
      `$current = & {`,
      ...INSTALLED_SERVICE_SCRIPTS.readInstalledService.trim().split('\n').map((l) => `  ${l}`),
      '}',
      `$recovery = [pscustomobject]@{ restart = $${r.restart}; restartDelaySeconds = ${r.restartDelaySeconds}; resetSeconds = ${r.resetSeconds} }`,
      // A service that runs keeps running; the start step below starts it.
      `$status = if ($current -and $current.status -eq 'Running') { 'Running' } else { ${q(d.status)} }`,
      `$state = [pscustomobject]@{ name = ${q(d.name)}; displayName = ${q(d.displayName)}; binaryPath = ${q(d.binaryPath)}; account = ${q(account)}; startType = ${q(d.startType)}; recovery = $recovery; status = $status }`,
      `$Data = [pscustomobject]@{ state = $state }`,
      ...(needsPassword
        ? [
            `if (-not $current -or [string]$current.account -ne ${q(account)}) {`,
            `  if (-not $ServiceCredential) { $ServiceCredential = Get-Credential -UserName ${q(account)} -Message ${q(`Password of the Windows service user ${account}`)} }`,
            `  if ($ServiceCredential.UserName -ne ${q(account)}) { throw ${q(`The credential is not the one of the Windows service user ${account}.`)} }`,
            '  $Data = [pscustomobject]@{ state = $state; password = $ServiceCredential.GetNetworkCredential().Password }',
            '}',
          ]
        : []),
      ...block(INSTALLED_SERVICE_SCRIPTS.writeInstalledService),
    ];
  }
  if (op.kind === 'installed-service.stop') {
    // The script cannot tell which steps will change the files: the service is stopped, and the start step restarts it.
    return [`Get-Service -Name ${q(String(op.details.name))} -ErrorAction SilentlyContinue | Where-Object Status -eq 'Running' | Stop-Service`];
  }
  if (op.kind === 'installed-service.start') {
    return [`if ([string](Get-CimInstance -ClassName Win32_Service -Filter ${q(`Name = '${String(op.details.name).replace(/'/g, "\\'")}'`)}).State -ne 'Running') { Start-Service -Name ${q(String(op.details.name))} }`];
  }
  return null;
}
