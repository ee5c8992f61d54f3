import { z } from 'zod';
import { describeZodError } from '../../../../shared/contract/describe-error';
import type { InstalledService, ServiceState } from '../machine/machine';
import { ScenarioError } from './scenario';

/**
 * The scenario's `services` section: each Windows service by its short name, with its start mode and whether it runs.
 * A service the section leaves out is as on a healthy Windows Server 2012 R2 with IIS and WCF TCP activation
 * (below); one given as `null` is not installed.
 */
const ServiceEntry = z.strictObject({ startMode: z.enum(['Automatic', 'Manual', 'Disabled']), running: z.boolean() }).nullable();

export const HEALTHY_SERVICES: Record<string, Omit<ServiceState, 'name'>> = {
  W3SVC: { startMode: 'Automatic', running: true },
  WAS: { startMode: 'Manual', running: true },
  NetTcpActivator: { startMode: 'Automatic', running: true },
  NetTcpPortSharing: { startMode: 'Manual', running: true },
};

/** How Windows configures its own services, for the rehearsal's Service Control Manager (sc.exe qc on 2012 R2). */
const WINDOWS_CONFIG: Record<string, Pick<InstalledService, 'displayName' | 'binaryPath' | 'account'>> = {
  w3svc: { displayName: 'World Wide Web Publishing Service', binaryPath: 'C:\\Windows\\system32\\svchost.exe -k iissvcs', account: 'LocalSystem' },
  was: { displayName: 'Windows Process Activation Service', binaryPath: 'C:\\Windows\\system32\\svchost.exe -k iissvcs', account: 'LocalSystem' },
  nettcpactivator: { displayName: 'Net.Tcp Listener Adapter', binaryPath: 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\SMSvcHost.exe', account: 'NT AUTHORITY\\LocalService' },
  nettcpportsharing: { displayName: 'Net.Tcp Port Sharing Service', binaryPath: 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\SMSvcHost.exe', account: 'NT AUTHORITY\\LocalService' },
};

/**
 * The services as the scenario starts them, keyed by lower-case name (service names are case-insensitive), as the
 * Service Control Manager keeps them: a service the table above does not know runs in svchost as LocalSystem.
 */
export function scenarioServices(file: string, raw: unknown): Map<string, InstalledService> {
  const parsed = z.record(z.string(), ServiceEntry).safeParse(raw ?? {});
  if (!parsed.success) throw new ScenarioError(file, `has an invalid "services" section: ${describeZodError(parsed.error)}`);
  const services = new Map<string, InstalledService>();
  for (const [name, state] of Object.entries({ ...HEALTHY_SERVICES, ...parsed.data })) {
    if (!state) continue;
    const config = WINDOWS_CONFIG[name.toLowerCase()] ?? { displayName: name, binaryPath: 'C:\\Windows\\system32\\svchost.exe -k netsvcs', account: 'LocalSystem' };
    services.set(name.toLowerCase(), {
      name,
      ...config,
      startType: state.startMode,
      recovery: { restart: true, restartDelaySeconds: 120, resetSeconds: 86400 },
      status: state.running ? 'Running' : 'Stopped',
    });
  }
  return services;
}
