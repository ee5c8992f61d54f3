import { asClientSettings, type ClientSettings } from '../../../../shared/components/async-client/parameters';
import type { CheckResult, ValidationReport } from '../../../../shared/prerequisites/report';
import { expandSettings } from '../../../../shared/settings/expand';
import { isBuiltInAccount } from '../../../../shared/settings/rules';
import { databaseExists } from '../../database/database-listing';
import { describeTarget, type SqlTarget } from '../../database/sql-target';
import { installedServiceAccountConflict } from '../../plan/operations/installed-service';
import { checkAccountPassword } from '../../prerequisites/account-password';
import { validationReport } from '../../prerequisites/validation-report';
import type { ComponentGateInput } from '../component';
import { channelDatabaseTarget, channelMessageDatabaseTarget } from './database-targets';
import { CHANNEL_SYNC_ROLE } from './plan';

type Check = { id: string; title: string; run(): Promise<Pick<CheckResult, 'status' | 'details' | 'fix'>> };

/**
 * Async Client's prerequisite gate, before the first change: the channel database exists (Setup never creates one)
 * with its data-sync role, the message database's server answers, the service account is known to Windows and its
 * password is the one its domain accepts, and the service name is free (or this instance's own, on a modify, logging
 * on as the same account).
 */
export async function asyncClientPrerequisites(input: ComponentGateInput): Promise<ValidationReport> {
  const time = new Date();
  const started = performance.now();
  const { host } = input;
  const s: ClientSettings = expandSettings(asClientSettings(input.settings), await host.environment()).expanded;
  const configure = input.choices.configure;
  const connect = async (t: SqlTarget) => host.sql.connect(t, input.secrets.sqlPassword);
  const checks: Check[] = [
    {
      id: 'channel-database',
      title: 'Channel database',
      async run() {
        if (!configure) return { status: 'not-applicable', details: 'Only the files are placed.', fix: '' };
        const t = channelDatabaseTarget(s, input.choices.database);
        const session = await connect(t);
        try {
          const name = s.ChannelDatabaseName.trim();
          if (!await databaseExists(session, name)) {
            return { status: 'error', details: `${describeTarget(t)} has no database ${name}. Setup never creates a channel database.`, fix: 'Install the Retail channel database first (or correct ChannelDatabaseName), then install Async Client.' };
          }
          if (!(await session.roleState(name, CHANNEL_SYNC_ROLE)).exists) {
            return { status: 'error', details: `${name} on ${describeTarget(t)} has no role ${CHANNEL_SYNC_ROLE}: it is not a Retail channel database, or its installation did not finish.`, fix: 'Install the channel database again, or name the channel database Async Client serves.' };
          }
          return { status: 'passed', details: `${name} on ${describeTarget(t)} exists and has its role ${CHANNEL_SYNC_ROLE}.`, fix: '' };
        } finally {
          await session.close();
        }
      },
    },
    {
      id: 'message-database-server',
      title: 'Message database server',
      async run() {
        if (!configure) return { status: 'not-applicable', details: 'Only the files are placed.', fix: '' };
        const t = channelMessageDatabaseTarget(s, input.choices.database);
        const session = await connect(t);
        try {
          const exists = await databaseExists(session, s.ChannelMessageDatabaseName.trim());
          if (!exists && !(await session.canCreateDatabase())) {
            return { status: 'error', details: `${describeTarget(t)} has no ${s.ChannelMessageDatabaseName} and this sign-in may not create it.`, fix: 'Sign in with a login that may create databases (dbcreator), or create the message database first.' };
          }
          return { status: 'passed', details: `${describeTarget(t)} answers; the message database ${s.ChannelMessageDatabaseName} ${exists ? 'exists and is used' : 'is created'}.`, fix: '' };
        } finally {
          await session.close();
        }
      },
    },
    {
      id: 'service-account',
      title: 'Async Client service account',
      async run() {
        if (!configure) return { status: 'not-applicable', details: 'Only the files are placed.', fix: '' };
        if (isBuiltInAccount(s.ServiceUser)) return { status: 'passed', details: `${s.ServiceUser} is a built-in account.`, fix: '' };
        const resolved = await host.facts.resolveAccounts([s.ServiceUser.trim()]);
        if (resolved === null) return { status: 'warning', details: `Accounts cannot be looked up here; ${s.ServiceUser} is not checked.`, fix: '' };
        return resolved[s.ServiceUser.trim()]
          ? { status: 'passed', details: `The account ${s.ServiceUser} exists.`, fix: '' }
          : { status: 'error', details: `${s.ServiceUser} (ServiceUser) cannot be found: Windows does not resolve it to an account.`, fix: 'Create the account (a local or domain user), or correct ServiceUser.' };
      },
    },
    {
      id: 'service-account-password',
      title: 'Async Client service account password',
      async run() {
        if (!configure) return { status: 'not-applicable', details: 'Only the files are placed.', fix: '' };
        return checkAccountPassword({
          host,
          account: s.ServiceUser,
          accountField: 'ServiceUser',
          password: input.secrets.servicePassword,
          passwordField: 'the service user\'s password (the credential file, or CDX_SETUP_PASSWORD)',
          consequence: 'the Async Client service would not start (Windows refuses its logon)',
        });
      },
    },
    {
      id: 'service-name',
      title: 'Windows service name',
      async run() {
        if (!configure) return { status: 'not-applicable', details: 'Only the files are placed.', fix: '' };
        const existing = await host.machine.readInstalledService(s.ServiceName.trim());
        if (existing && !input.modifies) {
          return { status: 'error', details: `A Windows service named ${s.ServiceName} already exists on ${host.computerName} (running ${existing.binaryPath}).`, fix: 'Give this instance of Async Client its own ServiceName: each instance on a computer has one.' };
        }
        const conflict = installedServiceAccountConflict(s.ServiceUser.trim(), existing);
        if (conflict) return { status: 'error', ...conflict };
        return { status: 'passed', details: existing ? `${s.ServiceName} is this instance's own service.` : `No service is named ${s.ServiceName}.`, fix: '' };
      },
    },
  ];
  const results: CheckResult[] = [];
  for (const check of checks) {
    const begin = performance.now();
    const outcome = await check.run().catch((err: unknown) => ({ status: 'error' as const, details: err instanceof Error ? err.message : String(err), fix: 'Correct the server names, or make the server reachable from this computer.' }));
    results.push({ id: check.id, title: check.title, ...outcome, durationMs: Math.round(performance.now() - begin) });
  }
  return validationReport({
    host,
    toolVersion: input.toolVersion,
    time,
    started,
    stage: 'after-configure',
    components: ['async-client'],
    settings: asClientSettings(input.settings),
    // The report's one password field says whether the service account's was entered.
    passwordEntered: Boolean(input.secrets.servicePassword),
    configure,
    results,
  });
}
