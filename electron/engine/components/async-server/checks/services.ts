import type { ServiceState } from '../../../hosts/machine/machine';
import { desiredService, neededServices, type NeededService } from '../../../plan/operations/services';
import { error, passed, warning, WINDOWS_HOSTS } from '../../../prerequisites/check';
import { filesOnly, type AsyncServerCheck } from './async-server-check';

/**
 * The services IIS and WCF activation run on: installed, which Setup cannot fix, and otherwise running with a start
 * mode that survives a restart, which Setup sees to (a disabled one is named: someone may have disabled it on purpose).
 */
export const servicesCheck: AsyncServerCheck = {
  id: 'services',
  title: 'IIS and WCF activation services',
  components: ['async-server'],
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const skip = filesOnly(ctx);
    if (skip) return skip;
    const needs = neededServices(ctx.expanded.WebSiteTcpPort);
    const found = await Promise.all(needs.map(async (need) => ({ need, state: await ctx.host.machine.readService(need.name) })));
    const label = (n: NeededService) => `${n.displayName} (${n.name})`;
    const missing = found.filter((f) => f.state === null).map((f) => f.need);
    if (missing.length > 0) {
      return error(
        missing.map((n) => `The ${label(n)} is not installed; ${n.why}.`).join(' '),
        `Install the role ${missing.length === 1 ? 'service' : 'services'} with Add Roles and Features, or in an elevated PowerShell: Install-WindowsFeature ${[...new Set(missing.map((n) => n.feature))].join(', ')}.`,
      );
    }
    const lines = found.map(({ need, state }) => describe(need, state!));
    const disabled = found.filter((f) => f.state!.startMode === 'Disabled').map((f) => f.need);
    if (disabled.length > 0) {
      return warning(
        lines.join(' '),
        `Setup enables and starts ${disabled.map(label).join(' and ')}. If ${disabled.length === 1 ? 'it was' : 'they were'} disabled on purpose, find out why before installing.`,
      );
    }
    return passed(lines.join(' '));
  },
};

function describe(need: NeededService, state: ServiceState): string {
  const desired = desiredService(need, state);
  const now = `${need.name} is ${state.running ? 'running' : 'stopped'} (start mode ${state.startMode})`;
  if (state.running && desired.startMode === state.startMode) return `${now}.`;
  const actions = [desired.startMode !== state.startMode ? `sets it to ${desired.startMode}` : '', state.running ? '' : 'starts it'].filter(Boolean).join(' and ');
  return `${now}: Setup ${actions}.`;
}
