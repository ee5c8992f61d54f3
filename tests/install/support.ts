import { defaultScenarioCopy, REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings, type Settings } from '../../shared/components/async-server/parameters';
import type { Host } from '../../electron/engine/hosts/host';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import type { PlanChoices } from '../../electron/engine/plan/build-plan';
import { InstallService, type InstallOptions } from '../../electron/engine/install/install-service';

/**
 * The app pool password of the tests' installations, and their canary: the one the scenario's CONTOSO\svc-async
 * accepts (the gate checks it against the domain), found nowhere else (the scenario file is outside every sandbox).
 */
export const CANARY = REHEARSAL_ACCOUNT_PASSWORD;

export function goodSettings(patch: Partial<Settings> = {}): Settings {
  return {
    ...defaultSettings(),
    AppPoolUser: 'CONTOSO\\svc-async',
    AOSServiceUser: 'CONTOSO\\svc-aos',
    WebSiteHttpsPort: '8443',
    WebSiteSSLCertificateThumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B',
    HQMessageDatabaseServerName: 'SQLHQ01',
    HQMessageDatabase: 'AsyncServerMessageDB',
    ...patch,
  };
}

export const CHOICES: PlanChoices = {
  configure: true,
  components: ['async-server'],
  database: { mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial' },
};

/** A second instance of the same partition uses the message database the first created (one per partition). */
export const SHARED_DATABASE: PlanChoices = { ...CHOICES, database: { ...CHOICES.database, mode: 'existing' } };

/** The services IIS and WCF activation need, stopped, and the port sharing service disabled (as Windows ships it). */
export const STOPPED_SERVICES = {
  W3SVC: { startMode: 'Automatic', running: false },
  WAS: { startMode: 'Manual', running: false },
  NetTcpActivator: { startMode: 'Manual', running: false },
  NetTcpPortSharing: { startMode: 'Disabled', running: false },
};

/** A fresh rehearsal machine; `faults` (and `services`) are written into a copy of the default scenario. */
export async function rehearsal(faults: { operation: string; message?: string }[] = [], services?: Record<string, unknown>) {
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-install-'));
  const file = defaultScenarioCopy((s) => {
    s.faults = faults;
    if (services) s.services = services;
  }, sandbox);
  const host = new RehearsalHost(loadScenario(file), path.join(sandbox, 'machine'));
  const supportDir = await new SupportFiles(host).realDir();
  return { host, supportDir, sandbox: path.join(sandbox, 'machine') };
}

export type Rehearsal = Awaited<ReturnType<typeof rehearsal>>;

/** The one install service, on a machine. */
export function serviceOn(env: { host: Host; supportDir: string }): InstallService {
  return new InstallService({ host: env.host, supportDir: env.supportDir, toolVersion: 'test' });
}

/** Installs `settings` through the service (prerequisite gate included), with the canary as AppPoolUser's password. */
export function install(env: { host: Host; supportDir: string }, settings = goodSettings(), options: Partial<InstallOptions> = {}, choices = CHOICES) {
  return serviceOn(env).install({ settings, choices }, { secrets: { appPoolPassword: CANARY }, ...options });
}

/**
 * The machine as a map path → sha256: every file under drives/ except the support files folder (its log and journal
 * are meant to stay), every state file but the Application log (a record of the runs, which only grows, as on
 * Windows: eventsOf reads it), and the instance registry.
 */
export function snapshot(sandbox: string, supportDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const eventLog = path.join(sandbox, 'state', 'eventlog.json');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === supportDir || full === eventLog) continue;
      if (entry.isDirectory()) {
        out[`${path.relative(sandbox, full)}/`] = 'dir';
        walk(full);
      } else out[path.relative(sandbox, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(sandbox);
  const registry = path.join(supportDir, 'instances.json');
  out['<registry>'] = existsSync(registry) ? createHash('sha256').update(readFileSync(registry)).digest('hex') : 'none';
  return out;
}

export function allFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(root);
  return files;
}

/** The rehearsal's Application log, oldest first. */
export function eventsOf(sandbox: string): { source: string; entryType: string; eventId: number; message: string }[] {
  const file = path.join(sandbox, 'state', 'eventlog.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).Application : [];
}
