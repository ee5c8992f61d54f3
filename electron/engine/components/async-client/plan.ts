import path from 'node:path';
import { asClientSettings, type ClientSettings } from '../../../../shared/components/async-client/parameters';
import { normalizeClientSettings, validateClientSettings } from '../../../../shared/components/async-client/rules';
import { expandSettings } from '../../../../shared/settings/expand';
import { BUILT_IN_ACCOUNTS, builtInAccount, expandLocalAccount } from '../../../../shared/settings/accounts';
import { hasErrors, isBuiltInAccount } from '../../../../shared/settings/rules';
import { EXECUTOR_ROLE } from '../../database/database-roles';
import { executorRoleOperation } from '../../database/executor-role-operation';
import { accountLoginOperation, scriptOperation } from '../../database/plan-operations';
import { databaseExists } from '../../database/database-listing';
import { withSession } from '../../database/session-use';
import { describeTarget, SqlTargetError, type SqlTarget } from '../../database/sql-target';
import { SERVICE_LOGON_RIGHT } from '../../hosts/machine/machine';
import type { Host } from '../../hosts/host';
import { shippedPayloadRoot } from '../../payload/default-payload';
import { loadPayload, type LoadedPayload } from '../../payload/manifest';
import type { Operation, OperationContext } from '../../plan/operation';
import { accountRightOperation } from '../../plan/operations/account-right';
import { fileAccessOperation } from '../../plan/operations/file-access';
import { fileContentOperation } from '../../plan/operations/file-content';
import { filesOperation } from '../../plan/operations/files';
import { folderOperation } from '../../plan/operations/folder';
import { installedServiceOperation, installedServiceStartOperation, installedServiceStopOperation } from '../../plan/operations/installed-service';
import { appSettingLocation, protectedSettingOperation } from '../../plan/operations/protected-setting';
import { PlanError, type ComponentPlan, type PlanInput } from '../../plan/plan';
import { asyncClientConfiguration } from './app-config';
import { channelDatabaseTarget, channelMessageDatabaseTarget } from './database-targets';

export const SALT_UTILITY_FOLDER = '%ProgramFiles%\\Microsoft Dynamics AX\\60\\Retail Salt Utility';
/** The channel database's role for Async Client (the product's local group RetailDataSyncUsers is its member). */
export const CHANNEL_SYNC_ROLE = 'RetailDataSyncUsers';
/** Read, write and execute on the channel message database (the product's group: RetailSyncClientDBUser). */
export const MESSAGE_DATABASE_ROLES = ['db_datareader', 'db_datawriter', EXECUTOR_ROLE];

/**
 * Async Client's settings and choices → the operations of its installation: the install folder and files, the
 * Retail Salt Utility, and when configured the application configuration (then, when the payload's manifest says where
 * the service reads the password for the Async Server connection, the file restricted to Administrators, SYSTEM and
 * the service account, and the password in it, encrypted for the computer), Log on as a
 * service, the Windows service, the channel message database (created when missing) and its scripts, the service
 * account's logins and roles on both databases, and the service started last (on a modify it is stopped first while
 * what it reads changes, so that it reads it). The frame adds the collisions and the instance record.
 */
