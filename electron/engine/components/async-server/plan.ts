import path from 'node:path';
import { expandSettings } from '../../../../shared/settings/expand';
import { asSettings, isParameterName, type Settings } from '../../../../shared/components/async-server/parameters';
import { hasErrors } from '../../../../shared/settings/rules';
import { normalizeSettings, validateSettings } from '../../../../shared/components/async-server/rules';
import { SqlTargetError } from '../../database/sql-target';
import type { Host } from '../../hosts/host';
import { shippedPayloadRoot } from '../../payload/default-payload';
import { loadPayload, type LoadedPayload } from '../../payload/manifest';
import type { Operation } from '../../plan/operation';
import { accessOperation } from '../../plan/operations/access';
import { appConfigOperation } from '../../plan/operations/app-config';
import { certificateKeyOperation } from '../../plan/operations/certificate-key';
import { neededServices, serviceOperation } from '../../plan/operations/services';
import { filesOperation } from '../../plan/operations/files';
import { firewallOperation } from '../../plan/operations/firewall';
import { folderOperation } from '../../plan/operations/folder';
import { PlanError, type ComponentPlan, type PlanInput } from '../../plan/plan';
import { applicationOperation, appPoolOperation, netTcpOperation, siteOperation } from './iis';
import { messageDatabaseConnectionString } from './installed-connection';
import { messageDatabaseOperations, sqlTargetFromSettings } from './message-database';
import { AccountError, serviceAccounts, sqlLoginFor, type ServiceAccount } from './service-accounts';

export const SALT_UTILITY_FOLDER = '%ProgramFiles%\\Microsoft Dynamics AX\\60\\Retail Salt Utility';

/**
 * Async Server's settings and choices → the ordered operations of its installation. The settings are checked by its
 * field rules and expanded with the target computer's environment; nothing on the computer is changed here. The
 * frame (plan/build-plan.ts) adds the collisions with other instances and the instance record.
 */
