import { checkDatabaseName, checkSqlInstance } from '../../../../../shared/settings/rules';
import { ALL_HOSTS, error, notApplicable, passed, warning } from '../../../prerequisites/check';
import { filesOnly, type AsyncServerCheck } from './async-server-check';

/** SQL Server reachable, with the rights to create the message database, or the chosen one present. */
export const sqlServerCheck: AsyncServerCheck = {
  id: 'sql-server',
  title: 'SQL Server reachable with the rights needed',
  components: ['async-server'],
  hosts: ALL_HOSTS,
  async run(ctx) {
    const skip = filesOnly(ctx);
    if (skip) return skip;
    const s = ctx.expanded;
    const instance = (s.HQMessageDatabaseServerNamedInstanceName.trim() || s.HQMessageDatabaseServerName.trim());
    if (ctx.stage === 'before-configure' && instance === '') return notApplicable('No database server is chosen yet: it is checked after Select a database to use with Async Server.');
    const problem = checkSqlInstance(instance, true) ?? checkDatabaseName(s.HQMessageDatabase);
    if (problem) return error(`The message database settings are incomplete: ${problem}`, 'Complete Select a database to use with Async Server (or HQMessageDatabaseServerName and HQMessageDatabase in the settings file).');
    const access = await ctx.sql.probe(s, ctx.database);
    const fix = 'Correct it on Select a database to use with Async Server (or in the settings file), then select Revalidate.';
    if (!access.reachable) {
      return error(`SQL Server ${instance} cannot be used: ${access.message}`, `${fix} Check also that SQL Server (and SQL Server Browser, for a named instance) runs and that the firewall lets this computer connect.`);
    }
    if (access.ok) return passed(access.message);
    // Before Select a database… the mode and authentication are the wizard's defaults, not the user's choice (a settings
    // file may name an existing message database): blocking here would keep the user from the page that fixes it.
    if (ctx.stage === 'before-configure') return warning(`${access.message} It is checked again after Select a database to use with Async Server.`, fix);
    return error(access.message, fix);
  },
};