export async function planAsyncClient(host: Host, input: PlanInput & { supportDir: string }): Promise<ComponentPlan> {
  const settings = normalizeClientSettings(asClientSettings(input.settings));
  const { configure } = input.choices;
  const errors = validateClientSettings(settings, { configure }).filter((i) => i.severity === 'error');
  if (hasErrors(errors)) throw new PlanError(errors.map((e) => `${e.field}: ${e.message}`).join(' '), 'bad-input', errors[0].field);
  const environment = await host.environment();
  const { expanded: e, problems } = expandSettings(settings, environment);
  if (problems.length) throw new PlanError(problems.map((p) => p.message).join(' '), 'bad-input', problems[0].field);

  const notes: string[] = [];
  const payload = await clientPayload(host, e, notes);
  const backups = (id: string) => path.join(input.supportDir, 'backups', id.replace(/[^A-Za-z0-9._-]+/g, '_'));
  const salt = payload.manifest.saltUtility.files;
  const ops: Operation[] = [folderOperation(e.ServiceInstallFolder, 'Async Client service files')];
  const filesId = `files:${e.ServiceInstallFolder}`;
  const serviceFiles = filesOperation({
    id: filesId,
    description: `Copy the ${payload.manifest.files.length - salt.length} Async Client ${payload.manifest.version} files to ${e.ServiceInstallFolder}`,
    sourceRoot: payload.root,
    destination: e.ServiceInstallFolder,
    files: payload.manifest.files.filter((f) => !salt.includes(f.path)),
    backupDir: backups(filesId),
  });
  ops.push(serviceFiles);
  if (salt.length) {
    // The same folder and step as Async Server's: an instance of either keeps it while the other is installed.
    const saltFolder = SALT_UTILITY_FOLDER.replace('%ProgramFiles%', environment.ProgramFiles ?? environment.PROGRAMFILES ?? 'C:\\Program Files');
    const top = salt[0].split('/')[0];
    ops.push(folderOperation(saltFolder, 'Retail Salt Utility'));
    ops.push(
      filesOperation({
        id: `files:${saltFolder}`,
        description: `Install the Retail Salt Utility (${salt.length} files) in ${saltFolder}`,
        sourceRoot: path.join(payload.root, top),
        destination: saltFolder,
        files: payload.manifest.files.filter((f) => salt.includes(f.path)).map((f) => ({ ...f, path: f.path.slice(top.length + 1) })),
        backupDir: backups(`files:${saltFolder}`),
      }),
    );
  }
  if (!configure) {
    notes.push('Configure Async Client by using Setup is cleared: only the files are placed; the Windows service, its configuration and the databases are left to you.');
    return done(settings, e, payload, ops, notes);
  }

  const executable = payload.manifest.service?.executable;
  if (!executable) throw new PlanError(`The payload ${payload.root} names no service executable (manifest.json service.executable).`, 'bad-input', 'ServiceBinarySourceFolder');
  const exe = `${e.ServiceInstallFolder.replace(/\\+$/, '')}\\${executable.replace(/\//g, '\\')}`;
  const streaming = input.choices.streaming === true;
  const config = `${exe}.config`;
  const password = payload.manifest.service?.secrets?.connectionPassword;
  const account = e.ServiceUser.trim();
  // What the service reads when it starts: a modify that changes one of them stops it first (the stop step below).
  const configuration: Operation[] = [fileContentOperation(config, asyncClientConfiguration(e, streaming, password?.appSetting), 'the Async Client configuration (Async Server URL, channel database ID, databases)', password ? [appSettingLocation(password.appSetting)] : [])];
  ops.push(configuration[0]);
  if (password) {
    // Before the password goes in: DPAPI's machine scope lets any process that reads the file decrypt it, and the
    // file as written inherits its folder's rules (the computer's Users may read C:\AsyncClientService).
    const builtIn = builtInAccount(account);
    ops.push(fileAccessOperation({ file: config, what: 'the Async Client configuration', account, reference: builtIn ? BUILT_IN_ACCOUNTS[builtIn].sid : expandLocalAccount(account, host.computerName) }));
    const stored = protectedSettingOperation({
      file: config,
      appSetting: password.appSetting,
      secret: 'connectionPassword',
      what: `the password for the Async Server connection (DataStoreUserName ${e.DataStoreUserName.trim()})`,
      backupDir: backups(`app-config.protected:${config}`),
    });
    configuration.push(stored);
    ops.push(stored);
  } else {
    notes.push(`The payload's manifest (${payload.root}) declares no place for the password of the Async Server connection (service.secrets.connectionPassword): it is not stored, and the service cannot sign in to Async Server until it is configured by other means.`);
  }
  if (!isBuiltInAccount(account)) ops.push(accountRightOperation(account, SERVICE_LOGON_RIGHT, 'Log on as a service'));
  const serviceName = e.ServiceName.trim();
  const service = installedServiceOperation(
    {
      name: serviceName,
      displayName: `Commerce Data Exchange: Async Client (${serviceName})`,
      binaryPath: `"${exe}"`,
      account,
      startType: 'Automatic',
      recovery: { restart: true, restartDelaySeconds: 60, resetSeconds: 86400 },
      status: 'Stopped',
    },
    'Install',
  );
  ops.push(service);
  // First, so that on a modify the service stops before its files change (and the start step, last, starts it again).
  // In every plan, not only when the service exists: the instance record lists the same steps from the first install on.
  const stop = installedServiceStopOperation(serviceName, [serviceFiles, ...configuration, service]);
  ops.unshift(stop);

  let messageTarget: SqlTarget;
  let channelTarget: SqlTarget;
  try {
    messageTarget = channelMessageDatabaseTarget(e, input.choices.database);
    channelTarget = channelDatabaseTarget(e, input.choices.database);
  } catch (err) {
    if (err instanceof SqlTargetError) throw new PlanError(err.message, 'bad-input', err.field);
    throw err;
  }
  const messageDb = e.ChannelMessageDatabaseName.trim();
  ops.push(createMessageDatabaseOperation(messageTarget, messageDb));
  for (const script of payload.manifest.database.scripts) ops.push(scriptOperation(payload, messageTarget, messageDb, script));
  ops.push(executorRoleOperation(messageTarget, messageDb));
  ops.push(accountLoginOperation(messageTarget, messageDb, account, MESSAGE_DATABASE_ROLES, sqlLogin(account)));
  ops.push(withId(accountLoginOperation(channelTarget, e.ChannelDatabaseName.trim(), account, [CHANNEL_SYNC_ROLE], sqlLogin(account)), `sql.login:${account}@${e.ChannelDatabaseName.trim()}`));
  ops.push(installedServiceStartOperation(serviceName, stop));
  notes.push(
    streaming
      ? 'Streaming over the NetTcp port: for initial or large synchronizations on a reliable network. For ongoing synchronization WS-ReliableMessaging is more reliable.'
      : 'WS-ReliableMessaging (the default). Streaming over the NetTcp port suits initial or large synchronizations on a reliable network.',
  );
  // Async Client connects out to Async Server, which Windows Firewall allows by default: no rule is needed here.
  if (streaming) notes.push(`No firewall rule on this computer: Async Client opens the connections itself (outbound, which Windows Firewall allows by default). The Async Server computer (${serverHost(e.SynchServiceHeadOfficeURL)}) must accept its NetTcp port inbound: the website's TCP port, which CDX Setup's Async Server installation opens in Windows Firewall (check the rule there, and any firewall between the store and headquarters).`);
  // A domain's Group Policy may own the right; a workgroup computer's local policy is the only one.
  const domain = isBuiltInAccount(account) ? null : (await host.facts.computerIdentity().catch(() => null))?.dnsDomain;
  if (domain) notes.push(`Log on as a service is granted to ${account} in this computer's local security policy. This computer is a member of ${domain}: a Group Policy that defines Log on as a service replaces the local list at its next refresh and takes the right away again: the service then fails to start with error 1069. Add ${account} to that Group Policy (gpresult /scope computer /h shows whether one defines it).`);
  return done(settings, e, payload, ops, notes, { server: describeTarget(messageTarget), name: messageDb });
}