export async function planAsyncServer(host: Host, input: PlanInput & { supportDir: string }): Promise<ComponentPlan> {
  const settings = normalizeSettings(asSettings(input.settings));
  const { configure } = input.choices;
  const errors = validateSettings(settings, { configure, passwordProvided: input.passwordProvided }).filter((i) => i.severity === 'error');
  if (hasErrors(errors)) throw new PlanError(errors.map((e) => `${e.field}: ${e.message}`).join(' '), 'bad-input', errors[0].field);
  const environment = await host.environment();
  const { expanded, problems } = expandSettings(settings, environment);
  if (problems.length) throw new PlanError(problems.map((p) => p.message).join(' '), 'bad-input', problems[0].field);

  const notes: string[] = [];
  let payloadRoot: string;
  if (expanded.WebApplicationServiceBinarySourceFolder.trim() === '') {
    payloadRoot = shippedPayloadRoot();
    notes.push(`WebApplicationServiceBinarySourceFolder is empty: the application files come from the sample payload shipped with CDX Setup (${payloadRoot}).`);
  } else {
    payloadRoot = host.realPath(expanded.WebApplicationServiceBinarySourceFolder);
  }
  let payload: LoadedPayload;
  try {
    payload = await loadPayload(payloadRoot);
  } catch (err) {
    throw new PlanError((err as Error).message, 'bad-input', 'WebApplicationServiceBinarySourceFolder');
  }

  const e = expanded;
  const backups = (id: string) => path.join(input.supportDir, 'backups', id.replace(/[^A-Za-z0-9._-]+/g, '_'));
  const ops: Operation[] = [];
  if (configure) ops.push(folderOperation(e.WebSiteWorkingFolder, 'website files'));
  ops.push(folderOperation(e.WebApplicationWorkingFolder, 'web application files'));
  const appFilesId = `files:${e.WebApplicationWorkingFolder}`;
  const configuration = configure ? payload.manifest.configuration : undefined;
  ops.push(
    filesOperation({
      id: appFilesId,
      description: `Copy the ${payload.manifest.files.length} Async Server ${payload.manifest.version} application files to ${e.WebApplicationWorkingFolder}`,
      sourceRoot: payload.root,
      destination: e.WebApplicationWorkingFolder,
      files: payload.manifest.files.filter((f) => !payload.manifest.saltUtility.files.includes(f.path)),
      backupDir: backups(appFilesId),
      ...(configuration ? { configured: { path: configuration.file, locations: configuration.values.map((v) => v.location) } } : {}),
    }),
  );
  // The Retail Salt Utility's files sit in their own payload folder and are placed without it.
  const saltFiles = payload.manifest.files.filter((f) => payload.manifest.saltUtility.files.includes(f.path));
  if (saltFiles.length) {
    const saltFolder = expandSettingsValue(SALT_UTILITY_FOLDER, environment);
    const saltId = `files:${saltFolder}`;
    const top = saltFiles[0].path.split('/')[0];
    if (saltFiles.some((f) => !f.path.startsWith(`${top}/`))) {
      throw new PlanError(`The payload manifest lists Retail Salt Utility files outside one folder (${top}/).`, 'bad-input', 'WebApplicationServiceBinarySourceFolder');
    }
    ops.push(folderOperation(saltFolder, 'Retail Salt Utility'));
    ops.push(
      filesOperation({
        id: saltId,
        description: `Install the Retail Salt Utility (${saltFiles.length} files) in ${saltFolder}`,
        sourceRoot: path.join(payload.root, top),
        destination: saltFolder,
        files: saltFiles.map((f) => ({ ...f, path: f.path.slice(top.length + 1) })),
        backupDir: backups(saltId),
      }),
    );
  }

  if (configure) {
    if (configuration) {
      const file = `${e.WebApplicationWorkingFolder}\\${configuration.file.split('/').join('\\')}`;
      const id = `app-config:${file}`;
      const connectionString = messageDatabaseConnectionString(e, input.choices.database.trustServerCertificate);
      const values = configuration.values.map((v) => {
        if (v.source !== 'messageDatabaseConnectionString' && !isParameterName(v.source)) {
          throw new PlanError(`The payload manifest writes ${v.label} from "${v.source}", which is neither messageDatabaseConnectionString nor a parameter of ss-settings.xml.`, 'bad-input', 'WebApplicationServiceBinarySourceFolder');
        }
        return { label: v.label, location: v.location, value: v.source === 'messageDatabaseConnectionString' ? connectionString : e[v.source].trim() };
      });
      ops.push(appConfigOperation({ id, file, values, backupDir: backups(id) }));
    }
    for (const need of neededServices(e.WebSiteTcpPort)) ops.push(serviceOperation(need));
    const tcpPort = e.WebSiteTcpPort.trim() ? Number(e.WebSiteTcpPort) : null;
    const [pool, aos] = await planAccounts(host, e, input.choices.database);
    ops.push(appPoolOperation(e.AppPoolName, pool));
    ops.push(
      siteOperation({
        site: e.WebSiteName,
        physicalPath: e.WebSiteWorkingFolder,
        appPool: e.AppPoolName,
        httpsPort: Number(e.WebSiteHttpsPort),
        thumbprint: e.WebSiteSSLCertificateThumbprint,
        certificateStore: e.WebSiteSSLCertificateStore,
        certificateRootStore: e.WebSiteSSLCertificateRootStore,
      }),
    );
    ops.push(
      certificateKeyOperation({
        thumbprint: e.WebSiteSSLCertificateThumbprint,
        store: e.WebSiteSSLCertificateStore,
        certificate: await certificateName(host, e),
        account: pool,
        why: `the application pool ${e.AppPoolName} uses it for HTTPS on port ${e.WebSiteHttpsPort}`,
      }),
    );
    if (tcpPort !== null) ops.push(netTcpOperation(e.WebSiteName, tcpPort));
    ops.push(applicationOperation(e.WebSiteName, e.WebApplicationName, e.WebApplicationWorkingFolder, e.AppPoolName, tcpPort !== null));
    ops.push(accessOperation(e.WebApplicationWorkingFolder, pool, 'ReadAndExecute', 'the application pool identity runs the service'));
    if (aos.reference.toLowerCase() !== pool.reference.toLowerCase()) {
      ops.push(accessOperation(e.WebApplicationWorkingFolder, aos, 'ReadAndExecute', 'the AOS service user'));
    }
    ops.push(siteFirewallRule(e.WebSiteName, 'HTTPS', Number(e.WebSiteHttpsPort)));
    if (tcpPort !== null) ops.push(siteFirewallRule(e.WebSiteName, 'net.tcp', tcpPort));
    try {
      ops.push(...messageDatabaseOperations({ settings: e, database: input.choices.database, payload, host }));
    } catch (err) {
      if (err instanceof SqlTargetError) throw new PlanError(err.message, 'bad-input', err.field);
      throw err;
    }
  } else {
    notes.push('Configure Async Server by using Setup is cleared: only the files are placed; IIS, permissions, the firewall and the message database are left to you.');
  }

  return {
    instanceName: settings.WebApplicationName.trim(),
    settings,
    expanded,
    payload,
    operations: ops,
    notes,
    version: payload.manifest.version,
    database: { server: e.HQMessageDatabaseServerOverride || e.HQMessageDatabaseServerName, name: e.HQMessageDatabase },
  };
}

