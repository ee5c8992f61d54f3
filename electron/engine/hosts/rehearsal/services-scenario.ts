import { z } from 'zod';
import { describeZodError } from '../../../../shared/contract/describe-error';
import type { ServiceState } from '../machine/machine';
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

/** The services as the scenario starts them, keyed by lower-case name (service names are case-insensitive). */
export function scenarioServices(file: string, raw: unknown): Map<string, ServiceState> {
  const parsed = z.record(z.string(), ServiceEntry).safeParse(raw ?? {});
  if (!parsed.success) throw new ScenarioError(file, `has an invalid "services" section: ${describeZodError(parsed.error)}`);
  const services = new Map<string, ServiceState>();
  for (const [name, state] of Object.entries({ ...HEALTHY_SERVICES, ...parsed.data })) {
    if (state) services.set(name.toLowerCase(), { name, ...state });
  }
  return services;
}
