import { z } from 'zod';
import type { PasswordVerdict } from '../facts';

/**
 * Whether a password signs an account in, asked of the account's own authority: this computer for a local account
 * (COMPUTER\user), its domain's controllers for any other. The password is only ever in `$Data`, never in the text.
 *
 * The order matters. The context comes first, because an unreachable domain controller would otherwise look like an
 * unknown account. The account is translated before ValidateCredentials because a Machine context answers true for
 * a user that does not exist while the Guest account is enabled. ValidateCredentials runs once: a wrong password is a
 * failed logon on the domain controller and counts toward the lockout threshold. Windows does not say whether a
 * refusal is a wrong password or a disabled or locked-out account, so neither does this script.
 */
export const VERIFY_PASSWORD_SCRIPT = `
$account = [string]$Data.account
$password = [string]$Data.password
# An empty password may be taken for an anonymous bind, which a domain accepts: the engine never asks with one.
if ($password -eq '') { throw 'No password was given to check.' }
$slash = $account.IndexOf('\\')
if ($slash -lt 1) { throw 'The account must be written DOMAIN\\user or COMPUTER\\user.' }
$authority = $account.Substring(0, $slash)
$user = $account.Substring($slash + 1)
$local = ($authority -eq '.') -or ($authority -ieq [string]$env:COMPUTERNAME)
$answer = $null
$context = $null
try {
  Add-Type -AssemblyName System.DirectoryServices.AccountManagement
  if ($local) { $context = New-Object System.DirectoryServices.AccountManagement.PrincipalContext('Machine', [string]$env:COMPUTERNAME) }
  else { $context = New-Object System.DirectoryServices.AccountManagement.PrincipalContext('Domain', $authority) }
} catch {
  $cause = $_.Exception
  while ($cause.InnerException) { $cause = $cause.InnerException }
  $answer = [pscustomobject]@{ verdict = 'cannot-check'; reason = [string]$cause.Message }
}
if ($null -eq $answer) {
  $known = $true
  try { $null = (New-Object System.Security.Principal.NTAccount($account)).Translate([System.Security.Principal.SecurityIdentifier]) } catch { $known = $false }
  if (-not $known) { $answer = [pscustomobject]@{ verdict = 'unknown-account' } }
  else {
    try {
      if ($context.ValidateCredentials($user, $password)) { $answer = [pscustomobject]@{ verdict = 'valid' } }
      else { $answer = [pscustomobject]@{ verdict = 'wrong-password' } }
    } catch {
      $cause = $_.Exception
      while ($cause.InnerException) { $cause = $cause.InnerException }
      $answer = [pscustomobject]@{ verdict = 'cannot-check'; reason = [string]$cause.Message }
    }
  }
}
if ($context) { $context.Dispose() }
$answer
`;

const RawVerdict = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('valid') }),
  z.object({ verdict: z.literal('wrong-password') }),
  z.object({ verdict: z.literal('unknown-account') }),
  z.object({ verdict: z.literal('cannot-check'), reason: z.string() }),
]);

/**
 * The script's answer, checked. A reason is Windows' own message; should one ever quote the password, it is masked
 * here, before the reason reaches a report or a log.
 */
export function parsePasswordVerdict(raw: unknown, password: string): PasswordVerdict {
  const parsed = RawVerdict.safeParse(raw);
  if (!parsed.success) throw new Error('The password check came back in an unexpected form.');
  const v = parsed.data;
  if (v.verdict !== 'cannot-check') return { verdict: v.verdict };
  return { verdict: 'cannot-check', reason: (masked(v.reason, password).trim() || 'Windows gave no reason').replace(/\.$/, '') };
}

/** The text with every occurrence of the password replaced by ********. */
export function masked(text: string, password: string): string {
  return password === '' ? text : text.split(password).join('********');
}
