import { BUILT_IN_ACCOUNTS, builtInAccount, type BuiltInAccount } from '../../../../shared/settings/accounts';
import type { ComputerIdentity, PasswordVerdict, ResolvedAccount } from '../facts';
import type { FactsSections } from './facts-scenario';

/** Made-up domain and computer SIDs for the scenario's accounts that give none: stable, so a rehearsal is repeatable. */
const DOMAIN_SID = 'S-1-5-21-3623811015-3361044348-30300820';
const COMPUTER_SID = 'S-1-5-21-1004336348-1177238915-682003330';

/** The rehearsal computer's names, from the scenario's `computer` section. */
export function rehearsalIdentity({ computer }: FactsSections): ComputerIdentity {
  const dnsDomain = computer.domain === null ? null : (computer.dnsDomain ?? `${computer.domain.toLowerCase()}.com`);
  const host = computer.name.toLowerCase();
  return {
    name: computer.name,
    dnsDomain,
    machineAccount: computer.domain === null ? null : `${computer.domain}\\${computer.name}$`,
    dnsNames: dnsDomain ? [host, `${host}.${dnsDomain}`] : [host],
    addresses: computer.addresses,
  };
}

/**
 * The scenario's accounts as Windows would resolve them: by name, by UPN (giving the down-level DOMAIN\user) or by
 * SID; the built-in accounts always, by their well-known SIDs.
 */
export function resolveRehearsalAccount(sections: FactsSections, name: string): ResolvedAccount | null {
  const byBuiltIn = (account: BuiltInAccount) => ({ name: BUILT_IN_ACCOUNTS[account].name, sid: BUILT_IN_ACCOUNTS[account].sid });
  const wanted = name.trim().toLowerCase();
  const builtIn = builtInAccount(name) ?? (Object.keys(BUILT_IN_ACCOUNTS) as BuiltInAccount[]).find((a) => BUILT_IN_ACCOUNTS[a].sid === name.trim()) ?? null;
  if (builtIn) return byBuiltIn(builtIn);
  const found = scenarioAccounts(sections).find((a) => a.name.toLowerCase() === wanted || a.sid.toLowerCase() === wanted || a.upn?.toLowerCase() === wanted);
  return found ? { name: found.name, sid: found.sid } : null;
}

/**
 * What the rehearsal's domain controller (or, for a local account, the computer) says of a password, from the
 * scenario's accounts and `computer.domainControllerReachable`: the same answers as the Windows host's
 * PrincipalContext.ValidateCredentials.
 */
export function verifyRehearsalPassword(sections: FactsSections, account: string, password: string): PasswordVerdict {
  const { computer } = sections;
  const authority = account.includes('\\') ? account.slice(0, account.indexOf('\\')) : '';
  const local = authority === '.' || authority.toLowerCase() === computer.name.toLowerCase();
  if (!local) {
    if (computer.domain === null) return { verdict: 'cannot-check', reason: `${computer.name} is in a workgroup: no domain answers for ${authority || account}` };
    if (!computer.domainControllerReachable) return { verdict: 'cannot-check', reason: `no domain controller of ${authority} could be contacted` };
  }
  const wanted = (local ? `${computer.name}\\${account.slice(authority.length + 1)}` : account).toLowerCase();
  const found = scenarioAccounts(sections).find((a) => a.name.toLowerCase() === wanted);
  if (!found) return { verdict: 'unknown-account' };
  if (found.password === null) return { verdict: 'cannot-check', reason: `the rehearsal scenario gives no password for ${found.name}` };
  return found.password === password ? { verdict: 'valid' } : { verdict: 'wrong-password' };
}

/** The scenario's accounts besides the built-in ones, each with its SID and UPN (given, or made up as described). */
export function scenarioAccounts(sections: FactsSections): { name: string; sid: string; upn: string | null; password: string | null }[] {
  const { computer } = sections;
  const dnsDomain = rehearsalIdentity(sections).dnsDomain;
  return sections.accounts
    .map((entry) => (typeof entry === 'string' ? { name: entry } : entry))
    .filter((entry) => builtInAccount(entry.name) === null)
    .map((entry, i) => {
      const [domain, user] = entry.name.includes('\\') ? entry.name.split('\\') : ['', entry.name];
      const local = domain.toLowerCase() === computer.name.toLowerCase();
      const ofThisDomain = computer.domain !== null && domain.toLowerCase() === computer.domain.toLowerCase();
      return {
        name: entry.name,
        sid: entry.sid ?? `${local ? COMPUTER_SID : DOMAIN_SID}-${1100 + i}`,
        upn: entry.upn ?? (ofThisDomain && dnsDomain ? `${user}@${dnsDomain}` : null),
        password: 'password' in entry ? (entry.password ?? null) : null,
      };
    });
}
