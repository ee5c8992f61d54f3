import { checkAccount } from '../../../../../shared/settings/rules';
import { AccountError, serviceAccount, sqlLoginFor, type ServiceAccount } from '../service-accounts';
import { appPoolIdentityConflict } from '../iis';
import { SqlTargetError } from '../../../database/sql-target';
import { sqlTargetFromSettings } from '../message-database';
import { error, notApplicable, passed, WINDOWS_HOSTS } from '../../../prerequisites/check';
import { filesOnly, type AsyncServerCheck } from './async-server-check';

const ACCOUNTS = { AppPoolUser: 'app pool account', AOSServiceUser: 'AOS service user' } as const;
type AccountField = keyof typeof ACCOUNTS;

/**
 * The app pool identity and the AOS service user must exist (permissions and database logins are granted to them),
 * and must be able to sign in to the chosen SQL Server: a local account or Local Service cannot reach another
 * computer's, and Network Service reaches it as the computer's domain account, which a workgroup computer lacks. An
 * application pool of that name that runs as another specific user is kept as it is, so it is named here, before
 * anything changes (the plan's pool operation refuses it too).
 */
export const accountsCheck: AsyncServerCheck = {
  id: 'accounts',
  title: 'App pool account and AOS service user',
  components: ['async-server'],
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const skip = filesOnly(ctx);
    if (skip) return skip;
    const fields = (Object.keys(ACCOUNTS) as AccountField[]).filter((f) => !(ctx.stage === 'before-configure' && ctx.expanded[f].trim() === ''));
    if (fields.length === 0) return notApplicable('No account is chosen yet: the accounts are checked after Configure Async Server.');
    const malformed = fields.map((f) => ({ f, problem: checkAccount(ctx.expanded[f], ACCOUNTS[f]) })).filter((x) => x.problem);
    if (malformed.length > 0) {
      return error(malformed.map((m) => `${m.f}: ${m.problem}`).join(' '), 'Correct the account names on Configure Async Server (or in the settings file).');
    }
    const facts = ctx.host.facts;
    const identity = await facts.computerIdentity();
    const accounts: ServiceAccount[] = [];
    const refused: string[] = [];
    for (const field of fields) {
      try {
        accounts.push(await serviceAccount(facts, identity, field, ctx.expanded));
      } catch (err) {
        if (!(err instanceof AccountError)) throw err;
        refused.push(err.message);
      }
    }
    const resolved = await facts.resolveAccounts(accounts.map((a) => a.reference));
    if (!resolved) return notApplicable('Accounts cannot be looked up on this computer.');
    const missing = accounts.filter((a) => !resolved[a.reference]);
    for (const a of missing) refused.push(`The ${ACCOUNTS[a.field]} ${a.written} (${a.field}) cannot be found: Windows does not resolve it to an account.`);
    if (refused.length > 0) {
      return error(
        refused.join(' '),
        'Check the spelling and the domain (or write the account as DOMAIN\\user), that the computer can reach a domain controller, and that the account exists (create it, or ask the domain administrator).',
      );
    }
    const pool = accounts.find((a) => a.field === 'AppPoolUser');
    if (pool) {
      const poolName = ctx.expanded.AppPoolName.trim();
      const existing = poolName ? await ctx.host.machine.readAppPool(poolName).catch(() => null) : null;
      const conflict = appPoolIdentityConflict(poolName, pool, existing);
      if (conflict) return error(conflict.details, conflict.fix);
    }
    const server = sqlServerChosen(ctx.expanded, ctx.database);
    const cannotSignIn: string[] = [];
    if (server !== null) {
      for (const account of accounts) {
        try {
          sqlLoginFor(account, server, identity);
        } catch (err) {
          if (!(err instanceof AccountError)) throw err;
          cannotSignIn.push(err.message);
        }
      }
    }
    if (cannotSignIn.length > 0) {
      return error(cannotSignIn.join(' '), 'Use a domain account (DOMAIN\\user) for the app pool and the AOS service user, or a SQL Server on this computer.');
    }
    const named = (a: ServiceAccount) => {
      const windows = resolved[a.reference]?.name ?? a.name;
      return windows.toLowerCase() === a.written.toLowerCase() ? a.written : `${a.written} (${windows})`;
    };
    return passed(accounts.map((a) => `The ${ACCOUNTS[a.field]} ${named(a)} exists.`).join(' '));
  },
};

/** The SQL Server the settings name, once one is named; null before (page 5) or when the name is not valid yet. */
function sqlServerChosen(expanded: Parameters<typeof sqlTargetFromSettings>[0], database: Parameters<typeof sqlTargetFromSettings>[1]): string | null {
  if (expanded.HQMessageDatabaseServerName.trim() === '' && expanded.HQMessageDatabaseServerNamedInstanceName.trim() === '') return null;
  try {
    return sqlTargetFromSettings(expanded, { ...database, authentication: 'windows' }).server;
  } catch (err) {
    if (err instanceof SqlTargetError) return null;
    throw err;
  }
}
