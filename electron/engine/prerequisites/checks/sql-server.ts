import { checkDatabaseName, checkSqlInstance } from '../../../../shared/settings/rules';
import { ALL_HOSTS, error, filesOnly, notApplicable, passed, warning, type PrerequisiteCheck } from '../check';

/** SQL Server reachable, with the rights to create the message database, or the chosen one present. */
export const sqlServerCheck: PrerequisiteCheck = {
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
    const database = ctx.database ?? { mode: 'create' as const, authentication: 'windows' as const, sqlLogin: '' };
    const target = `${s.HQMessageDatabase} on ${instance}`;
    if (!ctx.sql) {
      return warning(
        `Not yet checked: this version of CDX Setup cannot connect to SQL Server during validation, so it did not verify that ${instance} answers or that ${database.mode === 'create' ? 'you may create ' + s.HQMessageDatabase : s.HQMessageDatabase + ' exists'}.`,
        `Check it yourself before installing: sqlcmd -S ${instance} -E -Q "SELECT HAS_PERMS_BY_NAME(NULL, NULL, 'CREATE ANY DATABASE')" should print 1.`,
      );
    }
    const answer = await ctx.sql.probe({ instance, database: s.HQMessageDatabase, ...database });
    if (!answer.reachable) {
      return error(`SQL Server ${instance} cannot be reached: ${answer.message}`, 'Check the server and instance names, that SQL Server and SQL Server Browser run, and that the firewall lets this computer connect.');
    }
    if (database.mode === 'existing') {
      if (!answer.databaseExists) return error(`SQL Server ${instance} (${answer.version}) answers, but the message database ${s.HQMessageDatabase} does not exist.`, 'Choose Create a new message database, or the name of the existing one.');
      if (!answer.canUseDatabase) return error(`The message database ${target} exists, but this account may not use it.`, 'Ask the database administrator for db_owner on the message database.');
      return passed(`The message database ${target} exists and can be used (SQL Server ${answer.version}).`);
    }
    if (answer.databaseExists) {
      return error(`A database named ${target} already exists, and Create a new message database is chosen.`, 'Choose Use an existing message database, or another database name.');
    }
    if (!answer.canCreateDatabase) return error(`SQL Server ${instance} answers, but this account may not create databases.`, 'Ask the database administrator for the dbcreator role (CREATE ANY DATABASE), or have them create the database and choose Use an existing message database.');
    return passed(`SQL Server ${instance} (${answer.version}) answers and the message database ${s.HQMessageDatabase} can be created.`);
  },
};
