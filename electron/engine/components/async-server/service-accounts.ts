import type { Settings } from '../../../../shared/components/async-server/parameters';
import { accountForm, BUILT_IN_ACCOUNTS, expandLocalAccount, type BuiltInAccount } from '../../../../shared/settings/accounts';
import type { ComputerIdentity, HostFacts } from '../../hosts/facts';
import { isThisComputer } from '../../hosts/this-computer';

export type AccountField = 'AppPoolUser' | 'AOSServiceUser';

/**
 * An account the installation grants rights to, as the computer knows it. The settings allow forms that Windows
 * tools do not all take: `.\user` (NTAccount cannot read it), `user@domain` (SQL Server's CREATE LOGIN … FROM
 * WINDOWS refuses it) and a built-in account in any spelling or language. Each is turned here, once, into what every
 * later step uses.
 */
export interface ServiceAccount {
  field: AccountField;
  /** As the settings give it (expanded); `IIS AppPool\<pool>` for ApplicationPoolIdentity. */
  written: string;
  builtIn: BuiltInAccount | null;
  /** ApplicationPoolIdentity: IIS's virtual account, which exists only once its pool does (so it is not looked up). */
  virtual: boolean;
  /** The down-level name: COMPUTER\user for `.\user`, DOMAIN\user for a UPN, a built-in as this Windows names it. */
  name: string;
  /** How the permission scripts find it: a built-in by its well-known SID (so any language works), else its name. */
  reference: string;
}

export class AccountError extends Error {
  constructor(
    readonly field: AccountField,
    message: string,
  ) {
    super(message);
  }
}

const FIELD_LABEL: Record<AccountField, string> = { AppPoolUser: 'app pool user', AOSServiceUser: 'AOS service user' };

type AccountSettings = Pick<Settings, 'AppPoolUser' | 'AOSServiceUser' | 'AppPoolName'>;

/** ApplicationPoolIdentity's account: IIS's virtual account named after the pool. */
export function applicationPoolIdentity(pool: string): string {
  return `IIS AppPool\\${pool.trim()}`;
}

/** One key per account however it is spelled: a built-in's SID, else the name with `.\\` expanded, lower-case. */
export function accountKey(name: string, computerName: string): string {
  const form = accountForm(name);
  return form?.form === 'built-in' ? form.sid : expandLocalAccount(name, computerName).toLowerCase();
}

/** The app pool identity (its user, or the pool's virtual account) and the AOS service user, resolved on the host. */
export async function serviceAccounts(facts: HostFacts, settings: AccountSettings): Promise<ServiceAccount[]> {
  const identity = await facts.computerIdentity();
  return Promise.all((['AppPoolUser', 'AOSServiceUser'] as const).map((field) => serviceAccount(facts, identity, field, settings)));
}

export async function serviceAccount(facts: HostFacts, identity: ComputerIdentity, field: AccountField, settings: AccountSettings): Promise<ServiceAccount> {
  const value = settings[field].trim();
  if (field === 'AppPoolUser' && value === '') {
    const name = applicationPoolIdentity(settings.AppPoolName);
    return { field, written: name, builtIn: null, virtual: true, name, reference: name };
  }
  const form = accountForm(value);
  if (form?.form === 'built-in') {
    // Its name in this Windows' language; the English one where accounts cannot be looked up (the SID is what counts).
    const name = (await facts.resolveAccounts([form.sid]))?.[form.sid]?.name ?? BUILT_IN_ACCOUNTS[form.account].name;
    return { field, written: value, builtIn: form.account, virtual: false, name, reference: form.sid };
  }
  if (form?.form === 'upn') {
    const resolved = await facts.resolveAccounts([value]);
    const found = resolved?.[value];
    if (!found) {
      throw new AccountError(
        field,
        `${field}: the ${FIELD_LABEL[field]} ${value} is a user principal name, which SQL Server's CREATE LOGIN … FROM WINDOWS does not accept, and ${identity.name} could not translate it to DOMAIN\\user${resolved === null ? ' (accounts cannot be looked up on this computer)' : ' (Windows does not resolve it)'}. Write it as DOMAIN\\user.`,
      );
    }
    return { field, written: value, builtIn: null, virtual: false, name: found.name, reference: found.name };
  }
  const name = expandLocalAccount(value, identity.name);
  return { field, written: value, builtIn: null, virtual: false, name, reference: name };
}

/** The login of one account on the SQL Server `sqlServer`, asking the computer who it is and who the account is. */
export async function sqlLoginOn(facts: HostFacts, field: AccountField, settings: AccountSettings, sqlServer: string): Promise<string> {
  const identity = await facts.computerIdentity();
  return sqlLoginFor(await serviceAccount(facts, identity, field, settings), sqlServer, identity);
}

/**
 * The Windows login the account has on the SQL Server. On this computer every account is itself. From another
 * computer Network Service, Local System and ApplicationPoolIdentity sign in as the computer's domain account
 * (DOMAIN\NAME$, looked up on the computer); Local Service and local accounts have no identity there at all.
 */
export function sqlLoginFor(account: ServiceAccount, sqlServer: string, identity: ComputerIdentity): string {
  if (isThisComputer(sqlServer, identity)) return account.name;
  const field = account.field;
  const what = `the ${FIELD_LABEL[field]} ${account.written}`;
  if (account.builtIn === 'LocalService') {
    throw new AccountError(field, `${field}: ${what} has no network identity and cannot sign in to SQL Server on ${sqlServer}; use a domain account or Network Service.`);
  }
  if (account.builtIn !== null || account.virtual) {
    if (identity.machineAccount) return identity.machineAccount;
    throw new AccountError(
      field,
      `${field}: ${what} signs in to SQL Server on ${sqlServer} as this computer's domain account, but ${identity.name} ${identity.dnsDomain ? `could not look up its account in ${identity.dnsDomain} (no domain controller answered?)` : 'is not in a domain'}; use a domain account, or a SQL Server on this computer.`,
    );
  }
  if (accountForm(account.written)?.form === 'local' || account.name.toLowerCase().startsWith(`${identity.name.toLowerCase()}\\`)) {
    throw new AccountError(field, `${field}: ${what} is a local account of ${identity.name}, which cannot sign in to SQL Server on another computer (${sqlServer}); use a domain account.`);
  }
  return account.name;
}
