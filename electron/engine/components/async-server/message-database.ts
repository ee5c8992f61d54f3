import type { DatabaseChoice, SetupChoices } from '../../../../shared/contract/schemas';
import type { Settings } from '../../../../shared/components/async-server/parameters';
import { expandSettings } from '../../../../shared/settings/expand';
import { EXECUTOR_ROLE } from '../../database/database-roles';
import { executorRoleOperation } from '../../database/executor-role-operation';
import { accountLoginOperation, createDatabaseOperation, registerInstanceOperation, scriptOperation, type MessageDatabaseUse } from '../../database/plan-operations';
import { sameName } from '../../database/session-use';
import { checkDatabaseAccess, type MessageDatabaseSpec, type SqlAccess } from '../../database/sql-access';
import { PARTITION_REQUIRED, sqlTargetOf, SqlTargetError, type SqlTarget } from '../../database/sql-target';
import type { Host } from '../../hosts/host';
import type { LoadedPayload } from '../../payload/manifest';
import type { Operation, RunSecrets } from '../../plan/operation';
import { connectionServer, messageDatabaseConnectionString } from './installed-connection';
import { accountKey, applicationPoolIdentity, sqlLoginOn, type AccountField } from './service-accounts';

/**
 * The guide's two fields: HQMessageDatabaseServerName names the computer, and
 * HQMessageDatabaseServerNamedInstanceName, when set, is the full instance name (server1 or server1\instance2),
 * which wins because it is the more precise of the two.
 */
export function sqlTargetFromSettings(settings: Pick<Settings, 'HQMessageDatabaseServerName' | 'HQMessageDatabaseServerNamedInstanceName'>, choice: DatabaseChoice): SqlTarget {
  return sqlTargetOf(
    { field: 'HQMessageDatabaseServerName', value: settings.HQMessageDatabaseServerName },
    { field: 'HQMessageDatabaseServerNamedInstanceName', value: settings.HQMessageDatabaseServerNamedInstanceName },
    'HQMessageDatabase',
    choice,
  );
}

/** This installation, as recorded in the message database: `<computer>/<website>/<application>`. */
export function instanceName(input: { host: Pick<Host, 'computerName'>; settings: Pick<Settings, 'WebSiteName' | 'WebApplicationName'> }): string {
  return `${input.host.computerName}/${input.settings.WebSiteName}/${input.settings.WebApplicationName}`;
}

/** Async Server's message database as its (expanded) settings name it, for Test connection and the SQL Server check. */
export function messageDatabaseSpec(expanded: Settings, computerName: string): MessageDatabaseSpec {
  return {
    serverName: { field: 'HQMessageDatabaseServerName', value: expanded.HQMessageDatabaseServerName },
    namedInstance: { field: 'HQMessageDatabaseServerNamedInstanceName', value: expanded.HQMessageDatabaseServerNamedInstanceName },
    database: { field: 'HQMessageDatabase', name: expanded.HQMessageDatabase },
    instance: instanceName({ host: { computerName }, settings: expanded }),
  };
}

/** The SQL Server check's question of Async Server's settings (as entered, or expanded: expanding twice changes nothing). */
export async function checkSqlAccess(host: Host, settings: Settings, choice: DatabaseChoice, secrets: RunSecrets): Promise<SqlAccess> {
  const { expanded } = expandSettings(settings, await host.environment());
  return checkDatabaseAccess(host, messageDatabaseSpec(expanded, host.computerName), choice, secrets);
}

/** What the message database's part of the plan is made from. */
export interface MessageDatabaseInput {
  /** The settings with [tokens] and %VAR% expanded. */
  settings: Settings;
  database: SetupChoices['database'];
  payload: LoadedPayload;
  host: Host;
}

/**
 * The message database's operations, in order: create it (when asked), run the payload's scripts, create the
 * executor role when the payload grants it, give the app pool identity and the AOS service user their logins, users
 * and roles, and register this instance with its partition.
 */
export function messageDatabaseOperations(input: MessageDatabaseInput): Operation[] {
  const target = sqlTargetFromSettings(input.settings, input.database);
  if (input.database.partition.trim() === '') throw new SqlTargetError('database.partition', PARTITION_REQUIRED);
  const name = input.settings.HQMessageDatabase.trim();
  const use: MessageDatabaseUse = { partition: input.database.partition, instance: instanceName(input) };
  const ops: Operation[] = [];
  if (input.database.mode === 'create') ops.push(createDatabaseOperation(target, name, use, input.database.authentication));
  for (const script of input.payload.manifest.database.scripts) ops.push(scriptOperation(input.payload, target, name, script));
  const grants = accountGrants(input);
  // The role exists before anyone is made a member, and its undo (after theirs) finds it empty.
  if (grants.some((g) => g.roles.some((r) => sameName(r, EXECUTOR_ROLE)))) ops.push(executorRoleOperation(target, name));
  for (const grant of grants) ops.push(loginOperation(input, target, name, grant.field, grant.roles));
  ops.push(
    registerInstanceOperation(target, name, use, {
      server: connectionServer(input.settings),
      connectionString: messageDatabaseConnectionString(input.settings, input.database.trustServerCertificate),
    }),
  );
  return ops;
}

function accountGrants(input: MessageDatabaseInput): { field: AccountField; account: string; roles: string[] }[] {
  const { roles } = input.payload.manifest.database;
  const grants: { field: AccountField; account: string; key: string; roles: string[] }[] = [];
  const add = (field: AccountField, account: string, wanted: string[]) => {
    // One account in two spellings (Network Service, NetworkService) is one login.
    const key = accountKey(account, input.host.computerName);
    const existing = grants.find((g) => g.key === key);
    if (existing) existing.roles = [...new Set([...existing.roles, ...wanted])];
    else grants.push({ field, account, key, roles: [...wanted] });
  };
  // An empty AppPoolUser is ApplicationPoolIdentity: the pool's virtual account, or the computer's from elsewhere.
  add('AppPoolUser', input.settings.AppPoolUser.trim() || applicationPoolIdentity(input.settings.AppPoolName), roles.appPoolUser);
  if (input.settings.AOSServiceUser.trim() !== '') add('AOSServiceUser', input.settings.AOSServiceUser.trim(), roles.aosServiceUser);
  return grants;
}

function loginOperation(input: MessageDatabaseInput, target: SqlTarget, name: string, field: AccountField, roles: string[]): Operation {
  const account = field === 'AppPoolUser' ? input.settings.AppPoolUser.trim() || applicationPoolIdentity(input.settings.AppPoolName) : input.settings.AOSServiceUser.trim();
  // Asked of the computer once per plan: which domain it is in, how Windows names the account (buildPlan has already
  // refused an account that cannot sign in there, before anything changed).
  let resolved: Promise<string> | null = null;
  return accountLoginOperation(target, name, account, roles, (ctx) => (resolved ??= sqlLoginOn(ctx.host.facts, field, input.settings, target.server)));
}
