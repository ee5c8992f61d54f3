import { checkAccount } from '../../../../shared/settings/rules';
import { appPoolIdentityConflict } from '../../components/async-server/iis';
import { error, filesOnly, notApplicable, passed, WINDOWS_HOSTS, type PrerequisiteCheck } from '../check';

const ACCOUNTS = { AppPoolUser: 'app pool account', AOSServiceUser: 'AOS service user' } as const;
type AccountField = keyof typeof ACCOUNTS;

/**
 * The app pool identity and the AOS service user must exist: permissions and database logins are granted to them. An
 * application pool of that name that runs as another specific user is kept as it is, so it is named here, before
 * anything changes (the plan's pool operation refuses it too).
 */
export const accountsCheck: PrerequisiteCheck = {
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
    const names = fields.map((f) => ctx.expanded[f].trim());
    const resolved = await ctx.host.facts.resolveAccounts(names);
    if (!resolved) return notApplicable('Accounts cannot be looked up on this computer.');
    const missing = fields.filter((f) => !resolved[ctx.expanded[f].trim()]);
    if (missing.length > 0) {
      return error(
        missing.map((f) => `The ${ACCOUNTS[f]} ${ctx.expanded[f]} (${f}) cannot be found: Windows does not resolve it to an account.`).join(' '),
        'Check the spelling and the domain, that the computer can reach a domain controller, and that the account exists (create it, or ask the domain administrator).',
      );
    }
    if (fields.includes('AppPoolUser')) {
      const poolName = ctx.expanded.AppPoolName.trim();
      const pool = poolName ? await ctx.host.machine.readAppPool(poolName).catch(() => null) : null;
      const conflict = appPoolIdentityConflict(poolName, ctx.expanded.AppPoolUser.trim(), pool);
      if (conflict) return error(conflict.details, conflict.fix);
    }
    return passed(fields.map((f) => `The ${ACCOUNTS[f]} ${ctx.expanded[f]} exists.`).join(' '));
  },
};
