/**
 * An account by its SID: the engine sends a built-in account as its well-known SID (S-1-5-20…), which names it on a
 * Windows in any language, and any other account as DOMAIN\user, which Windows translates (or refuses, if unknown).
 */
export const ACCOUNT_SID_FUNCTION = `
function ConvertTo-AccountSid([string]$identity) {
  if ($identity -match '^S-1-[0-9]+(-[0-9]+)+$') { return New-Object System.Security.Principal.SecurityIdentifier($identity) }
  (New-Object System.Security.Principal.NTAccount($identity)).Translate([System.Security.Principal.SecurityIdentifier])
}`;
