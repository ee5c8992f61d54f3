import { checkAccountPassword } from '../../../prerequisites/account-password';
import { notApplicable, WINDOWS_HOSTS } from '../../../prerequisites/check';
import { filesOnly, type AsyncServerCheck } from './async-server-check';

/**
 * The app pool user's password, checked against its domain before the first change: IIS takes any password into the
 * pool's configuration, and a wrong one shows only later, as a stopped pool and HTTP 503 from Async Server.
 */
export const appPoolPasswordCheck: AsyncServerCheck = {
  id: 'app-pool-password',
  title: 'App pool password',
  components: ['async-server'],
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const skip = filesOnly(ctx);
    if (skip) return skip;
    if (ctx.stage === 'before-configure') return notApplicable('The password is checked after Configure Async Server, where it is entered.');
    const user = ctx.expanded.AppPoolUser.trim();
    if (user === '') return notApplicable('The application pool runs as ApplicationPoolIdentity, which has no password.');
    return checkAccountPassword({
      host: ctx.host,
      account: user,
      accountField: 'AppPoolUser',
      password: ctx.appPoolPassword,
      passwordField: 'Password on Configure Async Server (or the credential file)',
      consequence: 'the application pool would stop at its first request and Async Server would answer HTTP 503',
    });
  },
};
