import { accountForm, expandLocalAccount, isBuiltInDomain } from '../../../shared/settings/accounts';
import type { Host } from '../hosts/host';
import { error, notApplicable, passed, warning, type CheckOutcome } from './check';

/** The account a component runs as, the password entered for it, and where each is entered (for the messages). */
export interface AccountPasswordInput {
  host: Host;
  /** The account as the settings give it, expanded. */
  account: string;
  /** Its parameter (AppPoolUser, ServiceUser). */
  accountField: string;
  password: string | undefined;
  /** Where the password is entered, e.g. "Password on Configure Async Server". */
  passwordField: string;
  /** What a wrong password would do once installed, e.g. "the application pool would not start…". */
  consequence: string;
}

/** Virtual accounts (IIS's app pool identities, services' own) have no password either. */
const VIRTUAL_DOMAINS = new Set(['iis apppool', 'nt service']);

/**
 * The password is checked against the account's domain (or this computer, for a local account) before the first
 * change: a wrong one is otherwise found only after the installation, as a stopped application pool or a service
 * that does not start. One sign-in attempt per run (it counts toward the account's lockout threshold). A built-in or
 * virtual account has no password, and without a password there is nothing to check.
 */
export async function checkAccountPassword(input: AccountPasswordInput): Promise<CheckOutcome> {
  const { host, accountField, passwordField } = input;
  const written = input.account.trim();
  const form = accountForm(written);
  if (form?.form === 'built-in' || (form?.form === 'down-level' && (isBuiltInDomain(form.domain) || VIRTUAL_DOMAINS.has(form.domain.toLowerCase())))) {
    return notApplicable(`${written} (${accountField}) is a built-in account: it has no password to check.`);
  }
  if (form === null) return notApplicable(`${accountField} is not a valid account name yet, so its password is not checked.`);
  if (!input.password) return notApplicable(`No password was given for ${written}, so it was not checked.`);
  const computer = (await host.facts.computerIdentity()).name;
  const account = await downLevelName(host, written, computer);
  if (account === null) {
    return error(`${written} (${accountField}) does not resolve to an account on ${computer}, so its password cannot be checked.`, `Correct ${accountField}, or write the account as DOMAIN\\user.`);
  }
  const shown = account.toLowerCase() === written.toLowerCase() ? written : `${written} (${account})`;
  const authority = account.slice(0, account.indexOf('\\'));
  const local = authority.toLowerCase() === computer.toLowerCase();
  const verdict = await host.facts.verifyAccountPassword(account, input.password);
  switch (verdict.verdict) {
    case 'valid':
      return passed(`The password for ${shown} is correct: ${local ? `${authority} (this computer)` : `the domain ${authority}`} accepts it.`);
    case 'wrong-password':
      return error(
        `The password for ${shown} is not correct: ${local ? 'this computer' : `the domain ${authority}`} refuses it (or the account is disabled or locked out). With it, ${input.consequence}.`,
        `Enter the account's current password in ${passwordField}, then validate again. Each validation is one sign-in attempt: several wrong passwords in a row can lock the account out.`,
      );
    case 'unknown-account':
      return error(`${shown} (${accountField}) is not known to ${local ? 'this computer' : `the domain ${authority}`}, so its password cannot be checked.`, `Correct ${accountField}, or create the account.`);
    case 'cannot-check':
      return warning(
        `The password for ${shown} could not be checked: ${verdict.reason}. The installation goes on without this check; if the password is wrong, ${input.consequence}.`,
        local ? 'Validate again; if it still cannot be checked, make sure the password is right before installing.' : `Make sure a domain controller of ${authority} answers this computer, then validate again.`,
      );
  }
}

/** DOMAIN\user as Windows knows it: `.\user` is this computer's, a UPN is translated by Windows; null when it is not. */
async function downLevelName(host: Host, written: string, computer: string): Promise<string | null> {
  const form = accountForm(written);
  if (form?.form !== 'upn') return expandLocalAccount(written, computer);
  const resolved = await host.facts.resolveAccounts([written]);
  return resolved?.[written]?.name ?? null;
}