function done(settings: ClientSettings, expanded: ClientSettings, payload: LoadedPayload, operations: Operation[], notes: string[], database = { server: '', name: '' }): ComponentPlan {
  return { instanceName: settings.ServiceName.trim(), settings, expanded, payload, operations, notes, version: payload.manifest.version, database };
}

async function clientPayload(host: Host, e: ClientSettings, notes: string[]): Promise<LoadedPayload> {
  let root: string;
  if (e.ServiceBinarySourceFolder.trim() === '') {
    root = shippedPayloadRoot(process.env, 'async-client');
    notes.push(`ServiceBinarySourceFolder is empty: the service files come from the sample payload shipped with CDX Setup (${root}).`);
  } else {
    root = host.realPath(e.ServiceBinarySourceFolder);
  }
  let payload: LoadedPayload;
  try {
    payload = await loadPayload(root);
  } catch (err) {
    throw new PlanError((err as Error).message, 'bad-input', 'ServiceBinarySourceFolder');
  }
  if (payload.manifest.component !== 'async-client') {
    throw new PlanError(`The payload ${root} is ${payload.manifest.component}'s, not Async Client's: point ServiceBinarySourceFolder at the Async Client package.`, 'bad-input', 'ServiceBinarySourceFolder');
  }
  return payload;
}

/** The Async Server URL's host, for the notes (the field rules have checked the URL). */
function serverHost(url: string): string {
  try {
    return new URL(url.trim()).hostname;
  } catch {
    return url;
  }
}

/** The service account as SQL Server names its Windows login: `.\\user` is this computer's user. */
function sqlLogin(account: string): (ctx: OperationContext) => Promise<string> {
  return async (ctx) => (account.startsWith('.\\') ? `${ctx.host.computerName}\\${account.slice(2)}` : account);
}

/** Another step on the same kind of target needs its own id: the login on the channel database besides the message database's. */
function withId(op: Operation, id: string): Operation {
  return { ...op, id };
}

/**
 * The channel message database, created when it does not exist (the guide: "Setup creates a new message database");
 * an existing one is used. Undone by the message database undo: dropped only when this run created it.
 */
function createMessageDatabaseOperation(target: SqlTarget, name: string): Operation {
  return {
    id: `sql.database:${name}`,
    kind: 'sql.database',
    target: { sql: target, database: name },
    description: `Create the channel message database ${name} on ${describeTarget(target)} when it does not exist`,
    details: { server: describeTarget(target), database: name },
    isDone: (ctx) => withSession(ctx, target, async (s) => await databaseExists(s, name)),
    async apply(ctx) {
      return withSession(ctx, target, async (s) => {
        if (await databaseExists(s, name)) return { database: name, created: false };
        await s.createDatabase(name);
        ctx.log('info', `Created the channel message database ${name} on ${describeTarget(target)}.`);
        return { database: name, created: true };
      });
    },
  };
}
