import type { ServiceStartMode, ServiceState } from '../../hosts/machine/machine';
import type { Operation, UndoKind } from '../operation';

/** A Windows service the web application needs running, and the start modes that keep it so after a restart. */
export interface NeededService {
  name: string;
  displayName: string;
  why: string;
  /** Acceptable start modes; the first is what Setup sets when the service has another. */
  startModes: ServiceStartMode[];
  /** The role service (Windows feature) that installs it. */
  feature: string;
}

/**
 * W3SVC and NetTcpActivator start with Windows; WAS and NetTcpPortSharing are Manual on a stock server and are started
 * by the services that depend on them, so Manual is left as it is. Listed in the order they start.
 */
const SERVICES: NeededService[] = [
  { name: 'WAS', displayName: 'Windows Process Activation Service', why: 'it starts the application pool', startModes: ['Manual', 'Automatic'], feature: 'WAS-Process-Model' },
  { name: 'W3SVC', displayName: 'World Wide Web Publishing Service', why: 'it serves HTTPS', startModes: ['Automatic'], feature: 'Web-Server' },
  { name: 'NetTcpPortSharing', displayName: 'Net.Tcp Port Sharing Service', why: 'net.tcp shares the TCP port through it', startModes: ['Manual', 'Automatic'], feature: 'NET-WCF-TCP-PortSharing45' },
  { name: 'NetTcpActivator', displayName: 'Net.Tcp Listener Adapter', why: 'it receives net.tcp requests', startModes: ['Automatic'], feature: 'NET-WCF-TCP-Activation45' },
];

/** The services a configuration needs: the net.tcp ones only with a TCP port. */
export function neededServices(tcpPort: string): NeededService[] {
  return tcpPort.trim() === '' ? SERVICES.slice(0, 2) : SERVICES;
}

export function desiredService(need: NeededService, current: ServiceState): ServiceState {
  return { name: current.name, startMode: need.startModes.includes(current.startMode) ? current.startMode : need.startModes[0], running: true };
}

/**
 * Makes sure a service runs and starts again after a restart. Setup never installs or removes a service: one that is
 * missing fails with the role service to add. Undo puts back its start mode and its state (a service that was stopped
 * is stopped again).
 */
export function serviceOperation(need: NeededService): Operation {
  const label = `${need.displayName} (${need.name})`;
  return {
    id: `service:${need.name}`,
    kind: 'service',
    target: { name: need.name },
    description: `Make sure the ${label} runs and starts with Windows: ${need.why}`,
    details: { name: need.name, displayName: need.displayName, startModes: need.startModes.join(' or ') },
    async isDone(ctx) {
      const current = await ctx.host.machine.readService(need.name);
      return current !== null && current.running && need.startModes.includes(current.startMode);
    },
    async prepare(ctx) {
      return { previous: (await ctx.host.machine.readService(need.name)) as unknown as Record<string, unknown> | null };
    },
    async apply(ctx) {
      const previous = await ctx.host.machine.readService(need.name);
      if (!previous) throw new Error(`The ${label} is not installed; ${need.why}. Install the role service ${need.feature} (Install-WindowsFeature ${need.feature}).`);
      const desired = desiredService(need, previous);
      await ctx.host.machine.writeService(desired);
      ctx.log('info', `${need.name}: start mode ${previous.startMode} → ${desired.startMode}, ${previous.running ? 'running' : 'stopped'} → running.`);
      return { previous: previous as unknown as Record<string, unknown> };
    },
  };
}

/** Puts back the service's start mode and state as they were (a service that was stopped is stopped again). */
export const serviceUndo: UndoKind = {
  kind: 'service',
  async undo(ctx, _target, before) {
    const previous = (before?.previous ?? null) as ServiceState | null;
    if (previous) await ctx.host.machine.writeService(previous);
  },
};
