/**
 * Account names as the settings carry them, read once for the wizard, the engine and the CLI.
 *
 * Windows' built-in service accounts are spelled many ways: the guide writes `NT Authority\Network Service`, IIS calls
 * the identity `NetworkService`, sc.exe and the registry write `NT AUTHORITY\NetworkService` and `LocalSystem`, and a
 * localized Windows names them in its language (`NT-AUTORITÄT\NETZWERKDIENST`). Every one of them means one account,
 * known everywhere by its well-known SID; a spelling missing here would reach IIS as a *specific user* with an empty
 * password, and the pool would never start. So each spelling maps to the account, and the hosts resolve the account
 * by its SID, never by its name.
 */
export type BuiltInAccount = 'NetworkService' | 'LocalService' | 'LocalSystem';

export interface BuiltInAccountInfo {
  /** The well-known SID, the same on every Windows in every language. */
  sid: string;
  /** The English name, as SQL Server and IIS show it on an English Windows. */
  name: string;
  /** How a person means it (compared without regard to case). */
  spellings: string[];
}

export const BUILT_IN_ACCOUNTS: Record<BuiltInAccount, BuiltInAccountInfo> = {
  NetworkService: {
    sid: 'S-1-5-20',
    name: 'NT AUTHORITY\\NETWORK SERVICE',
    spellings: [
      'NT AUTHORITY\\NETWORK SERVICE',
      // sc.exe's and the service registry's spelling, and IIS's identity name.
      'NT AUTHORITY\\NetworkService',
      'NETWORK SERVICE',
      'NetworkService',
      // German and French Windows (Windows resolves these itself there; here they are recognized as the account).
      'NT-AUTORITÄT\\NETZWERKDIENST',
      'AUTORITE NT\\SERVICE RÉSEAU',
    ],
  },
  LocalService: {
    sid: 'S-1-5-19',
    name: 'NT AUTHORITY\\LOCAL SERVICE',
    spellings: ['NT AUTHORITY\\LOCAL SERVICE', 'NT AUTHORITY\\LocalService', 'LOCAL SERVICE', 'LocalService', 'NT-AUTORITÄT\\LOKALER DIENST', 'AUTORITE NT\\SERVICE LOCAL'],
  },
  LocalSystem: {
    sid: 'S-1-5-18',
    name: 'NT AUTHORITY\\SYSTEM',
    spellings: [
      'NT AUTHORITY\\SYSTEM',
      'NT AUTHORITY\\LOCAL SYSTEM',
      'NT AUTHORITY\\LocalSystem',
      'SYSTEM',
      'LOCAL SYSTEM',
      // The service registry's ObjectName and IIS's identity name; `.\LocalSystem` is how some service tools write it.
      'LocalSystem',
      '.\\LocalSystem',
      'NT-AUTORITÄT\\SYSTEM',
      'AUTORITE NT\\SYSTÈME',
    ],
  },
};

const BUILT_IN_BY_SPELLING = new Map<string, BuiltInAccount>(
  (Object.entries(BUILT_IN_ACCOUNTS) as [BuiltInAccount, BuiltInAccountInfo][]).flatMap(([account, info]) => info.spellings.map((s) => [fold(s), account] as [string, BuiltInAccount])),
);

function fold(name: string): string {
  return name.trim().toLocaleUpperCase('en-US');
}

/** The built-in account a name means, whichever way it is spelled; null for any other account. */
export function builtInAccount(raw: string): BuiltInAccount | null {
  return BUILT_IN_BY_SPELLING.get(fold(raw)) ?? null;
}

/** The domain part of the built-in accounts' names, in the languages recognized: another name there is a typo. */
export function isBuiltInDomain(domain: string): boolean {
  const d = fold(domain);
  return [...BUILT_IN_BY_SPELLING.keys()].some((s) => s.includes('\\') && s.slice(0, s.indexOf('\\')) === d && d !== '.');
}

export type AccountName =
  | { form: 'built-in'; account: BuiltInAccount; sid: string }
  /** DOMAIN\user (a NetBIOS or DNS domain name, or a computer name for a local account). */
  | { form: 'down-level'; domain: string; user: string }
  /** .\user: a local account of the computer Setup runs on. */
  | { form: 'local'; user: string }
  /** user@domain (a user principal name): SQL Server's CREATE LOGIN … FROM WINDOWS refuses it, so it is translated. */
  | { form: 'upn'; user: string; suffix: string };

/** The form of a name the field rules accepted (checkAccount in rules.ts); null when it has none of the forms. */
export function accountForm(raw: string): AccountName | null {
  const value = raw.trim();
  const account = builtInAccount(value);
  if (account) return { form: 'built-in', account, sid: BUILT_IN_ACCOUNTS[account].sid };
  const slash = value.split('\\');
  if (slash.length === 2) return slash[0] === '.' ? { form: 'local', user: slash[1] } : { form: 'down-level', domain: slash[0], user: slash[1] };
  const at = value.split('@');
  if (slash.length === 1 && at.length === 2) return { form: 'upn', user: at[0], suffix: at[1] };
  return null;
}

/** `.\user` on the computer named `computerName`: `COMPUTER\user`, the name Windows and SQL Server know it by. */
export function expandLocalAccount(raw: string, computerName: string): string {
  const form = accountForm(raw);
  return form?.form === 'local' ? `${computerName}\\${form.user}` : raw.trim();
}