/** One rule per website and protocol: instances sharing a website share its rules. */
function siteFirewallRule(site: string, protocolLabel: 'HTTPS' | 'net.tcp', port: number): Operation {
  const name = `CDX-AsyncServer-${site}-${protocolLabel === 'HTTPS' ? 'HTTPS' : 'NetTcp'}`;
  return firewallOperation({ name, displayName: `Commerce Data Exchange: Async Server (${site}, ${protocolLabel} ${port})`, protocolLabel, port });
}

/** The certificate as the plan names it: its subject and thumbprint, or the thumbprint alone when the store lacks it. */
async function certificateName(host: Host, e: Settings): Promise<string> {
  // Only the description needs it: a store that cannot be listed (not Windows) leaves the thumbprint to name it.
  const listed = await host.listCertificates('LocalMachine', e.WebSiteSSLCertificateStore).catch(() => []);
  const cert = listed.find((c) => c.thumbprint === e.WebSiteSSLCertificateThumbprint);
  return cert ? `"${cert.subject}" (${cert.thumbprint})` : e.WebSiteSSLCertificateThumbprint;
}

function expandSettingsValue(value: string, environment: Record<string, string>): string {
  const env = new Map(Object.entries(environment).map(([k, v]) => [k.toUpperCase(), v]));
  return value.replace(/%([A-Za-z_][A-Za-z0-9_()]*)%/g, (whole, n: string) => env.get(n.toUpperCase()) ?? whole);
}

/**
 * The app pool identity and the AOS service user as the computer knows them, and a refusal, naming the field, of one
 * that cannot be used: a UPN Windows cannot translate, or an account that cannot sign in to the chosen SQL Server.
 */
async function planAccounts(host: Host, e: Settings, database: PlanInput['choices']['database']): Promise<ServiceAccount[]> {
  try {
    const identity = await host.facts.computerIdentity();
    const accounts = await serviceAccounts(host.facts, e);
    let server: string | null = null;
    try {
      server = sqlTargetFromSettings(e, database).server;
    } catch (err) {
      if (!(err instanceof SqlTargetError)) throw err;
    }
    if (server !== null) for (const account of accounts) sqlLoginFor(account, server, identity);
    return accounts;
  } catch (err) {
    if (err instanceof AccountError) throw new PlanError(err.message, 'bad-input', err.field);
    throw err;
  }
}
